#!/usr/bin/env node
// Builds dist/execscope.html: ONE self-contained page that works when opened
// from file:// with no network; and next to it dist/execscope-replay.html, the
// polling replay (www/replay.html) built the same way.
//
//   node scripts/build-dist.mjs [--pkg DIR] [--samples DIR] [--out FILE] [--replay-out FILE|none] [--max-sample-bytes N]
//
//   --pkg         the wasm-bindgen --target web package (default: pkg/, else www/pkg/)
//   --samples     the samples directory with index.json and polling/ (default: samples/)
//   --out         the output file (default: dist/execscope.html)
//   --replay-out  the replay page (default: execscope-replay.html next to --out; "none" skips it)
//
// What it does:
//   * bundles www/js/main.js and everything it imports (the wasm glue
//     pkg/execscope.js included) with esbuild (pinned in tools/esbuild/, installed
//     by the Makefile) into one inline <script type="module">. Bundling starts
//     from the entry points (main.js, replay.js, worker.js), so how the page's
//     modules are split does not matter here; www/pkg/execscope.js (what the
//     page imports) resolves to the chosen --pkg;
//   * inlines www/style.css as one <style>;
//   * bundles www/js/worker.js (the engine that reads payloads, with the wasm
//     glue) into a second script, a classic script (IIFE, import.meta.url
//     defined as self.location.href), which is data, not run by the page:
//     www/js/data/client.js starts it as a classic Worker from a Blob URL
//     (Chromium starts no module worker from a Blob URL in a file:// page) and,
//     when no worker can start, runs the same engine on the main thread;
//   * puts the wasm (base64), the worker bundle and the samples (index + texts;
//     for the replay, the polling series) in a
//     <script type="application/json" id="execscope-inline"> data block, which
//     www/js/data/inline.js reads instead of fetching anything:
//     {wasm, worker, samplesIndex, samples} / {wasm, worker, pollingIndex, polling};
//   * writes a Content-Security-Policy with the sha256 of the script and of the
//     style, 'wasm-unsafe-eval', worker-src blob:, and connect-src 'none'.
// The bundles are not minified: the single file stays readable (and its wasm,
// not its script, is most of its size).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WWW = path.join(ROOT, "www");

function arg(name, def) {
  const i = process.argv.indexOf("--" + name);
  if (i < 0) return def;
  const v = process.argv[i + 1];
  if (v == null || v.startsWith("--")) die("--" + name + " needs a value");
  return v;
}

function die(msg) {
  console.error("build-dist: " + msg);
  process.exit(1);
}

const out = path.resolve(ROOT, arg("out", "dist/execscope.html"));
const replayArg = arg("replay-out", null);
const replayOut = replayArg === "none" ? null : path.resolve(ROOT, replayArg || path.join(path.dirname(out), "execscope-replay.html"));
const samplesDir = path.resolve(ROOT, arg("samples", "samples"));
const maxSampleBytes = Number(arg("max-sample-bytes", String(4 * 1024 * 1024)));
let pkgDir = arg("pkg", null);
if (pkgDir) pkgDir = path.resolve(ROOT, pkgDir);
else pkgDir = [path.join(ROOT, "pkg"), path.join(WWW, "pkg")].find((d) => fs.existsSync(path.join(d, "execscope_bg.wasm")));
if (!pkgDir || !fs.existsSync(path.join(pkgDir, "execscope_bg.wasm")) || !fs.existsSync(path.join(pkgDir, "execscope.js"))) {
  die("no wasm package found (pkg/execscope.js + pkg/execscope_bg.wasm): run `make pkg` first, or pass --pkg DIR");
}

// ---- the bundler: esbuild ---------------------------------------------------------------

/**
 * esbuild from this tree's tools/esbuild/ (`make dist` installs it there), else
 * from the nearest tools/esbuild/ above the current directory (a test may run
 * this script from an exported copy of the sources).
 */
