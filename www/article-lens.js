// article-lens: who said what in a news article, highlighted in place.
//
//   <script type="module" src="/article-lens/article-lens.js"></script>
//   <article-lens for="#story"></article-lens>
//
// or, from a module:
//
//   import { annotate, DEFAULT_SKIP } from "./article-lens.js";
//   const lens = await annotate(document.querySelector("#story"), { skip: `${DEFAULT_SKIP}, .promo` });
//
// (`skip` replaces the default list: extend DEFAULT_SKIP as above to keep it.)
//
// Analysis runs in WebAssembly inside a module worker (main-thread fallback). Highlights use the
// CSS Custom Highlight API (no change to the page's DOM), with an <article-lens-mark> fallback.
// Types: article-lens.d.ts.

import { getEngine } from "./lib/client.js";
import { DEFAULT_SKIP, extractText, htmlToText, isWidgetNode } from "./lib/text-map.js";
import { createPainter, SPEAKER_COLOURS } from "./lib/highlights.js";
import { Panel } from "./lib/panel.js";
import { download, toCsv, toJson } from "./lib/export.js";

export { DEFAULT_SKIP, extractText, htmlToText };

// Beside this file (also once www/dist has bundled lib/ into it).
const PKG_URL = new URL("./pkg/", import.meta.url).href;
const WORKER_URL = new URL("./worker.js", import.meta.url).href;

function engineFor(options = {}) {
  return getEngine(options.pkgUrl ? new URL(options.pkgUrl, location.href).href : PKG_URL, {
    worker: options.worker !== false,
    models: options.models,
    workerUrl: WORKER_URL,
  });
}

/** Analyses a string; resolves to the Analysis (offsets are UTF-16 code units into `text`). */
export async function analyzeText(text, options) {
  const engine = await engineFor(options);
  return engine.analyze(String(text));
}

/** Loads an entity model (bytes of ner-fr.bin / ner-en.bin) into the shared engine. */
export async function loadModel(bytes, options) {
  const engine = await engineFor(options);
  return engine.loadModel(bytes);
}

export async function detectLanguage(text, options) {
  const engine = await engineFor(options);
  return engine.detectLanguage(String(text));
}

