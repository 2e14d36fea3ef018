// Fails when a built artefact exceeds its gzipped size budget (run after scripts/build-wasm.sh,
// which also writes www/dist, the minified tree a publisher deploys; see scripts/build-dist.mjs).
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";

const KB = 1024;
const scripts = ["www/dist/pkg/article_lens.js", "www/dist/article-lens.js", "www/dist/worker.js"];
const budgets = [
  // Core: wasm + JS glue + the widget, together, as deployed (www/dist: bundled, minified scripts).
  // A browser downloads one of the two modules (www/lib/engine.js picks): each must fit.
  { name: "core (wasm + JS)", files: ["www/dist/pkg/article_lens_bg.wasm", ...scripts], limit: 150 * KB },
  { name: "core, SIMD module (wasm + JS)", files: ["www/dist/pkg/article_lens_simd_bg.wasm", ...scripts], limit: 150 * KB },
  ...readdirSync("www/dist/pkg/models", { withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith(".bin"))
    .map((f) => ({ name: `model ${f.name}`, files: [`www/dist/pkg/models/${f.name}`], limit: 600 * KB })),
];

let failed = false;
for (const b of budgets) {
  const missing = b.files.filter((f) => !existsSync(f));
  if (missing.length) {
    console.log(`MISS ${b.name}: ${missing.join(", ")} not built`);
    failed = true;
    continue;
  }
  const gz = b.files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  const ok = gz <= b.limit;
  failed ||= !ok;
  console.log(`${ok ? "ok  " : "OVER"} ${b.name}: ${(gz / KB).toFixed(1)} KB gzipped (budget ${b.limit / KB} KB)`);
}
// Indexing a `str` (`&text[a..b]`) compiles its panic message into the module, and with it the
// formatting of characters for display and Unicode's printable tables: 4.3 KB gzipped in all.
// The crate slices with `text::sub` instead; this catches a new `&text[..]` that brings it back.
for (const wasm of ["www/dist/pkg/article_lens_bg.wasm", "www/dist/pkg/article_lens_simd_bg.wasm"].filter(existsSync)) {
  if (readFileSync(wasm).includes("is not a char boundary")) {
    console.log(`OVER ${wasm}: a str index panic is compiled in (slice with text::sub, not &text[a..b])`);
    failed = true;
  }
}
if (failed) {
  console.error("size budget exceeded");
  process.exit(1);
}
