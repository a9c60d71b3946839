// "execscope/init" in a Node.js service: init({ module_or_path }) with a file path
// (relative to the current directory, or absolute), a file: URL, a URL object,
// a Response (its type from @types/node: no DOM lib), or bytes (node-ts.test.mjs runs it once per way, in a fresh process each).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import init, { initSync, summarize, type InitInput } from "execscope/init";

const relative = "./node_modules/execscope/execscope_bg.wasm"; // run from tests/consumer/
const ways: Record<string, () => Promise<void>> = {
  "relative path": () => init({ module_or_path: relative }),
  "absolute path": () => init({ module_or_path: resolve(relative) }),
  "file: URL string": () => init({ module_or_path: pathToFileURL(resolve(relative)).href }),
  "URL object": () => init({ module_or_path: pathToFileURL(resolve(relative)) }),
  "a promise of a path": () => init({ module_or_path: Promise.resolve<InitInput>(relative) }),
  "Buffer": () => init({ module_or_path: readFileSync(relative) }),
  "Response": () =>
    init({ module_or_path: new Response(readFileSync(relative), { headers: { "Content-Type": "application/wasm" } }) }),
  "initSync with a Buffer": async () => initSync({ module: readFileSync(relative) }),
  "missing file": () => init({ module_or_path: "./no/such/file.wasm" }),
};

const way = process.argv[2] ?? "";
const load = ways[way];
if (load === undefined) throw new Error(`unknown way ${JSON.stringify(way)}: ${Object.keys(ways).join(", ")}`);
try {
  await load();
  const run = summarize('{"kind":"Execution","metadata":{"name":"n"},"status":{"objectStatus":{"phase":"Succeeded"}}}').runs[0];
  console.log(JSON.stringify({ way, phase: run?.phase ?? null }));
} catch (e) {
  console.log(JSON.stringify({ way, error: e instanceof Error ? e.message : String(e) }));
}
