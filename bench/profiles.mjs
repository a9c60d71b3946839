// The release profile's frontier: `make bench-profiles`.
//
//   node bench/profiles.mjs [--levels z,s,2,3] [--opts none,Oz,O3,O4] [--no-simd] [--no-overrides]
//        [--case events-100k|aos-100k|gcs-100k|workflow-200x200] [--rounds 7] [--skip-build]
//        [--node-only | --chromium-only] [--chosen 3/O3] [--wasm-opt PATH] [--wasm-opt-flags "..."]
//        [--out bench/PROFILES.md] [--no-splice]
//
// Builds the .wasm once per Rust profile (cargo build --release for
// wasm32-unknown-unknown with `--config profile.release...`, each in its own
// target/profiles/<build>/, then wasm-bindgen --target web), runs wasm-opt at each
// level over it (bench/results/profiles/<build>/<opt>/), and times summarize(bytes)
// of every one of them against JSON.parse, side by side in one process, in Node and
// in headless Chromium (bench/profiles-core.mjs: interleaved rounds, a full GC
// before every call, medians of the warm rounds). Writes the table, with the
// .wasm sizes (raw and gzip -9) and the frontier (no other build is both smaller
// and faster in Chromium), to bench/PROFILES.md, which bench/report.mjs includes
// in every generated BENCHMARKS.md; and splices it into the current BENCHMARKS.md.
//
// The builds:
//   <level>               opt-level = <level> for every crate (lto, codegen-units = 1, panic = abort as shipped)
//   3+simd128             opt-level 3 with -C target-feature=+simd128 (LLVM's autovectorizer; the code has no SIMD of its own)
//   z+execscope@3         opt-level "z", execscope itself at 3 (a per-crate override)
//   3+deps@z              opt-level 3 for execscope, "z" for every dependency (profile.release.package."*")
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const VARIANTS_DIR = path.join(HERE, "results", "profiles");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--js-flags=--expose-gc"];

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const log = (line) => process.stderr.write(line + "\n");
function fail(msg) {
  process.stderr.write(`bench-profiles: ${msg}\n`);
  process.exit(1);
}

const CASES = {
  "events-100k": { format: "execution-events", size: 100000, label: "100,000 events" },
  "aos-100k": { format: "aos-execution", size: 100000, label: "AOS, 100,000 sub-objects" },
  "gcs-100k": { format: "gcs-execution", size: 100000, label: "GCS, 100,000 nodes" },
  "workflow-200x200": { format: "workflow-executions", size: { runs: 200, nodes: 200 }, label: "workflow, 200 runs × 200 nodes" },
};

// ---------------------------------------------------------------------------
// The Node child: measures the variants named in its environment.
// ---------------------------------------------------------------------------

if (flag("--node-child")) {
  const { measureProfiles } = await import("./profiles-core.mjs");
  const { glueFactory } = await import("./core.mjs");
  const cfg = JSON.parse(process.env.PROFILES_CHILD);
  const result = await measureProfiles({
    ...cfg,
    async newInstance(id) {
      const dir = path.join(VARIANTS_DIR, ...id.split("/"));
      const api = glueFactory(fs.readFileSync(path.join(dir, "execscope.js"), "utf8"))();
      api.initSync({ module: fs.readFileSync(path.join(dir, "execscope_bg.wasm")) });
      return api;
    },
    gc: () => globalThis.gc(),
    log: (line) => log(`  [node] ${line}`),
  });
  process.stdout.write("@@result " + JSON.stringify(result) + "\n");
  process.exit(0);
}

// ---------------------------------------------------------------------------
// The builds.
// ---------------------------------------------------------------------------

const levels = option("--levels", "z,s,2,3").split(",").filter(Boolean);
const opts = option("--opts", "none,Oz,O3,O4").split(",").filter(Boolean);
const rounds = Number(option("--rounds", "7"));
const caseId = option("--case", "events-100k");
const theCase = CASES[caseId] || fail(`no case ${caseId}; cases: ${Object.keys(CASES).join(", ")}`);
const wasmOpt = path.resolve(option("--wasm-opt", path.join(ROOT, "tools", "binaryen", "node_modules", ".bin", "wasm-opt")));
const wasmOptFlags = option(
  "--wasm-opt-flags",
  "--strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue",
)
  .split(/\s+/)
  .filter(Boolean);
