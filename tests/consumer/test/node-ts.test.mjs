// A Node.js service written in TypeScript (node-ts/: "module": "nodenext",
// @types/node, no DOM lib, skipLibCheck off) type-checks against the installed
// package, compiles, and runs: "execscope" ready on import, and "execscope/init"
// loading the .wasm from a file path, a file: URL, a URL object or bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { BUILD, HERE, diagnostics, packageVersion, tsc } from "./helpers.mjs";

const OUT = path.join(BUILD, "node-ts");

/** Runs a compiled file of node-ts/ in a fresh Node process from tests/consumer/; its one line of JSON. */
function run(file, ...args) {
  return JSON.parse(execFileSync(process.execPath, [path.join(OUT, file), ...args], { cwd: HERE, encoding: "utf8" }));
}

test("node-ts/ type-checks and compiles (nodenext, @types/node, no DOM lib, skipLibCheck off)", () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  const r = tsc("-p", "node-ts");
  assert.equal(r.status, 0, r.output);
  assert.ok(fs.existsSync(path.join(OUT, "main.js")) && fs.existsSync(path.join(OUT, "init.js")));
});

test("node-ts/'s settings really have no DOM lib (a control that must fail)", () => {
  fs.mkdirSync(BUILD, { recursive: true });
  fs.writeFileSync(path.join(BUILD, "node-ts-probe.ts"), "export const here = document.title;\n");
  const config = JSON.parse(
    fs.readFileSync(path.join(HERE, "node-ts/tsconfig.json"), "utf8").replace(/^\s*\/\/.*$/gm, ""),
  );
  fs.writeFileSync(
    path.join(BUILD, "tsconfig.node-ts-probe.json"),
    JSON.stringify({ compilerOptions: { ...config.compilerOptions, noEmit: true, rootDir: undefined, outDir: undefined }, files: ["./node-ts-probe.ts"] }),
  );
  const r = tsc("-p", path.join("build", "tsconfig.node-ts-probe.json"));
  assert.notEqual(r.status, 0);
  assert.deepEqual(diagnostics(r.output).map((d) => d.code), ["TS2584"], r.output);
});

test('node-ts/main.ts: "execscope" in Node, from TypeScript', () => {
  assert.deepEqual(run("main.js"), {
    version: packageVersion(),
    id: "shop-prod-2718440931",
    phase: "Failed",
    firstFailure: "shop-api-deployment",
    lanes: 16,
    objectData: "decoded",
    error: { code: "invalid_json", line: 3, column: 13 },
    wasm: true,
  });
});

test('node-ts/init.ts: init({ module_or_path }) in Node takes a path, a file: URL, a URL, a Response or bytes', () => {
  for (const way of [
    "relative path",
    "absolute path",
    "file: URL string",
    "URL object",
    "a promise of a path",
    "Buffer",
    "Response",
    "initSync with a Buffer",
  ]) {
    assert.deepEqual(run("init.js", way), { way, phase: "Succeeded" }, way);
  }
  const missing = run("init.js", "missing file");
  assert.equal(missing.way, "missing file");
  assert.match(missing.error, /^execscope: init\(\) could not read the \.wasm file .*no\/such\/file\.wasm: ENOENT/);
});
