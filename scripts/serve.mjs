// A tiny static file server for www/, bound to 127.0.0.1 only.
//   node scripts/serve.mjs [--port 8080]      (npm start)
// Tests import { serve } and start it on a free port themselves.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("../www", import.meta.url)));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".bin": "application/octet-stream",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Starts the server; resolves to { url, close }. `headers(path)` may add response headers. */
export function serve({ port = 8080, root = ROOT, headers = () => ({}) } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...headers(path),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address();
      ok({ url: `http://127.0.0.1:${actual}`, close: () => new Promise((done) => server.close(done)), server });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PORT ?? 8080);
  let url;
  try {
    ({ url } = await serve({ port }));
  } catch (e) {
    if (e.code !== "EADDRINUSE") throw e;
    console.error(`article-lens: port ${port} on 127.0.0.1 is already in use (another npm start?). Stop it, or pick another port: PORT=${port + 1} npm start`);
    process.exit(1);
  }
  console.log(`article-lens: paste page at ${url}/  (demo news page: ${url}/demo/)  Ctrl+C to stop`);
}
