// Smoke check of a built package: the .wasm validates, instantiates through the
// generated glue (which runs wasm-bindgen's externref-table init), and, when
// exported, version() answers. `make pkg` runs it after wasm-opt so that a
// miscompiling optimizer fails the build instead of shipping a broken module.
//
//   node scripts/check-pkg.mjs [PKG_DIR]      (default: pkg)
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.resolve(process.argv[2] ?? "pkg");
const wasmPath = path.join(dir, "execscope_bg.wasm");
const fail = (msg) => {
  console.error(`pkg check: FAILED: ${msg}`);
  process.exit(1);
};

let bytes;
try {
  bytes = fs.readFileSync(wasmPath);
} catch (e) {
  fail(`cannot read ${wasmPath}: ${e.message}`);
}
if (!WebAssembly.validate(bytes)) fail(`${wasmPath} does not validate`);

const mod = await import(pathToFileURL(path.join(dir, "execscope.js")).href);
try {
  mod.initSync({ module: bytes });
} catch (e) {
  fail(`instantiating ${wasmPath}: ${e.message}`);
}
let ver = "";
if (typeof mod.version === "function") {
  try {
    ver = `, version() = ${JSON.stringify(mod.version())}`;
  } catch (e) {
    fail(`version() threw: ${e.message}`);
  }
}
const exports = Object.keys(mod).filter((k) => k !== "default" && k !== "initSync");
console.log(`pkg check: ok (${bytes.length} bytes${ver}; exports: ${exports.join(", ") || "none"})`);
