// Deliberate type errors: `tsc -p tsconfig.fail.json` must fail with exactly the
// errors announced by the `// expect TSnnnn: text` comments below (the error on
// that line, with that code, its message containing that text), and no other.
// If execscope's types were looser (any, string instead of a union, a missing
// null), some of these lines would compile and test/types.test.mjs would fail.
import { decodeObjectData, summarize, timeline } from "execscope";
import type { ExecscopeError, Summary } from "execscope";
import { initSync } from "execscope/init";

const summary: Summary = summarize("{}");
const run = summary.runs[0]!;

const started: number = run.startedAt; // expect TS2322: Type 'number | null' is not assignable to type 'number'
if (run.phase === "Done") console.log(started); // expect TS2367: '"Done"' have no overlap
console.log(run.progress.percent); // expect TS2339: Property 'percent' does not exist on type 'Progress'
console.log(summary.run); // expect TS2551: Property 'run' does not exist on type 'Summary'. Did you mean 'runs'?
console.log(decodeObjectData("e30=").json.kind); // expect TS2571: Object is of type 'unknown'
summarize(42); // expect TS2345: Argument of type 'number' is not assignable to parameter of type 'string | Uint8Array
timeline("{}", { run: 7 }); // expect TS2322: Type 'number' is not assignable to type 'string'
timeline("{}", { format: "aos" }); // expect TS2322: Type '"aos"' is not assignable to type 'Format
const end: number = timeline("{}").lanes[0]!.spans[0]!.end; // expect TS2322: Type 'number | null' is not assignable to type 'number'
declare const err: ExecscopeError;
if (err.code === "not_json") console.log(end); // expect TS2367: '"not_json"' have no overlap
initSync(); // expect TS2554: Expected 1 arguments, but got 0
