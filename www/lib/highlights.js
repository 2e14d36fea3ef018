// Painting layers of text intervals onto the article.
// - With the CSS Custom Highlight API: Range objects in named highlights (`article-lens-…`);
//   the host's DOM, text, listeners and layout are never touched.
// - Without it: text nodes are cut into pieces wrapped in <article-lens-mark> (a custom
//   element name no host stylesheet targets); the host's original text nodes stay in place
//   (emptied) and get their text back on undo.

export const SPEAKER_COLOURS = 8;

// Layer names in painting order (later wins in the fallback; priorities for the API).
export const LAYERS = [
  "article-lens-quote",
  ...Array.from({ length: SPEAKER_COLOURS }, (_, i) => `article-lens-speaker-${i}`),
  "article-lens-speaker-name",
  "article-lens-cue",
  "article-lens-entity-active",
  "article-lens-entity-current",
  "article-lens-quote-focus",
];
const PRIORITY = Object.fromEntries(LAYERS.map((name, i) => [name, i]));

export const LIGHT = ["#ffe08a", "#b6e3ff", "#c9f2c7", "#ffc9de", "#e2d4ff", "#ffd3b0", "#c8f0ef", "#ebe4b4"];
export const DARK = ["#6e5100", "#0d4a73", "#1f5e2a", "#7a1f45", "#4b3494", "#8a3d0f", "#115e5b", "#55501a"];

function layerRules(selector, dark) {
  const text = `var(--article-lens-highlight-text, ${dark ? "#ffffff" : "#111111"})`;
  const rules = [
    `${selector("article-lens-quote")} { background-color: var(--article-lens-quote-background, ${dark ? "#3f3f46" : "#e4e4e7"}); color: ${text}; }`,
  ];
  for (let i = 0; i < SPEAKER_COLOURS; i++) {
    rules.push(
      `${selector(`article-lens-speaker-${i}`)} { background-color: var(--article-lens-speaker-${i}, ${(dark ? DARK : LIGHT)[i]}); color: ${text}; }`
    );
  }
  const accent = `var(--article-lens-accent, ${dark ? "#8cc4ff" : "#0b5cad"})`;
  rules.push(
    `${selector("article-lens-speaker-name")} { text-decoration: underline 2px ${accent}; text-underline-offset: 3px; }`,
    `${selector("article-lens-cue")} { text-decoration: underline dotted 2px ${accent}; text-underline-offset: 3px; }`,
    `${selector("article-lens-entity-active")} { background-color: ${dark ? "#1e3a5f" : "#d6e6ff"}; color: ${text}; text-decoration: underline 2px ${accent}; }`,
    `${selector("article-lens-entity-current")} { background-color: ${dark ? "#8cc4ff" : "#0b3d91"}; color: ${dark ? "#0b1020" : "#ffffff"}; }`,
    `${selector("article-lens-quote-focus")} { background-color: ${dark ? "#f5f5f5" : "#1f2937"}; color: ${dark ? "#111111" : "#ffffff"}; }`
  );
  return rules.join("\n");
}

function documentCss() {
  const hl = (name) => `::highlight(${name})`;
  const mark = (name) => `article-lens-mark[data-layers~="${name}"]`;
  return [
    "article-lens-mark { display: inline; margin: 0; padding: 0; border: 0; font: inherit; }",
    layerRules(hl, false),
    layerRules(mark, false),
    "@media (prefers-color-scheme: dark) {",
    layerRules(hl, true),
    layerRules(mark, true),
    "}",
  ].join("\n");
}

// One document stylesheet for all lenses of a document, counted.
const sheets = new WeakMap(); // document -> {sheet, users, element?}

function acquireSheet(doc) {
  let entry = sheets.get(doc);
  if (!entry) {
    entry = { users: 0, sheet: null, element: null };
    const css = documentCss();
    try {
      const sheet = new doc.defaultView.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      entry.sheet = sheet;
    } catch {
      const style = doc.createElement("style");
      style.dataset.articleLens = "";
      style.textContent = css;
      doc.head.append(style);
      entry.element = style;
    }
    sheets.set(doc, entry);
  }
  entry.users += 1;
}

function releaseSheet(doc) {
  const entry = sheets.get(doc);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  if (entry.sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== entry.sheet);
  entry.element?.remove();
  sheets.delete(doc);
}

export function highlightApiAvailable(win = globalThis) {
  return !!(win.CSS && win.CSS.highlights && typeof win.Highlight === "function");
}

/** Shared named highlights: several painters may add ranges to the same name. */
function highlightFor(win, name, create) {
  let h = win.CSS.highlights.get(name);
  if (!h && create) {
    h = new win.Highlight();
    h.priority = PRIORITY[name] ?? 0;
    win.CSS.highlights.set(name, h);
  }
  return h;
}

class ApiPainter {
  mode = "highlight-api";
  #win;
  #owned = new Map(); // name -> Range[]
  #map = null;

  constructor(doc) {
    this.#win = doc.defaultView;
  }

