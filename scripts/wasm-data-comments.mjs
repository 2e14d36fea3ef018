// Blanks the comment lines of the data files compiled into the wasm module, in place.
//
//   node scripts/wasm-data-comments.mjs MODULE.wasm
//
// The word lists in data/ reach the module verbatim through include_str!, comments included
// (about 4 KB). Every reader skips a line whose trimmed text starts with `#`
// (lexicon::data_lines), so each such line keeps its `#` and its length and has the rest of
// its bytes overwritten with `#`: offsets and UTF-8 stay valid, nothing reads differently, and
// the runs of `#` compress to almost nothing (about 1.5 KB less gzipped). A file that is not
// found verbatim in the module is left alone.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const [file] = process.argv.slice(2);
const wasm = readFileSync(file);
const dataFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? dataFiles(join(dir, e.name)) : e.name.endsWith(".txt") ? [join(dir, e.name)] : [],
  );

let files = 0, blanked = 0;
for (const f of dataFiles("data")) {
  const src = readFileSync(f);
  const at = wasm.indexOf(src);
  if (at < 0 || wasm.indexOf(src, at + 1) >= 0) continue; // absent, or ambiguous
  files++;
  let pos = at;
  // Bytes as latin1: one character per byte, so string positions are byte offsets. Only ASCII
  // whitespace before the `#` is skipped; a line is overwritten from after its `#` to its end,
  // so no multi-byte character is ever cut.
  for (const line of src.toString("latin1").split("\n")) {
    const body = line.endsWith("\r") ? line.slice(0, -1) : line;
    const hash = body.search(/[^ \t]/);
    if (hash >= 0 && body[hash] === "#") {
      wasm.fill(0x23, pos + hash + 1, pos + body.length);
      blanked += body.length - hash - 1;
    }
    pos += line.length + 1;
  }
}
writeFileSync(file, wasm);
console.log(`data comments: ${blanked} bytes blanked in ${files} data files`);
