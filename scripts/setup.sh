#!/usr/bin/env bash
# Installs what the build and tests need, only where it is missing (safe to run every time):
#   - the wasm32-unknown-unknown Rust target;
#   - the wasm-bindgen CLI at exactly the version Cargo.toml pins;
#   - npm dev dependencies (binaryen's wasm-opt, esbuild, playwright-core);
#   - with --browser: Chromium for the end-to-end tests (Debian's package; or set CHROME_PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (found '${have:-none}'); this takes a few minutes once"
  # No --locked: the CLI's lockfile names a crate version the registry mirror here lacks.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  if [ -n "${CHROME_PATH:-}" ]; then
    [ -x "$CHROME_PATH" ] || { echo "setup: CHROME_PATH=$CHROME_PATH is not an executable" >&2; exit 1; }
  elif [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "setup: installing Debian's chromium for the browser tests"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
    else
      echo "setup: no Chromium found. Install Debian's 'chromium' package, or set CHROME_PATH to a Chrome/Chromium binary." >&2
      exit 1
    fi
  fi
fi
