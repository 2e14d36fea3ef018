// Fails when a built artefact exceeds its gzipped size budget (run after scripts/build-wasm.sh).
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";

const KB = 1024;
const budgets = [
  // Core: wasm + JS glue + the widget, together.
  {
    name: "core (wasm + JS)",
    files: [
      "www/pkg/article_lens_bg.wasm",
      "www/pkg/article_lens.js",
      "www/article-lens.js",
      "www/worker.js",
      ...readdirSync("www/lib").filter((f) => f.endsWith(".js")).map((f) => `www/lib/${f}`),
    ],
    limit: 150 * KB,
  },
  ...readdirSync("www/pkg/models", { withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith(".bin"))
    .map((f) => ({ name: `model ${f.name}`, files: [`www/pkg/models/${f.name}`], limit: 600 * KB })),
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
