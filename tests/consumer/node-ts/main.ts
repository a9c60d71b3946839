// "execscope" in a Node.js service: ready on import, bytes from fs.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeObjectData, summarize, timeline, version, type ExecscopeError, type Summary } from "execscope";

const samples = new URL("../../../../samples/", import.meta.url);
const bytes = readFileSync(new URL("aos-upgrade-failed.json", samples)); // a Buffer is a Uint8Array
const summary: Summary = summarize(bytes);
const run = summary.runs[0];
if (run === undefined) throw new Error("no run");
const objectData = run.objectData === null ? null : decodeObjectData(run.objectData);

let error: { code: ExecscopeError["code"]; line: number | null; column: number | null } | null = null;
try {
  summarize('{\n  "kind": "Execution",\n  "status": }');
} catch (e) {
  const { code, line, column } = e as ExecscopeError;
  error = { code, line: line ?? null, column: column ?? null };
}

console.log(
  JSON.stringify({
    version: version(),
    id: run.id,
    phase: run.phase,
    firstFailure: run.firstFailure?.element ?? null,
    lanes: timeline(bytes).lanes.length,
    objectData: objectData && objectData.status,
    error,
    wasm: fileURLToPath(import.meta.resolve("execscope/execscope_bg.wasm")).endsWith("execscope_bg.wasm"),
  }),
);
