// Tests of bench/gen.mjs:  node --test bench/gen.test.mjs
// GEN_1M=1 also generates 1,000,000 events in memory and reports time and memory.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { generate, generateChunks, FORMATS } from "./gen.mjs";

const GEN = fileURLToPath(new URL("./gen.mjs", import.meta.url));
const small = (format) => (format === "workflow-executions" ? { runs: 6, nodes: 7 } : 37);
const b64json = (s) => JSON.parse(Buffer.from(s, "base64").toString("utf8"));
const ms = (iso) => Date.parse(iso);

for (const format of FORMATS) {
  test(`${format}: parses, same seed is byte-identical, other seed differs`, () => {
    const a = generate(format, { seed: 42, size: small(format) });
    const b = generate(format, { seed: 42, size: small(format) });
    const c = generate(format, { seed: 43, size: small(format) });
    JSON.parse(a);
    JSON.parse(c);
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.equal([...generateChunks(format, { seed: 42, size: small(format) })].join(""), a);
    assert.equal(generate(format, { seed: "42", size: small(format) }), a, "numeric string seed == number seed");
  });
}

test("seeds 1..40: every format parses and keeps its invariants", () => {
  for (let seed = 1; seed <= 40; seed++) {
    for (const size of [1, 2, 5, 33]) {
      const ev = JSON.parse(generate("execution-events", { seed, size }));
      assert.equal(ev.length, size);
      let prev = 0;
      for (const e of ev) {
        assert.ok(ms(e.lastTimestamp) >= prev, "events are in time order");
        assert.ok(ms(e.firstTimestamp) <= ms(e.lastTimestamp));
        prev = ms(e.lastTimestamp);
        assert.match(e.reason, /^[^#]+##[A-Za-z]+$/);
        assert.match(e.message, / ## /);
        assert.equal(e.involvedObject.name, ev[0].involvedObject.name);
      }
      assert.equal(new Set(ev.map((e) => e.metadata.name)).size, size, "event names are unique");

      const aos = JSON.parse(generate("aos-execution", { seed, size }));
      const subs = Object.values(aos.status.subObjectStatuses);
      assert.equal(subs.length, size);
      const ok = subs.filter((s) => s.phase === "Succeeded").length;
      assert.equal(aos.status.progress, Math.floor((100 * ok) / size));
      b64json(aos.spec.objectData);
      if (aos.spec.changedObjectData) b64json(aos.spec.changedObjectData);
      const failed = subs.filter((s) => s.phase === "Failed");
      if (aos.status.objectStatus.phase === "Failed") {
        assert.ok(failed.length >= 1);
        const first = failed.reduce((x, y) => (ms(y.updateAt) < ms(x.updateAt) ? y : x));
        assert.equal(first.reason, "ExecuteFailed", "the earliest failure is the real one, not a dependency");
      }
      for (const s of subs) if (s.createAt) assert.ok(ms(s.createAt) <= ms(s.updateAt));

      for (const nodeStatus of ["array", "map"]) {
        const g = JSON.parse(generate("gcs-execution", { seed, size, nodeStatus }));
        const ans = g.status.actual_node_status;
        assert.equal(Array.isArray(ans), nodeStatus === "array");
        const nodes = Object.values(ans);
        assert.equal(nodes.length, size);
        assert.equal(g.status.node_number, size);
        assert.equal(g.status.finished_node_number, nodes.filter((n) => /^succeeded$/i.test(n.status)).length);
        assert.equal(Object.keys(g.object.status.subObjectStatuses).length, size);
        assert.equal(g.object.status.progress, Math.floor((100 * g.status.finished_node_number) / size));
        assert.match(Buffer.from(g.object.spec.objectData, "base64").toString(), /^version: genecontainer_0_1\n/);
        JSON.parse(g.execution.inputs_json);
        for (const s of Object.values(g.object.status.subObjectStatuses)) if (s.createAt) assert.ok(ms(s.createAt) <= ms(s.updateAt));
        assert.ok(ms(g.execution.create_at) <= ms(g.execution.update_at));
      }
    }
    const wf = JSON.parse(generate("workflow-executions", { seed, size: { runs: 9, nodes: 12 } }));
    assert.equal(wf.length, 9);
    assert.equal(new Set(wf.map((r) => r.execution_id)).size, 9);
    assert.equal(wf.filter((r) => r.status === "running").length, 1);
    for (const r of wf) {
      assert.ok(r.begin_time > 1e12 && r.begin_time < 1e13, "epoch milliseconds");
      assert.ok(r.execution_result_list.length >= 1 && r.execution_result_list.length <= 12);
      if (r.status === "running") assert.equal(r.end_time, 0);
      else assert.ok(r.end_time >= r.begin_time);
      if (r.status === "fail") assert.equal(r.execution_result_list.at(-1).output.fail.length, 1);
      for (const n of r.execution_result_list) if (n.end_time) assert.ok(n.end_time >= n.begin_time);
    }
    JSON.parse(generate("api-error", { seed }));
  }
});

test("workflow-executions defaults to 200 runs x 200 nodes", () => {
  const wf = JSON.parse(generate("workflow-executions", { seed: 5 }));
  assert.equal(wf.length, 200);
  assert.ok(wf.some((r) => r.execution_result_list.length === 200));
  assert.equal(generate("workflow-executions", { seed: 5, size: "200x200" }), generate("workflow-executions", { seed: 5 }));
});

test("bad arguments throw", () => {
  assert.throws(() => generate("nope", { seed: 1, size: 3 }), /unknown format/);
  assert.throws(() => generate("execution-events", { seed: 1, size: 0 }), /positive integer/);
  assert.throws(() => generate("gcs-execution", { seed: 1, size: 3, nodeStatus: "list" }), /nodeStatus/);
});

test("CLI streams the same bytes as generate()", () => {
  for (const [format, size, seed] of [["execution-events", "3000", "9"], ["workflow-executions", "4x5", "2"], ["aos-execution", "50", "3"]]) {
    const r = spawnSync(process.execPath, [GEN, format, size, seed], { maxBuffer: 1 << 28 });
    assert.equal(r.status, 0, String(r.stderr));
    const want = generate(format, { seed, size: format === "workflow-executions" ? size : Number(size) });
    assert.equal(r.stdout.toString("utf8"), want);
  }
  const bad = spawnSync(process.execPath, [GEN]);
  assert.equal(bad.status, 2);
});

test("importing does not run the CLI", async () => {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", `import(${JSON.stringify(GEN)}).then(m => console.log(typeof m.generate))`]);
  assert.equal(r.stdout.toString().trim(), "function");
});

test("1,000,000 events in memory", { skip: !process.env.GEN_1M }, () => {
  const t0 = performance.now();
  const text = generate("execution-events", { seed: 1, size: 1_000_000 });
  const t1 = performance.now();
  const rss = process.memoryUsage().rss;
  console.log(`# generate(1e6 events): ${(t1 - t0).toFixed(0)} ms, ${text.length} chars, rss ${(rss / 2 ** 20).toFixed(0)} MiB`);
  assert.ok(text.startsWith("[\n{") && text.endsWith("}\n]\n"));
});