const chosen = option("--chosen", null);
const out = path.resolve(option("--out", path.join(HERE, "PROFILES.md")));

const quote = (level) => (/^\d$/.test(level) ? level : JSON.stringify(level));
const builds = levels.map((level) => ({ id: level, label: `opt-level ${quote(level)}`, config: [`profile.release.opt-level=${quote(level)}`], simd: false }));
if (!flag("--no-simd")) builds.push({ id: "3+simd128", label: "opt-level 3, +simd128", config: ["profile.release.opt-level=3"], simd: true });
if (!flag("--no-overrides")) {
  builds.push({ id: "z+execscope@3", label: 'opt-level "z", execscope at 3', config: ['profile.release.opt-level="z"', "profile.release.package.execscope.opt-level=3"], simd: false });
  builds.push({ id: "3+deps@z", label: 'opt-level 3, dependencies at "z"', config: ["profile.release.opt-level=3", 'profile.release.package."*".opt-level="z"'], simd: false });
}
const variants = builds.flatMap((b) => opts.map((o) => ({ id: `${b.id}/${o}`, build: b, opt: o })));

function run(cmd, args, env = {}) {
  log(`$ ${[cmd, ...args].join(" ")}`);
  execFileSync(cmd, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
}

function build(b) {
  const target = path.join(ROOT, "target", "profiles", b.id);
  const env = { CARGO_TARGET_DIR: target };
  if (b.simd) env.RUSTFLAGS = `${process.env.RUSTFLAGS || ""} -C target-feature=+simd128`.trim();
  const t = Date.now();
  run("cargo", ["build", "--quiet", "--lib", "--release", "--target", "wasm32-unknown-unknown", ...b.config.flatMap((c) => ["--config", c])], env);
  const raw = path.join(VARIANTS_DIR, b.id, "raw");
  fs.rmSync(raw, { recursive: true, force: true });
  run("wasm-bindgen", ["--target", "web", "--out-dir", raw, "--out-name", "execscope", path.join(target, "wasm32-unknown-unknown", "release", "execscope.wasm")]);
  for (const o of opts) {
    const dir = path.join(VARIANTS_DIR, b.id, o);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(raw, "execscope.js"), path.join(dir, "execscope.js"));
    const wasm = path.join(dir, "execscope_bg.wasm");
    if (o === "none") fs.copyFileSync(path.join(raw, "execscope_bg.wasm"), wasm);
    else run(wasmOpt, [`-${o}`, ...wasmOptFlags, ...(b.simd ? ["--enable-simd"] : []), path.join(raw, "execscope_bg.wasm"), "-o", wasm]);
  }
  log(`built ${b.id} in ${Math.round((Date.now() - t) / 1000)} s`);
}

if (!flag("--skip-build")) {
  if (!fs.existsSync(wasmOpt)) fail(`${wasmOpt} is missing: run \`make tools-build\` (or pass --wasm-opt)`);
  for (const b of builds) build(b);
}
const sizes = {};
for (const v of variants) {
  const file = path.join(VARIANTS_DIR, v.build.id, v.opt, "execscope_bg.wasm");
  if (!fs.existsSync(file)) fail(`${file} is missing: run without --skip-build`);
  const bytes = fs.readFileSync(file);
  sizes[v.id] = { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

// ---------------------------------------------------------------------------
// Measuring.
// ---------------------------------------------------------------------------

const cfg = { format: theCase.format, size: theCase.size, rounds, variants: variants.map((v) => ({ id: v.id })) };

function measureNode() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--node-child"], {
      env: { ...process.env, PROFILES_CHILD: JSON.stringify(cfg) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buf = "";
    child.stdout.on("data", (d) => (buf += d));
    child.on("close", (code) => {
      const line = buf.split("\n").find((l) => l.startsWith("@@result "));
      if (code !== 0 || !line) reject(new Error(`the Node child exited with ${code}`));
      else resolve(JSON.parse(line.slice(9)));
    });
  });
}

