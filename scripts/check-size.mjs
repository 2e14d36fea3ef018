// Fails when a built artefact exceeds its gzipped size budget (run after scripts/build-wasm.sh,
// which also writes www/dist, the minified tree a publisher deploys; see scripts/build-dist.mjs).
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";

const KB = 1024;
const budgets = [
  // Core: wasm + JS glue + the widget, together, as deployed (www/dist: bundled, minified scripts).
  {
    name: "core (wasm + JS)",
    files: [
      "www/dist/pkg/article_lens_bg.wasm",
      "www/dist/pkg/article_lens.js",
      "www/dist/article-lens.js",
      "www/dist/worker.js",
    ],
    limit: 150 * KB,
  },
  ...readdirSync("www/dist/pkg/models", { withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith(".bin"))
    .map((f) => ({ name: `model ${f.name}`, files: [`www/dist/pkg/models/${f.name}`], limit: 600 * KB })),
];

let failed = false;
for (const b of budgets) {
  const present = b.files.filter(existsSync);
  const gz = present.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  const ok = gz <= b.limit;
  failed ||= !ok;
  console.log(`${ok ? "ok  " : "OVER"} ${b.name}: ${(gz / KB).toFixed(1)} KB gzipped (budget ${b.limit / KB} KB)`);
}
if (failed) {
  console.error("size budget exceeded");
  process.exit(1);
}
