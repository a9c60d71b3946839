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
//   * bundles www/js/main.js and every module it imports (the wasm glue
//     pkg/execscope.js included) into one <script type="module">: each module
//     becomes a function scope whose exports are returned as an object, its
//     imports become reads of the modules it names (no dependencies, no npm);
//   * inlines www/style.css as one <style>;
//   * bundles www/js/worker.js (the engine that reads payloads, with the wasm
//     glue) the same way into a second script, which is data, not run by the
//     page: load.js starts it as a classic Worker from a Blob URL (and, when no
//     worker can start, runs the same engine on the main thread);
//   * puts the wasm (base64), the worker bundle and the samples (index + texts;
//     for the replay, the polling series) in a
//     <script type="application/json" id="execscope-inline"> data block, which
//     www/js/load.js reads instead of fetching anything;
//   * writes a Content-Security-Policy with the sha256 of the script and of the
//     style, 'wasm-unsafe-eval', worker-src blob:, and connect-src 'none'.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
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

// ---- the module bundler ----------------------------------------------------------------

const PKG_GLUE = path.join(WWW, "pkg", "execscope.js"); // what www/js/load.js imports ("../pkg/execscope.js")

/** Where a module's file really is: the www/pkg import is served from the chosen package. */
function realPath(file) {
  return file === PKG_GLUE ? path.join(pkgDir, "execscope.js") : file;
}

let modules = new Map(); // abs path (as imported) -> {id, code}
let order = [];

