// A publisher whose CSP forbids WebAssembly (script-src 'self', no 'wasm-unsafe-eval'):
// the widget says so once in the console and leaves the page alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, newPage } from "./helpers.mjs";

let env;
before(async () => {
  env = await setup({ headers: () => ({ "content-security-policy": "script-src 'self'" }) });
});
after(async () => {
  await env?.close();
});

test("CSP without 'wasm-unsafe-eval': graceful failure with a clear console message", async () => {
  const { page, log } = await newPage(env.context);
  await page.goto(`${env.url}/demo/`);
  await page.waitForFunction(() => document.querySelector("article-lens")?.getAttribute("state") === "error", null, {
    timeout: 15000,
  });
  await page.waitForSelector("#story p.update"); // the publisher's own script still runs
  await page.waitForTimeout(300);
  const ours = log.console.filter((m) => m.text.startsWith("article-lens:"));
  assert.equal(ours.length, 1, JSON.stringify(ours));
  assert.equal(ours[0].type, "error");
  assert.match(ours[0].text, /Content-Security-Policy/);
  assert.match(ours[0].text, /'wasm-unsafe-eval'/);
  assert.deepEqual(log.errors, [], "no uncaught errors");
  const state = await page.evaluate(() => ({
    highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith("article-lens")),
    marks: document.querySelectorAll("article-lens-mark").length,
    note: document.querySelector("article-lens").shadowRoot?.textContent ?? "",
    story: document.getElementById("story").innerText,
  }));
  assert.deepEqual(state.highlights, []);
  assert.equal(state.marks, 0);
  assert.match(state.note, /unavailable/);
  assert.match(state.story, /Nous n’avons jamais vu les nappes aussi basses/);
  assert.match(state.story, /Nous rouvrirons les fontaines/);
  await page.close();
});

test("CSP without 'wasm-unsafe-eval': annotate() rejects with a clear Error", async () => {
  const { page, log } = await newPage(env.context);
  await page.goto(`${env.url}/demo/`);
  await page.waitForFunction(() => document.querySelector("article-lens")?.getAttribute("state") === "error");
  const before = await page.evaluate(() => document.getElementById("story").innerHTML);
  const result = await page.evaluate(async () => {
    const { annotate } = await import("../article-lens.js");
    try {
      await annotate(document.getElementById("story"), { panel: false });
      return { ok: true };
    } catch (e) {
      return { ok: false, isError: e instanceof Error, message: e.message };
    }
  });
  assert.equal(result.ok, false);
  assert.equal(result.isError, true);
  assert.match(result.message, /wasm-unsafe-eval/);
  assert.equal(await page.evaluate(() => document.getElementById("story").innerHTML), before);
  assert.deepEqual(log.errors, []);
  await page.close();
});
