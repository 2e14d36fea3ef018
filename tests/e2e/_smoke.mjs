import { setup, newPage, screenshot, seedArticle } from "/work/main/tests/e2e/helpers.mjs";
const env = await setup({ colorScheme: process.argv[2] || "light" });
try {
  const { page, log } = await newPage(env.context);
  await page.goto(env.url + "/demo/");
  await page.waitForFunction(() => document.querySelector("article-lens")?.getAttribute("state") !== "loading", null, { timeout: 15000 });
  await page.waitForTimeout(2000);
  console.log(await page.evaluate(() => ({ state: document.querySelector("article-lens").getAttribute("state"), mode: document.querySelector("article-lens").lens?.engineMode, hl: [...CSS.highlights.keys()], q: document.querySelector("article-lens").lens?.analysis?.quotes.map(q => q.text.slice(0, 40)) })));
  await screenshot(page, "smoke-demo.png");
  const p2 = await newPage(env.context);
  await p2.page.goto(env.url + "/");
  await p2.page.waitForSelector("main[data-engine]");
  await p2.page.fill("#source", await seedArticle());
  await p2.page.waitForTimeout(1500);
  await screenshot(p2.page, "smoke-paste.png");
  console.log(log, p2.log);
} finally { await env.close(); }
