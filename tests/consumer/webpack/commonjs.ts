// docs/javascript.md "CommonJS": TypeScript compiled to "module": "commonjs" turns
// this import into require("execscope"). Under webpack that must fail at once,
// loudly, with the package's explanation (test/webpack.test.mjs), not later with
// "(0 , e.summarize) is not a function".
import { summarize } from "execscope";

(globalThis as { __commonjs?: string }).__commonjs = summarize('{"kind":"Execution","metadata":{"name":"c"}}').kind;
