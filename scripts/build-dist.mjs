// Writes www/dist/ (generated, not committed): what a publisher deploys, laid out like www/
// (article-lens.js, worker.js, pkg/), so that the URLs the modules compute from
// `import.meta.url` (the worker, the wasm module, the models) still point at their files:
// article-lens.js and worker.js each bundled with the lib/ modules they import and minified by
// esbuild, the wasm-bindgen glue minified on its own (the engine imports it by URL), the wasm
// module and the models copied. The size budget (scripts/check-size.mjs) counts this tree, the
// bytes a reader's browser downloads; www/ itself stays readable source for the demo and tests.
//
//   node scripts/build-dist.mjs        (after scripts/build-wasm.sh has filled www/pkg)
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { missingWasmModules } from "./wasm-modules.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const dist = join(www, "dist");
const missing = missingWasmModules(join(www, "pkg"));
if (missing.length) {
  console.error(`build-dist: www/pkg lacks ${missing.join(" and ")} (run scripts/build-wasm.sh first)`);
  process.exit(1);
}

const bundled = ["article-lens.js", "worker.js"];
const glue = "pkg/article_lens.js";
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "pkg"), { recursive: true });
cpSync(join(www, "pkg"), join(dist, "pkg"), {
  recursive: true,
  filter: (src) => !src.endsWith(".js"),
});
const common = { outdir: dist, outbase: www, format: "esm", minify: true, target: "es2022", legalComments: "none", logLevel: "warning" };
buildSync({ ...common, entryPoints: bundled.map((s) => join(www, s)), bundle: true });
buildSync({ ...common, entryPoints: [join(www, glue)], bundle: false });
console.log(`dist: ${bundled.join(", ")} bundled and minified, ${glue} minified, into www/dist with both wasm modules and the models`);
