// Runs one benchmark case in this Node process (spawned by bench/run.mjs):
//   node --expose-gc bench/node-case.mjs <case-id> [--quick] [--pkg DIR]
// Prints one "@@bench {json}" line per record on stdout, progress on stderr.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { plan, runCase, glueFactory } from "./core.mjs";
import { runGraphCase, dagreRoutes } from "./graph.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const id = args[0];
const quick = args.includes("--quick");
const pkgAt = args.indexOf("--pkg");
const pkg = pkgAt >= 0 ? path.resolve(args[pkgAt + 1]) : path.join(HERE, "..", "pkg");

const spec = plan({ quick }).find((c) => c.id === id);
if (!spec) {
  process.stderr.write(`node-case: no case ${JSON.stringify(id)}; cases: ${plan({ quick }).map((c) => c.id).join(", ")}\n`);
  process.exit(2);
}
const wasmBytes = readFileSync(path.join(pkg, "execscope_bg.wasm"));
const makeApi = glueFactory(readFileSync(path.join(pkg, "execscope.js"), "utf8"));

const dagre = spec.graph ? await import("@dagrejs/dagre").then((m) => m.default ?? m) : null;

await (spec.graph ? runGraphCase : runCase)(spec, {
  dagre: (graph) => dagreRoutes(dagre, graph),
  sample: async (file) => readFileSync(path.join(HERE, "..", "samples", file), "utf8"),
  async newInstance() {
    const api = makeApi();
    const t = performance.now();
    // initSync with the wasm bytes: compiles the module anew, so the first call is cold.
    const exports = api.initSync({ module: wasmBytes });
    return { api, memory: exports.memory, initMs: performance.now() - t };
  },
  gc: typeof globalThis.gc === "function" ? () => globalThis.gc() : () => {},
  emit: (rec) => process.stdout.write("@@bench " + JSON.stringify(rec) + "\n"),
  log: (line) => process.stderr.write(`  [node] ${line}\n`),
});
