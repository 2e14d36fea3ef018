// Accessibility checks of the sidebar and the highlights: text contrast ≥ 4.5:1 in light and
// dark, visible focus, ARIA landmarks, the live region; plus the JSON/CSV exports.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { setup, newPage } from "./helpers.mjs";
import { useFakeGlue } from "./fake-glue.mjs";

let env;
before(async () => {
  env = await setup({ clipboard: true });
});
after(async () => {
  await env?.close();
});

/** In the page: contrast of every text in the sidebar, and of each highlight style. */
const measure = () => {
  const parse = (c) => {
    // color-mix() computes to color(srgb r g b / a) with 0–1 channels.
    const s = c.match(/color\(srgb ([^)]+)\)/);
    if (s) {
      const [r, g, b, a = 1] = s[1].split(/[ /]+/).filter(Boolean).map(Number);
      return { r: r * 255, g: g * 255, b: b * 255, a };
    }
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (x, y) => {
    const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  };
  const background = (el) => {
    for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) {
      const bg = parse(getComputedStyle(n).backgroundColor);
      if (bg && bg.a > 0.9) return bg;
    }
    return parse(getComputedStyle(document.body).backgroundColor);
  };
  const root = document.querySelector("article-lens").shadowRoot;
  const low = [];
  let checked = 0;
  for (const el of root.querySelectorAll("*")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim());
    if (!own || el.closest(".sr") || el.closest("[disabled]") || !el.checkVisibility()) continue;
    const fg = parse(getComputedStyle(el).color);
    const r = ratio(fg, background(el));
    checked++;
    if (r < 4.5) low.push(`${el.className || el.localName} "${el.textContent.trim().slice(0, 30)}": ${r.toFixed(2)}`);
  }
  // Highlight styles: the <article-lens-mark> rules mirror the ::highlight() ones exactly.
  const probe = document.createElement("article-lens-mark");
  document.body.append(probe);
  probe.textContent = "x";
  for (const layer of [
    "article-lens-quote",
    ...Array.from({ length: 8 }, (_, i) => `article-lens-speaker-${i}`),
    "article-lens-entity-active",
    "article-lens-entity-current",
    "article-lens-quote-focus",
  ]) {
    probe.setAttribute("data-layers", layer);
    const s = getComputedStyle(probe);
    const r = ratio(parse(s.color), parse(s.backgroundColor));
    checked++;
    if (r < 4.5) low.push(`${layer}: ${r.toFixed(2)}`);
  }
  probe.remove();
  return { low, checked };
};

test("sidebar and highlight colours have contrast ≥ 4.5:1, light and dark; focus is visible", async () => {
  const { page, log } = await newPage(env.context);
  await useFakeGlue(page); // with speakers, so every kind of item is drawn
  await page.goto(`${env.url}/demo/`);
  await page.waitForFunction(() => document.querySelector("article-lens")?.lens?.analysis?.quotes.length > 3);
  // Show every part: open the collapsed groups, select an entity.
  await page.evaluate(() => {
    for (const d of document.querySelector("article-lens").shadowRoot.querySelectorAll("details")) d.open = true;
  });
  await page.locator("article-lens button.entity").first().click();
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const { low, checked } = await page.evaluate(measure);
    assert.ok(checked > 20, `only ${checked} texts checked`);
    assert.deepEqual(low, [], `${scheme}: low contrast`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // Keyboard focus is visible.
  await page.locator("article-lens button.tool").last().focus();
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => {
    const el = document.querySelector("article-lens").shadowRoot.activeElement;
    const s = getComputedStyle(el);
    return { cls: el.className, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.match(outline.cls, /quote/);
  assert.notEqual(outline.style, "none");
  assert.ok(outline.width >= 2);

  // Landmarks and labels.
  const aria = await page.evaluate(() => {
    const root = document.querySelector("article-lens").shadowRoot;
    return {
      region: root.querySelector("[role=region]")?.getAttribute("aria-label"),
      live: root.querySelector("[role=status][aria-live=polite]")?.textContent,
      toolbar: root.querySelector("[role=toolbar]")?.getAttribute("aria-label"),
      unlabelledLists: [...root.querySelectorAll("ol, ul")].filter((l) => !l.getAttribute("aria-label")).length,
      sections: [...root.querySelectorAll("section")].map((s) => root.getElementById(s.getAttribute("aria-labelledby"))?.textContent),
    };
  });
  assert.ok(aria.region);
  assert.match(aria.live, /^\d+ quotes?, \d+ entit/);
  assert.ok(aria.toolbar);
  assert.equal(aria.unlabelledLists, 0);
  assert.deepEqual(aria.sections, ["Quotes, in order", "Who is quoted", "Names in the article"]);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("exports: CSV and JSON downloads, JSON to the clipboard", async () => {
  const { page, log } = await newPage(env.context);
  await page.goto(`${env.url}/demo/`);
  // The demo page appends a live update after a second (www/demo/demo.js): wait until it is
  // analysed too, or a slow first analysis races the re-analysis and the exports differ.
  await page.waitForFunction(() => document.querySelector("article-lens")?.lens?.analysis?.quotes.some((q) => q.text.includes("fontaines publiques")));
  const analysis = await page.evaluate(() => document.querySelector("article-lens").lens.analysis);

  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.locator("article-lens button.tool", { hasText: "CSV" }).click()]);
  assert.equal(csvDownload.suggestedFilename(), "article-lens.csv");
  const csv = await readFile(await csvDownload.path(), "utf8");
  const lines = csv.trim().split("\r\n");
  assert.equal(lines[0], "record,id,text,kind,speaker,speaker_entity,cue,role,mentions,start,end");
  assert.equal(lines.filter((l) => l.startsWith("quote,")).length, analysis.quotes.length);
  assert.ok(csv.includes(analysis.quotes[1].text));

  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.locator("article-lens button.tool", { hasText: /^JSON$/ }).click()]);
  const json = JSON.parse(await readFile(await jsonDownload.path(), "utf8"));
  assert.deepEqual(json.quotes, analysis.quotes);
  assert.deepEqual(json.entities, analysis.entities);
  assert.equal(json.text.slice(json.quotes[0].start, json.quotes[0].end), json.quotes[0].text);

  await page.locator("article-lens button.tool", { hasText: "Copy JSON" }).click();
  await page.waitForFunction(() => document.querySelector("article-lens").shadowRoot.querySelector(".sr[aria-live]").textContent.includes("copied"));
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.deepEqual(copied.quotes, analysis.quotes);
  assert.deepEqual(log.errors, []);
  await page.close();
});
