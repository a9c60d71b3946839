// Tiny static file server for the execscope demo page. No dependencies.
//
//   node www/serve.mjs            # serves www/ on http://127.0.0.1:8080/
//   PORT=9000 node www/serve.mjs  # another port (PORT=0: any free port)
//
// Serves www/ (including www/pkg/, which `make demo` copies from pkg/) and the
// repository's samples/ directory at /samples/. GET /samples/ (no index.html
// there) answers a JSON array of the sample file names. Binds 127.0.0.1 only.
//
// Tests: import { startServer } from "./serve.mjs";
//   const server = startServer({ port: 0 });
//   const { url } = await server.ready;   // "http://127.0.0.1:PORT/"
//   ...; server.close();

import http from "node:http";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HOST = "127.0.0.1";

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

// Maps a URL path onto a file under `base`, or returns null when the path is
// not acceptable (bad percent-encoding, NUL, backslash, "." or ".." segments).
function resolveUnder(base, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((s) => s !== "");
  if (segments.some((s) => s === "." || s === "..")) return null;
  const full = path.resolve(base, ...segments);
  const rel = path.relative(base, full);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  return full;
}

function send(res, status, body, type = "text/plain; charset=utf-8", extra = {}) {
  const buf = Buffer.from(body);
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": buf.length,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...extra,
  });
  res.end(res.req.method === "HEAD" ? undefined : buf);
}

async function statOrNull(p) {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

function sendFile(req, res, file, stat) {
  res.writeHead(200, {
    "Content-Type": mimeType(file),
    "Content-Length": stat.size,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

async function handle(req, res, root, samplesDir) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "method not allowed\n", undefined, { Allow: "GET, HEAD" });
    return;
  }
  let pathname;
  try {
    pathname = new URL(req.url, "http://localhost").pathname;
  } catch {
    send(res, 400, "bad request\n");
    return;
  }

  let base = root;
  let rest = pathname;
  let isSamples = false;
  if (pathname === "/samples" || pathname.startsWith("/samples/")) {
    base = samplesDir;
    rest = pathname.slice("/samples".length);
    isSamples = true;
  }

  const file = resolveUnder(base, rest);
  if (file === null) {
    send(res, 400, "bad path\n");
    return;
  }
  let stat = await statOrNull(file);
  if (stat === null) {
    send(res, 404, "not found\n");
    return;
  }
  if (stat.isDirectory()) {
    if (!pathname.endsWith("/")) {
      const u = new URL(req.url, "http://localhost");
      send(res, 301, "moved\n", undefined, { Location: pathname + "/" + u.search });
      return;
    }
    const index = path.join(file, "index.html");
    const indexStat = await statOrNull(index);
    if (indexStat?.isFile()) {
      sendFile(req, res, index, indexStat);
      return;
    }
    if (isSamples) {
      const entries = await fsp.readdir(file, { withFileTypes: true });
      const names = entries
        .filter((e) => e.isFile() && !e.name.startsWith("."))
        .map((e) => e.name)
        .sort();
      send(res, 200, JSON.stringify(names) + "\n", MIME_TYPES[".json"]);
      return;
    }
    send(res, 404, "not found\n");
    return;
  }
  if (!stat.isFile()) {
    send(res, 404, "not found\n");
    return;
  }
  sendFile(req, res, file, stat);
}

/**
 * Starts the server and returns the http.Server (already listening or about to).
 * `server.ready` resolves to { port, url } once it listens, and rejects on a
 * listen error (e.g. EADDRINUSE).
 *
 * @param {{port?: number, root?: string, samplesDir?: string, host?: string}} [opts]
 *   port: default 8080 (0 = any free port); root: default this file's directory
 *   (www/); samplesDir: default <root>/../samples; host: default 127.0.0.1.
 */
export function startServer({ port = 8080, root = HERE, samplesDir, host = HOST } = {}) {
  const rootDir = path.resolve(root);
  const samples = path.resolve(samplesDir ?? path.join(rootDir, "..", "samples"));
  const server = http.createServer((req, res) => {
    handle(req, res, rootDir, samples).catch((err) => {
      if (!res.headersSent) send(res, 500, "internal error\n");
      else res.destroy();
      console.error("serve.mjs:", err);
    });
  });
  server.ready = new Promise((resolve, reject) => {
    server.once("listening", () => {
      const addr = server.address();
      resolve({ port: addr.port, url: `http://${host}:${addr.port}/` });
    });
    server.once("error", reject);
  });
  // Callers that never await `ready` must not get an unhandled rejection.
  server.ready.catch(() => {});
  server.listen(port, host);
  return server;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const raw = process.env.PORT ?? "8080";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`execscope demo: bad PORT ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  const server = startServer({ port });
  server.ready.then(
    ({ url }) => console.log(`execscope demo: ${url}`),
    (err) => {
      console.error(`execscope demo: cannot listen on ${HOST}:${port}: ${err.code ?? err.message}`);
      process.exit(1);
    },
  );
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      server.close();
      server.closeAllConnections?.();
      process.exit(0);
    });
  }
}
