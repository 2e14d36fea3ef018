// Runs N analyses of one article in node with a built wasm module, and nothing else: the
// program bench/wasm-instructions.sh counts instructions of (at two values of N).
//
//   node bench/wasm-analyses.mjs PKG_DIR MODULE ARTICLE N
//
// PKG_DIR is a wasm-bindgen output folder with its models (www/pkg); MODULE one of its wasm
// files (article_lens_simd_bg.wasm); ARTICLE a text file, analysed with its language's model.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pkg, module, article, n] = process.argv.slice(2);
if (!pkg || !module || !article || !(Number.isInteger(Number(n)) && Number(n) >= 0)) {
  console.error("usage: node bench/wasm-analyses.mjs PKG_DIR MODULE ARTICLE N");
  process.exit(2);
}
const glue = await import(pathToFileURL(resolve(pkg, "article_lens.js")).href);
await glue.default({ module_or_path: readFileSync(join(pkg, module)) });
const lens = new glue.ArticleLens();
const text = readFileSync(article, "utf8");
const language = glue.detectLanguage(text);
lens.loadModel(readFileSync(join(pkg, "models", `ner-${language}.bin`)));
for (let i = 0; i < Number(n); i++) lens.analyze(text);