const MIME = { ".mjs": "text/javascript; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

async function measureChromium() {
  const { chromium } = await import("playwright-core").catch(() => fail("playwright-core is not installed in bench/: `cd bench && npm ci`"));
  // Serves / (an empty page), /bench/*.mjs and /variants/<build>/<opt>/*, nothing else.
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    if (rel === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><meta charset=utf-8><title>profiles</title>");
      return;
    }
    let file = null;
    if (rel.startsWith("/bench/")) file = path.join(HERE, rel.slice(7));
    else if (rel.startsWith("/variants/")) file = path.join(VARIANTS_DIR, rel.slice(10));
    const inside = file && (path.dirname(file) === HERE || file.startsWith(VARIANTS_DIR + path.sep));
    if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route((url) => !url.href.startsWith(base + "/"), (route) => route.abort());
    page.on("console", (m) => log(`  [chromium] ${m.text()}`));
    await page.goto(base + "/");
    const result = await page.evaluate(
      async (cfg) => {
        const { measureProfiles } = await import("/bench/profiles-core.mjs");
        const { glueFactory } = await import("/bench/core.mjs");
        return measureProfiles({
          ...cfg,
          async newInstance(id) {
            const glue = await (await fetch(`/variants/${id}/execscope.js`)).text();
            const api = glueFactory(glue)();
            const module = await WebAssembly.compile(await (await fetch(`/variants/${id}/execscope_bg.wasm`)).arrayBuffer());
            await api.default({ module_or_path: module });
            return api;
          },
          gc: () => window.gc(),
          log: (line) => console.log(line),
        });
      },
      cfg,
      { timeout: 30 * 60 * 1000 },
    );
    return { ...result, version: browser.version() };
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
}

const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
};

const loadAtStart = os.loadavg();
const started = new Date();
const envs = {};
if (!flag("--chromium-only")) envs.node = { name: `Node ${process.version}`, ...(await measureNode()) };
if (!flag("--node-only")) {
  const r = await measureChromium();
  envs.chromium = { name: `Chromium ${r.version}`, ...r };
}
const loadAtEnd = os.loadavg();

// ---------------------------------------------------------------------------
// The table.
// ---------------------------------------------------------------------------

const fmtMs = (ms) => (ms == null ? "–" : ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString("en-US"));
const fmtX = (x) => (x == null || !Number.isFinite(x) ? "–" : `${x.toFixed(2)}×`);
const kb = (b) => (b / 1000).toFixed(1);
const speed = (env, id) => env?.columns[id]?.median ?? null;
const vsParse = (env, id) => (speed(env, id) ? speed(env, "parse") / speed(env, id) : null);

// The frontier: no other build is both at most as large (gzip) and at most as slow (Chromium, else Node), one of them strictly.
const main = envs.chromium || envs.node;
const onFrontier = (v) =>
  speed(main, v.id) != null &&
  !variants.some((w) => {
    if (w === v || speed(main, w.id) == null) return false;
    const smaller = sizes[w.id].gzip <= sizes[v.id].gzip;
    const faster = speed(main, w.id) <= speed(main, v.id);
    return smaller && faster && (sizes[w.id].gzip < sizes[v.id].gzip || speed(main, w.id) < speed(main, v.id));
  });

