// The paste page with big and right-to-left texts: a 1 MB paste shows an "Analysing" state
// (aria-busy) and no long freeze after the browser's own paste, the sidebar pages its lists,
// typing waits for a pause and rebuilds only the changed block; the 2,000,000-character limit
// applies to pastes with an error status that Clear removes; RTL paragraphs and excerpts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { setup, newPage, seedArticle, SEED_ARTICLE } from "./helpers.mjs";

let env;
before(async () => {
  env = await setup({ clipboard: true });
});
after(async () => {
  await env?.close();
});

async function openReady() {
  const { page, log } = await newPage(env.context);
  await page.goto(`${env.url}/`);
  await page.waitForSelector("main[data-engine=ready]", { timeout: 20000 });
  return { page, log };
}

/** A real Ctrl+V of `text` into the text box. */
async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus("#source");
  await page.keyboard.press("Control+V");
}

const panel = (page, fn, arg) => page.evaluate(([f, a]) => new Function("root", "a", `return (${f})(root, a)`)(document.querySelector("#panel").shadowRoot, a), [fn.toString(), arg]);
const statusOf = (page) => panel(page, (root) => ({ text: root.querySelector(".status").textContent, busy: root.querySelector("[role=region]").getAttribute("aria-busy") }));

test("a 1 MB paste: busy state, no long freeze, paged sidebar, debounced typing", { skip: existsSync(SEED_ARTICLE) ? false : `${SEED_ARTICLE} not found` }, async () => {
  const { page, log } = await openReady();
  const seed = await seedArticle();
  const text = seed.repeat(Math.ceil(1e6 / seed.length)).slice(0, 1e6);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
    const frame = () => requestAnimationFrame(frame); // keep frames coming, as a scrolling reader would
    frame();
  });
  await paste(page, text);
  // While the worker runs: the panel says so and is aria-busy, and so is the article.
  await page.waitForFunction(() => document.querySelector("#panel").shadowRoot.querySelector(".status").textContent.startsWith("Analysing"), null, { timeout: 20000, polling: 20 });
  assert.equal((await statusOf(page)).busy, "true");
  assert.equal(await page.getAttribute("#display", "aria-busy"), "true");
  await page.waitForFunction(() => /^\d+ quotes?,/.test(document.querySelector("#panel").shadowRoot.querySelector(".status").textContent), null, { timeout: 60000 });
  assert.equal((await statusOf(page)).busy, "false");
  assert.equal(await page.getAttribute("#display", "aria-busy"), null);
  // The first long task is the browser's own insertion into the textarea; after it, rendering
  // the article and the results never blocks for long (it took 1.1–2 s before).
  const long = await page.evaluate(() => window.__long);
  const worst = Math.max(0, ...long.slice(1));
  assert.ok(worst < 700, `main thread blocked ${worst.toFixed(0)} ms after the paste (${long.map(Math.round)})`);

  // The sidebar pages its lists: 100 quotes and a "Show more" button, not thousands of items.
  const nQuotes = await page.evaluate(() => window.articleLensPage.lens.analysis.quotes.length);
  assert.ok(nQuotes > 1000);
  const counts = await panel(page, (root) => ({
    buttons: root.querySelectorAll("button").length,
    quotes: root.querySelectorAll('[data-nav=quotes] button.quote').length,
    more: root.querySelector("[data-nav=quotes] button.more")?.textContent,
  }));
  assert.ok(counts.buttons < 600, `${counts.buttons} buttons in the sidebar`);
  assert.equal(counts.quotes, 100);
  assert.equal(counts.more, `Show more (${nQuotes - 100})`);
  await page.locator("#panel [data-nav=quotes] button.more").click();
  const after = await panel(page, (root) => ({
    quotes: root.querySelectorAll("[data-nav=quotes] button.quote").length,
    focused: root.activeElement?.dataset.quote,
  }));
  assert.deepEqual(after, { quotes: 200, focused: "100" });

  // Typing one character: no re-analysis before a pause; then only the changed block is new.
  const firstBlock = await page.evaluateHandle(() => document.querySelector("#display").firstElementChild);
  await page.focus("#source");
  await page.keyboard.press("Control+End");
  await page.keyboard.type("x");
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => window.articleLensPage.lens.text.endsWith("x")), false, "re-analysed before the pause");
  await page.waitForFunction(() => window.articleLensPage.lens.text.endsWith("x"), null, { timeout: 30000 });
  assert.equal(await firstBlock.evaluate((el) => el === document.querySelector("#display").firstElementChild), true);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("the 2,000,000-character limit applies to pastes; its error status goes on Clear", async () => {
  const { page, log } = await openReady();
  const ready = await page.textContent("#engine-status");
  const normal = await page.evaluate(() => getComputedStyle(document.getElementById("input-help")).color);
  await paste(page, "« Nous sommes prêts », a déclaré Anne Leroy.\n".repeat(45_500)); // 2,047,500 characters
  await page.waitForSelector("#engine-status[data-state=error]", { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.getElementById("source").value.length), 2_000_000);
  assert.match(await page.textContent("#engine-status"), /too long \(2,047,500 characters\); only the first 2,000,000/);
  const error = await page.evaluate(() => getComputedStyle(document.getElementById("engine-status")).color);
  assert.notEqual(error, normal, "the error looks like any other status");
  await page.click("#clear");
  assert.equal(await page.getAttribute("#engine-status", "data-state"), "ok");
  assert.equal(await page.textContent("#engine-status"), ready);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("right-to-left paragraphs and sidebar excerpts keep their punctuation on the right side", async () => {
  const { page, log } = await openReady();
  await page.fill("#source", "Le ministre a répondu.\nقال الوزير: «نحن مستعدون للحوار مع الجميع.»");
  await page.waitForFunction(() => window.articleLensPage.lens.analysis?.quotes.length === 1, null, { timeout: 15000 });
  const out = await page.evaluate(() => {
    const [fr, ar] = document.querySelectorAll("#display p");
    const root = document.querySelector("#panel").shadowRoot;
    const bdi = root.querySelector("button.quote .excerpt bdi");
    // Where the quote's final "." is drawn, against its first letter.
    const rects = (node, text) => {
      const t = node.firstChild;
      const r = document.createRange();
      const at = (i) => (r.setStart(t, i), r.setEnd(t, i + 1), r.getBoundingClientRect().left);
      const end = text.lastIndexOf(".");
      return { first: at(text.indexOf("ن")), period: at(end) };
    };
    return {
      dirs: [fr.dir, ar.dir, fr.matches(":dir(ltr)"), ar.matches(":dir(rtl)")],
      bdi: bdi?.textContent,
      bdiRtl: bdi?.matches(":dir(rtl)"),
      inText: rects(ar, ar.textContent),
      inPanel: rects(bdi, bdi.textContent),
    };
  });
  assert.deepEqual(out.dirs, ["auto", "auto", true, true]);
  assert.equal(out.bdi, "نحن مستعدون للحوار مع الجميع.");
  assert.equal(out.bdiRtl, true);
  assert.ok(out.inText.period < out.inText.first, `article: the period is right of the text ${JSON.stringify(out.inText)}`);
  assert.ok(out.inPanel.period < out.inPanel.first, `sidebar: the period is right of the text ${JSON.stringify(out.inPanel)}`);
  assert.deepEqual(log.errors, []);
  await page.close();
});
