// Shared by the consumer tests: paths, the payloads and their golden outputs,
// the checks every environment's report must pass, tsc, a static server.
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { chromium } from "playwright-core";

export const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO = path.resolve(HERE, "../..");
export const BUILD = path.join(HERE, "build");
export const INSTALLED = path.join(HERE, "node_modules/execscope");
/** Where `make npm` wrote the package (the tarball under test was packed from it). */
export const PKG_DIR = path.resolve(REPO, process.env.EXECSCOPE_NPM_DIR ?? "pkg-npm");

/** The functions the issue and docs/javascript.md ("Examples") document; the package may export more (classes). */
export const DOCUMENTED = ["decodeObjectData", "detect", "events", "rawJson", "summarize", "timeline", "version"];

/** Every function and class the installed package's execscope.d.ts declares, sorted. */
export function apiNames() {
  const dts = fs.readFileSync(path.join(INSTALLED, "execscope.d.ts"), "utf8");
  const names = [...dts.matchAll(/^export (?:declare )?(?:function|class) (\w+)/gm)].map((m) => m[1]);
  for (const n of DOCUMENTED) assert.ok(names.includes(n), `execscope.d.ts declares ${n}`);
  return [...new Set(names)].sort();
}

/** Every payload the golden tests cover: samples/*.json (not index.json) and tests/fixtures/*.json. */
export function payloadFiles() {
  const out = [];
  for (const dir of ["samples", "tests/fixtures"]) {
    for (const f of fs.readdirSync(path.join(REPO, dir)).sort()) {
      if (f.endsWith(".json") && f !== "index.json") out.push(path.join(REPO, dir, f));
    }
  }
  return out;
}

/** { "file.json": { bytes, text } } as consume.ts's exercise() takes them. */
export function loadInputs() {
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  const inputs = {};
  for (const file of payloadFiles()) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    inputs[path.basename(file)] = { bytes, text: utf8.decode(bytes) };
  }
  return inputs;
}

/** { name: tests/golden/name.json } for every payload. */
export function loadGoldens() {
  const out = {};
  for (const file of payloadFiles()) {
    const name = path.basename(file, ".json");
    out[name] = JSON.parse(fs.readFileSync(path.join(REPO, "tests/golden", `${name}.json`), "utf8"));
  }
  return out;
}

export function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(INSTALLED, "package.json"), "utf8")).version;
}

