// One engine per page and pkg/ location, shared by every lens: in a module worker when the
// browser allows it, otherwise on the main thread. Methods always return promises.
import { Engine, isCspError } from "./engine.js";

const engines = new Map(); // key -> Promise<EngineClient>

class WorkerClient {
  mode = "worker";
  #worker;
  #next = 1;
  #pending = new Map();

  constructor(worker) {
    this.#worker = worker;
    worker.onmessage = ({ data }) => {
      const pending = this.#pending.get(data.id);
      if (!pending) return;
      this.#pending.delete(data.id);
      if (data.ok) pending.resolve(data.value);
      else pending.reject(Object.assign(new Error(data.error.message), data.error.code ? { code: data.error.code } : {}));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      const error = new Error(`article-lens: the analysis worker failed: ${event.message || "unknown error"}`);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
  }

  call(op, args = {}, transfer = []) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, op, ...args }, transfer);
    });
  }

  analyze(text) {
    return this.call("analyze", { text: String(text) });
  }
  loadModel(bytes) {
    if (bytes instanceof ArrayBuffer) bytes = new Uint8Array(bytes);
    if (!(bytes instanceof Uint8Array)) return Promise.reject(new Error("article-lens: loadModel expects a Uint8Array"));
    return this.call("loadModel", { bytes: bytes.slice() });
  }
  detectLanguage(text) {
    return this.call("detectLanguage", { text: String(text) });
  }
  modelLanguages() {
    return this.call("modelLanguages");
  }
  terminate() {
    this.#worker.terminate();
  }
}

class MainThreadClient {
  mode = "main";
  #engine;
  constructor(engine) {
    this.#engine = engine;
  }
  analyze(text) {
    return this.#engine.analyze(String(text));
  }
  loadModel(bytes) {
    return this.#engine.loadModel(bytes);
  }
  detectLanguage(text) {
    return this.#engine.detectLanguage(String(text));
  }
  modelLanguages() {
    return this.#engine.modelLanguages();
  }
  terminate() {}
}

/** `workerUrl`: where worker.js is; the caller knows (this module may be bundled into it). */
async function startWorker(pkgUrl, models, workerUrl) {
  const worker = new Worker(workerUrl, { type: "module", name: "article-lens" });
  const client = new WorkerClient(worker);
  try {
    await client.call("init", { pkgUrl: String(pkgUrl), models });
    return client;
  } catch (error) {
    worker.terminate();
    throw error;
  }
}

async function start(pkgUrl, { worker = true, models = ["fr", "en"], workerUrl } = {}) {
  if (worker && typeof Worker === "function") {
    try {
      return await startWorker(pkgUrl, models, workerUrl);
    } catch (error) {
      // The page's policy also applies to the main thread: no point trying again there.
      if (error.code === "csp" || isCspError(error)) throw error;
      console.info(`article-lens: analysing on the main thread (${error.message})`);
    }
  }
  return new MainThreadClient(await Engine.create(pkgUrl, { models }));
}

/** The shared engine for `pkgUrl`; a failed start is reported once and retried on next call. */
export function getEngine(pkgUrl, options = {}) {
  const key = `${pkgUrl}|${options.worker === false ? "main" : "worker"}`;
  let promise = engines.get(key);
  if (!promise) {
    promise = start(pkgUrl, options);
    engines.set(key, promise);
    promise.catch((error) => {
      engines.delete(key);
      console.error(error.message || error);
      try {
        error.logged = true;
      } catch {
        /* frozen */
      }
    });
  }
  return promise;
}
