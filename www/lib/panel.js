// The sidebar: a Shadow DOM panel built with createElement/textContent only (never innerHTML),
// so neither the page's styles nor the article's text can reach into it as markup.

import { SPEAKER_COLOURS, LIGHT, DARK } from "./highlights.js";

const swatchRules = (palette) =>
  palette.map((c, i) => `.c${i} { --swatch: var(--article-lens-speaker-${i}, ${c}); }`).join("\n");

const PANEL_CSS = `
:host {
  all: initial;
  display: block;
  contain: content;
  --bg: var(--article-lens-background, #ffffff);
  --fg: var(--article-lens-text, #1a1a1a);
  --muted: var(--article-lens-muted, color-mix(in srgb, var(--fg) 72%, var(--bg)));
  --border: var(--article-lens-border, color-mix(in srgb, var(--fg) 20%, var(--bg)));
  --surface: var(--article-lens-surface, color-mix(in srgb, var(--fg) 7%, var(--bg)));
  --accent: var(--article-lens-accent, #0b5cad);
  --accent-text: var(--article-lens-accent-text, #ffffff);
  --font: var(--article-lens-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  --radius: var(--article-lens-radius, 10px);
  --neutral: var(--article-lens-quote-background, #e4e4e7);
  font-family: var(--font);
  font-size: 14px;
  line-height: 1.45;
  color: var(--fg);
}
${swatchRules(LIGHT)}
.cn { --swatch: var(--neutral); }
@media (prefers-color-scheme: dark) {
  :host {
    --bg: var(--article-lens-background, #17191e);
    --fg: var(--article-lens-text, #ececec);
    --accent: var(--article-lens-accent, #8cc4ff);
    --accent-text: var(--article-lens-accent-text, #0b1020);
    --neutral: var(--article-lens-quote-background, #3f3f46);
  }
  ${swatchRules(DARK)}
}
:host([floating]) {
  position: fixed;
  right: 16px;
  bottom: 16px;
  width: min(380px, calc(100vw - 32px));
  z-index: 2147483000;
}
:host([floating]) .panel { max-height: min(75vh, 720px); box-shadow: 0 8px 30px rgb(0 0 0 / 0.25); }
* { box-sizing: border-box; }
.panel {
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--border);
  border-radius: var(--radius);
  overflow: auto;
  max-height: var(--article-lens-max-height, none);
}
.panel[data-collapsed] > :not(header) { display: none; }
header {
  padding: 12px 14px 10px;
  border-bottom: 1px solid var(--border);
  position: sticky;
  top: 0;
  background: var(--bg);
  z-index: 1;
}
.title-row { display: flex; align-items: baseline; gap: 8px; }
h2 { font-size: 16px; margin: 0; font-weight: 700; flex: 1; }
h3 {
  font-size: 12px; margin: 0 0 8px; font-weight: 700; letter-spacing: 0.06em;
  text-transform: uppercase; color: var(--muted);
}
.status { margin: 4px 0 8px; color: var(--muted); font-size: 13px; }
.status[data-state="error"] { color: var(--fg); font-weight: 600; }
.tools { display: flex; flex-wrap: wrap; gap: 6px; }
button {
  font: inherit; color: inherit; background: none; border: 0; margin: 0; padding: 0;
  cursor: pointer; text-align: left;
}
.tool, .collapse {
  font-size: 12.5px; padding: 4px 10px; border: 1px solid var(--border);
  border-radius: 999px; background: var(--surface); color: var(--fg);
}
.tool:hover, .collapse:hover { border-color: var(--accent); }
.tool:disabled { opacity: 0.55; cursor: default; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 6px; }
section { padding: 12px 14px; border-bottom: 1px solid var(--border); }
section:last-child { border-bottom: 0; }
ol, ul { list-style: none; margin: 0; padding: 0; }
.empty { color: var(--muted); margin: 0; font-size: 13px; }
.quote {
  display: block; width: 100%; padding: 7px 10px 7px 12px; margin: 0 0 6px;
  border-left: 5px solid var(--swatch); border-radius: 6px; background: transparent;
}
.quote:hover, .quote[aria-current="true"] { background: var(--surface); }
.who { display: flex; align-items: center; gap: 6px; font-weight: 700; font-size: 13px; }
.swatch {
  display: inline-block; width: 10px; height: 10px; border-radius: 3px; background: var(--swatch);
  border: 1px solid var(--border); flex: none;
}
.who .none { font-weight: 600; color: var(--muted); font-style: italic; }
.excerpt { display: block; margin-top: 2px; }
.meta {
  display: block; color: var(--muted); font-size: 12.5px; max-height: 0; overflow: hidden;
  transition: max-height 0.15s ease;
}
.quote:hover .meta, .quote:focus .meta, .quote[aria-current="true"] .meta { max-height: 4.5em; }
.tag {
  font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 999px; border: 1px solid var(--border);
  color: var(--muted);
}
.speakers li { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px 10px; margin-bottom: 8px; }
.speakers .name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; display: flex; gap: 6px; align-items: center; }
.speakers .count { color: var(--muted); font-size: 12.5px; text-align: right; }
.bar { grid-column: 1 / -1; height: 8px; background: var(--surface); border-radius: 4px; overflow: hidden; border: 1px solid var(--border); }
.fill { height: 100%; background: var(--swatch); border-right: 1px solid var(--border); }
details { margin-bottom: 6px; }
summary {
  cursor: pointer; font-weight: 700; padding: 4px 2px; border-radius: 6px; list-style-position: inside;
}
summary .n { color: var(--muted); font-weight: 400; }
.entity {
  display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0 8px; width: 100%;
  padding: 6px 8px; border-radius: 6px; margin: 2px 0;
}
.entity:hover, .entity[aria-pressed="true"] { background: var(--surface); }
.entity[aria-pressed="true"] { box-shadow: inset 3px 0 0 var(--accent); }
.entity .name { font-weight: 600; overflow-wrap: anywhere; }
.entity .role { grid-column: 1; color: var(--muted); font-size: 12.5px; }
.entity .badge {
  grid-row: 1; grid-column: 2; font-size: 12px; color: var(--muted); white-space: nowrap; align-self: center;
}
.said { margin: 0 0 6px 14px; }
.more { color: var(--accent); text-decoration: underline; font-size: 13px; padding: 4px 8px; }
.said .quote { font-size: 13px; padding: 4px 8px; margin-bottom: 3px; border-left-width: 3px; }
.sr {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
@media (prefers-reduced-motion: reduce) { .meta { transition: none; } }
`;