function loadEsbuild() {
  const dirs = [path.join(ROOT, "tools", "esbuild")];
  for (let d = process.cwd(); ; d = path.dirname(d)) {
    dirs.push(path.join(d, "tools", "esbuild"));
    if (path.dirname(d) === d) break;
  }
  for (const dir of dirs) {
    if (!fs.existsSync(path.join(dir, "node_modules", "esbuild", "package.json"))) continue;
    return createRequire(path.join(dir, "package.json"))("esbuild");
  }
  die("esbuild is not installed: run `make dist` (it installs tools/esbuild/), or `cd tools/esbuild && npm ci`");
}
const esbuild = loadEsbuild();

const PKG_GLUE = path.join(WWW, "pkg", "execscope.js"); // what www/js/engine/engine.js imports ("../../pkg/execscope.js")

/** Resolves the page's import of www/pkg/execscope.js to the chosen package. */
const pkgPlugin = {
  name: "execscope-pkg",
  setup(build) {
    build.onResolve({ filter: /(^|\/)pkg\/execscope\.js$/ }, (a) => {
      const abs = path.resolve(a.resolveDir, a.path);
      return abs === PKG_GLUE ? { path: path.join(pkgDir, "execscope.js") } : undefined;
    });
  },
};

/** One script with the module `entry` and everything it imports: {code, count}. */
async function bundleOf(entry, { classic = false } = {}) {
  let result;
  try {
    result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      metafile: true,
      format: classic ? "iife" : "esm",
      platform: "browser",
      charset: "utf8",
      legalComments: "none",
      logLevel: "silent",
      // The worker is a classic script: the glue reads import.meta.url only to
      // find the wasm by URL when none is given, and the page posts the bytes.
      define: classic ? { "import.meta.url": "self.location.href" } : {},
      plugins: [pkgPlugin],
    });
  } catch (e) {
    die("esbuild could not bundle " + path.relative(ROOT, entry) + ":\n" + (e.errors || []).map((m) => "  " + (m.location ? m.location.file + ":" + m.location.line + ": " : "") + m.text).join("\n"));
  }
  if (result.warnings.length) {
    die("esbuild warned while bundling " + path.relative(ROOT, entry) + ":\n" + result.warnings.map((m) => "  " + (m.location ? m.location.file + ":" + m.location.line + ": " : "") + m.text).join("\n"));
  }
  const code = result.outputFiles[0].text;
  return { code, count: Object.keys(result.metafile.inputs).length };
}

/** Inline-script safety: no text may close the <script> element or open an HTML comment in it. */
function scriptSafe(code) {
  return /<\/script|<!--/i.test(code) ? code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--") : code;
}

const worker = (await bundleOf(path.join(WWW, "js", "worker.js"), { classic: true })).code;
if (/\bimport\.meta\b/.test(worker)) die("the worker bundle still uses import.meta");
if (/^\s*(import|export)\b/m.test(worker)) die("the worker bundle is not a classic script");

// ---- CSS, wasm, samples ------------------------------------------------------------------

let css = fs.readFileSync(path.join(WWW, "style.css"), "utf8");
if (/<\/style/i.test(css)) die("style.css contains </style");

const wasm = fs.readFileSync(path.join(pkgDir, "execscope_bg.wasm"));

let index = [];
const samples = {};
const skipped = [];
if (fs.existsSync(samplesDir)) {
  const idxFile = path.join(samplesDir, "index.json");
  if (fs.existsSync(idxFile)) {
    index = JSON.parse(fs.readFileSync(idxFile, "utf8"));
  } else {
    index = fs.readdirSync(samplesDir).filter((f) => f.endsWith(".json")).sort()
      .map((f) => ({ file: f, title: f.replace(/\.json$/, ""), format: "", description: "" }));
  }
  index = index.filter((s) => {
    if (!s || typeof s.file !== "string" || s.file.includes("/") || s.file.includes("\\")) return false;
    const f = path.join(samplesDir, s.file);
    if (!fs.existsSync(f)) { skipped.push(s.file + " (missing)"); return false; }
    const size = fs.statSync(f).size;
    if (size > maxSampleBytes) { skipped.push(s.file + " (" + size + " bytes)"); return false; }
    samples[s.file] = fs.readFileSync(f, "utf8");
    return true;
  });
}

