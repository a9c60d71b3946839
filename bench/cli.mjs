// summarize() alone vs the execscope command on the same file, interleaved runs,
// against the package installed in tests/consumer (make test-npm first):
//
//   node bench/gen.mjs execution-events 200000 7 > /tmp/e200k.json   # 104 MB
//   node bench/cli.mjs /tmp/e200k.json 5
//
// Figures: docs/cli.md "Large inputs".
import fs from "node:fs";
import { spawnSync } from "node:child_process";
const file = process.argv[2];
const consumer = new URL("../tests/consumer/", import.meta.url).pathname;
const pkg = `${consumer}node_modules/execscope`;
const bin = `${pkg}/cli/execscope.js`;
const runs = Number(process.argv[3] ?? 5);
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const t = { sumProc: [], startup: [], cli: [], cliJson: [], cliEvents: [], sumInProc: [] };
const env = { ...process.env, TZ: "UTC" };
const script = `import * as c from "execscope"; import fs from "node:fs"; const b = fs.readFileSync(${JSON.stringify(file)}); const t0 = performance.now(); const s = c.summarize(b); const t1 = performance.now(); console.log(t1 - t0, s.runs[0].phase);`;
fs.writeFileSync(`${consumer}build-bench.mjs`, script);
for (let i = 0; i < runs; i++) {
  let a = performance.now();
  const r = spawnSync(process.execPath, [`${consumer}build-bench.mjs`], { encoding: "utf8", env });
  t.sumProc.push(performance.now() - a);
  t.sumInProc.push(Number(r.stdout.split(" ")[0]));
  a = performance.now();
  spawnSync(process.execPath, [bin, "--version"], { env });
  t.startup.push(performance.now() - a);
  a = performance.now();
  const c = spawnSync(process.execPath, [bin, file], { encoding: "utf8", env, maxBuffer: 1 << 26 });
  t.cli.push(performance.now() - a);
  a = performance.now();
  spawnSync(process.execPath, [bin, "--json", file], { encoding: "utf8", env, maxBuffer: 1 << 26 });
  t.cliJson.push(performance.now() - a);
  a = performance.now();
  spawnSync(process.execPath, [bin, "--events", file], { env, stdio: ["ignore", "ignore", "ignore"] });
  t.cliEvents.push(performance.now() - a);
  if (i === 0) console.log(c.stdout.split("\n").slice(0, 4).join("\n"), "... exit", c.status);
}
fs.rmSync(`${consumer}build-bench.mjs`);
const size = fs.statSync(file).size;
console.log(`${file}: ${(size / 1e6).toFixed(1)} MB, ${runs} runs, medians (ms):`);
for (const [k, v] of Object.entries(t)) console.log(`  ${k.padEnd(10)} ${med(v).toFixed(0)}   [${v.map((x) => x.toFixed(0)).join(", ")}]`);