const IMPORT_RE = /^[ \t]*import\s+([\s\S]*?)\s+from\s+(["'])([^"']+)\2[ \t]*;?/gm;
const SIDE_IMPORT_RE = /^[ \t]*import\s+(["'])([^"']+)\1[ \t]*;?/gm;

function parseImportClause(clause, modVar) {
  // default, { a, b as c }, * as ns — in the combinations ES allows
  const lines = [];
  let rest = clause.trim();
  const ns = /^\*\s+as\s+([A-Za-z_$][\w$]*)$/.exec(rest);
  if (ns) return ["const " + ns[1] + " = " + modVar + ";"];
  const def = /^([A-Za-z_$][\w$]*)\s*(,|$)/.exec(rest);
  if (def) {
    lines.push("const " + def[1] + " = " + modVar + ".default;");
    rest = rest.slice(def[0].length).trim();
  }
  if (rest) {
    const ns2 = /^\*\s+as\s+([A-Za-z_$][\w$]*)$/.exec(rest);
    if (ns2) { lines.push("const " + ns2[1] + " = " + modVar + ";"); return lines; }
    const named = /^\{([\s\S]*)\}$/.exec(rest);
    if (!named) throw new Error("unsupported import clause: " + clause);
    const parts = named[1].split(",").map((s) => s.trim()).filter(Boolean).map((s) => {
      const m = /^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/.exec(s);
      if (!m) throw new Error("unsupported import specifier: " + s);
      return m[2] ? m[1] + ": " + m[2] : m[1];
    });
    if (parts.length) lines.push("const { " + parts.join(", ") + " } = " + modVar + ";");
  }
  return lines;
}

function load(file) {
  if (modules.has(file)) {
    const m = modules.get(file);
    if (!m.done) throw new Error("circular import through " + path.relative(ROOT, file));
    return m;
  }
  const mod = { id: "__m" + modules.size, file, done: false, code: "" };
  modules.set(file, mod);
  let src = fs.readFileSync(realPath(file), "utf8");
  const head = [];

  src = src.replace(SIDE_IMPORT_RE, (_, q, spec) => {
    const dep = load(path.resolve(path.dirname(file), spec));
    head.push("void " + dep.id + ";");
    return "";
  });
  src = src.replace(IMPORT_RE, (_, clause, q, spec) => {
    if (!spec.startsWith(".")) throw new Error(path.relative(ROOT, file) + ": bare import '" + spec + "' cannot be bundled");
    const dep = load(path.resolve(path.dirname(file), spec));
    head.push(...parseImportClause(clause, dep.id));
    return "";
  });
  if (/\bimport\s*\(/.test(src.replace(/import\.meta/g, ""))) throw new Error(path.relative(ROOT, file) + ": dynamic import() cannot be bundled");

  const exported = []; // [exportName, localName]
  src = src.replace(/^([ \t]*)export\s+default\s+(async\s+function|function|class)\s+([A-Za-z_$][\w$]*)/gm, (_, ind, kw, name) => {
    exported.push(["default", name]);
    return ind + kw + " " + name;
  });
  src = src.replace(/^([ \t]*)export\s+(async\s+function\*?|function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm, (_, ind, kw, name) => {
    exported.push([name, name]);
    return ind + kw + " " + name;
  });
  src = src.replace(/^[ \t]*export\s*\{([^}]*)\}\s*;?/gm, (_, list) => {
    for (const s of list.split(",").map((x) => x.trim()).filter(Boolean)) {
      const m = /^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/.exec(s);
      if (!m) throw new Error("unsupported export specifier: " + s);
      exported.push([m[2] || m[1], m[1]]);
    }
    return "";
  });
  src = src.replace(/^[ \t]*export\s+default\s+([^;\n]+);?/gm, (_, expr) => {
    exported.push(["default", "__default"]);
    return "const __default = " + expr + ";";
  });
  if (/^[ \t]*export\b/m.test(src)) throw new Error(path.relative(ROOT, file) + ": an export form the bundler does not know");

  const ret = exported.map(([n, l]) => (n === l ? n : JSON.stringify(n) + ": " + l)).join(", ");
  mod.code = "// ---- " + path.relative(ROOT, realPath(file)) + "\n" +
    "const " + mod.id + " = (() => {\n" + head.join("\n") + "\n" + src.trim() + "\nreturn Object.freeze({ " + ret + " });\n})();\n";
  mod.done = true;
  order.push(mod);
  return mod;
}

/** One script with the module `entry` and everything it imports. */
function bundleOf(entry) {
  modules = new Map();
  order = [];
  let code;
  try {
    load(entry);
    code = '"use strict";\n' + order.map((m) => m.code).join("\n");
  } catch (e) {
    die(e.message);
  }
  return { code, count: order.length };
}

function scriptSafe(code) {
  return /<\/script|<!--/i.test(code) ? code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--") : code;
}

// A classic worker: Chromium starts no module worker from a Blob URL in a file://
// page, so the bundle (which has no import/export left) must not use import.meta
// either; the glue only reads it to find the wasm by URL, which is passed as bytes.
const worker = bundleOf(path.join(WWW, "js", "worker.js")).code.replace(/\bimport\.meta\.url\b/g, "self.location.href");
if (/\bimport\.meta\b/.test(worker)) die("the worker bundle still uses import.meta");

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
function page(htmlName, entry, data, outFile) {
  const { code, count } = bundleOf(path.join(WWW, "js", entry));
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

const main = page("index.html", "main.js", { samplesIndex: index, samples }, out);
console.log("build-dist: wrote " + path.relative(process.cwd(), out) + " (" + kib(main.size) + "): " +
  main.count + " modules (" + kib(main.bundle) + "), worker " + kib(Buffer.byteLength(worker)) + ", wasm " + kib(wasm.length) + " from " + path.relative(ROOT, pkgDir) +
  ", " + Object.keys(samples).length + " samples" + (skipped.length ? " (skipped: " + skipped.join(", ") + ")" : ""));
if (replayOut) {
  const replay = page("replay.html", "replay.js", { pollingIndex, polling }, replayOut);
  console.log("build-dist: wrote " + path.relative(process.cwd(), replayOut) + " (" + kib(replay.size) + "): " +
    replay.count + " modules, " + pollingIndex.length + " polling series (" + Object.keys(polling).length + " snapshots)");
}
