// The set-up both browser suites share (tests/page and tests/injection import
// it through their own harness.mjs): the repository's paths, the system
// Chromium, the built wasm package, a served copy of www/, and the single-file
// build. It imports nothing from npm: each suite installs its own
// playwright-core and hands its `chromium` to launch().
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The browser: $CHROMIUM_PATH, else the system Chromium (nothing is downloaded). */
export function chromiumPath() {
  const cands = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean);
  const found = cands.find((p) => fs.existsSync(p));
  if (!found) throw new Error("no Chromium found (tried " + cands.join(", ") + "); set CHROMIUM_PATH");
  return found;
}

/** The wasm package: $EXECSCOPE_PKG, else pkg/ (make pkg), else www/pkg/ (make demo). */
export function pkgDir() {
  const cands = [process.env.EXECSCOPE_PKG, path.join(ROOT, "pkg"), path.join(ROOT, "www", "pkg")].filter(Boolean);
  const d = cands.find((x) => fs.existsSync(path.join(x, "execscope_bg.wasm")));
  if (!d) throw new Error("no wasm package (tried " + cands.join(", ") + "): run `make pkg` first");
  return d;
}

/** A new temporary directory named <prefix><name>-XXXXXX. */
export function tmpDir(prefix, name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix + name + "-"));
}

/** Headless Chromium through the suite's playwright-core `chromium`. */
export function launch(chromium) {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
}

/**
 * Serve a copy of `www` (with the package as www/pkg) and `samples` on a free
 * port, with www/serve.mjs. Resolves to {url, root (the copy), close()}.
 * @param {{www: string, samples: string, prefix: string}} o
 */
export async function serve({ www, samples, prefix }) {
  const { startServer } = await import(pathToFileURL(path.join(www, "serve.mjs")).href);
  const dir = tmpDir(prefix, "www");
  fs.cpSync(www, dir, { recursive: true, filter: (src) => !src.startsWith(path.join(www, "pkg")) });
  fs.cpSync(pkgDir(), path.join(dir, "pkg"), { recursive: true });
  const server = startServer({ port: 0, root: dir, samplesDir: samples });
  const { url } = await server.ready;
  return { url, root: dir, close: () => { server.close(); server.closeAllConnections?.(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * Build dist/execscope.html (and the replay next to it) into a temporary
 * directory with `scripts`/build-dist.mjs. Returns {file, dir}.
 * @param {{scripts: string, samples: string, prefix: string}} o
 */
export function buildDist({ scripts, samples, prefix }) {
  const dir = tmpDir(prefix, "dist");
  const file = path.join(dir, "execscope.html");
  execFileSync(process.execPath, [path.join(scripts, "build-dist.mjs"), "--pkg", pkgDir(), "--samples", samples, "--out", file], { stdio: "pipe" });
  return { file, dir };
}
