// The wasm engine wrapper: loads the wasm-bindgen glue, compiles the module once, loads the
// entity models and analyses text. Runs in the worker (worker.js) or, as a fallback, on the
// main thread. Every method is async and every failure is a plain JS `Error`.
//
// The wasm build aborts on panic (a WebAssembly.RuntimeError) and leaves its instance
// unusable. The glue module keeps its instance in module state and never re-initialises, so a
// fresh instance needs a fresh copy of the glue: the same URL with another query string is
// another module record. One spare copy is imported up front, so recovering from a panic needs
// no network.

const CSP_HINT =
  "WebAssembly is blocked by this page's Content-Security-Policy. " +
  "Add 'wasm-unsafe-eval' to script-src (script-src 'self' 'wasm-unsafe-eval') to enable article-lens.";

/** True when `error` is the browser refusing to compile wasm because of the page's CSP. */
export function isCspError(error) {
  const message = String(error && error.message ? error.message : error);
  return /Content Security Policy|unsafe-eval|CSP/i.test(message);
}

function toError(error, prefix = "") {
  if (error instanceof Error && !prefix) return error;
  const message = error && typeof error.message === "string" ? error.message : String(error);
  return new Error(prefix + message, error && error.cause ? { cause: error.cause } : undefined);
}

const BASELINE_WASM = "article_lens_bg.wasm";
const SIMD_WASM = "article_lens_simd_bg.wasm";

/**
 * A minimal module using wasm SIMD: one function of type `() -> v128` whose body is
 * `v128.const 0`. `WebAssembly.validate` accepts it only where the engine has SIMD.
 */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: one type, no parameters, one v128 result
  0x03, 0x02, 0x01, 0x00, // function section: one function, of type 0
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array(16).fill(0), 0x0b, // code: v128.const 0, end
]);

/**
 * The module file for this browser: the SIMD build (faster) where wasm SIMD validates, the
 * baseline build elsewhere. Both work with the same glue (scripts/build-wasm.sh checks).
 */
export function wasmFileName() {
  let simd = false;
  try {
    simd = WebAssembly.validate(SIMD_PROBE);
  } catch {
    /* no WebAssembly at all: the baseline's fetch reports it */
  }
  return simd ? SIMD_WASM : BASELINE_WASM;
}

