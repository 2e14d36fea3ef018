// The paste page: text in, highlighted article + sidebar out. Pasted or dropped HTML is only
// ever reduced to text (inert DOMParser document) and rendered as text nodes.
import { annotate, htmlToText, preload } from "./article-lens.js";

const SAMPLES = {
  fr: `Le conseil municipal de Valbrune a adopté mardi soir le projet de tramway, après trois heures de débats souvent tendus.
« Ce vote engage la ville pour vingt ans, et nous l’assumons pleinement », a déclaré la maire, Hélène Garnier, à l’issue de la séance.
L’opposition a dénoncé un calendrier « précipité ». « Personne ne conteste l’utilité d’un tramway, mais le budget n’est pas bouclé », a estimé Marc Olivier, conseiller municipal d’opposition.
Selon la Chambre de commerce de Valbrune, près de 300 commerces sont installés sur le tracé. « Nous demandons des indemnités claires avant le premier coup de pioche », a affirmé sa présidente, Sophie Lambert.
Les travaux doivent commencer en mars 2027 et durer trois ans.
« Nous tiendrons les délais », a assuré Hélène Garnier.`,
  en: `The city council of Northbridge approved a new flood barrier on Tuesday after a two-hour debate.
“This is the most important vote this council will take in a decade,” said Mayor Daniel Okafor.
Residents of the riverside district were divided. “We have waited since the 2019 floods, and we cannot wait any longer,” said Priya Raman, who chairs the Riverside Residents Association.
Not everyone agreed. Councillor Ellen Marsh said the plan was “too expensive and too slow”, and warned that the money could run out before the wall is finished.
The Environment Agency said construction would begin in April and cost about 48 million pounds.
“We will keep every promise we made tonight,” Okafor told reporters.`,
};

const MAX_CHARS = 2_000_000;

const $ = (id) => document.getElementById(id);
const source = $("source");
const display = $("display");
const placeholder = $("placeholder");
const status = $("engine-status");
const main = document.querySelector("main");

let lens = null;
let timer = 0;
let ready = "";

function setStatus(text, state = "ok") {
  status.textContent = text;
  status.dataset.state = state;
}

const CHUNK = 50; // paragraphs per block: the unit of reuse and of content-visibility

/**
 * Renders the text as paragraphs of plain text nodes (never as HTML), each with dir="auto", in
 * blocks of CHUNK. Unchanged blocks are kept: typing in a long text rebuilds one or a few.
 */
function render(text) {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim());
  const chunks = [];
  for (let i = 0; i < lines.length; i += CHUNK) chunks.push(lines.slice(i, i + CHUNK));
  const old = display.children; // live
  const same = (el, chunk) => el.lines.length === chunk.length && chunk.every((line, i) => line === el.lines[i]);
  const max = Math.min(chunks.length, old.length);
  let head = 0;
  let tail = 0;
  while (head < max && same(old[head], chunks[head])) head++;
  while (tail < max - head && same(old[old.length - 1 - tail], chunks[chunks.length - 1 - tail])) tail++;
  while (old.length > head + tail) old[head].remove();
  const frag = document.createDocumentFragment();
  for (const chunk of chunks.slice(head, chunks.length - tail)) {
    const div = document.createElement("div");
    div.className = "chunk";
    div.lines = chunk;
    for (const line of chunk) {
      const p = document.createElement("p");
      p.dir = "auto";
      p.textContent = line;
      div.append(p);
    }
    frag.append(div);
  }
  display.insertBefore(frag, old[head] ?? null);
  placeholder.hidden = display.childElementCount > 0;
}

async function update() {
  clearTimeout(timer);
  render(source.value);
  if (!lens) return;
  const analysis = await lens.refresh();
  if (analysis) display.lang = analysis.language === "und" ? "" : analysis.language;
  if (!timer) display.removeAttribute("aria-busy");
}

