// The embed's events and theming: every failed re-analysis reaches the page as
// article-lens-error; a dark --article-lens-background with light text but no surface colour
// still gives readable toolbar pills; `skip` extended from DEFAULT_SKIP keeps the defaults.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, newPage } from "./helpers.mjs";
import { useFakeGlue } from "./fake-glue.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

async function openDemo(page) {
  await page.goto(`${env.url}/demo/`);
  await page.waitForFunction(() => document.querySelector("article-lens")?.lens?.analysis?.quotes.length > 0, null, { timeout: 15000 });
}

test("every failed re-analysis fires article-lens-error on the tag", async () => {
  const { page } = await newPage(env.context);
  await useFakeGlue(page); // its engine aborts on "PANIC"
  await openDemo(page);
  await page.evaluate(() => {
    window.__errors = [];
    document.querySelector("article-lens").addEventListener("article-lens-error", (e) => window.__errors.push(e.detail.message));
  });
  const status = () => page.evaluate(() => document.querySelector("article-lens").shadowRoot.querySelector(".status").dataset.state);
  for (const n of [1, 2]) {
    await page.evaluate((n) => document.getElementById("story").append(Object.assign(document.createElement("p"), { textContent: `PANIC ${n}` })), n);
    await page.waitForFunction((n) => window.__errors.length === n, n, { timeout: 10000 });
    assert.equal(await status(), "error");
  }
  const errors = await page.evaluate(() => window.__errors);
  for (const m of errors) assert.match(m, /fake panic for the test/);
  await page.close();
});

test("a dark background with light text and no surface colour: readable pills and muted text", async () => {
  const { page } = await newPage(env.context);
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () =>
      document.documentElement.style.cssText = "--article-lens-background: #101418; --article-lens-text: #f0f0f0");
  });
  await openDemo(page);
  const out = await page.evaluate(() => {
    const lum = (c) => {
      const v = c.match(/[\d.]+/g).map(Number);
      const [r, g, b] = c.startsWith("color(") ? v.map((x) => x * 255) : v;
      const f = (x) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const root = document.querySelector("article-lens").shadowRoot;
    const tool = getComputedStyle(root.querySelector(".tool"));
    const muted = getComputedStyle(root.querySelector("summary .n, .speakers .count"));
    const bg = getComputedStyle(root.querySelector(".panel")).backgroundColor;
    return { pill: ratio(tool.color, tool.backgroundColor), pillBg: lum(tool.backgroundColor), muted: ratio(muted.color, bg) };
  });
  assert.ok(out.pillBg < 0.1, `the pills are light (${out.pillBg.toFixed(2)})`);
  assert.ok(out.pill >= 4.5, `pill contrast ${out.pill.toFixed(2)}`);
  assert.ok(out.muted >= 4.5, `muted contrast ${out.muted.toFixed(2)}`);
  await page.close();
});

test("skip extended from DEFAULT_SKIP keeps the default exclusions", async () => {
  const { page } = await newPage(env.context);
  await page.goto(`${env.url}/demo/`);
  const text = await page.evaluate(async () => {
    const { annotate, DEFAULT_SKIP } = await import("../article-lens.js");
    document.querySelector("article-lens").remove();
    const story = document.getElementById("story");
    const promo = Object.assign(document.createElement("p"), { className: "promo", textContent: "PROMO TEXT" });
    story.append(promo);
    const lens = await annotate(story, { skip: `${DEFAULT_SKIP}, .promo`, panel: false });
    return lens.text;
  });
  assert.doesNotMatch(text, /PROMO TEXT/);
  assert.doesNotMatch(text, /Publicité/); // .ad, a default
  assert.doesNotMatch(text, /Photo : Léa Fontaine/); // figcaption, a default
  await page.close();
});