// The polling series for the replay page (samples/polling/index.json and its snapshots).
let pollingIndex = [];
const polling = {};
const pollingDir = path.join(samplesDir, "polling");
if (fs.existsSync(path.join(pollingDir, "index.json"))) {
  pollingIndex = JSON.parse(fs.readFileSync(path.join(pollingDir, "index.json"), "utf8")).filter((s) => {
    if (!s || !Array.isArray(s.snapshots)) return false;
    for (const f of s.snapshots) {
      if (typeof f !== "string" || f.includes("/") || f.includes("\\") || !fs.existsSync(path.join(pollingDir, f))) {
        skipped.push("polling/" + f + " (missing)");
        return false;
      }
      polling[f] = fs.readFileSync(path.join(pollingDir, f), "utf8");
    }
    return true;
  });
}

// JSON in a data block: "<" escaped so no payload text can end the element.
const dataBlock = (o) => JSON.stringify({ wasm: wasm.toString("base64"), worker, ...o })
  .replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

// ---- the pages --------------------------------------------------------------------------

const sha = (s) => "'sha256-" + crypto.createHash("sha256").update(s, "utf8").digest("base64") + "'";
const kib = (n) => (n / 1024).toFixed(0) + " KiB";

/** One self-contained page from www/<htmlName> with the module `entry` and `data` inlined. */
async function page(htmlName, entry, data, outFile) {
  const { code, count } = await bundleOf(path.join(WWW, "js", entry));
  const bundle = scriptSafe(code);
  const csp = [
    "default-src 'none'",
    "script-src " + sha(bundle) + " 'wasm-unsafe-eval'",
    "style-src " + sha(css),
    "img-src data: blob:",
    "worker-src blob:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  let html = fs.readFileSync(path.join(WWW, htmlName), "utf8");
  const replaceOnce = (re, to, what) => {
    const m = html.match(re);
    if (!m || m.length !== 1) die("www/" + htmlName + ": expected exactly one " + what);
    html = html.replace(re, () => to);
  };
  const entryRe = new RegExp('<script type="module" src="js/' + entry.replace(/\./g, "\\.") + '"></script>', "g");
  replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/g, '<meta http-equiv="Content-Security-Policy" content="' + csp + '">', "CSP meta tag");
  replaceOnce(/<link rel="stylesheet" href="style\.css">/g, "<style>" + css + "</style>", "stylesheet link");
  replaceOnce(entryRe, "<script type=\"module\">" + bundle + "</script>", "module script");
  replaceOnce(/<\/body>/g, '<script type="application/json" id="execscope-inline">' + dataBlock(data) + "</script>\n</body>", "</body>");

  // Nothing may be loaded from anywhere: no src=, no href= but the data: icon.
  const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith("data:"));
  if (refs.length) die("the page still references files: " + refs.join(", "));

  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, html);
  return { size: Buffer.byteLength(html), count, bundle: Buffer.byteLength(bundle) };
}

const main = await page("index.html", "main.js", { samplesIndex: index, samples }, out);
console.log("build-dist: wrote " + path.relative(process.cwd(), out) + " (" + kib(main.size) + "): " +
  main.count + " modules bundled by esbuild " + esbuild.version + " (" + kib(main.bundle) + "), worker " + kib(Buffer.byteLength(worker)) + ", wasm " + kib(wasm.length) + " from " + path.relative(ROOT, pkgDir) +
  ", " + Object.keys(samples).length + " samples" + (skipped.length ? " (skipped: " + skipped.join(", ") + ")" : ""));
if (replayOut) {
  const replay = await page("replay.html", "replay.js", { pollingIndex, polling }, replayOut);
  console.log("build-dist: wrote " + path.relative(process.cwd(), replayOut) + " (" + kib(replay.size) + "): " +
    replay.count + " modules, " + pollingIndex.length + " polling series (" + Object.keys(polling).length + " snapshots)");
}
