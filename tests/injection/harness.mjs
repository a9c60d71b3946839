// Set-up of the injection suite: a copy of www/ with the built wasm package,
// served by www/serve.mjs on a free port; the single-file dist built into a
// temporary file; headless Chromium (playwright-core, the system browser:
// nothing is downloaded). Copied from tests/page/harness.mjs (not imported: the
// two suites are installed and run separately).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// EXECSCOPE_SRC_ROOT: take www/, scripts/ and samples/ from another tree (e.g. a
// `git archive HEAD` export) while the working tree's page is being edited.
export const SRC_ROOT = path.resolve(process.env.EXECSCOPE_SRC_ROOT || ROOT);
export const SAMPLES = path.join(SRC_ROOT, "samples");
export const WWW = path.join(SRC_ROOT, "www");

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

export function tmpDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), "execscope-inj-" + name + "-"));
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
}

/** Serve a copy of www/ (with the package as www/pkg) and samples/. */
export async function serve() {
  const { startServer } = await import(pathToFileURL(path.join(WWW, "serve.mjs")).href);
  const dir = tmpDir("www");
  fs.cpSync(WWW, dir, { recursive: true, filter: (src) => !src.startsWith(path.join(WWW, "pkg")) });
  fs.cpSync(pkgDir(), path.join(dir, "pkg"), { recursive: true });
  const server = startServer({ port: 0, root: dir, samplesDir: SAMPLES });
  const { url } = await server.ready;
  return { url, root: dir, close: () => { server.close(); server.closeAllConnections?.(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** Build dist/execscope.html into a temporary directory; returns {file, dir}. */
export function buildDist() {
  const dir = tmpDir("dist");
  const file = path.join(dir, "execscope.html");
  execFileSync(process.execPath, [path.join(SRC_ROOT, "scripts", "build-dist.mjs"), "--pkg", pkgDir(), "--samples", SAMPLES, "--out", file], { stdio: "pipe" });
  return { file, dir };
}

/** The page's CSP meta tag (served www/index.html or dist). */
export const CSP_META_RE = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/gi;

export function stripCsp(html) {
  const out = html.replace(CSP_META_RE, "");
  if (out === html) throw new Error("no CSP meta tag to strip: the suite's no-CSP pass would test nothing");
  return out;
}

/** Tag names the page's own code creates: h("tag" / createElement("tag") in www/js, plus index.html. */
export function pageTags() {
  const tags = new Set();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js") || e.name.endsWith(".mjs")) {
        const src = fs.readFileSync(p, "utf8");
        for (const m of src.matchAll(/\bh\(\s*["']([a-z][a-z0-9-]*)["']/g)) tags.add(m[1]);
        for (const m of src.matchAll(/createElement(?:NS)?\(\s*(?:["'][^"']*["']\s*,\s*)?["']([a-z][a-z0-9-]*)["']/g)) tags.add(m[1]);
      }
    }
  };
  walk(path.join(WWW, "js"));
  const html = fs.readFileSync(path.join(WWW, "index.html"), "utf8");
  for (const m of html.matchAll(/<([a-z][a-z0-9-]*)[\s>]/g)) tags.add(m[1]);
  // Never acceptable, whatever the source says: these are what an injection creates.
  for (const t of FORBIDDEN_TAGS) tags.delete(t);
  return [...tags].sort();
}

export const FORBIDDEN_TAGS = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
  "style", "form", "img", "image", "svg", "math", "template", "video", "audio", "source", "track", "picture", "portal",
  "noscript", "xmp", "marquee", "isindex", "title", "body", "head", "html", "param", "iframe", "fencedframe"];
