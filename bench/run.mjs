// execscope benchmark driver: `make bench` (or `make bench QUICK=1`).
//
//   node bench/run.mjs [--quick] [--node-only | --chromium-only] [--cases id,id] [--pkg DIR] [--out FILE]
//
// Runs every case of bench/core.mjs plan() in Node (one child process per case:
// node --expose-gc, initSync with the wasm bytes) and in headless Chromium (one
// fresh page per case, files served from 127.0.0.1 by a tiny node:http server),
// prints the tables and writes them with the machine's description:
//   full run  -> BENCHMARKS.md (repository root) and bench/results/latest.json
//   --quick   -> bench/results/BENCHMARKS-quick.md and bench/results/quick.json
// bench/results/ is not committed. `node bench/report.mjs FILE.json` re-renders a run.

import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { plan } from "./core.mjs";
import { render } from "./report.mjs";
import { breakdown } from "./wasm-size.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"];
const CASE_TIMEOUT_MS = 20 * 60 * 1000;

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag("--quick") || process.env.QUICK === "1";
const pkg = path.resolve(option("--pkg") || path.join(ROOT, "pkg"));
const wantNode = !flag("--chromium-only");
const wantChromium = !flag("--node-only");
const only = option("--cases") ? new Set(option("--cases").split(",")) : null;
const resultsDir = path.join(HERE, "results");
const out = option("--out") || (quick ? path.join(resultsDir, "BENCHMARKS-quick.md") : path.join(ROOT, "BENCHMARKS.md"));
const jsonOut = path.join(resultsDir, quick ? "quick.json" : "latest.json");

const cases = plan({ quick }).filter((c) => !only || only.has(c.id));
if (!cases.length) fail(`no cases selected; cases: ${plan({ quick }).map((c) => c.id).join(", ")}`);
for (const f of ["execscope.js", "execscope_bg.wasm"]) {
  if (!fs.existsSync(path.join(pkg, f))) fail(`${path.join(pkg, f)} is missing: run \`make pkg\` first (or \`make bench\`)`);
}

function fail(msg) {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(1);
}

const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
};

/** Code per crate, from cargo's wasm (with names) of the same build as pkg/, when there is one. */
function wasmBreakdown() {
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(ROOT, "target");
  const file = path.join(target, "wasm32-unknown-unknown", "release", "execscope.wasm");
  const shipped = path.join(pkg, "execscope_bg.wasm");
  try {
    const a = fs.statSync(file).mtimeMs;
    const b = fs.statSync(shipped).mtimeMs;
    if (a > b + 60e3 || a < b - 30 * 60e3) return null; // not the build pkg/ came from
    const r = breakdown(fs.readFileSync(file));
    return r.named ? { file: path.relative(ROOT, file), ...r } : null;
  } catch {
    return null;
  }
}

function machine() {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const meminfo = fs.existsSync("/proc/meminfo") ? fs.readFileSync("/proc/meminfo", "utf8") : "";
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo);
  const memKb = /^MemTotal:\s*(\d+)\s*kB/m.exec(meminfo);
  const wasm = fs.readFileSync(path.join(pkg, "execscope_bg.wasm"));
  const commit = sh("git", ["-C", ROOT, "rev-parse", "--short=12", "HEAD"]);
  const dirty = sh("git", ["-C", ROOT, "status", "--porcelain", "--untracked-files=no", "--", "src", "Cargo.toml", "Cargo.lock"]);
  return {
    date: new Date().toISOString(),
    nproc: Number(sh("nproc", [])) || os.cpus().length,
    cpu: model ? model[1].trim() : os.cpus()[0]?.model ?? "unknown",
    memoryBytes: memKb ? Number(memKb[1]) * 1024 : os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: null, // filled in by the Chromium pass
    chromiumCli: sh(CHROMIUM, ["--version"]),
    rustc: sh("rustc", ["--version"]),
    commit: commit ? commit + (dirty ? " (src/ has uncommitted changes)" : "") : null,
    loadAtStart: os.loadavg(),
    wasm: {
      path: path.relative(ROOT, path.join(pkg, "execscope_bg.wasm")),
      raw: wasm.length,
      gzip: zlib.gzipSync(wasm, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(wasm, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      breakdown: wasmBreakdown(),
    },
  };
}

const log = (line) => process.stderr.write(line + "\n");

// ---------------------------------------------------------------------------
// Node: one child process per case.
// ---------------------------------------------------------------------------

function runNodeCase(spec) {
  return new Promise((resolve) => {
    const records = [];
    const args = ["--expose-gc", "--max-old-space-size=12288", path.join(HERE, "node-case.mjs"), spec.id, "--pkg", pkg];
    if (quick) args.push("--quick");
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    const timer = setTimeout(() => child.kill("SIGKILL"), CASE_TIMEOUT_MS);
    let buf = "";
    child.stdout.on("data", (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.startsWith("@@bench ")) records.push(JSON.parse(line.slice(8)));
        else if (line) log(`  [node] ${line}`);
      }
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        records.push({ kind: "crash", id: spec.id, error: `node exited with ${signal ? "signal " + signal : "code " + code} (out of memory?)` });
        log(`  [node] ${spec.id}: process died (${signal || code})`);
      }
      resolve(records);
    });
  });
}

