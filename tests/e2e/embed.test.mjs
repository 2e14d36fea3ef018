// The one-tag embed on the demo news page: the host article is untouched, the highlighted
// ranges are the quotes, the sidebar works by keyboard and mouse, late paragraphs are
// analysed, detach() cleans everything; plus the <article-lens-mark> fallback.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, newPage, screenshot } from "./helpers.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const LATE = "Nous rouvrirons les fontaines publiques";
const norm = (s) => s.replace(/\s+/g, " ").trim();

const storySnapshot = (page) =>
  page.evaluate(() => {
    const s = document.getElementById("story");
    return { html: s.innerHTML, text: s.textContent, inner: s.innerText };
  });

/** The demo page as the publisher has it, without the widget. */
async function baseline() {
  const { page } = await newPage(env.context);
  await page.route(/\/article-lens\.js$/, (r) => r.fulfill({ contentType: "text/javascript", body: "" }));
  await page.goto(`${env.url}/demo/`);
  await page.waitForSelector("#story p.update");
  const snap = await storySnapshot(page);
  await page.close();
  return snap;
}

async function openDemo(options = {}) {
  const { page, log } = await newPage(env.context);
  if (options.noHighlightApi) {
    await page.addInitScript(() => Object.defineProperty(CSS, "highlights", { value: undefined }));
  }
  await page.goto(`${env.url}/demo/`);
  await page.waitForFunction(
    (late) => document.querySelector("article-lens")?.lens?.analysis?.quotes.some((q) => q.text.startsWith(late)),
    LATE,
    { timeout: 15000 }
  );
  return { page, log };
}

/** Article-lens highlight ranges in document order: [{name, text}]. */
const paintedRanges = (page, pattern) =>
  page.evaluate((source) => {
    const re = new RegExp(source);
    const all = [];
    for (const [name, h] of CSS.highlights) if (re.test(name)) for (const r of h) all.push({ name, r });
    all.sort((a, b) => a.r.compareBoundaryPoints(Range.START_TO_START, b.r));
    return all.map(({ name, r }) => ({ name, text: r.toString() }));
  }, pattern.source);

const deepActive = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { cls: el?.className ?? "", text: el?.textContent ?? "", entity: el?.dataset?.entity ?? null };
  });

