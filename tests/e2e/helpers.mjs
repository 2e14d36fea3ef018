// Shared set-up for the end-to-end tests: a static server on a free port and a headless
// Chromium (Debian's, never a downloaded one) with a fresh temporary profile.
import { mkdtemp, rm, mkdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";
import { missingWasmModules } from "../../scripts/wasm-modules.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const ARTIFACTS = join(ROOT, "test-artifacts");
export const SEED_ARTICLE = join(ROOT, "..", "shared", "eval", "dev", "fr-geneva-talks.txt");

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Starts a server and a browser; `close()` stops both and removes the profile. `clipboard`
 * lets the pages read and write the clipboard.
 */
export async function setup({ headers, colorScheme = "light", viewport = { width: 1280, height: 900 }, clipboard = false } = {}) {
  const missing = missingWasmModules(join(ROOT, "www", "pkg"));
  if (missing.length) throw new Error(`www/pkg lacks ${missing.join(" and ")}: run \`bash scripts/build-wasm.sh\` before the e2e tests`);
  const server = await serve({ port: 0, ...(headers ? { headers } : {}) });
  const profile = await mkdtemp(join(tmpdir(), "article-lens-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ARGS,
    headless: true,
    colorScheme,
    viewport,
  });
  if (clipboard) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  return {
    url: server.url,
    context,
    async close() {
      await context.close().catch(() => {});
      await server.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** A page that records console messages and uncaught errors. */
export async function newPage(context) {
  const page = await context.newPage();
  const log = { console: [], errors: [] };
  page.on("console", (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => log.errors.push(e));
  return { page, log };
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export const seedArticle = () => readFile(SEED_ARTICLE, "utf8");
