#!/usr/bin/env node
// Builds dist/execscope.html: ONE self-contained page that works when opened
// from file:// with no network.
//
//   node scripts/build-dist.mjs [--pkg DIR] [--samples DIR] [--out FILE] [--max-sample-bytes N]
//
//   --pkg      the wasm-bindgen --target web package (default: pkg/, else www/pkg/)
//   --samples  the samples directory with index.json (default: samples/)
//   --out      the output file (default: dist/execscope.html)
//
// What it does:
//   * bundles www/js/main.js and every module it imports (the wasm glue
//     pkg/execscope.js included) into one <script type="module">: each module
//     becomes a function scope whose exports are returned as an object, its
//     imports become reads of the modules it names (no dependencies, no npm);
//   * inlines www/style.css as one <style>;
//   * puts the wasm (base64) and the samples (index + texts) in a
//     <script type="application/json" id="execscope-inline"> data block, which
//     www/js/load.js reads instead of fetching anything;
//   * writes a Content-Security-Policy with the sha256 of the script and of the
//     style, 'wasm-unsafe-eval', and connect-src 'none'.
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

const modules = new Map(); // abs path (as imported) -> {id, code}
const order = [];

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

let bundle;
try {
  load(path.join(WWW, "js", "main.js"));
  bundle = '"use strict";\n' + order.map((m) => m.code).join("\n");
} catch (e) {
  die(e.message);
}
if (/<\/script|<!--/i.test(bundle)) bundle = bundle.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");

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

// JSON in a data block: "<" escaped so no payload text can end the element.
const data = JSON.stringify({ wasm: wasm.toString("base64"), samplesIndex: index, samples })
  .replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

// ---- the page ---------------------------------------------------------------------------

const sha = (s) => "'sha256-" + crypto.createHash("sha256").update(s, "utf8").digest("base64") + "'";
const csp = [
  "default-src 'none'",
  "script-src " + sha(bundle) + " 'wasm-unsafe-eval'",
  "style-src " + sha(css),
  "img-src data: blob:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

let html = fs.readFileSync(path.join(WWW, "index.html"), "utf8");
function replaceOnce(re, to, what) {
  const m = html.match(re);
  if (!m || m.length !== 1) die("www/index.html: expected exactly one " + what);
  html = html.replace(re, () => to);
}
replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/g, '<meta http-equiv="Content-Security-Policy" content="' + csp + '">', "CSP meta tag");
replaceOnce(/<link rel="stylesheet" href="style\.css">/g, "<style>" + css + "</style>", "stylesheet link");
replaceOnce(/<script type="module" src="js\/main\.js"><\/script>/g, "<script type=\"module\">" + bundle + "</script>", "module script");
replaceOnce(/<\/body>/g, '<script type="application/json" id="execscope-inline">' + data + "</script>\n</body>", "</body>");

// Nothing may be loaded from anywhere: no src=, no href= but the data: icon.
const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith("data:"));
if (refs.length) die("the page still references files: " + refs.join(", "));

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, html);
const kib = (n) => (n / 1024).toFixed(0) + " KiB";
console.log("build-dist: wrote " + path.relative(process.cwd(), out) + " (" + kib(Buffer.byteLength(html)) + "): " +
  order.length + " modules (" + kib(Buffer.byteLength(bundle)) + "), wasm " + kib(wasm.length) + " from " + path.relative(ROOT, pkgDir) +
  ", " + Object.keys(samples).length + " samples" + (skipped.length ? " (skipped: " + skipped.join(", ") + ")" : ""));