const GROUPS = [
  { types: ["PER"], key: "people", label: "People", open: true },
  { types: ["ORG"], key: "orgs", label: "Organizations", open: true },
  { types: ["LOC"], key: "places", label: "Places", open: true },
  { types: ["MISC"], key: "other", label: "Other", open: true },
  { types: ["DATE"], key: "dates", label: "Dates", open: false },
  { types: ["NUMBER"], key: "numbers", label: "Numbers", open: false },
];

const TYPE_NAMES = { PER: "person", ORG: "organization", LOC: "place", MISC: "other", DATE: "date", NUMBER: "number" };

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

export function excerpt(text, max = 160) {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(" ", max - 1);
  return `${clean.slice(0, cut > max * 0.6 ? cut : max - 1)}…`;
}


let uid = 0;

export class Panel {
  #host;
  #root;
  #doc;
  #ctl;
  #els = {};
  #view = null;
  #openGroups = new Map();
  #onKey;

  /**
   * @param {HTMLElement} host  element receiving the shadow root
   * @param {object} controller the lens (previewQuote, jumpToQuote, stepEntity, clearFocus, exports)
   */
  constructor(host, controller, { floating = false, title = "Who said what" } = {}) {
    this.#host = host;
    this.#doc = host.ownerDocument;
    this.#ctl = controller;
    this.id = `al${++uid}`;
    this.#root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
    this.#root.replaceChildren();
    if (floating) host.setAttribute("floating", "");
    this.#applyStyles();
    this.#build(title, floating);
  }

