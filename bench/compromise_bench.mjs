// compromise baseline for `npm run bench`: words/s on the English texts, one thread.
//   node bench/compromise_bench.mjs TEXTS.json [MIN_SECS]
// TEXTS.json: [{"name", "lang", "path", "words"}] (only "en" texts are run). Measures the parse
// (`nlp(text)`) plus what compares with article-lens: people, places, organisations, quotations.
// Prints one JSON object: {"version", "results": [...]} or {"missing": why}.
import { readFileSync } from "node:fs";

let nlp;
try {
  nlp = (await import("compromise")).default;
} catch (e) {
  console.log(JSON.stringify({ missing: `compromise not installed (${e.code ?? e.message})` }));
  process.exit(0);
}
const { version } = JSON.parse(readFileSync(new URL("./node_modules/compromise/package.json", import.meta.url)));

const texts = JSON.parse(readFileSync(process.argv[2], "utf8")).filter((t) => t.lang === "en");
const minSecs = Number(process.argv[3] ?? 1);

function extract(text) {
  const doc = nlp(text);
  return {
    people: doc.people().out("array").length,
    places: doc.places().out("array").length,
    organizations: doc.organizations().out("array").length,
    quotations: doc.quotations().out("array").length,
  };
}

const results = [];
for (const t of texts) {
  const text = readFileSync(t.path, "utf8");
  const found = extract(text); // warm-up
  const runs = [];
  while (runs.reduce((a, b) => a + b, 0) < minSecs * 1000 || runs.length < 3) {
    const t0 = performance.now();
    extract(text);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const median_s = runs[runs.length >> 1] / 1000;
  results.push({ name: t.name, words: t.words, runs: runs.length, median_s, words_per_s: t.words / median_s, found });
}
console.log(JSON.stringify({ version, results }));
