// The engine wrapper: an abort inside wasm becomes an Error with the panic message, and the
// next call runs on a fresh instance; speakers get their colours (with a stand-in glue).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, newPage, screenshot } from "./helpers.mjs";
import { useFakeGlue } from "./fake-glue.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

for (const worker of [false, true]) {
  test(`a panic is reported as an Error and the engine restarts (${worker ? "worker" : "main thread"})`, async () => {
    const { page, log } = await newPage(env.context);
    await useFakeGlue(page);
    await page.goto(`${env.url}/demo/`);
    const out = await page.evaluate(async (worker) => {
      const { analyzeText, preload } = await import("../article-lens.js");
      const opts = { worker };
      const first = await analyzeText("« Bonjour », a déclaré Anne Leroy.", opts);
      const modelsBefore = (await preload(opts)).models;
      let error = null;
      try {
        await analyzeText("PANIC", opts);
      } catch (e) {
        error = { isError: e instanceof Error, name: e.name, message: e.message };
      }
      const again = await analyzeText("« Au revoir », a déclaré Anne Leroy.", opts);
      // The fresh instance got the models again.
      const modelsAfter = (await preload(opts)).models;
      return { first: first.quotes[0].text, error, again: again.quotes[0].text, speaker: again.quotes[0].speaker.text, modelsBefore, modelsAfter };
    }, worker);
    assert.deepEqual(out.modelsBefore, ["fr", "en"]);
    assert.deepEqual(out.modelsAfter, ["fr", "en"]);
    assert.equal(out.first, "Bonjour");
    assert.equal(out.error.isError, true);
    assert.equal(out.error.name, "Error");
    assert.match(out.error.message, /fake panic for the test/);
    assert.equal(out.again, "Au revoir");
    assert.equal(out.speaker, "Anne Leroy");
    assert.deepEqual(log.errors, []);
    await page.close();
  });
}

test("speakers get one colour each, in the text and in the sidebar", async () => {
  const { page, log } = await newPage(env.context);
  await useFakeGlue(page);
  await page.goto(`${env.url}/demo/`);
  await page.waitForFunction(() =>
    document.querySelector("article-lens").lens?.analysis?.quotes.some((q) => q.text.startsWith("Nous rouvrirons"))
  );
  const hl = await page.evaluate(() => {
    const out = {};
    for (const [name, h] of CSS.highlights) out[name] = [...h].map((r) => r.toString());
    return out;
  });
  assert.ok(hl["article-lens-speaker-0"].some((t) => t.startsWith("Nous n’avons jamais vu")));
  assert.ok(hl["article-lens-speaker-name"].includes("Thomas Berger"));
  const speakers = page.locator("article-lens .speakers li");
  assert.ok((await speakers.count()) >= 3);
  await page.locator("article-lens button.quote").nth(1).hover();
  await page.waitForTimeout(250);
  await screenshot(page, "demo-speakers-light.png");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(100);
  await screenshot(page, "demo-speakers-dark.png");
  assert.deepEqual(log.errors, []);
  await page.close();
});

/** Opens the demo page, analyses one sentence on the main thread; returns what it fetched. */
async function analyseNoting(page) {
  const wasm = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(new URL(r.url()).pathname);
  });
  await page.goto(`${env.url}/demo/`);
  const out = await page.evaluate(async () => {
    const { analyzeText } = await import("../article-lens.js");
    const a = await analyzeText("« Nous partirons demain », a déclaré Anne Leroy.", { worker: false });
    return { quote: a.quotes[0]?.text, speaker: a.quotes[0]?.speaker?.text };
  });
  assert.deepEqual(out, { quote: "Nous partirons demain", speaker: "Anne Leroy" });
  return wasm;
}

test("a browser without wasm SIMD gets the baseline module, with the same analysis", async () => {
  const { page, log } = await newPage(env.context);
  // As in a browser whose WebAssembly lacks SIMD: the engine's probe does not validate.
  await page.addInitScript(() => {
    WebAssembly.validate = () => false;
  });
  const wasm = await analyseNoting(page);
  assert.ok(wasm.includes("/pkg/article_lens_bg.wasm"), `baseline module not fetched (${wasm.join(", ")})`);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("when the SIMD module fails to load, the engine falls back to the baseline one", async () => {
  const { page, log } = await newPage(env.context);
  // A server or cache that lost the SIMD file: its request gets a 404.
  await page.route("**/article_lens_simd_bg.wasm", (route) => route.fulfill({ status: 404, body: "" }));
  const wasm = await analyseNoting(page);
  assert.ok(wasm.includes("/pkg/article_lens_simd_bg.wasm"), `SIMD module not tried (${wasm.join(", ")})`);
  assert.ok(wasm.includes("/pkg/article_lens_bg.wasm"), `baseline module not fetched (${wasm.join(", ")})`);
  assert.ok(
    log.console.some((m) => m.type === "warning" && /article_lens_simd_bg\.wasm did not load/.test(m.text)),
    "no warning about the fallback"
  );
  assert.deepEqual(log.errors, []);
  await page.close();
});

for (const worker of [false, true]) {
  test(`preload lists the loaded models once each, in loading order (${worker ? "worker" : "main thread"})`, async () => {
    const { page, log } = await newPage(env.context);
    await page.goto(`${env.url}/demo/`);
    const out = await page.evaluate(async (worker) => {
      const { preload, loadModel } = await import("../article-lens.js");
      // English first: the list follows the loading order.
      const opts = { worker, models: ["en", "fr"] };
      const first = await preload(opts);
      // Loading a language again replaces its model; bytes that are no model are refused.
      const english = new Uint8Array(await (await fetch("../pkg/models/ner-en.bin")).arrayBuffer());
      const reloaded = await loadModel(english, opts);
      let refused = null;
      try {
        await loadModel(new Uint8Array(64), opts);
      } catch (e) {
        refused = e instanceof Error && e.message;
      }
      const second = await preload(opts);
      return { first: first.models, reloaded, refused, second: second.models };
    }, worker);
    // On the main thread the engine is this test's, started with English first; the worker
    // engine is the one the demo page itself started, with the default order (French first).
    const order = worker ? ["fr", "en"] : ["en", "fr"];
    assert.deepEqual(out.first, order);
    assert.equal(out.reloaded, "en");
    assert.match(out.refused, /not an article-lens NER model/);
    assert.deepEqual(out.second, order);
    assert.deepEqual(log.errors, []);
    await page.close();
  });
}
