// Hostile input on the paste page, as typed text, as pasted HTML and as a dropped .html file:
// nothing runs, nothing loads, no element of the payload reaches the page or the sidebar.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, newPage } from "./helpers.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const PAYLOADS = [
  `<script>window.__pwned = "script"</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `<svg onload="window.__pwned='svg'"><circle r="5"></circle></svg>`,
  `<a href="javascript:window.__pwned='js-url'">Cliquez « ici »</a>`,
  `<iframe src="javascript:parent.__pwned='iframe'"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>`,
  `<div onmouseover="window.__pwned='hover'" style="position:fixed;inset:0;z-index:9">survol</div>`,
  `<details open ontoggle="window.__pwned='toggle'"><summary>x</summary></details>`,
  `<object data="javascript:window.__pwned='object'"></object><embed src="javascript:window.__pwned='embed'">`,
  `<body onload="window.__pwned='body'"><input autofocus onfocus="window.__pwned='focus'">`,
  `"><img src=x onerror=window.__pwned='attr'>`,
  `<p>« <img src=x onerror="window.__pwned='quote'"> Vive la <b onclick="window.__pwned='b'">République</b> », a déclaré <a href="javascript:window.__pwned='a'">Jean Dupont</a>.</p>`,
  `<p>“<svg><script>window.__pwned='svg-script'</script></svg>”, said Jane Roe.</p>`,
  // Last: its <style> swallows the rest of the document as raw text.
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">`,
];
const HTML = `<html><body>${PAYLOADS.join("\n")}</body></html>`;
const TEXT = PAYLOADS.join("\n");

/** Elements or attributes from the payload anywhere: light DOM and the sidebar's shadow root. */
const inspect = (page) =>
  page.evaluate(() => {
    const found = [];
    const scan = (root, where) => {
      for (const el of root.querySelectorAll("*")) {
        const tag = el.localName;
        if (["img", "svg", "iframe", "object", "embed", "math", "b"].includes(tag)) found.push(`${where}: <${tag}>`);
        if (tag === "input" && el.id !== "file") found.push(`${where}: <${tag}>`);
        if (tag === "script" && !el.src) found.push(`${where}: inline <script>`);
        if (tag === "a" && /^\s*javascript:/i.test(el.getAttribute("href") ?? "")) found.push(`${where}: javascript: link`);
        if (tag === "details" && where === "page") found.push(`${where}: <details>`);
        for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`${where}: ${tag}[${a.name}]`);
        if (el.shadowRoot) scan(el.shadowRoot, `${where} shadow`);
      }
    };
    scan(document, "page");
    return { found, pwned: typeof window.__pwned, display: document.getElementById("display").textContent };
  });

async function open() {
  const { page, log } = await newPage(env.context);
  const hits = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path === "/x" || r.url().startsWith("javascript:")) hits.push(r.url());
  });
  await page.goto(`${env.url}/`);
  await page.waitForSelector("main[data-engine=ready]", { timeout: 20000 });
  return { page, log, hits };
}

async function settle(page, needle) {
  await page.waitForFunction(
    (n) => window.articleLensPage.lens?.text.includes(n),
    needle,
    { timeout: 10000 }
  );
  // Give any handler a chance: move over the text, hover and click the sidebar's items.
  await page.mouse.move(300, 600);
  await page.mouse.move(600, 700);
  const items = page.locator("#panel button.quote, #panel button.entity");
  for (let i = 0; i < Math.min(await items.count(), 6); i++) await items.nth(i).click();
  await page.waitForTimeout(300);
}

test("XSS corpus typed or pasted as plain text stays text", async () => {
  const { page, log, hits } = await open();
  await page.fill("#source", TEXT);
  await settle(page, "onerror");
  const r = await inspect(page);
  assert.deepEqual(r.found, []);
  assert.equal(r.pwned, "undefined");
  assert.ok(r.display.includes(`<img src=x onerror="window.__pwned='img'">`), "payload shown as text");
  assert.ok((await page.locator("#panel button.quote").count()) > 0, "quotes from the payload listed");
  assert.deepEqual(hits, []);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("XSS corpus pasted as HTML is reduced to text", async () => {
  const { page, log, hits } = await open();
  await page.focus("#source");
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "plain fallback");
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    document.getElementById("source").dispatchEvent(event);
  }, HTML);
  await settle(page, "Jean Dupont");
  const value = await page.inputValue("#source");
  assert.ok(value.includes("Vive la République"), "the paragraphs' text was inserted");
  assert.ok(!value.includes("<img"), "tags are gone");
  assert.ok(!value.includes("__pwned='script'"), "script contents are not text");
  const r = await inspect(page);
  assert.deepEqual(r.found, []);
  assert.equal(r.pwned, "undefined");
  assert.deepEqual(hits, []);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("XSS corpus dropped as an .html file is reduced to text", async () => {
  const { page, log, hits } = await open();
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.items.add(new File([html], "article.html", { type: "text/html" }));
    const target = document.getElementById("source");
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, HTML);
  await settle(page, "Jean Dupont");
  const r = await inspect(page);
  assert.deepEqual(r.found, []);
  assert.equal(r.pwned, "undefined");
  assert.ok(!(await page.inputValue("#source")).includes("<"), "no markup in the text");
  assert.deepEqual(hits, []);
  assert.deepEqual(log.errors, []);
  await page.close();
});