/** src/consume.ts with its types stripped, importable from Node (resolves "execscope" from node_modules). */
export async function importConsumer() {
  const source = fs.readFileSync(path.join(HERE, "src/consume.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    fileName: "consume.ts",
  });
  fs.mkdirSync(BUILD, { recursive: true });
  const out = path.join(BUILD, `consume.${process.pid}.mjs`);
  fs.writeFileSync(out, outputText);
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/** Expected errors of exercise().errors (message aside: matched by the regexp). */
export const EXPECTED_ERRORS = {
  invalidJson: [{ code: "invalid_json", line: 3, column: 13, offset: 37 }, /line 3, column 13/],
  strictTrailingComma: [{ code: "invalid_json", line: 1, column: 7, offset: 6 }, /trailing comma/],
  invalidBase64: [{ code: "invalid_base64", offset: 4 }, /offset 4/],
  tooLarge: [{ code: "too_large" }, /at most 1 bytes/],
  tooDeep: [{ code: "too_deep", line: 1, column: 128, offset: 127 }, /nested at most 128 levels/],
  unknownFormat: [{ code: "unknown_format" }, /found a string/],
  invalidOption: [{ code: "invalid_option" }, /options\.format/],
  invalidInput: [{ code: "invalid_option" }, /string or a Uint8Array, found a number/],
  unknownRun: [{ code: "unknown_run" }, /no-such-run/],
  noError: null,
};

/** The checks a report from exercise() must pass, wherever it ran. */
export function checkReport(report, { goldens = loadGoldens(), version = packageVersion() } = {}) {
  assert.equal(report.version, version, "version()");

  // Every payload: exactly what the Rust golden tests recorded.
  assert.deepEqual(Object.keys(report.rendered).sort(), Object.keys(goldens).sort());
  for (const [name, golden] of Object.entries(goldens)) {
    assert.deepStrictEqual(report.rendered[name], golden, `${name}: output differs from tests/golden/${name}.json`);
    const expectedKind = golden.summary ? golden.summary.kind : golden.error.code;
    assert.equal(report.detected[name], expectedKind, `${name}: detect()`);
    if (golden.summary) {
      assert.equal(report.rawJsonParses[name], true, `${name}: rawJson() parses`);
      assert.equal(report.stringInputSame[name], true, `${name}: string and Uint8Array inputs agree`);
    }
  }

  // The two payloads of the issue, field by field.
  const seed = report.rendered["seed-aos-execution"];
  assert.equal(seed.summary.kind, "aos-execution");
  assert.equal(seed.summary.runs.length, 1);
  const trim = seed.summary.runs[0];
  assert.equal(trim.id, "trim-4074942376");
  assert.equal(trim.action, "create");
  assert.equal(trim.phase, "Succeeded");
  assert.deepEqual(trim.progress, { reported: 100, derived: 100, done: 3, total: 3 });
  assert.equal(trim.durationMs, 15000);
  assert.equal(trim.objectData, "*****");
  assert.equal(seed["trim-4074942376:objectData"].status, "redacted");
  assert.equal(seed.timelines[0].timeline.lanes.length, 3);

  const failed = report.rendered["aos-upgrade-failed"];
  assert.equal(failed.summary.kind, "aos-execution");
  const shop = failed.summary.runs[0];
  assert.equal(shop.id, "shop-prod-2718440931");
  assert.equal(shop.action, "upgrade");
  assert.equal(shop.phase, "Failed");
  assert.deepEqual(shop.progress, { reported: 62, derived: 62, done: 10, total: 16 });
  assert.deepEqual(shop.phases, { Pending: 1, Running: 0, Succeeded: 10, Failed: 2, Cancelled: 2, Skipped: 1, Unknown: 0 });
  assert.equal(shop.firstFailure.element, "shop-api-deployment");
  assert.equal(shop.firstFailure.reason, "UpgradeFailed");
  assert.equal(shop.firstFailure.at, Date.parse("2024-05-13T08:29:41Z"));
  assert.equal(shop.startedAt, Date.parse("2024-05-13T08:21:07Z"));
  assert.equal(failed["shop-prod-2718440931:objectData"].status, "decoded");
  assert.equal(failed["shop-prod-2718440931:objectData"].format, "json");
  assert.equal(typeof failed["shop-prod-2718440931:objectData"].json, "object");
  assert.deepEqual(report.headlines["aos-upgrade-failed"], ["shop-prod: failed at shop-api-deployment, 10/16 (62%)"]);
  assert.deepEqual(report.headlines["seed-aos-execution"], ["trim: succeeded in 15 s, 3/3 (100%)"]);

  // Errors cross as real Error objects with code and position.
  assert.deepEqual(Object.keys(report.errors).sort(), Object.keys(EXPECTED_ERRORS).sort());
  for (const [key, expected] of Object.entries(EXPECTED_ERRORS)) {
    const got = report.errors[key];
    if (expected === null) {
      assert.equal(got, null, `${key}: no error`);
      continue;
    }
    const [fields, message] = expected;
    assert.ok(got, `${key}: expected a thrown error`);
    const { message: text, ...rest } = got;
    assert.deepEqual(rest, { ...fields, instanceOfError: true, name: "ExecscopeError" }, key);
    assert.match(text, message, key);
  }
}

/** Runs the fixture's TypeScript compiler; returns { status, output }. */
export function tsc(...args) {
  const r = spawnSync(process.execPath, [path.join(HERE, "node_modules/typescript/bin/tsc"), ...args], {
    cwd: HERE,
    encoding: "utf8",
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** tsc diagnostics "file(line,col): error TSnnnn: text" as { file, line, code, text }. */
export function diagnostics(output) {
  const out = [];
  for (const m of output.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/gm)) {
    out.push({ file: m[1], line: Number(m[2]), code: m[4], text: m[5] });
  }
  return out;
}

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

/**
 * A static server on 127.0.0.1 (a free port). mounts: { "/url/prefix/": "/dir" };
 * files: { "/exact/path": { file, type } }. Records every request path in .requests.
 */
export async function serve({ mounts = {}, files = {} }) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    let file;
    let type;
    if (files[pathname]) {
      ({ file, type } = files[pathname]);
    } else {
      const prefix = Object.keys(mounts)
        .filter((p) => pathname.startsWith(p))
        .sort((a, b) => b.length - a.length)[0];
      if (prefix !== undefined) {
        const base = path.resolve(mounts[prefix]);
        const candidate = path.resolve(base, `.${pathname.slice(prefix.length - 1)}`);
        if (candidate === base || candidate.startsWith(base + path.sep)) {
          file = fs.existsSync(candidate) && fs.statSync(candidate).isDirectory() ? path.join(candidate, "index.html") : candidate;
        }
      }
    }
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": type ?? MIME[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM=...) through playwright-core. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
}

/**
 * Opens url in a new page of browser, waits for window[key] (or window.__execscopeError)
 * and returns { value, error, problems }: problems lists page errors, console errors and
 * failed requests.
 */
export async function openPage(browser, url, key) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()}`));
  try {
    await page.goto(url);
    await page.waitForFunction((k) => window[k] !== undefined || window.__execscopeError !== undefined, key, {
      timeout: 30_000,
    });
    const { value, error } = await page.evaluate((k) => ({ value: window[k], error: window.__execscopeError }), key);
    return { value, error, problems };
  } finally {
    await page.close();
  }
}

/** openPage, failing on any error or problem; returns window[key]. */
export async function loadPage(browser, url, key) {
  const { value, error, problems } = await openPage(browser, url, key);
  assert.equal(error, undefined, `the page failed: ${error}`);
  assert.deepEqual(problems, [], "the page reported problems");
  return value;
}