async function compileWasm(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot fetch ${url}: HTTP ${response.status}`);
  if (typeof WebAssembly.compileStreaming === "function") {
    try {
      return await WebAssembly.compileStreaming(response.clone());
    } catch (error) {
      // A server sending another MIME type: compile from bytes. CSP errors are final.
      if (isCspError(error) || !(error instanceof TypeError)) throw error;
    }
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Compiles the module chosen by `wasmFileName`. Should the SIMD build fail to fetch or compile
 * (a server or cache missing that file, an engine whose SIMD support is partial), the
 * baseline build is tried before giving up; CSP refusals apply to both, so they are final.
 */
async function compileEngineModule(base) {
  const name = wasmFileName();
  try {
    return await compileWasm(new URL(name, base));
  } catch (error) {
    if (name === BASELINE_WASM || isCspError(error)) throw error;
    console.warn(`article-lens: ${name} did not load (${error && error.message}); using ${BASELINE_WASM}`);
    try {
      return await compileWasm(new URL(BASELINE_WASM, base));
    } catch (baselineError) {
      if (isCspError(baselineError)) throw baselineError;
      throw new Error(toError(baselineError).message, { cause: error });
    }
  }
}

async function fetchModel(url) {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length ? bytes : null; // an empty file is a model still being trained
  } catch {
    return null; // no model: the engine still runs with its rules
  }
}

export class Engine {
  /**
   * @param {string|URL} pkgUrl  folder holding article_lens.js, the wasm modules, models/
   * @param {{models?: string[]}} [options]  model languages to prefetch (default fr + en)
   */
  static async create(pkgUrl, { models = ["fr", "en"] } = {}) {
    const base = new URL(pkgUrl, typeof location === "undefined" ? undefined : location.href);
    const engine = new Engine(base);
    const modelBytes = Promise.all(models.map((lang) => fetchModel(new URL(`models/ner-${lang}.bin`, base))));
    try {
      const [module, glue, spare] = await Promise.all([
        compileEngineModule(base),
        engine.#importGlue(),
        engine.#importGlue(),
      ]);
      engine.#module = module;
      engine.#spare = spare;
      await engine.#instantiate(glue);
    } catch (error) {
      if (isCspError(error)) throw Object.assign(new Error(`article-lens: ${CSP_HINT}`), { code: "csp" });
      throw toError(error, "article-lens: cannot start the WebAssembly engine: ");
    }
    for (const bytes of await modelBytes) {
      if (!bytes) continue;
      try {
        await engine.loadModel(bytes);
      } catch (error) {
        console.warn(`article-lens: ignoring a model that does not load: ${error.message}`);
      }
    }
    return engine;
  }

  #base;
  #module = null;
  #glue = null;
  #spare = null;
  #lens = null;
  // Language → bytes of the models loaded so far, replayed into a fresh instance; also what
  // modelLanguages() lists (kept here rather than asked of the module: a list returned by
  // wasm-bindgen costs the module 1.8 KB of glue code).
  #models = new Map();
  #generation = 0;
  #recovering = null;

  constructor(base) {
    this.#base = base;
  }

  #importGlue() {
    const url = new URL("article_lens.js", this.#base);
    url.searchParams.set("instance", String(this.#generation++));
    return import(url.href);
  }

  async #instantiate(glue) {
    await glue.default({ module_or_path: this.#module });
    this.#glue = glue;
    this.#lens = new glue.ArticleLens();
    for (const [lang, bytes] of this.#models) {
      try {
        this.#lens.loadModel(bytes);
      } catch {
        // Not listed any more: modelLanguages() tells what the instance really has.
        this.#models.delete(lang);
      }
    }
  }

  /** After an abort: swap in the spare glue copy, replay the models, import a new spare. */
  async #recover() {
    const spare = this.#spare ?? (await this.#importGlue());
    this.#spare = null;
    this.#lens = null;
    await this.#instantiate(spare);
    this.#importGlue().then(
      (glue) => (this.#spare = glue),
      () => {}
    );
  }

  /** Runs `fn` against the live instance, turning a wasm abort into an Error. */
  async #call(what, fn) {
    if (this.#recovering) await this.#recovering;
    if (!this.#lens) throw new Error("article-lens: the engine is not available");
    try {
      return fn(this.#lens, this.#glue);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        let panic = "";
        try {
          panic = this.#glue.lastPanicMessage();
        } catch {
          /* the dead instance may not even answer that */
        }
        this.#recovering = this.#recover().finally(() => (this.#recovering = null));
        try {
          await this.#recovering;
        } catch (recoverError) {
          console.error("article-lens: cannot restart the engine:", recoverError);
        }
        throw new Error(`article-lens: the engine crashed during ${what}: ${panic || error.message}`);
      }
      throw toError(error);
    }
  }

  /** Loads an entity model; resolves to its language code. Rejects with an Error on bad bytes. */
  async loadModel(bytes) {
    if (!(bytes instanceof Uint8Array)) {
      if (bytes instanceof ArrayBuffer) bytes = new Uint8Array(bytes);
      else throw new Error("article-lens: loadModel expects a Uint8Array");
    }
    const lang = await this.#call("loadModel", (lens) => lens.loadModel(bytes));
    // A copy (the caller may reuse its buffer), replayed after a restart; a second model of one
    // language replaces the first, as in the engine.
    this.#models.set(lang, bytes.slice());
    return lang;
  }

  async analyze(text) {
    if (typeof text !== "string") throw new Error("article-lens: analyze expects a string");
    return this.#call("analyze", (lens) => lens.analyze(text));
  }

  async detectLanguage(text) {
    return this.#call("detectLanguage", (_lens, glue) => glue.detectLanguage(String(text)));
  }

  /** Language codes of the loaded models, in the order they were first loaded. */
  async modelLanguages() {
    return this.#call("modelLanguages", () => [...this.#models.keys()]);
  }
}