  /** Replaces the painted layers. `layers`: Map name -> [[start, end], …]; `map`: a TextMap. */
  paint(map, layers) {
    this.#map = map;
    for (const name of new Set([...this.#owned.keys(), ...layers.keys()])) {
      this.setLayer(name, layers.get(name) ?? []);
    }
  }

  setLayer(name, intervals) {
    const old = this.#owned.get(name) ?? [];
    const existing = highlightFor(this.#win, name, false);
    if (existing) for (const r of old) existing.delete(r);
    const ranges = [];
    if (this.#map) {
      for (const [start, end] of intervals) {
        const range = this.#map.range(start, end);
        if (range) ranges.push(range);
      }
    }
    if (ranges.length) {
      const h = highlightFor(this.#win, name, true);
      for (const r of ranges) h.add(r);
      this.#owned.set(name, ranges);
    } else {
      this.#owned.delete(name);
    }
    const h = highlightFor(this.#win, name, false);
    if (h && h.size === 0) this.#win.CSS.highlights.delete(name);
  }

  /** A live Range for an interval (for scrolling), or null. */
  range(start, end) {
    return this.#map ? this.#map.range(start, end) : null;
  }

  /** Hook run before the article text is re-read (nothing to undo here). */
  restore() {}

  clear() {
    for (const name of [...this.#owned.keys()]) this.setLayer(name, []);
    this.#map = null;
  }
}

class MarkPainter {
  mode = "marks";
  #doc;
  #done = []; // [{node, data, created: Node[]}]
  #pieces = []; // [{start, end, node}] sorted by start
  #layers = new Map();
  #map = null;
  #onMutate;

  constructor(doc, onMutate) {
    this.#doc = doc;
    this.#onMutate = onMutate ?? ((fn) => fn());
  }

  paint(map, layers) {
    this.#map = map;
    this.#layers = new Map(layers);
    this.#repaint();
  }

  setLayer(name, intervals) {
    this.#layers.set(name, intervals);
    this.#repaint();
  }

  range(start, end) {
    const piece = this.#pieces.find((p) => p.end > start && p.start < end);
    if (!piece) return null;
    const range = this.#doc.createRange();
    range.selectNodeContents(piece.node);
    return range;
  }

  /** Puts the host's text back exactly as it was. */
  restore() {
    this.#onMutate(() => {
      for (let i = this.#done.length - 1; i >= 0; i--) {
        const { node, data, created } = this.#done[i];
        for (const n of created) n.remove();
        node.data = data;
      }
    });
    this.#done = [];
    this.#pieces = [];
  }

  clear() {
    this.restore();
    this.#layers.clear();
    this.#map = null;
  }

  #repaint() {
    this.restore();
    const map = this.#map;
    if (!map) return;
    // Cut points of every interval, and for each elementary stretch the set of its layers.
    const events = [];
    for (const [name, intervals] of this.#layers) {
      for (const [start, end] of intervals) if (end > start) events.push([start, end, name]);
    }
    if (!events.length) return;
    const cuts = new Set();
    for (const [s, e] of events) {
      cuts.add(s);
      cuts.add(e);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const layersAt = (s, e) =>
      LAYERS.filter((name) => events.some(([a, b, n]) => n === name && a <= s && b >= e));

    this.#onMutate(() => {
      for (const seg of map.segments) {
        const inside = points.filter((p) => p > seg.start && p < seg.end);
        const overlaps = events.some(([a, b]) => a < seg.end && b > seg.start);
        if (!overlaps) continue;
        const node = seg.node;
        const data = node.data;
        const bounds = [seg.start, ...inside, seg.end];
        const toNode = (offset, isEnd) => {
          const local = offset - seg.start;
          if (!seg.map) return local;
          return isEnd ? seg.map[local - 1] + 1 : seg.map[local];
        };
        const created = [];
        const frag = this.#doc.createDocumentFragment();
        const emit = (text, names, start, end) => {
          if (!text) return;
          const t = this.#doc.createTextNode(text);
          if (names.length) {
            const mark = this.#doc.createElement("article-lens-mark");
            mark.setAttribute("data-layers", names.join(" "));
            mark.append(t);
            frag.append(mark);
            created.push(mark);
            this.#pieces.push({ start, end, node: mark });
          } else {
            frag.append(t);
            created.push(t);
          }
        };
        let cursor = 0;
        for (let k = 0; k < bounds.length - 1; k++) {
          const s = bounds[k];
          const e = bounds[k + 1];
          const from = k === 0 ? 0 : toNode(s, false);
          const to = k === bounds.length - 2 ? data.length : toNode(e, true);
          if (from > cursor) emit(data.slice(cursor, from), [], s, s);
          emit(data.slice(Math.max(from, cursor), to), layersAt(s, e), s, e);
          cursor = Math.max(cursor, to);
        }
        if (cursor < data.length) emit(data.slice(cursor), [], seg.end, seg.end);
        node.parentNode.insertBefore(frag, node);
        node.data = "";
        this.#done.push({ node, data, created });
      }
    });
    this.#pieces.sort((a, b) => a.start - b.start);
  }
}

/**
 * A painter for `doc`: the Highlight API when available (unless `forceMarks`), marks otherwise.
 * `onMutate(fn)` wraps the painter's own DOM changes (so an observer can ignore them).
 */
export function createPainter(doc, { forceMarks = false, onMutate } = {}) {
  acquireSheet(doc);
  const painter =
    !forceMarks && highlightApiAvailable(doc.defaultView) ? new ApiPainter(doc) : new MarkPainter(doc, onMutate);
  const clear = painter.clear.bind(painter);
  let released = false;
  painter.dispose = () => {
    clear();
    if (!released) releaseSheet(doc);
    released = true;
  };
  return painter;
}
