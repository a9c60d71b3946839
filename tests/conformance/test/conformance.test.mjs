// JSONTestSuite (test_parsing, test_transform) through the built package
// pkg/execscope.js (`make pkg`), in Node 20 and in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core; no browser is downloaded), with
// the rules in check.mjs.
//
// The suite is read from shared/ beside the repository (../shared/jsontestsuite)
// or from $EXECSCOPE_SHARED/jsontestsuite, never copied into the repository;
// without it the tests are skipped. The package directory is $EXECSCOPE_PKG_DIR
// (default: pkg/ at the repository root).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { checkSeed, runSuite } from "./check.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "../../..");
const PKG = path.resolve(REPO, process.env.EXECSCOPE_PKG_DIR ?? "pkg");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const SEED = path.join(REPO, "samples/seed-aos-execution.json");

function suiteDir() {
  const candidates = [];
  if (process.env.EXECSCOPE_SHARED) candidates.push(path.join(process.env.EXECSCOPE_SHARED, "jsontestsuite"));
  candidates.push(path.resolve(REPO, "../shared/jsontestsuite"));
  return candidates.find((d) => fs.existsSync(path.join(d, "test_parsing")));
}

const SUITE = suiteDir();
const SKIP = SUITE ? false : "no shared/jsontestsuite beside the repository and EXECSCOPE_SHARED unset";
if (SKIP) console.log(`conformance: skipped: ${SKIP}`);

/** [{ dir, name }] of every .json file in test_parsing and test_transform, sorted. */
function listFiles() {
  const out = [];
  for (const dir of ["test_parsing", "test_transform"]) {
    for (const name of fs.readdirSync(path.join(SUITE, dir)).sort()) {
      if (name.endsWith(".json")) out.push({ dir, name });
    }
  }
  return out;
}

function requirePkg() {
  const js = path.join(PKG, "execscope.js");
  assert.ok(fs.existsSync(js), `${js} is missing: run \`make pkg\` first`);
  return js;
}

function report(t, where, { counts, failures }, files) {
  const c = counts;
  t.diagnostic(
    `${where}: ${files} files: y_ ${c.y} accepted, n_ ${c.n} rejected as invalid_json, i_ ${c.i} ` +
      `(${c.iInvalid} invalid_json), ${c.wrapped} re-checked 200 deep, test_transform ${c.transform} ` +
      `(${c.transformInvalid} invalid_json), ${failures.length} failures`,
  );
  assert.deepEqual(failures, [], `${where}: ${failures.length} failures`);
  assert.ok(c.y > 90 && c.n > 180 && c.i > 30 && c.transform > 20, `${where}: too few files: ${JSON.stringify(c)}`);
}

test("JSONTestSuite through pkg/ in Node", { skip: SKIP }, async (t) => {
  const api = await import(pathToFileURL(requirePkg()).href);
  api.initSync({ module: fs.readFileSync(path.join(PKG, "execscope_bg.wasm")) });
  const files = listFiles().map((f) => ({ ...f, bytes: new Uint8Array(fs.readFileSync(path.join(SUITE, f.dir, f.name))) }));
  const result = runSuite(api, files);
  result.failures.push(...checkSeed(api, new Uint8Array(fs.readFileSync(SEED))));
  report(t, "node", result, files.length);
});

let browser;
before(async () => {
  if (SKIP) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
});
after(async () => {
  await browser?.close();
});

const ORIGIN = "http://conformance.test";
const PAGE = `<!doctype html><meta charset="utf-8"><title>conformance</title>
<script type="module">
import init, * as api from "/pkg/execscope.js";
import { checkSeed, runSuite } from "/check.mjs";
try {
  await init();
  const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  const list = await (await fetch("/files.json")).json();
  const files = [];
  for (const f of list) files.push({ ...f, bytes: await bytes("/suite/" + f.dir + "/" + encodeURIComponent(f.name)) });
  const result = runSuite(api, files);
  result.failures.push(...checkSeed(api, await bytes("/seed.json")));
  window.__report = { ...result, files: files.length };
} catch (e) {
  window.__report = { error: String(e && e.stack || e) };
}
</script>`;

const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

test("JSONTestSuite through pkg/ in headless Chromium", { skip: SKIP }, async (t) => {
  requirePkg();
  const list = listFiles();
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  // Everything is answered here, from disk: nothing goes to the network.
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    let file;
    let body;
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === "/") body = PAGE;
    else if (url.pathname === "/files.json") body = JSON.stringify(list);
    else if (url.pathname === "/check.mjs") file = path.join(HERE, "check.mjs");
    else if (url.pathname === "/seed.json") file = SEED;
    else if (url.pathname.startsWith("/pkg/")) file = path.join(PKG, path.basename(url.pathname));
    else if (url.pathname.startsWith("/suite/")) {
      const [, , dir, name] = url.pathname.split("/");
      if (list.some((f) => f.dir === dir && f.name === decodeURIComponent(name))) {
        file = path.join(SUITE, dir, decodeURIComponent(name));
      }
    }
    if (body === undefined && (file === undefined || !fs.existsSync(file))) {
      return route.fulfill({ status: 404, body: "not found" });
    }
    const type = url.pathname === "/" ? "text/html" : TYPES[path.extname(file ?? url.pathname)] ?? "application/octet-stream";
    return route.fulfill({ status: 200, contentType: type, body: body ?? fs.readFileSync(file) });
  });
  try {
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => window.__report !== undefined, null, { timeout: 120_000 });
    const result = await page.evaluate(() => window.__report);
    assert.equal(result.error, undefined, `the page failed: ${result.error}`);
    assert.deepEqual(problems, [], "the page reported problems");
    report(t, "chromium", result, result.files);
  } finally {
    await page.close();
  }
});