  #applyStyles() {
    const win = this.#doc.defaultView;
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(PANEL_CSS);
      this.#root.adoptedStyleSheets = [sheet];
    } catch {
      this.#root.append(this.#el("style", { text: PANEL_CSS }));
    }
  }

  #el(tag, { cls, text, attrs } = {}, ...children) {
    const el = this.#doc.createElement(tag);
    if (cls) el.className = cls;
    if (text !== undefined) el.textContent = text;
    if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
    for (const c of children) if (c) el.append(c);
    return el;
  }

  #build(title, floating) {
    const id = this.id;
    const panel = this.#el("div", { cls: "panel", attrs: { role: "region", "aria-label": "Article lens: quotes and entities", "aria-busy": "true" } });
    const heading = this.#el("h2", { text: title, attrs: { id: `${id}-title` } });
    const titleRow = this.#el("div", { cls: "title-row" }, heading);
    if (floating) {
      const collapse = this.#el("button", { cls: "collapse", text: "Hide", attrs: { type: "button", "aria-expanded": "true" } });
      collapse.addEventListener("click", () => {
        const collapsed = panel.toggleAttribute("data-collapsed");
        collapse.setAttribute("aria-expanded", String(!collapsed));
        collapse.textContent = collapsed ? "Show" : "Hide";
      });
      titleRow.append(collapse);
    }
    const status = this.#el("p", {
      cls: "status",
      text: "Analysing the article…",
      attrs: { role: "status", "aria-live": "polite", "aria-atomic": "true" },
    });
    const announcer = this.#el("p", { cls: "sr", attrs: { "aria-live": "polite", "aria-atomic": "true" } });
    const tools = this.#el("div", { cls: "tools", attrs: { role: "toolbar", "aria-label": "Export the results" } });
    const mkTool = (label, aria, fn) => {
      const b = this.#el("button", { cls: "tool", text: label, attrs: { type: "button", "aria-label": aria } });
      b.addEventListener("click", fn);
      tools.append(b);
      return b;
    };
    this.#els.tools = [
      mkTool("Copy JSON", "Copy the results as JSON to the clipboard", () => this.#copy()),
      mkTool("JSON", "Download the results as a JSON file", () => this.#ctl.exportJson()),
      mkTool("CSV", "Download the results as a CSV file", () => this.#ctl.exportCsv()),
    ];
    const header = this.#el("header", {}, titleRow, status, tools, announcer);

    const section = (key, label) => {
      const h = this.#el("h3", { text: label, attrs: { id: `${id}-${key}` } });
      const body = this.#el("div", { attrs: { "data-nav": key } });
      const s = this.#el("section", { attrs: { "aria-labelledby": `${id}-${key}` } }, h, body);
      return { s, body };
    };
    const quotes = section("quotes", "Quotes, in order");
    const speakers = section("speakers", "Who is quoted");
    const entities = section("entities", "Names in the article");
    panel.append(header, quotes.s, speakers.s, entities.s);
    this.#root.append(panel);
    Object.assign(this.#els, {
      panel,
      status,
      announcer,
      quotes: quotes.body,
      speakers: speakers.body,
      entities: entities.body,
    });
    this.#onKey = (e) => this.#keydown(e);
    panel.addEventListener("keydown", this.#onKey);
    this.#setToolsEnabled(false);
  }

  #setToolsEnabled(on) {
    for (const b of this.#els.tools) b.disabled = !on;
  }

  async #copy() {
    try {
      await this.#ctl.copyJson();
      this.announce("Results copied to the clipboard as JSON.");
    } catch (error) {
      this.announce(`Could not copy: ${error.message}`);
    }
  }

  setStatus(text, state = "ready") {
    this.#els.status.textContent = text;
    this.#els.status.setAttribute("data-state", state);
    this.#els.panel.setAttribute("aria-busy", state == "busy");
  }

  // Appends make(items[i]) (an <li>) in pages of n, then a "Show more" item for the rest.
  #page(list, items, make, n = 100, from = 0) {
    for (const x of items.slice(from, from + n)) list.append(make(x));
    const rest = items.length - from - n;
    if (rest <= 0) return;
    const b = this.#el("button", { cls: "more item", text: `Show more (${rest})`, attrs: { type: "button", tabindex: "-1" } });
    const li = this.#el("li", {}, b);
    b.addEventListener("click", () => {
      li.remove();
      this.#page(list, items, make, n, from + n);
      const next = list.children[from + n].querySelector(".item");
      this.#setRoving(next);
      next.focus();
    });
    list.append(li);
  }

  announce(text) {
    // Clear first so that the same message is announced again.
    this.#els.announcer.textContent = "";
    this.#doc.defaultView.setTimeout(() => (this.#els.announcer.textContent = text), 30);
  }

  /** Renders a view (see Lens#view in article-lens.js). */
  render(view) {
    this.#view = view;
    const active = this.#root.activeElement;
    const activeKey = active?.getAttribute?.("data-key");
    for (const d of this.#els.entities.querySelectorAll("details")) this.#openGroups.set(d.dataset.group, d.open);

    this.#renderQuotes(view);
    this.#renderSpeakers(view);
    this.#renderEntities(view);
    this.#setToolsEnabled(!view.empty);
    this.setStatus(
      view.empty
        ? "No text to analyse yet."
        : `${plural(view.quotes.length, "quote", "quotes")}, ${plural(view.entityCount, "entity", "entities")}`
    );
    for (const nav of this.#root.querySelectorAll("[data-nav]")) this.#initRoving(nav);
    if (activeKey) {
      const again = this.#root.querySelector(`[data-key="${this.#doc.defaultView.CSS.escape(activeKey)}"]`);
      if (again) {
        this.#setRoving(again);
        again.focus({ preventScroll: true });
      }
    }
  }

  #quoteButton(view, q, short = false) {
    const cls = q.speaker ? `c${q.speaker.colour}` : "cn";
    const who = this.#el(
      "span",
      { cls: "who" },
      this.#el("span", { cls: "swatch", attrs: { "aria-hidden": "true" } }),
      this.#el("bdi", { cls: q.speaker ? "name" : "name none", text: q.speaker ? q.speaker.name : "Unattributed" }),
      q.kind === "partial" ? this.#el("span", { cls: "tag", text: "partial" }) : null
    );
    const fr = view.language === "fr";
    const bdi = (text) => this.#el("bdi", { text });
    const text = this.#el("span", { cls: "excerpt" }, fr ? "«\u00a0" : "“", bdi(excerpt(q.text, short ? 90 : 160)), fr ? "\u00a0»" : "”");
    const meta = this.#el(
      "span",
      { cls: "meta" },
      "Speaker: ",
      q.speaker ? bdi(q.speaker.text) : "not found",
      q.cue && " · Cue: ",
      q.cue && bdi(q.cue),
      q.kind === "partial" ? " · Partial quote" : " · Direct quote"
    );
    const b = this.#el(
      "button",
      {
        cls: `quote item ${cls}`,
        attrs: {
          type: "button",
          "data-key": `${short ? "s" : "q"}${q.index}`,
          "data-quote": q.index,
          tabindex: "-1",
        },
      },
      short ? null : who,
      text,
      short ? null : meta
    );
    b.addEventListener("click", () => {
      this.#markCurrent(q.index);
      this.#ctl.jumpToQuote(q.index);
    });
    b.addEventListener("pointerenter", () => this.#ctl.previewQuote(q.index));
    b.addEventListener("pointerleave", () => this.#ctl.previewQuote(null));
    b.addEventListener("focus", () => this.#ctl.previewQuote(q.index));
    b.addEventListener("blur", () => this.#ctl.previewQuote(null));
    return b;
  }

  #markCurrent(index) {
    for (const b of this.#root.querySelectorAll(".quote[aria-current]")) b.removeAttribute("aria-current");
    if (index === null) return;
    for (const b of this.#root.querySelectorAll(`.quote[data-quote="${index}"]`)) b.setAttribute("aria-current", "true");
  }

  #renderQuotes(view) {
    const box = this.#els.quotes;
    box.replaceChildren();
    if (!view.quotes.length) {
      box.append(this.#el("p", { cls: "empty", text: view.empty ? "Quotes will appear here." : "No quotations found." }));
      return;
    }
    const list = this.#el("ol", { attrs: { "aria-label": "Quotes in the order of the article" } });
    this.#page(list, view.quotes, (q) => this.#el("li", {}, this.#quoteButton(view, q)));
    box.append(list);
  }

  #renderSpeakers(view) {
    const box = this.#els.speakers;
    box.replaceChildren();
    if (!view.speakers.length) {
      box.append(this.#el("p", { cls: "empty", text: "Nobody is quoted by name yet." }));
      return;
    }
    const max = Math.max(1, ...view.speakers.map((s) => s.words));
    const list = this.#el("ul", { cls: "speakers", attrs: { "aria-label": "Quotes and words per speaker" } });
    this.#page(list, view.speakers, (s) => {
      const cls = s.colour === null ? "cn" : `c${s.colour}`;
      const fill = this.#el("div", { cls: "fill" });
      fill.style.width = `${Math.max(2, Math.round((100 * s.words) / max))}%`;
      return this.#el(
          "li",
          { cls },
          this.#el("span", { cls: "name" }, this.#el("span", { cls: "swatch", attrs: { "aria-hidden": "true" } }), this.#el("bdi", { text: s.name })),
          this.#el("span", { cls: "count", text: `${plural(s.quotes, "quote", "quotes")} · ${plural(s.words, "word", "words")}` }),
          this.#el("div", { cls: "bar", attrs: { "aria-hidden": "true" } }, fill)
        );
    });
    box.append(list);
  }

  #renderEntities(view) {
    const box = this.#els.entities;
    box.replaceChildren();
    if (!view.entityCount) {
      box.append(this.#el("p", { cls: "empty", text: view.empty ? "People, organizations and places will appear here." : "No names found." }));
      return;
    }
    for (const group of GROUPS) {
      const entities = view.entities.filter((e) => group.types.includes(e.type));
      if (!entities.length) continue;
      const details = this.#el("details", { attrs: { "data-group": group.key } });
      details.open = this.#openGroups.get(group.key) ?? group.open;
      details.append(
        this.#el("summary", {}, this.#el("span", { text: `${group.label} ` }), this.#el("span", { cls: "n", text: `(${entities.length})` }))
      );
      const list = this.#el("ul", { attrs: { "aria-label": group.label } });
      this.#page(list, entities, (e) => this.#entityItem(view, e));
      details.append(list);
      details.addEventListener("toggle", () => this.#initRoving(box));
      box.append(details);
    }
  }

  #entityItem(view, e) {
    const count = plural(e.mentions.length, "mention", "mentions");
    const b = this.#el(
      "button",
      {
        cls: "entity item",
        attrs: {
          type: "button",
          "data-key": `e${e.id}`,
          "data-entity": e.id,
          "aria-pressed": "false",
          tabindex: "-1",
          title: "Highlight its mentions; press again for the next one",
        },
      },
      this.#el("bdi", { cls: "name", text: e.name }),
      this.#el("span", { cls: "badge", text: count }),
      e.role ? this.#el("bdi", { cls: "role", text: e.role }) : null,
      this.#el("span", { cls: "sr", text: `, ${TYPE_NAMES[e.type] ?? "name"}` })
    );
    b.addEventListener("click", () => {
      const step = this.#ctl.stepEntity(e.id);
      if (!step) return;
      for (const other of this.#root.querySelectorAll('.entity[aria-pressed="true"]')) {
        if (other !== b) {
          other.setAttribute("aria-pressed", "false");
          const o = view.entities.find((x) => String(x.id) === other.dataset.entity);
          if (o) other.querySelector(".badge").textContent = plural(o.mentions.length, "mention", "mentions");
        }
      }
      b.setAttribute("aria-pressed", "true");
      b.querySelector(".badge").textContent = `${step.index + 1} / ${step.total}`;
      this.announce(`${e.name}: mention ${step.index + 1} of ${step.total}`);
    });
    const li = this.#el("li", {}, b);
    if (e.quotes.length) {
      const said = this.#el("ul", { cls: "said", attrs: { "aria-label": `Quotes by ${e.name}` } });
      this.#page(said, e.quotes, (i) => this.#el("li", {}, this.#quoteButton(view, view.quotes[i], true)), 10);
      li.append(said);
    }
    return li;
  }

  /** Clears entity/quote selection marks in the panel. */
  clearSelection() {
    this.#markCurrent(null);
    for (const b of this.#root.querySelectorAll('.entity[aria-pressed="true"]')) {
      b.setAttribute("aria-pressed", "false");
      const e = this.#view?.entities.find((x) => String(x.id) === b.dataset.entity);
      if (e) b.querySelector(".badge").textContent = plural(e.mentions.length, "mention", "mentions");
    }
  }

  // Roving tabindex: one Tab stop per list, arrow keys inside it.
  #items(nav) {
    return [...nav.querySelectorAll(".item")].filter((b) => !b.closest("details:not([open])") || b.matches("summary"));
  }

  #initRoving(nav) {
    const items = this.#items(nav);
    if (!items.length) return;
    const current = items.find((b) => b.tabIndex === 0) ?? items[0];
    this.#setRoving(current);
  }

  #setRoving(item) {
    const nav = item.closest("[data-nav]");
    if (!nav) return;
    for (const b of nav.querySelectorAll(".item")) b.tabIndex = -1;
    item.tabIndex = 0;
  }

  #keydown(e) {
    if (e.key === "Escape") {
      this.clearSelection();
      this.#ctl.clearFocus();
      return;
    }
    const item = e.target.closest?.(".item");
    const nav = item?.closest("[data-nav]");
    if (!item || !nav) return;
    const items = this.#items(nav);
    const i = items.indexOf(item);
    let next = null;
    if (e.key === "ArrowDown" || e.key === "ArrowRight") next = items[Math.min(items.length - 1, i + 1)];
    else if (e.key === "ArrowUp" || e.key === "ArrowLeft") next = items[Math.max(0, i - 1)];
    else if (e.key === "Home") next = items[0];
    else if (e.key === "End") next = items[items.length - 1];
    if (!next) return;
    e.preventDefault();
    this.#setRoving(next);
    next.focus();
  }

  destroy() {
    this.#els.panel?.removeEventListener("keydown", this.#onKey);
    this.#root.replaceChildren();
    this.#root.adoptedStyleSheets = [];
    this.#host.removeAttribute("floating");
  }
}

export { SPEAKER_COLOURS };