/** Starts the engine (wasm + models) without analysing anything yet. */
export async function preload(options) {
  const engine = await engineFor(options);
  return { mode: engine.mode, models: await engine.modelLanguages() };
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
const countWords = (text) => (text.match(WORD) ?? []).length;

const reducedMotion = (win) => !!win.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

/**
 * Annotates a live element: highlights its quotes by speaker and shows the sidebar.
 * Resolves once the first analysis is painted; rejects (after cleaning up) if the engine
 * cannot start, e.g. when the page's CSP blocks WebAssembly.
 */
export async function annotate(element, options = {}) {
  if (!element || element.nodeType !== 1) throw new TypeError("article-lens: annotate() needs an element");
  const lens = new Lens(element, options);
  try {
    await lens.start();
  } catch (error) {
    lens.detach();
    throw error;
  }
  return lens;
}

class Lens extends EventTarget {
  #root;
  #doc;
  #options;
  #painter;
  #panel = null;
  #panelHost = null;
  #ownsPanelHost = false;
  #observer = null;
  #timer = 0;
  #generation = 0;
  #engine = null;
  #map = null;
  #view = null;
  #selectedQuote = null;
  #entityStep = null; // {id, index}
  #detached = false;

  /** The latest analysis, the text it was computed on, and how the page is painted. */
  analysis = null;
  text = "";

  constructor(root, options) {
    super();
    this.#root = root;
    this.#doc = root.ownerDocument;
    this.#options = {
      skip: DEFAULT_SKIP,
      observe: true,
      debounce: 400,
      ...options,
    };
    this.#painter = createPainter(this.#doc, {
      forceMarks: !!this.#options.forceMarks,
      onMutate: (fn) => {
        fn();
        this.#observer?.takeRecords();
      },
    });
    this.highlightMode = this.#painter.mode;
    const panelOption = this.#options.panel;
    if (panelOption !== false) {
      let host = panelOption;
      if (!host) {
        host = this.#doc.createElement("article-lens-panel");
        this.#doc.body.append(host);
        this.#ownsPanelHost = true;
      }
      this.#panelHost = host;
      this.#panel = new Panel(host, this, {
        floating: this.#ownsPanelHost,
        title: this.#options.title ?? "Who said what",
      });
    }
  }

  get element() {
    return this.#root;
  }

  /** "worker" or "main": where the analysis runs. */
  get engineMode() {
    return this.#engine?.mode ?? null;
  }

  async start() {
    try {
      this.#engine = await engineFor(this.#options);
    } catch (error) {
      this.#panel?.setStatus("Quote analysis is unavailable on this page.", "error");
      throw error;
    }
    if (this.#detached) return;
    await this.refresh({ throwOnError: true });
    if (this.#options.observe && !this.#detached) {
      this.#observer = new MutationObserver((records) => this.#mutated(records));
      this.#observer.observe(this.#root, { childList: true, characterData: true, subtree: true });
    }
  }

  #mutated(records) {
    const relevant = records.some((r) => {
      if (isWidgetNode(r.target)) return false;
      if (r.type === "childList") {
        const nodes = [...r.addedNodes, ...r.removedNodes];
        return nodes.some((n) => !(n.nodeType === 1 && /^ARTICLE-LENS/.test(n.nodeName)) && !isWidgetNode(n));
      }
      return true;
    });
    if (relevant) this.scheduleRefresh();
  }

  /** Re-analyses after `debounce` ms (restarts the delay on every call). */
  scheduleRefresh(delay = this.#options.debounce) {
    if (this.#detached) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.refresh().catch(() => {}), delay);
  }

  /** Reads the element's text again and re-analyses it now. */
  async refresh({ throwOnError = false } = {}) {
    if (this.#detached || !this.#engine) return this.analysis;
    clearTimeout(this.#timer);
    const generation = ++this.#generation;
    const extractOptions = { skip: this.#options.skip };
    const snapshot = extractText(this.#root, extractOptions);
    const text = snapshot.text;
    if (this.analysis && text === this.text) return this.#remap(snapshot);
    let analysis;
    this.#panel?.setStatus("Analysing the article…", "busy");
    try {
      analysis = await this.#engine.analyze(text);
    } catch (error) {
      if (generation === this.#generation && !this.#detached) {
        this.#panel?.setStatus(`Analysis failed: ${error.message}`, "error");
        this.dispatchEvent(new CustomEvent("error", { detail: error }));
      }
      if (throwOnError) throw error;
      console.error(error);
      return this.analysis;
    }
    if (generation !== this.#generation || this.#detached) return this.analysis;

    // Marks mode: put the host text back before mapping, then check it did not change meanwhile.
    this.#painter.restore();
    const live = this.#painter.mode === "marks" ? extractText(this.#root, extractOptions) : snapshot;
    if (live.text !== text) {
      this.scheduleRefresh(0);
      return this.analysis;
    }
    this.#map = live;
    this.text = text;
    this.analysis = analysis;
    this.#selectedQuote = null;
    this.#entityStep = null;
    this.#view = this.#buildView(analysis, text);
    this.#painter.paint(live, this.#baseLayers());
    this.#panel?.render(this.#view);
    this.dispatchEvent(new CustomEvent("update", { detail: analysis }));
    return analysis;
  }

  /** Same text, maybe new nodes: map the current analysis again, keeping the selection. */
  #remap(snapshot) {
    this.#painter.restore();
    const live = this.#painter.mode === "marks" ? extractText(this.#root, { skip: this.#options.skip }) : snapshot;
    if (live.text !== this.text) {
      this.scheduleRefresh(0);
      return this.analysis;
    }
    this.#map = live;
    this.#painter.paint(live, this.#baseLayers());
    this.#setFocusLayers(this.#selectedQuote);
    const step = this.#entityStep;
    const entity = step && this.analysis.entities.find((e) => e.id === step.id);
    if (entity) {
      const m = entity.mentions[step.index];
      this.#painter.setLayer("article-lens-entity-active", entity.mentions.map((x) => [x.start, x.end]));
      this.#painter.setLayer("article-lens-entity-current", [[m.start, m.end]]);
    }
    return this.analysis;
  }

  #buildView(analysis, text) {
    const entities = new Map(analysis.entities.map((e) => [e.id, e]));
    const speakers = new Map();
    const quotes = analysis.quotes.map((q, index) => {
      let speaker = null;
      if (q.speaker) {
        const entity = q.speaker.entity != null ? entities.get(q.speaker.entity) : null;
        const key = entity ? `e${entity.id}` : `t${q.speaker.text.toLowerCase()}`;
        let s = speakers.get(key);
        if (!s) {
          s = {
            key,
            name: entity ? entity.name : q.speaker.text.charAt(0).toUpperCase() + q.speaker.text.slice(1),
            entity: entity ? entity.id : null,
            colour: speakers.size % SPEAKER_COLOURS,
            quotes: 0,
            words: 0,
          };
          speakers.set(key, s);
        }
        s.quotes += 1;
        s.words += countWords(q.text);
        speaker = { key, name: s.name, text: q.speaker.text, colour: s.colour };
      }
      return { index, text: q.text, kind: q.kind, start: q.start, end: q.end, speaker, cue: q.cue?.text ?? null };
    });
    const quotesBy = new Map();
    analysis.quotes.forEach((q, i) => {
      const id = q.speaker?.entity;
      if (id == null) return;
      if (!quotesBy.has(id)) quotesBy.set(id, []);
      quotesBy.get(id).push(i);
    });
    return {
      language: analysis.language,
      empty: text.trim() === "",
      quotes,
      speakers: [...speakers.values()].sort((a, b) => b.words - a.words || b.quotes - a.quotes),
      entities: analysis.entities.map((e) => ({ ...e, quotes: quotesBy.get(e.id) ?? [] })),
      entityCount: analysis.entities.length,
    };
  }

  #baseLayers() {
    const layers = new Map();
    const add = (name, s, e) => {
      if (!layers.has(name)) layers.set(name, []);
      layers.get(name).push([s, e]);
    };
    for (const q of this.#view.quotes) {
      add(q.speaker ? `article-lens-speaker-${q.speaker.colour}` : "article-lens-quote", q.start, q.end);
    }
    for (const q of this.analysis.quotes) if (q.speaker) add("article-lens-speaker-name", q.speaker.start, q.speaker.end);
    for (const name of ["article-lens-cue", "article-lens-entity-active", "article-lens-entity-current", "article-lens-quote-focus"]) {
      layers.set(name, []);
    }
    return layers;
  }

  #setFocusLayers(index) {
    const q = index === null ? null : this.analysis?.quotes[index];
    this.#painter.setLayer("article-lens-quote-focus", q ? [[q.start, q.end]] : []);
    this.#painter.setLayer("article-lens-cue", q?.cue ? [[q.cue.start, q.cue.end]] : []);
  }

  #scrollTo(start, end) {
    const range = this.#painter.range(start, end);
    if (!range) return;
    const win = this.#doc.defaultView;
    const behavior = reducedMotion(win) ? "auto" : "smooth";
    let el = range.startContainer;
    if (el.nodeType !== 1) el = el.parentElement;
    el?.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "auto" });
    const rect = range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > win.innerHeight) {
      win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior });
    }
  }

  /** Emphasises quote `index` while an item is hovered/focused (null: back to the selection). */
  previewQuote(index) {
    if (!this.analysis) return;
    this.#setFocusLayers(index ?? this.#selectedQuote);
  }

  /** Selects quote `index` and scrolls the article to it. */
  jumpToQuote(index) {
    const q = this.analysis?.quotes[index];
    if (!q) return;
    this.#selectedQuote = index;
    this.#setFocusLayers(index);
    this.#scrollTo(q.start, q.end);
  }

  /** Highlights every mention of entity `id` and moves to the next one; returns the step. */
  stepEntity(id) {
    const entity = this.analysis?.entities.find((e) => e.id === id);
    if (!entity || !entity.mentions.length) return null;
    const index = this.#entityStep?.id === id ? (this.#entityStep.index + 1) % entity.mentions.length : 0;
    this.#entityStep = { id, index };
    const m = entity.mentions[index];
    this.#painter.setLayer("article-lens-entity-active", entity.mentions.map((x) => [x.start, x.end]));
    this.#painter.setLayer("article-lens-entity-current", [[m.start, m.end]]);
    this.#scrollTo(m.start, m.end);
    return { id, index, total: entity.mentions.length, mention: m };
  }

  /** Removes quote and entity emphasis (the speaker colours stay). */
  clearFocus() {
    this.#selectedQuote = null;
    this.#entityStep = null;
    if (!this.analysis) return;
    this.#setFocusLayers(null);
    this.#painter.setLayer("article-lens-entity-active", []);
    this.#painter.setLayer("article-lens-entity-current", []);
  }

  toJSON() {
    return JSON.parse(toJson(this.analysis ?? { language: "und", quotes: [], entities: [] }, this.text));
  }

  exportJson() {
    if (this.analysis) download(this.#doc, "article-lens.json", toJson(this.analysis, this.text), "application/json");
  }

  exportCsv() {
    if (this.analysis) download(this.#doc, "article-lens.csv", toCsv(this.analysis), "text/csv");
  }

  async copyJson() {
    if (!this.analysis) throw new Error("nothing to copy yet");
    await this.#doc.defaultView.navigator.clipboard.writeText(toJson(this.analysis, this.text));
  }

  /** Removes every highlight, mark, observer and the panel; the page is as it was. */
  detach() {
    if (this.#detached) return;
    this.#detached = true;
    clearTimeout(this.#timer);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#painter.dispose();
    this.#panel?.destroy();
    if (this.#ownsPanelHost) this.#panelHost?.remove();
    this.#panel = null;
    this.dispatchEvent(new CustomEvent("detach"));
  }

  get detached() {
    return this.#detached;
  }
}

/** <article-lens for="#story" skip=".promo" heading="…" marks></article-lens> */
class ArticleLensElement extends HTMLElement {
  static observedAttributes = ["for"];
  #lens = null;
  #starting = null;
  #token = 0;

  /** The running lens (null until the first analysis is painted, or after an error). */
  get lens() {
    return this.#lens;
  }

  /** Resolves to the lens, or to null when it could not start (never rejects). */
  get ready() {
    return this.#starting ?? Promise.resolve(this.#lens);
  }

  connectedCallback() {
    if (this.#starting || this.#lens) return;
    const token = ++this.#token;
    this.#starting = this.#start(token);
  }

  disconnectedCallback() {
    this.#token += 1;
    this.#starting = null;
    this.#lens?.detach();
    this.#lens = null;
  }

  attributeChangedCallback(name, before, after) {
    if (before === null || before === after || !this.isConnected) return;
    this.disconnectedCallback();
    this.connectedCallback();
  }

  async #target() {
    const selector = this.getAttribute("for");
    const find = () => (selector ? this.ownerDocument.querySelector(selector) : this.closest("article") ?? null);
    let el = find();
    if (!el && this.ownerDocument.readyState === "loading") {
      await new Promise((ok) => this.ownerDocument.addEventListener("DOMContentLoaded", ok, { once: true }));
      el = find();
    }
    return el;
  }

  async #start(token) {
    this.setAttribute("state", "loading");
    try {
      const target = await this.#target();
      if (token !== this.#token) return null;
      if (!target) throw new Error(`article-lens: no element matches for="${this.getAttribute("for") ?? ""}"`);
      const options = { panel: this };
      if (this.hasAttribute("skip")) options.skip = `${DEFAULT_SKIP}, ${this.getAttribute("skip")}`;
      if (this.hasAttribute("heading")) options.title = this.getAttribute("heading");
      if (this.hasAttribute("marks")) options.forceMarks = true;
      const lens = await annotate(target, options);
      if (token !== this.#token) {
        lens.detach();
        return null;
      }
      this.#lens = lens;
      for (const t of ["update", "error"]) lens.addEventListener(t, (e) => this.dispatchEvent(new CustomEvent(`article-lens-${t}`, { detail: e.detail })));
      lens.addEventListener("detach", () => {
        if (this.#lens !== lens) return;
        this.#lens = null;
        this.setAttribute("state", "detached");
      });
      this.setAttribute("state", "ready");
      this.dispatchEvent(new CustomEvent("article-lens-ready", { detail: lens }));
      return lens;
    } catch (error) {
      if (token !== this.#token) return null;
      this.setAttribute("state", "error");
      const message = error?.message ?? String(error);
      if (!error?.logged) console.error(message); // engine failures are reported once, by the engine
      this.#showError();
      this.dispatchEvent(new CustomEvent("article-lens-error", { detail: error }));
      return null;
    } finally {
      if (token === this.#token) this.#starting = null;
    }
  }

  #showError() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const note = this.ownerDocument.createElement("p");
    note.setAttribute("role", "status");
    note.textContent = "Quote analysis is unavailable on this page.";
    note.style.cssText = "margin:0;font:13px/1.4 system-ui,sans-serif;color:inherit;opacity:.8";
    root.replaceChildren(note);
  }
}

if (typeof customElements !== "undefined" && !customElements.get("article-lens")) {
  customElements.define("article-lens", ArticleLensElement);
}

export { ArticleLensElement };
