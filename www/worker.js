// article-lens analysis worker (module worker): owns the wasm engine so that analysing an
// article never blocks the page. Protocol: {id, op, ...args} -> {id, ok, value} | {id, ok: false, error}.
import { Engine } from "./lib/engine.js";

let engine = null;

const ops = {
  async init({ pkgUrl, models }) {
    engine = await Engine.create(pkgUrl, { models });
    return { models: await engine.modelLanguages() };
  },
  analyze: ({ text }) => engine.analyze(text),
  loadModel: ({ bytes }) => engine.loadModel(bytes),
  detectLanguage: ({ text }) => engine.detectLanguage(text),
  modelLanguages: () => engine.modelLanguages(),
};

self.onmessage = async ({ data }) => {
  const { id, op } = data;
  try {
    if (!ops[op]) throw new Error(`article-lens worker: unknown operation ${op}`);
    if (op !== "init" && !engine) throw new Error("article-lens worker: not initialised");
    const value = await ops[op](data);
    self.postMessage({ id, ok: true, value });
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      error: { message: String(error?.message ?? error), code: error?.code ?? null },
    });
  }
};