const commit = sh("git", ["-C", ROOT, "rev-parse", "--short=12", "HEAD"]);
const dirty = sh("git", ["-C", ROOT, "status", "--porcelain", "--untracked-files=no", "--", "src", "Cargo.toml", "Cargo.lock"]);
const cpu = /^model name\s*:\s*(.*)$/m.exec(fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "");
const L = [];
const p = (s = "") => L.push(s);
p("<!-- BEGIN profiles: generated by `make bench-profiles` (bench/profiles.mjs) into bench/PROFILES.md; bench/report.mjs includes it -->");
p("## The release profile");
p();
p(
  `Generated by \`make bench-profiles\` (bench/profiles.mjs) on ${started.toISOString().slice(0, 16).replace("T", " ")} UTC at commit ${commit ?? "?"}${dirty ? " (src/ had uncommitted changes)" : ""}; ` +
    `${cpu ? cpu[1].trim() : os.cpus()[0]?.model}, \`nproc\` = ${sh("nproc", []) ?? os.cpus().length}; ${envs.node ? envs.node.name : ""}${envs.node && envs.chromium ? ", " : ""}${envs.chromium ? envs.chromium.name : ""}; ${sh("rustc", ["--version"]) ?? ""}. ` +
    `Load average (1 min) ${loadAtStart[0].toFixed(1)} at start, ${loadAtEnd[0].toFixed(1)} at end: the machine is shared, so read the ratios (interleaved rounds) rather than the absolute times, and treat differences under ~15% as noise.`,
);
p();
p(
  `\`summarize(bytes)\` of the ${theCase.label} payload (\`bench/gen.mjs\`, seed 1, ${(envs.node || envs.chromium).bytes.toLocaleString("en-US")} bytes), ` +
    `every build side by side in one process with \`JSON.parse(text)\`${theCase.format === "execution-events" ? " and the plain-JS summary (`bench/baseline.mjs`)" : ""}: ` +
    `a cold round, then ${rounds} warm rounds, interleaved, a full GC before every call; medians of the warm rounds. ` +
    `× JSON.parse = JSON.parse's time over summarize's (above 1: summarize is faster). Every build is \`lto = true\`, \`codegen-units = 1\`, \`panic = "abort"\`; ` +
    `wasm-opt is Binaryen's (tools/binaryen) with the flags of \`make pkg\` but the level. "frontier": no other build is both as small (gzip -9) and as fast (${envs.chromium ? "Chromium" : "Node"}).`,
);
p();
const head = ["build", "wasm-opt", ".wasm KB", "gzip -9 KB"];
for (const e of Object.values(envs)) head.push(`${e.name.split(" ")[0]} ms`, `× JSON.parse`);
if (envs.node && theCase.format === "execution-events") head.push("× plain-JS summary (Node)");
head.push("");
p(`| ${head.join(" | ")} |`);
p(`|${head.map(() => "---").join("|")}|`);
for (const e of Object.values(envs)) {
  const row = [`JSON.parse alone (${e.name})`, "", "", ""];
  for (const f of Object.values(envs)) row.push(f === e ? fmtMs(speed(e, "parse")) : "", f === e ? "1.00×" : "");
  if (envs.node && theCase.format === "execution-events") row.push("");
  row.push("");
  p(`| ${row.join(" | ")} |`);
}
if (envs.node && theCase.format === "execution-events") {
  const row = ["JSON.parse + plain-JS summary", "", "", ""];
  for (const e of Object.values(envs)) row.push(fmtMs(speed(e, "baseline")), fmtX(vsParse(e, "baseline")));
  row.push("1.00×", "");
  p(`| ${row.join(" | ")} |`);
}
for (const v of variants) {
  const marks = [];
  if (chosen === v.id) marks.push("**chosen**");
  if (onFrontier(v)) marks.push("frontier");
  const row = [v.build.label, v.opt === "none" ? "none" : `-${v.opt}`, kb(sizes[v.id].raw), kb(sizes[v.id].gzip)];
  for (const e of Object.values(envs)) row.push(e.columns[v.id]?.error ? "error" : fmtMs(speed(e, v.id)), fmtX(vsParse(e, v.id)));
  if (envs.node && theCase.format === "execution-events") row.push(fmtX(speed(envs.node, v.id) ? speed(envs.node, "baseline") / speed(envs.node, v.id) : null));
  row.push(marks.join(", "));
  p(`| ${row.join(" | ")} |`);
}
for (const e of Object.values(envs)) {
  if (e.differ.length) p(`\n**${e.name}: these builds gave a different summary than ${variants[0].id}: ${e.differ.join(", ")}.**`);
}
p("<!-- END profiles -->");
const md = L.join("\n") + "\n";
fs.writeFileSync(out, md);
fs.mkdirSync(path.join(HERE, "results"), { recursive: true });
fs.writeFileSync(path.join(HERE, "results", "profiles.json"), JSON.stringify({ started, loadAtStart, loadAtEnd, sizes, envs, case: caseId }, null, 1) + "\n");
process.stdout.write("\n" + md);

// Splice into the current BENCHMARKS.md (replacing the previous table, else after "What limits the targets", where bench/report.mjs puts it).
const bench = path.join(ROOT, "BENCHMARKS.md");
if (!flag("--no-splice") && out === path.join(HERE, "PROFILES.md") && fs.existsSync(bench)) {
  let text = fs.readFileSync(bench, "utf8");
  const re = /<!-- BEGIN profiles[^]*?<!-- END profiles -->\n/;
  if (re.test(text)) text = text.replace(re, () => md);
  else text = text.replace(/^## execution-events/m, (m) => md + "\n" + m);
  fs.writeFileSync(bench, text);
  log(`bench-profiles: wrote ${path.relative(process.cwd(), out)}, spliced into BENCHMARKS.md`);
}
