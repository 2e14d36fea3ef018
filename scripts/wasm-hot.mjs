// Prints the rustc flags that exempt the hot functions of a wasm module from size optimisation.
//
//   node scripts/wasm-hot.mjs RAW.wasm PATTERN...
//
// RAW.wasm is rustc's output (before wasm-bindgen) for the same crate and profile; any
// optimisation level will do (scripts/build-wasm.sh uses a quick unoptimised build, in which
// nothing is inlined away). Its "name" section has the mangled symbol names; each function
// under one of the PATTERNs (`article_lens::ner::run_pass`, closures included) gets
// `-force-remove-attribute=SYMBOL:minsize` and `:optsize`, so that LLVM optimises it for speed.
// Symbol hashes depend on the crate's metadata (profile, toolchain), not on these flags, which is
// why they are read back from a first build instead of being written down.
import { readFileSync } from "node:fs";

const [file, ...patterns] = process.argv.slice(2);
const bytes = readFileSync(file);

function leb(state) {
  let result = 0, shift = 0, b;
  do {
    b = bytes[state.pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return result;
}

/** Function names from the "name" custom section (subsection 1). */
function functionNames() {
  const names = [];
  const s = { pos: 8 };
  while (s.pos < bytes.length) {
    const id = bytes[s.pos++];
    const size = leb(s);
    const end = s.pos + size;
    if (id === 0) {
      const len = leb(s);
      const name = bytes.toString("utf8", s.pos, s.pos + len);
      s.pos += len;
      if (name === "name") {
        while (s.pos < end) {
          const sub = bytes[s.pos++];
          const subSize = leb(s);
          const subEnd = s.pos + subSize;
          if (sub === 1) {
            const count = leb(s);
            for (let i = 0; i < count; i++) {
              leb(s);
              const n = leb(s);
              names.push(bytes.toString("utf8", s.pos, s.pos + n));
              s.pos += n;
            }
          }
          s.pos = subEnd;
        }
      }
    }
    s.pos = end;
  }
  return names;
}

/**
 * Whether `sym` names a function under `pattern` (`article_lens::ner::run_pass`): the pattern's
 * identifiers, length-prefixed as both manglings write them (`12article_lens3ner8run_pass`),
 * appear in the symbol in order, each after a non-digit. Legacy symbols (`_ZN…17h…E`) are our
 * crate's; the standard library's are v0 (`_RNv…`), with tags between the identifiers.
 */
function matches(sym, pattern) {
  let from = 0;
  for (const id of pattern.split("::")) {
    const token = `${id.length}${id}`;
    let at = sym.indexOf(token, from);
    while (at > 0 && sym[at - 1] >= "0" && sym[at - 1] <= "9") at = sym.indexOf(token, at + 1);
    if (at < 0) return false;
    from = at + token.length;
  }
  return true;
}

const flags = [];
const found = new Set();
for (const sym of functionNames()) {
  const hit = patterns.find((p) => matches(sym, p));
  if (!hit) continue;
  found.add(hit);
  for (const attr of ["minsize", "optsize"]) flags.push(`-Cllvm-args=-force-remove-attribute=${sym}:${attr}`);
}
for (const p of patterns.filter((p) => !found.has(p))) {
  console.error(`wasm-hot: no function ${p} in ${file}; it stays size-optimised`);
}
console.log(flags.join(" "));
