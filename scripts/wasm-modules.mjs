// The two wasm modules scripts/build-wasm.sh writes into www/pkg: the baseline one and the SIMD
// one (www/lib/engine.js picks between them in the browser and names them the same way).
import { existsSync } from "node:fs";
import { join } from "node:path";

export const WASM_MODULES = ["article_lens_bg.wasm", "article_lens_simd_bg.wasm"];

/** The modules missing from the folder `pkgDir` (empty when both are there). */
export function missingWasmModules(pkgDir) {
  return WASM_MODULES.filter((module) => !existsSync(join(pkgDir, module)));
}
