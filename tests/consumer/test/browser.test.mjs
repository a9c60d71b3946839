// The package in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core): bundled by Vite, and loaded by plain pages without a bundler.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { build, createServer } from "vite";
import {
  BUILD,
  HERE,
  apiNames,
  INSTALLED,
  REPO,
  checkReport,
  launchChromium,
  loadGoldens,
  loadPage,
  packageVersion,
  serve,
} from "./helpers.mjs";

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

const load = (url, key) => loadPage(browser, url, key);

test("a Vite 7 bundle of the consumer file runs in Chromium and matches the goldens", async () => {
  const outDir = path.join(BUILD, "vite-dist");
  await build({
    root: path.join(HERE, "web"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  // Vite found new URL("./execscope_bg.wasm", import.meta.url) in the package and emitted the file.
  const wasm = fs.readdirSync(path.join(outDir, "assets")).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one .wasm asset in the bundle, found ${JSON.stringify(wasm)}`);
  assert.ok(
    fs.readFileSync(path.join(outDir, "assets", wasm[0])).equals(fs.readFileSync(path.join(INSTALLED, "execscope_bg.wasm"))),
    "the emitted .wasm is the package's",
  );

  const server = await serve({ mounts: { "/": outDir } });
  try {
    const report = await load(`${server.url}/`, "__execscopeReport");
    checkReport(report);
    assert.ok(server.requests.includes(`/assets/${wasm[0]}`), "the page fetched the bundled .wasm");
  } finally {
    await server.close();
  }
});

test("the Vite dev server serves it too, with the documented optimizeDeps.exclude", async () => {
  // Vite's dependency pre-bundling moves the package's JS into node_modules/.vite/deps,
  // where new URL("./execscope_bg.wasm", import.meta.url) no longer finds the file;
  // docs/javascript.md "Vite" tells Vite users to exclude execscope from it.
  const server = await createServer({
    root: path.join(HERE, "web"),
    logLevel: "warn",
    server: { host: "127.0.0.1", port: 0, strictPort: false },
    optimizeDeps: { exclude: ["execscope"] },
  });
  await server.listen();
  try {
    const url = server.resolvedUrls.local[0];
    checkReport(await load(url, "__execscopeReport"));
  } finally {
    await server.close();
  }
});

/** Serves the plain pages, the installed package under /node_modules/execscope/ and samples/. */
function plainServer() {
  return serve({
    mounts: {
      "/": path.join(HERE, "plain"),
      "/node_modules/execscope/": INSTALLED,
      "/samples/": path.join(REPO, "samples"),
    },
    files: {
      "/copy/engine.bin": { file: path.join(INSTALLED, "execscope_bg.wasm"), type: "application/octet-stream" },
    },
  });
}

test("a page without a bundler imports the package through an import map", async () => {
  const server = await plainServer();
  try {
    const result = await load(`${server.url}/index.html`, "__plain");
    const goldens = loadGoldens();
    assert.deepEqual(result.exports, apiNames());
    assert.equal(result.version, packageVersion());
    for (const name of ["seed-aos-execution", "aos-upgrade-failed"]) {
      assert.deepStrictEqual(result.summaries[name], goldens[name].summary, name);
    }
    assert.equal(result["seed-aos-execution:lanes"], 3);
    assert.equal(result.summaries["aos-upgrade-failed"].runs[0].firstFailure.element, "shop-api-deployment");
    const { message, ...error } = result.error;
    assert.deepEqual(error, {
      instanceOfError: true,
      name: "ExecscopeError",
      code: "invalid_json",
      line: 3,
      column: 13,
      offset: 37,
    });
    assert.match(message, /line 3, column 13/);
    assert.deepEqual(result.base64Error, { instanceOfError: true, code: "invalid_base64", offset: 4 });
    assert.ok(server.requests.includes("/node_modules/execscope/execscope_bg.wasm"), "fetched the .wasm next to the module");
  } finally {
    await server.close();
  }
});

test('"execscope/init" in a page: throws before init(), then loads the .wasm from the given URL', async () => {
  const server = await plainServer();
  try {
    const result = await load(`${server.url}/init.html`, "__init");
    assert.deepEqual(result.before, { instanceOfError: true, code: "not_initialized" });
    assert.equal(result.version, packageVersion());
    assert.deepStrictEqual(result.summary, loadGoldens()["aos-upgrade-failed"].summary);
    assert.ok(server.requests.includes("/copy/engine.bin"));
    assert.ok(!server.requests.includes("/node_modules/execscope/execscope_bg.wasm"), "the default .wasm was not fetched");
  } finally {
    await server.close();
  }
});
