// Types for article-lens.js (the browser API) and the analysis contract.
// All offsets are UTF-16 code units into the analysed string: `text === input.slice(start, end)`.

/** A stretch of the analysed text. */
export interface Span {
  text: string;
  /** Start offset, in UTF-16 code units. */
  start: number;
  /** End offset (exclusive), in UTF-16 code units. */
  end: number;
}

export type Language = "fr" | "en" | "und";
export type QuoteKind = "direct" | "partial";
export type EntityType = "PER" | "ORG" | "LOC" | "MISC" | "DATE" | "NUMBER";

export interface Speaker extends Span {
  /** `id` of the speaker's entry in `Analysis.entities`, or null for an unnamed source. */
  entity: number | null;
}

/** One quotation: the text between its marks (marks and outer spaces excluded). */
export interface Quote extends Span {
  kind: QuoteKind;
  speaker: Speaker | null;
  /** The reporting verb or phrase (`a déclaré`, `said`, `selon`). */
  cue: Span | null;
}

export interface Entity {
  id: number;
  /** Canonical name: the longest form used in the text, without titles. */
  name: string;
  type: EntityType;
  /** A title or function written beside the name. */
  role: string | null;
  mentions: Span[];
}

export interface Analysis {
  language: Language;
  /** Non-overlapping, in text order. */
  quotes: Quote[];
  /** One entry per real-world entity, ordered by first mention. */
  entities: Entity[];
}

/** Where the engine lives and how it runs (shared by every call with the same values). */
export interface EngineOptions {
  /** URL of the folder holding article_lens.js, the wasm modules (article_lens_bg.wasm, and article_lens_simd_bg.wasm used where wasm SIMD is available) and models/ (default: ./pkg/ beside article-lens.js). */
  pkgUrl?: string | URL;
  /** Analyse in a module worker (default true; falls back to the main thread when workers fail). */
  worker?: boolean;
  /** Model languages fetched at start-up from pkg/models/ner-<lang>.bin (default ["fr", "en"]); a missing model is skipped. */
  models?: string[];
}

export interface AnnotateOptions extends EngineOptions {
  /**
   * CSS selectors whose subtrees are not analysed. Replaces the default,
   * `figcaption, aside, .ad, [aria-hidden=true]` (script, style, noscript, form controls and
   * hidden elements are always skipped). Use `""` to skip nothing more.
   */
  skip?: string;
  /**
   * Element that receives the sidebar's shadow root (a custom element, div, aside, section…);
   * `false` for no sidebar. Default: a floating panel appended to <body>.
   */
  panel?: HTMLElement | false;
  /** Sidebar heading (default "Who said what"). */
  title?: string;
  /** Re-analyse when the element's content changes (MutationObserver). Default true. */
  observe?: boolean;
  /** Delay of that re-analysis, in ms (default 400). */
  debounce?: number;
  /** Use the <article-lens-mark> fallback even where the CSS Custom Highlight API exists. */
  forceMarks?: boolean;
}

export interface EntityStep {
  id: number;
  /** 0-based index of the mention now shown. */
  index: number;
  total: number;
  mention: Span;
}

export interface LensEventMap {
  update: CustomEvent<Analysis>;
  error: CustomEvent<Error>;
  detach: CustomEvent<undefined>;
}

/** A running annotation of one element. */
export interface Lens extends EventTarget {
  readonly element: Element;
  /** The latest analysis (null before the first one). */
  readonly analysis: Analysis | null;
  /** The text that analysis was computed on (offsets index into it). */
  readonly text: string;
  /** "highlight-api" (CSS Custom Highlight API) or "marks" (<article-lens-mark> fallback). */
  readonly highlightMode: "highlight-api" | "marks";
  /** "worker" or "main": where the analysis runs. */
  readonly engineMode: "worker" | "main" | null;
  readonly detached: boolean;
  /** Reads the element's text again and re-analyses it now. */
  refresh(): Promise<Analysis | null>;
  /** Re-analyses after `delay` ms (default: the `debounce` option). */
  scheduleRefresh(delay?: number): void;
  /** Selects quote `index` (in `analysis.quotes`) and scrolls the article to it. */
  jumpToQuote(index: number): void;
  /** Emphasises quote `index`, or null to return to the selected one. */
  previewQuote(index: number | null): void;
  /** Highlights every mention of entity `id` and moves to the next one. */
  stepEntity(id: number): EntityStep | null;
  /** Removes quote and entity emphasis (speaker colours stay). */
  clearFocus(): void;
  /** The analysis with its text, as exported. */
  toJSON(): Analysis & { text: string };
  exportJson(): void;
  exportCsv(): void;
  copyJson(): Promise<void>;
  /** Removes every highlight, mark, observer and the sidebar. */
  detach(): void;
  addEventListener<K extends keyof LensEventMap>(
    type: K,
    listener: (this: Lens, ev: LensEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
}

/**
 * Annotates a live element: highlights its quotes (one colour per speaker), shows the sidebar and
 * follows later changes. Resolves after the first analysis is painted; rejects with an Error
 * (leaving the page as it was) when the engine cannot start, e.g. under a CSP without
 * 'wasm-unsafe-eval'.
 */
export function annotate(element: Element, options?: AnnotateOptions): Promise<Lens>;

/** Analyses a string. */
export function analyzeText(text: string, options?: EngineOptions): Promise<Analysis>;

/** Loads an entity model (the bytes of ner-fr.bin / ner-en.bin); resolves to its language. Rejects with an Error on bad bytes. */
export function loadModel(bytes: Uint8Array | ArrayBuffer, options?: EngineOptions): Promise<"fr" | "en">;

export function detectLanguage(text: string, options?: EngineOptions): Promise<Language>;

/** Starts the engine and fetches the models now (nothing is fetched later); resolves to the languages of the models it has, in the order they were loaded. */
export function preload(options?: EngineOptions): Promise<{ mode: "worker" | "main"; models: string[] }>;

/** The default `skip` selectors. */
export const DEFAULT_SKIP: string;

/** Text of an element as analysed (blocks separated by "\n"), with the offset → DOM mapping. */
export function extractText(root: Element, options?: { skip?: string; computedStyle?: boolean }): TextMap;

export interface TextMap {
  readonly text: string;
  /** A DOM Range for [start, end) of `text`, or null. */
  range(start: number, end: number): Range | null;
}

/** Plain text with paragraphs from an HTML string, parsed inert (nothing runs or loads). */
export function htmlToText(html: string): string;

/**
 * `<article-lens for="#story" skip=".promo" heading="…" marks></article-lens>`:
 * `for` selects the article (default: the closest <article>), `skip` adds selectors to the
 * default ones, `heading` titles the sidebar, `marks` forces the <article-lens-mark> fallback.
 * Attribute `state` is "loading", "ready", "error" or "detached".
 */
export class ArticleLensElement extends HTMLElement {
  /** The running lens, or null (before the first analysis, after an error or removal). */
  readonly lens: Lens | null;
  /** Resolves to the lens, or to null when it could not start; never rejects. */
  readonly ready: Promise<Lens | null>;
}

declare global {
  interface HTMLElementTagNameMap {
    "article-lens": ArticleLensElement;
  }
  interface HTMLElementEventMap {
    "article-lens-ready": CustomEvent<Lens>;
    "article-lens-update": CustomEvent<Analysis>;
    "article-lens-error": CustomEvent<Error>;
  }
}
