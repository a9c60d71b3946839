// The package in Node 20, imported by name from node_modules (installed from the
// packed tarball): the "node" export condition, the consumer file, the errors,
// and "execscope/init".
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as execscope from "execscope";
import { HERE, apiNames, INSTALLED, PKG_DIR, checkReport, importConsumer, loadInputs, packageVersion } from "./helpers.mjs";

test("the installed package is the tarball of the current `make npm` build", () => {
  const installed = JSON.parse(fs.readFileSync(path.join(INSTALLED, "package.json"), "utf8"));
  const built = JSON.parse(fs.readFileSync(path.join(PKG_DIR, "package.json"), "utf8"));
  assert.equal(installed.name, "execscope");
  assert.equal(installed.version, built.version);
  for (const f of built.files) {
    assert.ok(
      fs.readFileSync(path.join(INSTALLED, f)).equals(fs.readFileSync(path.join(PKG_DIR, f))),
      `node_modules/execscope/${f} differs from ${PKG_DIR}/${f}: reinstall the tarball (make test-npm)`,
    );
  }
  // Exactly the files a user needs, nothing else.
  // (cli/ holds the command line's modules: files are compared by their paths.)
  const shipped = fs
    .readdirSync(INSTALLED, { recursive: true })
    .map(String)
    .filter((f) => fs.statSync(path.join(INSTALLED, f)).isFile())
    .sort();
  assert.deepEqual(shipped, [...built.files, "README.md", "package.json"].sort());
});

test('"execscope" resolves to the Node entry and exports exactly the API', () => {
  assert.equal(fileURLToPath(import.meta.resolve("execscope")), path.join(INSTALLED, "execscope.node.js"));
  assert.deepEqual(Object.keys(execscope).sort(), apiNames());
  assert.equal(execscope.version(), packageVersion());
});

test('require("execscope") in Node gets the Node entry, not the "require" stub meant for bundles', (t) => {
  if (!process.features.require_module) {
    t.skip(`Node ${process.version} cannot require() ES modules`);
    return;
  }
  const out = execFileSync(
    process.execPath,
    ["-e", 'const m = require("execscope"); console.log(require.resolve("execscope"), typeof m.summarize, m.version())'],
    { cwd: HERE, encoding: "utf8" },
  ).trim();
  assert.equal(out, `${path.join(INSTALLED, "execscope.node.js")} function ${packageVersion()}`);
});

test("the consumer file (src/consume.ts, types stripped) matches the goldens in Node", async () => {
  const { exercise } = await importConsumer();
  checkReport(exercise(loadInputs()));
});

test("errors are real Error objects with code, line, column, offset", () => {
  let caught;
  try {
    execscope.summarize('{\n  "kind": "Execution",\n  "status": }');
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, "ExecscopeError");
  assert.equal(caught.code, "invalid_json");
  assert.equal(caught.line, 3);
  assert.equal(caught.column, 13);
  assert.equal(caught.offset, 37);
  assert.match(String(caught), /^ExecscopeError: expected value at line 3, column 13/);
  assert.equal(typeof caught.stack, "string");
  assert.throws(() => execscope.decodeObjectData("eyJh!!"), { name: "ExecscopeError", code: "invalid_base64", offset: 4 });
  assert.throws(() => execscope.timeline("{}", { run: 7 }), (e) => e instanceof Error && e.code === "invalid_option");
});

/** Runs an ES module snippet in a fresh Node process in the fixture (its own module graph). */
function node(code) {
  return execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: HERE, encoding: "utf8" }).trim();
}

const payload = JSON.stringify(fs.readFileSync(path.join(HERE, "../../samples/aos-upgrade-failed.json"), "utf8"));

test('"execscope/init": every export throws until init(); init() reads the .wasm from disk', () => {
  const dts = fs.readFileSync(path.join(INSTALLED, "execscope.d.ts"), "utf8");
  const classes = [...dts.matchAll(/^export (?:declare )?class (\w+)/gm)].map((m) => m[1]);
  const out = node(`
    import * as m from "execscope/init";
    const classes = ${JSON.stringify(classes)};
    const before = {};
    for (const name of ${JSON.stringify(apiNames())}) {
      try {
        if (classes.includes(name)) new m[name]("{}");
        else m[name]("{}");
        before[name] = "no error";
      } catch (e) {
        before[name] = e instanceof Error && e.name + ":" + e.code;
      }
    }
    const p1 = m.default(), p2 = m.default();
    await p1;
    const s = m.summarize(${payload});
    console.log(JSON.stringify({ before, same: p1 === p2, phase: s.runs[0].phase, reported: s.runs[0].progress.reported }));
  `);
  const result = JSON.parse(out);
  assert.deepEqual(result, {
    before: Object.fromEntries(apiNames().map((n) => [n, "ExecscopeError:not_initialized"])),
    same: true,
    phase: "Failed",
    reported: 62,
  });
});

test('"execscope/init": initSync({ module }) with bytes or a compiled module, init({ module_or_path }) with bytes', () => {
  for (const how of [
    `initSync({ module: bytes })`,
    `initSync({ module: new WebAssembly.Module(bytes) })`,
    `await init({ module_or_path: bytes })`,
    `await init({ module_or_path: Promise.resolve(new WebAssembly.Module(bytes)) })`,
    `await init({ module_or_path: new URL(import.meta.resolve("execscope/execscope_bg.wasm")) })`,
  ]) {
    const out = node(`
      import { readFileSync } from "node:fs";
      import { fileURLToPath } from "node:url";
      import init, { initSync, summarize, version } from "execscope/init";
      const bytes = readFileSync(fileURLToPath(import.meta.resolve("execscope/execscope_bg.wasm")));
      ${how};
      initSync({ module: bytes }); // a second load does nothing
      console.log(version(), summarize(${payload}).runs[0].firstFailure.element);
    `);
    assert.equal(out, `${packageVersion()} shop-api-deployment`, how);
  }
});