test("embed: highlights the quotes without touching the article, sidebar, keyboard, late paragraph, detach", async () => {
  const before = await baseline();
  const { page, log } = await openDemo();
  const lensInfo = await page.evaluate(() => {
    const lens = document.querySelector("article-lens").lens;
    return { analysis: lens.analysis, text: lens.text, mode: lens.highlightMode, engine: lens.engineMode };
  });
  assert.equal(lensInfo.mode, "highlight-api");
  assert.equal(lensInfo.engine, "worker");

  // The host article is exactly as the publisher made it.
  assert.deepEqual(await storySnapshot(page), before);
  assert.equal(await page.locator("#story article-lens-mark").count(), 0);

  // Skipped: figure caption, ad slot, related-links aside.
  for (const hidden of ["Du jamais-vu", "Abonnez-vous", "À lire aussi", "On ne sait plus quoi planter"]) {
    assert.ok(!lensInfo.text.includes(hidden), `${hidden} should not be analysed`);
  }
  assert.ok(lensInfo.text.includes("sans la moindre compensation"), "text inside <em> is analysed");

  // Highlight ranges are the quotes, in order, including the late paragraph's.
  const quotes = await paintedRanges(page, /^article-lens-(speaker-\d|quote)$/);
  assert.deepEqual(quotes.map((q) => norm(q.text)), lensInfo.analysis.quotes.map((q) => norm(q.text)));
  const texts = quotes.map((q) => q.text);
  for (const start of ["Nous n’avons jamais vu les nappes", "On nous demande de sacrifier", "Nous suivons la situation", LATE]) {
    assert.ok(texts.some((t) => t.startsWith(start)), `no highlighted quote starts with ${start}`);
  }

  // Sidebar content.
  const el = page.locator("article-lens");
  assert.equal(await el.locator("button.quote[data-key^=q]").count(), lensInfo.analysis.quotes.length);
  assert.match(await el.locator(".status").textContent(), /^\d+ quotes?, \d+ entit/);
  assert.equal(await el.locator("[aria-live=polite]").first().textContent(), await el.locator(".status").textContent());
  assert.ok(lensInfo.analysis.entities.length > 0);
  assert.equal(await el.locator("button.entity").count(), lensInfo.analysis.entities.length);

  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "demo-light.png");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(100);
  await screenshot(page, "demo-dark.png");
  await page.emulateMedia({ colorScheme: "light" });

  // Keyboard: Tab from the export toolbar lands on the first quote; arrows move; Enter jumps.
  await el.locator("button.tool", { hasText: "CSV" }).focus();
  await page.keyboard.press("Tab");
  let active = await deepActive(page);
  assert.match(active.cls, /\bquote\b/);
  await page.keyboard.press("ArrowDown");
  active = await deepActive(page);
  assert.ok(norm(active.text).includes(norm(lensInfo.analysis.quotes[1].text).slice(0, 30)));
  await page.keyboard.press("Enter");
  const focus = await paintedRanges(page, /^article-lens-quote-focus$/);
  assert.equal(norm(focus[0].text), norm(lensInfo.analysis.quotes[1].text));

  // Tab on to an entity and step through its mentions with Enter.
  for (let i = 0; i < 25 && !/\bentity\b/.test(active.cls); i++) {
    await page.keyboard.press("Tab");
    active = await deepActive(page);
  }
  assert.match(active.cls, /\bentity\b/, "Tab never reached an entity");
  const entity = lensInfo.analysis.entities.find((e) => String(e.id) === active.entity);
  await page.keyboard.press("Enter");
  let current = await paintedRanges(page, /^article-lens-entity-current$/);
  assert.equal(norm(current[0].text), norm(entity.mentions[0].text));
  const activeMentions = await paintedRanges(page, /^article-lens-entity-active$/);
  assert.equal(activeMentions.length, entity.mentions.length);
  await page.keyboard.press("Enter");
  current = await paintedRanges(page, /^article-lens-entity-current$/);
  assert.equal(norm(current[0].text), norm(entity.mentions[1 % entity.mentions.length].text));

  // Click: an entity with several mentions, clicked twice, moves to its second mention
  // (reduced motion: the scroll is immediate).
  await page.emulateMedia({ reducedMotion: "reduce" });
  const many = lensInfo.analysis.entities.filter((e) => e.mentions.length >= 2).at(-1);
  assert.ok(many, "an entity with two mentions");
  const button = el.locator(`button.entity[data-entity="${many.id}"]`);
  await button.click();
  await button.click();
  await page.waitForTimeout(50);
  assert.equal(await button.locator(".badge").textContent(), `2 / ${many.mentions.length}`);
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  const step = await page.evaluate(() => {
    const [r] = CSS.highlights.get("article-lens-entity-current");
    const box = r.getBoundingClientRect();
    return { text: r.toString(), top: box.top, bottom: box.bottom, height: innerHeight };
  });
  assert.equal(norm(step.text), norm(many.mentions[1].text));
  assert.ok(step.top >= 0 && step.bottom <= step.height, "the current mention is scrolled into view");
  await page.keyboard.press("Escape");
  assert.equal((await paintedRanges(page, /^article-lens-entity-/)).length, 0);

  // Host article still untouched after all that.
  assert.deepEqual(await storySnapshot(page), before);

  // detach(): no highlights, no panel, no stylesheet left.
  const sheetsBefore = await page.evaluate(() => document.adoptedStyleSheets.length);
  assert.equal(sheetsBefore, 1);
  await page.evaluate(() => document.querySelector("article-lens").lens.detach());
  assert.equal(await page.locator("article-lens").getAttribute("state"), "detached");
  const leftover = await page.evaluate(() => ({
    highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith("article-lens")),
    shadow: document.querySelector("article-lens").shadowRoot.childElementCount,
    sheets: document.adoptedStyleSheets.length,
    floating: document.querySelectorAll("article-lens-panel, article-lens-mark").length,
  }));
  assert.deepEqual(leftover, { highlights: [], shadow: 0, sheets: 0, floating: 0 });
  assert.deepEqual(await storySnapshot(page), before);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("embed from the deployable build (www/dist, bundled and minified): same analysis, only dist files loaded", async () => {
  const source = await openDemo();
  const expected = await source.page.evaluate(() => {
    const a = document.querySelector("article-lens").lens.analysis;
    return { quotes: a.quotes.map((q) => [q.text, q.speaker?.text ?? null]), entities: a.entities.length };
  });
  await source.page.close();

  const { page, log } = await newPage(env.context);
  const loaded = [];
  page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
  // The page's own tag points at the source; send it to the deployable copy instead (a redirect,
  // so that the module's own URL, and every URL computed from it, is under /dist/).
  await page.route(/\/article-lens\.js$/, (r) =>
    new URL(r.request().url()).pathname.startsWith("/dist/")
      ? r.continue()
      : r.fulfill({ status: 302, headers: { location: "/dist/article-lens.js" } })
  );
  await page.goto(`${env.url}/demo/`);
  await page.waitForFunction(
    (late) => document.querySelector("article-lens")?.lens?.analysis?.quotes.some((q) => q.text.startsWith(late)),
    LATE,
    { timeout: 15000 }
  );
  const got = await page.evaluate(() => {
    const a = document.querySelector("article-lens").lens.analysis;
    return { quotes: a.quotes.map((q) => [q.text, q.speaker?.text ?? null]), entities: a.entities.length };
  });
  assert.deepEqual(got, expected);
  const scripts = loaded.filter((p) => /\.(js|wasm|bin)$/.test(p) && !p.startsWith("/demo/"));
  for (const file of ["/dist/worker.js", "/dist/pkg/article_lens.js", "/dist/pkg/article_lens_simd_bg.wasm"]) {
    assert.ok(scripts.includes(file), `${file} not among ${scripts.join(", ")}`);
  }
  assert.deepEqual(
    scripts.filter((p) => !p.startsWith("/dist/") && p !== "/article-lens.js"),
    [],
    "a source file was loaded instead of its deployable copy"
  );
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("embed: removing the <article-lens> tag detaches it", async () => {
  const { page, log } = await openDemo();
  await page.evaluate(() => document.querySelector("article-lens").remove());
  const left = await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith("article-lens")));
  assert.deepEqual(left, []);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("embed without the Highlight API: <article-lens-mark> fallback, removed on detach", async () => {
  const before = await baseline();
  const { page, log } = await openDemo({ noHighlightApi: true });
  const info = await page.evaluate(() => {
    const lens = document.querySelector("article-lens").lens;
    const marks = [...document.querySelectorAll("#story article-lens-mark")];
    const quoteMarks = marks.filter((m) => /article-lens-(speaker-\d|quote)\b/.test(m.dataset.layers));
    const first = quoteMarks[0];
    return {
      mode: lens.highlightMode,
      quotes: lens.analysis.quotes.map((q) => q.text),
      markedText: quoteMarks.map((m) => m.textContent).join(""),
      text: document.getElementById("story").textContent,
      background: first && getComputedStyle(first).backgroundColor,
      color: first && getComputedStyle(first).color,
    };
  });
  assert.equal(info.mode, "marks");
  assert.equal(info.text, before.text, "textContent unchanged by the marks");
  assert.equal(info.markedText.replace(/\s+/g, ""), info.quotes.join("").replace(/\s+/g, ""));
  // The host's `mark {background: black; color: yellow}` and `span {color: red}` do not reach them.
  assert.notEqual(info.background, "rgb(0, 0, 0)");
  assert.notEqual(info.color, "rgb(255, 255, 0)");
  assert.notEqual(info.color, "rgb(255, 0, 0)");
  await screenshot(page, "demo-marks-light.png");

  // Stepping through an entity repaints, still without changing the text.
  const entity = await page.evaluate(() => document.querySelector("article-lens").lens.analysis.entities[0]);
  await page.locator(`article-lens button.entity[data-entity="${entity.id}"]`).click();
  assert.equal(await page.locator('#story article-lens-mark[data-layers~="article-lens-entity-current"]').count() > 0, true);
  assert.equal(await page.evaluate(() => document.getElementById("story").textContent), before.text);

  await page.evaluate(() => document.querySelector("article-lens").lens.detach());
  assert.deepEqual(await storySnapshot(page), before);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("annotate() from a module: default floating panel, options, detach", async () => {
  const { page, log } = await newPage(env.context);
  await page.goto(`${env.url}/demo/`);
  await page.waitForFunction(() => document.querySelector("article-lens")?.lens);
  const out = await page.evaluate(async () => {
    document.querySelector("article-lens").remove(); // the tag's own lens goes away
    const { annotate } = await import("../article-lens.js");
    const story = document.getElementById("story");
    const lens = await annotate(story, { skip: ".ad, aside", title: "Citations", debounce: 50 });
    const panel = document.querySelector("article-lens-panel");
    const result = {
      floating: panel?.hasAttribute("floating"),
      position: panel && getComputedStyle(panel).position,
      title: panel?.shadowRoot.querySelector("h2").textContent,
      captionAnalysed: lens.text.includes("Du jamais-vu"), // figcaption no longer skipped
      quotes: lens.analysis.quotes.length,
    };
    // Host changes are followed (debounced), the widget's own are not; keyboard focus survives.
    panel.shadowRoot.querySelector('button.quote[data-key="q2"]').focus();
    const p = document.createElement("p");
    p.textContent = "« Une phrase ajoutée à la fin », a déclaré Paul Girard.";
    story.append(p);
    await new Promise((ok) => lens.addEventListener("update", ok, { once: true }));
    result.added = lens.analysis.quotes.some((q) => q.text === "Une phrase ajoutée à la fin");
    result.focusKept = panel.shadowRoot.activeElement?.dataset.key;
    lens.detach();
    result.after = {
      panels: document.querySelectorAll("article-lens-panel").length,
      highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith("article-lens")).length,
      sheets: document.adoptedStyleSheets.length,
    };
    return result;
  });
  assert.equal(out.floating, true);
  assert.equal(out.position, "fixed");
  assert.equal(out.title, "Citations");
  assert.equal(out.captionAnalysed, true);
  assert.ok(out.quotes > 3);
  assert.equal(out.added, true);
  assert.equal(out.focusKept, "q2");
  assert.deepEqual(out.after, { panels: 0, highlights: 0, sheets: 0 });
  assert.deepEqual(log.errors, []);
  await page.close();
});
