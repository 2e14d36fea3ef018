// Reads the visible text of a DOM subtree as one string (blocks separated by "\n", HTML
// whitespace collapsed as the browser renders it) and maps UTF-16 offsets of that string back
// to DOM Ranges. One TreeWalker pass; each text node becomes a segment that records where its
// text starts in the string (and, when whitespace was collapsed, which node offset each
// character came from); offsets are mapped back with a binary search over the segments.

export const DEFAULT_SKIP = "figcaption, aside, .ad, [aria-hidden=true]";

// Never text: code, embedded content, form controls and the widget's own elements.
const ALWAYS_SKIP = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "CANVAS", "VIDEO",
  "AUDIO", "SVG", "MATH", "SELECT", "TEXTAREA", "INPUT", "BUTTON", "HEAD", "TITLE",
  "ARTICLE-LENS", "ARTICLE-LENS-PANEL",
]);

const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "CENTER", "DD", "DETAILS", "DIALOG", "DIV",
  "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6",
  "HEADER", "HGROUP", "HR", "HTML", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE",
  "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL", "LEGEND", "OPTION",
]);

const isWs = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** True for the widget's own elements (never analysed, never observed). */
export function isWidgetNode(node) {
  const el = node && (node.nodeType === 1 ? node : node.parentElement);
  return !!(el && el.closest && el.closest("article-lens, article-lens-panel"));
}

/**
 * Extracts the visible text of `root`.
 * @param {Element} root
 * @param {{skip?: string, computedStyle?: boolean}} [options]
 *   skip: CSS selectors whose subtrees are left out (default DEFAULT_SKIP);
 *   computedStyle: use the live layout (display:none, white-space) — false for inert documents.
 */
export function extractText(root, { skip = DEFAULT_SKIP, computedStyle = true } = {}) {
  const doc = root.ownerDocument;
  const view = computedStyle ? doc.defaultView : null;
  const styleOf = view ? (el) => view.getComputedStyle(el) : null;
  const blockCache = new Map();
  const preCache = new Map();

  const isBlock = (el) => {
    if (styleOf) {
      const display = styleOf(el).display;
      if (display && display !== "contents") return !display.startsWith("inline") && display !== "ruby";
    }
    return BLOCK_TAGS.has(el.tagName.toUpperCase());
  };
  const blockOf = (node) => {
    let el = node.parentElement;
    const path = [];
    let found = root;
    while (el && el !== root) {
      if (blockCache.has(el)) {
        found = blockCache.get(el);
        break;
      }
      path.push(el);
      if (isBlock(el)) {
        found = el;
        break;
      }
      el = el.parentElement;
    }
    for (const p of path) blockCache.set(p, found);
    return found;
  };
  const isPre = (el) => {
    if (!el) return false;
    if (preCache.has(el)) return preCache.get(el);
    let pre;
    if (styleOf) {
      const ws = styleOf(el).whiteSpace || "";
      pre = ws.startsWith("pre") || ws === "break-spaces";
    } else {
      pre = !!el.closest("pre");
    }
    preCache.set(el, pre);
    return pre;
  };

  const filter = {
    acceptNode(node) {
      if (node.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
      const tag = node.tagName.toUpperCase();
      if (ALWAYS_SKIP.has(tag) || node.hidden) return NodeFilter.FILTER_REJECT;
      if (skip) {
        try {
          if (node.matches(skip)) return NodeFilter.FILTER_REJECT;
        } catch {
          /* an invalid selector skips nothing */
        }
      }
      if (styleOf && styleOf(node).display === "none") return NodeFilter.FILTER_REJECT;
      return tag === "BR" ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  };
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter);

  const out = [];
  const segments = [];
  let len = 0;
  let atLineStart = true;
  let pending = false; // a collapsed whitespace run waits for the next visible character
  let lastBlock = null;

  const newline = () => {
    pending = false;
    if (len > 0 && !atLineStart) {
      out.push("\n");
      len += 1;
      atLineStart = true;
    }
  };

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      newline(); // <br>
      continue;
    }
    const data = node.data;
    if (!data) continue;
    const block = blockOf(node);
    if (lastBlock !== null && block !== lastBlock) newline();
    lastBlock = block;

    if (isPre(node.parentElement)) {
      if (pending && !atLineStart) {
        out.push(" ");
        len += 1;
      }
      pending = false;
      segments.push({ node, start: len, end: len + data.length, map: null });
      out.push(data);
      len += data.length;
      atLineStart = data.charCodeAt(data.length - 1) === 10;
      continue;
    }

    let s = "";
    const map = [];
    let identity = true;
    let wsAt = -1;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (isWs(c)) {
        if (!pending) {
          pending = true;
          wsAt = i;
        }
        continue;
      }
      if (pending) {
        pending = false;
        if (!atLineStart) {
          if (wsAt >= 0) {
            s += " ";
            map.push(wsAt);
            if (wsAt !== map.length - 1) identity = false;
          } else {
            // The run began in an earlier node: a character that belongs to no node.
            out.push(" ");
            len += 1;
          }
        }
      }
      wsAt = -1;
      s += data[i];
      map.push(i);
      if (i !== map.length - 1) identity = false;
      atLineStart = false;
    }
    if (pending) wsAt = -1;
    if (s.length) {
      segments.push({ node, start: len, end: len + s.length, map: identity ? null : Int32Array.from(map) });
      out.push(s);
      len += s.length;
    }
  }
  return new TextMap(out.join(""), segments);
}

export class TextMap {
  constructor(text, segments) {
    this.text = text;
    this.segments = segments;
  }

  /** The DOM position of string offset `offset`; `isEnd` picks the side for offsets between nodes. */
  position(offset, isEnd = false) {
    const segs = this.segments;
    if (!segs.length) return null;
    let lo = 0;
    let hi = segs.length - 1;
    let seg;
    if (!isEnd) {
      // first segment with end > offset
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (segs[mid].end > offset) {
          found = mid;
          hi = mid - 1;
        } else lo = mid + 1;
      }
      if (found < 0) return null;
      seg = segs[found];
      const local = Math.max(0, offset - seg.start);
      return { node: seg.node, offset: seg.map ? seg.map[local] : local };
    }
    // last segment with start < offset
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].start < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return null;
    seg = segs[found];
    const local = Math.min(seg.end - seg.start, offset - seg.start);
    return { node: seg.node, offset: seg.map ? seg.map[local - 1] + 1 : local };
  }

  /** A DOM Range for [start, end) of the string, or null when it covers no text. */
  range(start, end) {
    if (!(end > start)) return null;
    const a = this.position(start, false);
    const b = this.position(end, true);
    if (!a || !b) return null;
    const doc = a.node.ownerDocument;
    const range = doc.createRange();
    try {
      range.setStart(a.node, Math.min(a.offset, a.node.length));
      range.setEnd(b.node, Math.min(b.offset, b.node.length));
    } catch {
      return null;
    }
    return range.collapsed ? null : range;
  }
}

/** Plain text with paragraphs from an HTML string, parsed inert (no scripts, no loads). */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(String(html), "text/html");
  const body = doc.body;
  if (!body) return "";
  return extractText(body, { skip: "", computedStyle: false }).text;
}
