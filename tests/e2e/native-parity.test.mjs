// The wasm modules and the native CLI give the same analysis: the wasm builds compile their hot
// functions differently, and the baseline one adds weight rows four tags per 64-bit word
// (src/ner/weights.rs) where the native and SIMD ones use vector instructions. Runs each built
// module in Node on the dev articles and our held-out sets and compares quotes, speakers and
// entities with `article-lens analyze`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { WASM_MODULES } from "../../scripts/wasm-modules.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "target", "release", "article-lens");
const SETS = [join(ROOT, "..", "shared", "eval", "dev"), ...["heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"].map((s) => join(ROOT, "tests", s))];

/** What must agree: quote spans, speakers and their entities, entity names, types, roles. */
const summary = (a) => ({
  language: a.language,
  quotes: a.quotes.map((q) => [q.start, q.end, q.speaker?.start ?? null, q.speaker?.end ?? null, q.speaker?.entity ?? null]),
  entities: a.entities.map((e) => [e.id, e.name, e.type, e.role, e.mentions.map((m) => [m.start, m.end])]),
});

for (const module of WASM_MODULES)
test(`wasm (${module}) and native analyses agree on every article we have`, async (t) => {
  if (!existsSync(CLI)) {
    execFileSync("cargo", ["build", "--release", "--quiet", "--bin", "article-lens"], { cwd: ROOT, stdio: "inherit" });
  }
  const pkg = join(ROOT, "www", "pkg");
  // One copy of the glue per module: the glue keeps its instance in module state.
  const glue = pathToFileURL(join(pkg, "article_lens.js"));
  glue.searchParams.set("module", module);
  const { initSync, ArticleLens } = await import(glue.href);
  initSync({ module: readFileSync(join(pkg, module)) });
  const lens = new ArticleLens();
  for (const lang of ["fr", "en"]) lens.loadModel(readFileSync(join(pkg, "models", `ner-${lang}.bin`)));
  let compared = 0;
  for (const dir of SETS.filter(existsSync)) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
      const path = join(dir, file);
      const wasm = lens.analyze(readFileSync(path, "utf8"));
      const native = JSON.parse(execFileSync(CLI, ["analyze", path], { maxBuffer: 1 << 26 }).toString());
      assert.deepEqual(summary(wasm), summary(native), file);
      compared++;
    }
  }
  t.diagnostic(`${compared} articles compared`);
  assert.ok(compared >= 22, `only ${compared} articles found`);
});
