// JSON and CSV exports of an analysis.

const HEADER = [
  "record", "id", "text", "kind", "speaker", "speaker_entity", "cue", "role", "mentions", "start", "end",
];

function cell(value) {
  if (value === null || value === undefined) return "";
  let s = String(value);
  // Spreadsheet formula injection: a cell must not start with = + - @ (or a tab / CR).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per quote, then one row per entity. */
export function toCsv(analysis) {
  const rows = [HEADER];
  const names = new Map((analysis.entities ?? []).map((e) => [e.id, e.name]));
  (analysis.quotes ?? []).forEach((q, i) => {
    const speaker = q.speaker ? (q.speaker.entity != null ? names.get(q.speaker.entity) ?? q.speaker.text : q.speaker.text) : "";
    rows.push([
      "quote", `q${i + 1}`, q.text, q.kind, speaker, q.speaker?.entity ?? "", q.cue?.text ?? "", "", "", q.start, q.end,
    ]);
  });
  for (const e of analysis.entities ?? []) {
    const first = e.mentions?.[0];
    rows.push(["entity", e.id, e.name, e.type, "", "", "", e.role ?? "", e.mentions?.length ?? 0, first?.start ?? "", first?.end ?? ""]);
  }
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function toJson(analysis, text) {
  const out = { language: analysis.language, quotes: analysis.quotes, entities: analysis.entities };
  if (typeof text === "string") out.text = text;
  return JSON.stringify(out, null, 2);
}

/** Saves `content` as a file through a Blob URL (no network). */
export function download(doc, filename, content, type) {
  const blob = new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  a.click(); // a detached anchor: the host document is not touched
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
