// A stand-in for the wasm-bindgen glue (pkg/article_lens.js), served through page.route(), to
// test what the real engine rarely does: abort (a WebAssembly.RuntimeError, as a panic does in
// the panic=abort build), and attribute quotes to speakers with colours. Each import of the
// module (another ?instance=N) is a fresh "instance", as with the real glue.
export const FAKE_GLUE = String.raw`
let dead = false;
let started = false;
export default async function init(options) {
  if (!options || !(options.module_or_path instanceof WebAssembly.Module)) throw new Error("expected a compiled module");
  started = true;
  globalThis.__fakeInits = (globalThis.__fakeInits || 0) + 1;
}
export function lastPanicMessage() { return dead ? "panicked at src/quotes/mod.rs:12:5: fake panic for the test" : ""; }
export function detectLanguage() { return "fr"; }
const NAME = /\b\p{Lu}[\p{Ll}’-]+(?: \p{Lu}[\p{Ll}’-]+)+/gu;
export class ArticleLens {
  constructor() { if (!started) throw new Error("not initialised"); }
  // The language byte of a real model file (after the magic and the version): 1 fr, 2 en.
  loadModel(bytes) { if (bytes.length < 16) throw new Error("not an article-lens model"); return bytes[6] === 2 ? "en" : "fr"; }
  analyze(text) {
    if (dead) throw new WebAssembly.RuntimeError("unreachable");
    if (text.includes("PANIC")) { dead = true; throw new WebAssembly.RuntimeError("unreachable"); }
    const entities = new Map();
    for (const m of text.matchAll(NAME)) {
      if (!entities.has(m[0])) entities.set(m[0], { id: entities.size, name: m[0], type: "PER", role: null, mentions: [] });
      entities.get(m[0]).mentions.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    }
    const quotes = [];
    for (const m of text.matchAll(/«\s*([^«»]+?)\s*»/g)) {
      const start = m.index + m[0].indexOf(m[1]);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 120).split(/[.!?]/)[0];
      NAME.lastIndex = 0;
      const who = [...after.matchAll(NAME)][0];
      const cue = /a déclaré|a dénoncé|a précisé|a rappelé|explique/.exec(after);
      const base = m.index + m[0].length;
      quotes.push({
        text: m[1], start, end: start + m[1].length, kind: "direct",
        speaker: who ? { text: who[0], start: base + who.index, end: base + who.index + who[0].length, entity: entities.get(who[0]).id } : null,
        cue: cue ? { text: cue[0], start: base + cue.index, end: base + cue.index + cue[0].length } : null,
      });
    }
    return { language: "fr", quotes, entities: [...entities.values()] };
  }
}
`;

/** Serves FAKE_GLUE instead of the real glue for `page` (wasm and models stay real). */
export function useFakeGlue(page) {
  return page.route(/\/pkg\/article_lens\.js(\?.*)?$/, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: FAKE_GLUE })
  );
}
