// The benchmark itself, the same code in Node and in Chromium: generates one
// payload, then times, side by side in this one process,
//   parse        (a) JSON.parse(text)
//   encode           new TextEncoder().encode(text) (excluded from summarize-bytes)
//   baseline     (b) JSON.parse + the summary in plain JS (bench/baseline.mjs)
//   sum-bytes    (c) execscope summarize(Uint8Array)
//   sum-string   (c) execscope summarize(string)
//   timeline     (d) execscope timeline(Uint8Array)
// Each execscope variant gets a fresh wasm instance of a freshly compiled module,
// so its first call is cold (baseline compiler, memory not grown yet) and
// memory.buffer.byteLength after its calls is that variant's peak. The variants
// run interleaved, round by round (see runCase).
//
// Result lines are handed to `emit` as they are measured, so a crash (out of
// memory at 1M events) loses only what was still running.

import { generate } from "./gen.mjs";
import { summarizeEventsText, compareWithExecscope } from "./baseline.mjs";

const K = 1000;

/** The cases. runs = warm rounds after the cold one; no new round starts when it would end past budgetMs. */
export function plan({ quick = false } = {}) {
  const ev = (size, label, runs, budgetMs) => ({
    id: `events-${label}`,
    format: "execution-events",
    size,
    label: `${label} events`,
    runs,
    budgetMs,
    variants: ["parse", "encode", "baseline", "sum-bytes", "sum-string", "timeline"],
  });
  const other = (id, format, size, label, runs, budgetMs) => ({
    id,
    format,
    size,
    label,
    runs,
    budgetMs,
    variants: ["parse", "encode", "sum-bytes", "sum-string"],
  });
  // The dependency graph (bench/graph.mjs): layout time and crossings against dagre, Chromium only.
  const graph = (id, label, g, runs, budgetMs) => ({ id, format: "graph", size: null, label, runs, budgetMs, variants: [], envs: ["chromium"], graph: g });
  const GRAPH_SAMPLES = ["aos-upgrade-failed.json", "aos-upgrade-yaml-chain.json", "aos-create-cycle.json", "gcs-template-failed.json", "gcs-running.json", "gcs-succeeded-map.json"];
  if (quick) {
    return [
      graph("graph-layout", "graph layout, 100 and 1,000 nodes", { sizes: [100, 1000], seed: 1, dagreUpTo: 1000 }, 5, 20e3),
      graph("graph-random", "random layered DAGs, 100-500 nodes", { random: { from: 100, to: 500, count: 5 } }, 0, 0),
      graph("graph-samples", "the samples", { samples: GRAPH_SAMPLES }, 0, 0),
      ev(1 * K, "1k", 3, 10e3),
      ev(10 * K, "10k", 3, 10e3),
      ev(100 * K, "100k", 2, 15e3),
      other("aos-10k", "aos-execution", 10 * K, "AOS 10k sub-objects", 3, 10e3),
      other("workflow-200x200", "workflow-executions", { runs: 200, nodes: 200 }, "workflow 200 runs × 200 nodes", 2, 10e3),
    ];
  }
  return [
    ev(1 * K, "1k", 10, 30e3),
    ev(10 * K, "10k", 7, 30e3),
    ev(100 * K, "100k", 5, 40e3),
    ev(1000 * K, "1M", 2, 200e3),
    other("aos-10k", "aos-execution", 10 * K, "AOS 10k sub-objects", 5, 30e3),
    other("aos-100k", "aos-execution", 100 * K, "AOS 100k sub-objects", 5, 30e3),
    other("gcs-10k", "gcs-execution", 10 * K, "GCS 10k nodes", 5, 30e3),
    other("workflow-200x200", "workflow-executions", { runs: 200, nodes: 200 }, "workflow 200 runs × 200 nodes", 5, 30e3),
    graph("graph-layout", "graph layout, 100 / 1,000 / 5,000 nodes", { sizes: [100, 1000, 5000], seed: 1, dagreUpTo: 5000 }, 10, 30e3),
    graph("graph-random", "random layered DAGs, 100-500 nodes", { random: { from: 100, to: 500, count: 20 } }, 0, 0),
    graph("graph-samples", "the samples", { samples: GRAPH_SAMPLES }, 0, 0),
  ];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? null : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/**
 * Runs one case. The variants are interleaved: round 0 calls each once (cold), then
 * each warm round calls each once again, so a change in the machine's load (it is
 * shared) hits every column alike instead of whichever ran at that moment.
 * @param {object} spec one entry of plan()
 * @param {object} env
 *   env.newInstance(): Promise<{api, memory: WebAssembly.Memory, initMs}> — a fresh
 *     wasm instance of a freshly compiled module;
 *   env.gc(): a full garbage collection when available (untimed, before each call);
 *   env.emit(record): receives {kind: "case", ...} once, then {kind: "variant", ...}
 *     records after every round (the last one per variant counts), then {kind: "check"};
 *   env.log(text): progress lines.
 */
export async function runCase(spec, env) {
  const seed = spec.seed ?? 1;
  const t0 = performance.now();
  const text = generate(spec.format, { seed, size: spec.size });
  const genMs = performance.now() - t0;
  const bytes = new TextEncoder().encode(text);
  const inputBytes = bytes.length;
  env.emit({ kind: "case", id: spec.id, format: spec.format, size: spec.size, label: spec.label, seed, chars: text.length, bytes: inputBytes, genMs });
  env.log(`${spec.id}: ${(inputBytes / 1e6).toFixed(1)} MB (${text.length} chars), generated in ${(genMs / 1000).toFixed(1)} s`);

  let summary = null;
  let base = null;

  // Set up every variant first (fresh instances), then run the rounds.
  const slots = [];
  for (const variant of spec.variants) {
    const rec = { kind: "variant", id: spec.id, variant, cold: null, warm: [], median: null, min: null, error: null };
    const slot = { rec, fn: null, instance: null };
    slots.push(slot);
    try {
      switch (variant) {
        case "parse":
          slot.fn = () => JSON.parse(text);
          break;
        case "encode":
          slot.fn = () => new TextEncoder().encode(text);
          break;
        case "baseline":
          slot.fn = () => (base = summarizeEventsText(text));
          break;
        case "sum-bytes":
        case "sum-string":
        case "timeline": {
          env.gc();
          const instance = await env.newInstance();
          slot.instance = instance;
          rec.initMs = instance.initMs;
          rec.memoryBefore = instance.memory.buffer.byteLength;
          const input = variant === "sum-string" ? text : bytes;
          slot.fn =
            variant === "timeline"
              ? () => instance.api.timeline(input)
              : variant === "sum-bytes"
                ? () => (summary = instance.api.summarize(input))
                : () => instance.api.summarize(input);
          break;
        }
        default:
          throw new Error(`unknown variant ${variant}`);
      }
    } catch (e) {
      rec.error = describeError(e);
    }
  }

  const started = performance.now();
  for (let round = 0; round <= spec.runs; round++) {
    for (const slot of slots) {
      const { rec } = slot;
      if (rec.error) continue;
      env.gc();
      try {
        const start = performance.now();
        slot.fn();
        const ms = performance.now() - start;
        if (round === 0) rec.cold = ms;
        else rec.warm.push(ms);
      } catch (e) {
        rec.error = describeError(e);
        slot.fn = null;
      }
      if (slot.instance) {
        rec.memoryAfter = safeMemory(slot.instance.memory);
        if (rec.error) slot.instance = null;
      }
      const times = rec.warm.length ? rec.warm : rec.cold != null ? [rec.cold] : [];
      rec.median = median(times);
      rec.min = times.length ? Math.min(...times) : null;
      env.emit(rec);
    }
    env.log(
      `${spec.id} ${round === 0 ? "cold" : "warm " + round}: ` +
        slots
          .map(({ rec }) => `${rec.variant} ${rec.error ? "ERROR " + rec.error : (round === 0 ? rec.cold : rec.warm[rec.warm.length - 1]).toFixed(1) + " ms"}`)
          .join(", "),
    );
    const elapsed = performance.now() - started;
    const perRound = round === 0 ? elapsed : elapsed / (round + 1);
    if (round >= 1 && round < spec.runs && elapsed + perRound > spec.budgetMs) {
      for (const { rec } of slots) rec.stoppedEarly = !rec.error;
      for (const { rec } of slots) env.emit(rec);
      break;
    }
  }
  for (const { rec } of slots) {
    if (rec.memoryAfter) env.log(`${spec.id} ${rec.variant}: wasm memory ${(rec.memoryAfter / 2 ** 20).toFixed(0)} MiB = ${(rec.memoryAfter / inputBytes).toFixed(2)}x the input`);
  }

  if (base || summary) {
    const check = { kind: "check", id: spec.id, mismatches: null };
    if (base && summary) check.mismatches = compareWithExecscope(base, summary);
    else check.error = base ? "execscope summarize failed" : "no baseline for this case";
    if (summary) check.execscope = pick(summary);
    if (base) check.baseline = { phases: base.phases, progress: base.progress, startedAt: base.startedAt, firstFailure: base.firstFailure && base.firstFailure.element };
    env.emit(check);
  }
}

function pick(summary) {
  const r = summary.runs && summary.runs[0];
  return {
    kind: summary.kind,
    runs: summary.runs ? summary.runs.length : 0,
    warnings: summary.warnings ? summary.warnings.length : 0,
    phases: r && r.phases,
    progress: r && r.progress,
    startedAt: r && r.startedAt,
    firstFailure: r && r.firstFailure && r.firstFailure.element,
  };
}

function safeMemory(memory) {
  try {
    return memory.buffer.byteLength;
  } catch {
    return null;
  }
}

function describeError(e) {
  if (e && typeof e === "object") {
    const code = e.code ? `${e.code}: ` : "";
    return `${e.name || "Error"}: ${code}${e.message}`.slice(0, 300);
  }
  return String(e).slice(0, 300);
}

/**
 * A factory of fresh execscope module instances from the wasm-bindgen glue's source
 * text (pkg/execscope.js, --target web). The glue keeps its instance in module
 * scope, and an ES module imported once stays loaded for the life of the page, so
 * importing it again under another URL would keep every instance's memory (GBs at
 * 1M events) alive. Instead the same glue text is evaluated as a function body
 * (exports turned into a returned object), which the GC can collect.
 */
export function glueFactory(glueText) {
  const names = [];
  let src = glueText.replace(/^export (function|class) (\w+)/gm, (_, what, n) => {
    names.push(n);
    return `${what} ${n}`;
  });
  let found = false;
  src = src.replace(/^export \{([^}]*)\};?/m, (_, list) => {
    found = true;
    const items = list
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const m = s.split(/\s+as\s+/);
        return m.length === 2 ? `${JSON.stringify(m[1])}: ${m[0]}` : m[0];
      });
    return `return { ${[...names, ...items].join(", ")} };`;
  });
  if (!found || /^\s*(import|export)\b/m.test(src)) {
    throw new Error("bench: unexpected shape of pkg/execscope.js (wasm-bindgen glue); update glueFactory in bench/core.mjs");
  }
  src = src.replaceAll("import.meta.url", JSON.stringify("http://127.0.0.1/pkg/execscope.js"));
  return () => new Function(src)(); // eslint-disable-line no-new-func
}
