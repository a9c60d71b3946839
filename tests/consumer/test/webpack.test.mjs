// The package bundled by webpack 5 (with ts-loader, the usual way to bundle
// TypeScript with webpack) and run in headless Chromium, the way the Vite tests
// in browser.test.mjs run it: production and development builds of the consumer
// file with NO execscope-specific configuration must reproduce the goldens; the
// .wasm URL way docs/javascript.md gives must work and emit one .wasm; and the
// CommonJS misuse (TypeScript compiled to "module": "commonjs") must fail at
// once with the package's explanation.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import webpack from "webpack";
import {
  BUILD,
  HERE,
  INSTALLED,
  checkReport,
  launchChromium,
  loadPage,
  payloadFiles,
  serve,
} from "./helpers.mjs";

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/**
 * Builds webpack/<entry> into build/webpack-<name>/ with ts-loader; `tsOptions`
 * overrides tsconfig.json's compilerOptions. Returns the output directory and the
 * names of the .wasm files webpack emitted.
 */
async function pack(name, entry, { mode = "production", tsOptions = {} } = {}) {
  const outDir = path.join(BUILD, `webpack-${name}`);
  const config = {
    mode,
    context: HERE,
    entry: `./webpack/${entry}`,
    output: { path: outDir, filename: "main.js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, configFile: path.join(HERE, "tsconfig.json"), compilerOptions: tsOptions },
        },
      ],
    },
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
  };
  const stats = await new Promise((resolve, reject) => {
    webpack(config, (err, s) => (err ? reject(err) : resolve(s)));
  });
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  assert.ok(!stats.hasWarnings(), stats.toString("errors-warnings"));
  fs.writeFileSync(
    path.join(outDir, "index.html"),
    `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>execscope consumer (webpack)</title>` +
      `<pre id="out">loading…</pre><script src="main.js"></script>\n`,
  );
  const wasm = fs.readdirSync(outDir).filter((f) => f.endsWith(".wasm"));
  return { outDir, wasm };
}

/** The webpack output at /, the payloads (samples and fixtures) at /payloads/. */
function serveBuild(outDir) {
  const files = {};
  const names = [];
  for (const file of payloadFiles()) {
    const name = path.basename(file);
    names.push(name);
    files[`/payloads/${name}`] = { file };
  }
  const index = path.join(outDir, "payloads-index.json");
  fs.writeFileSync(index, JSON.stringify(names));
  files["/payloads/index.json"] = { file: index };
  return serve({ mounts: { "/": outDir }, files });
}

const packageWasm = () => fs.readFileSync(path.join(INSTALLED, "execscope_bg.wasm"));

for (const mode of ["production", "development"]) {
  test(`a webpack 5 ${mode} build of the consumer file runs in Chromium and matches the goldens`, async () => {
    const { outDir, wasm } = await pack(mode, "main.ts", { mode });
    // webpack found new URL("./execscope_bg.wasm", import.meta.url) in the package and emitted the file.
    assert.equal(wasm.length, 1, `one .wasm asset in the bundle, found ${JSON.stringify(wasm)}`);
    assert.ok(fs.readFileSync(path.join(outDir, wasm[0])).equals(packageWasm()), "the emitted .wasm is the package's");
    const server = await serveBuild(outDir);
    try {
      checkReport(await loadPage(browser, `${server.url}/`, "__execscopeReport"));
      assert.ok(server.requests.includes(`/${wasm[0]}`), "the page fetched the bundled .wasm");
    } finally {
      await server.close();
    }
  });
}

test('webpack: new URL("execscope/execscope_bg.wasm", import.meta.url) is the .wasm\'s URL for "execscope/init"', async () => {
  const { outDir, wasm } = await pack("wasm-url", "wasm-url.ts");
  assert.equal(wasm.length, 1, `one .wasm asset (init.js's default and the app's URL are one file), found ${JSON.stringify(wasm)}`);
  assert.ok(fs.readFileSync(path.join(outDir, wasm[0])).equals(packageWasm()), "the emitted .wasm is the package's");
  const server = await serveBuild(outDir);
  try {
    const result = await loadPage(browser, `${server.url}/`, "__wasmUrl");
    assert.equal(result.url, `${server.url}/${wasm[0]}`);
    assert.equal(result.before, "not_initialized");
    assert.equal(result.phase, "Failed");
    assert.match(result.version, /^\d+\.\d+\.\d+/);
  } finally {
    await server.close();
  }
});

test('webpack: TypeScript compiled to "module": "commonjs" fails at once, saying why and what to do', async () => {
  const { outDir } = await pack("commonjs", "commonjs.ts", {
    tsOptions: { module: "commonjs", moduleResolution: "node10", verbatimModuleSyntax: false },
  });
  // The bundle really uses require(): what TypeScript emitted for the import.
  assert.match(fs.readFileSync(path.join(outDir, "main.js"), "utf8"), /require\("execscope"\) cannot load this package/);
  const server = await serveBuild(outDir);
  const page = await browser.newPage();
  try {
    const error = page.waitForEvent("pageerror", { timeout: 30_000 });
    await page.goto(`${server.url}/`);
    const { name, message } = await error;
    assert.equal(name, "ExecscopeError");
    assert.match(message, /^execscope: require\("execscope"\) cannot load this package in a bundle/);
    assert.match(message, /await import\("execscope"\)/);
    assert.match(message, /"module": "esnext"/);
    assert.equal(await page.evaluate(() => globalThis.__commonjs), undefined, "the import did not run on");
  } finally {
    await page.close();
    await server.close();
  }
});