// Re-analysis waits for a pause in typing: longer for long texts (up to 1.5 s at 1.2 MB).
function schedule(delay = Math.min(1500, 300 + source.value.length / 1000)) {
  clearTimeout(timer);
  display.setAttribute("aria-busy", "true");
  timer = setTimeout(() => {
    timer = 0;
    update().catch((e) => console.error(e));
  }, delay);
}

/** Keeps the text within MAX_CHARS, whatever brought it (typing, paste, drop, file, sample). */
function limit() {
  const n = source.value.length;
  if (n <= MAX_CHARS) return;
  source.value = source.value.slice(0, MAX_CHARS);
  setStatus(`That text is too long (${n.toLocaleString()} characters); only the first ${MAX_CHARS.toLocaleString()} are kept.`, "error");
}

function setText(text) {
  source.value = text;
  limit();
  schedule(0);
}

function insertText(text) {
  const { selectionStart, selectionEnd } = source;
  source.setRangeText(text, selectionStart, selectionEnd, "end");
  source.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
}

const isHtmlFile = (file) => /\.html?$/i.test(file.name) || file.type === "text/html";
const isTextFile = (file) => /\.(txt|text|md)$/i.test(file.name) || file.type.startsWith("text/");

async function readFile(file) {
  if (!file) return;
  if (!isHtmlFile(file) && !isTextFile(file)) {
    setStatus(`“${file.name}” is not a text or HTML file.`, "error");
    return;
  }
  const raw = await file.text();
  setText(isHtmlFile(file) ? htmlToText(raw) : raw);
}

// Typing waits for a pause; a paste or drop is analysed at once.
source.addEventListener("input", (event) => {
  limit();
  schedule(event.inputType?.startsWith("insertFrom") ? 0 : undefined);
});

source.addEventListener("paste", (event) => {
  const data = event.clipboardData;
  if (!data) return;
  const html = data.getData("text/html");
  if (!html) return; // plain text: the textarea's own paste is already text
  event.preventDefault();
  insertText(htmlToText(html) || data.getData("text/plain"));
});

source.addEventListener("dragover", (event) => {
  event.preventDefault();
  source.classList.add("dragging");
});
source.addEventListener("dragleave", () => source.classList.remove("dragging"));
// Dropping anywhere: take files and HTML ourselves (never let the browser open or insert them).
document.addEventListener("dragover", (event) => event.preventDefault());
document.addEventListener("drop", (event) => {
  source.classList.remove("dragging");
  const data = event.dataTransfer;
  if (!data) return;
  if (data.files && data.files.length) {
    event.preventDefault();
    readFile(data.files[0]).catch((e) => setStatus(`Cannot read the file: ${e.message}`, "error"));
    return;
  }
  const html = data.getData("text/html");
  const plain = data.getData("text/plain");
  if (html || plain) {
    event.preventDefault();
    source.focus();
    insertText(html ? htmlToText(html) || plain : plain);
  }
});

$("file").addEventListener("change", (event) => {
  readFile(event.target.files?.[0]).catch((e) => setStatus(`Cannot read the file: ${e.message}`, "error"));
  event.target.value = "";
});
$("sample-fr").addEventListener("click", () => setText(SAMPLES.fr));
$("sample-en").addEventListener("click", () => setText(SAMPLES.en));
$("clear").addEventListener("click", () => {
  setText("");
  if (ready) setStatus(ready);
  source.focus();
});

async function start() {
  try {
    const info = await preload(); // wasm + both models, fetched now: nothing goes out later
    lens = await annotate(display, { panel: $("panel"), observe: false, skip: "" });
    const models = info.models.length
      ? `entity models: ${info.models.join(", ")}`
      : "names found by rules; no entity model installed";
    setStatus((ready = `Ready — the analysis runs in your browser (${models}).`));
    main.dataset.engine = "ready";
    if (source.value) await update();
  } catch (error) {
    main.dataset.engine = "error";
    display.removeAttribute("aria-busy");
    setStatus(error.message, "error");
  }
}

render(source.value);
start();

// For tests and the console.
window.articleLensPage = {
  get lens() {
    return lens;
  },
  update,
  samples: SAMPLES,
};