// ---------------------------------------------------------------------------
// Chromium: a fresh page (renderer) per case.
// ---------------------------------------------------------------------------

const MIME = { ".html": "text/html; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

function startServer() {
  // Serves /bench/* from bench/ and /pkg/* from the package directory, nothing else.
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = null;
    const rel = decodeURIComponent(url.pathname);
    const SAMPLES = path.join(ROOT, "samples");
    if (rel.startsWith("/bench/")) file = path.join(HERE, rel.slice(7));
    else if (rel.startsWith("/pkg/")) file = path.join(pkg, rel.slice(5));
    else if (rel.startsWith("/samples/")) file = path.join(SAMPLES, rel.slice(9));
    const inside = file && (file.startsWith(HERE + path.sep) || file.startsWith(pkg + path.sep) || file.startsWith(SAMPLES + path.sep));
    if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function runChromium(info, onRecords) {
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    fail("playwright-core is not installed in bench/: run `make bench` (it runs npm ci there) or `cd bench && npm ci`");
  }
  const server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"] });
  info.chromium = browser.version();
  try {
    for (const spec of cases) {
      const records = [];
      const load = os.loadavg();
      log(`\n[chromium] ${spec.id} (load ${load.map((x) => x.toFixed(1)).join(" ")})`);
      const context = await browser.newContext();
      const page = await context.newPage();
      // Nothing but the local server: every other request is refused.
      await page.route((url) => !url.href.startsWith(base + "/"), (route) => route.abort());
      await page.exposeFunction("benchEmit", (json) => records.push(JSON.parse(json)));
      page.on("console", (m) => log(`  [chromium] ${m.text()}`));
      let crashed = false;
      page.on("crash", () => (crashed = true));
      try {
        await page.goto(`${base}/bench/page.html`);
        await page.waitForFunction(() => window.benchReady === true);
        await page.evaluate(([id, q]) => window.benchRun(id, q), [spec.id, quick], { timeout: CASE_TIMEOUT_MS });
      } catch (e) {
        const msg = crashed ? "renderer crashed (out of memory?)" : String(e && e.message ? e.message : e).split("\n")[0].slice(0, 300);
        records.push({ kind: "crash", id: spec.id, error: msg });
        log(`  [chromium] ${spec.id}: ${msg}`);
      }
      await context.close().catch(() => {});
      onRecords(spec, records, load);
    }
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
}

// ---------------------------------------------------------------------------

const info = machine();
const results = { quick, machine: info, cases: cases.map(({ id, format, size, label, runs, variants, graph }) => ({ id, format, size, label, runs, variants, graph })), envs: {} };
const t0 = Date.now();
log(`bench: ${quick ? "QUICK subset" : "full run"}; ${cases.length} cases; wasm ${info.wasm.raw} B (gzip ${info.wasm.gzip} B); load ${info.loadAtStart.map((x) => x.toFixed(1)).join(" ")}`);

if (wantNode) {
  results.envs.node = { name: `Node ${process.version}`, cases: {} };
  for (const spec of cases) {
    if (spec.envs && !spec.envs.includes("node")) continue;
    const load = os.loadavg();
    log(`\n[node] ${spec.id} (load ${load.map((x) => x.toFixed(1)).join(" ")})`);
    const records = await runNodeCase(spec);
    results.envs.node.cases[spec.id] = { load, records };
  }
}
if (wantChromium) {
  results.envs.chromium = { name: "Chromium", cases: {} };
  await runChromium(info, (spec, records, load) => {
    results.envs.chromium.cases[spec.id] = { load, records };
  });
  results.envs.chromium.name = `Chromium ${info.chromium}`;
}
info.loadAtEnd = os.loadavg();
info.totalSeconds = Math.round((Date.now() - t0) / 1000);

fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(jsonOut, JSON.stringify(results, null, 1) + "\n");
const md = render(results);
fs.writeFileSync(out, md);
process.stdout.write("\n" + md);
log(`\nbench: wrote ${path.relative(process.cwd(), out)} and ${path.relative(process.cwd(), jsonOut)} in ${info.totalSeconds} s`);
