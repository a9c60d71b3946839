// @ts-check
// A warm-up for a fresh engine. V8 runs WebAssembly first as baseline code
// (Liftoff) and recompiles a function optimized (TurboFan) only once it has run
// for a while, in the background; a call already running keeps the baseline
// code. So the first payload a fresh worker read was read about twice as slowly
// as the next (a 99 MiB event list: `new Payload` 886 ms, then 416 and 447 ms
// for the same list in the same page). Right after the core is loaded, while
// the page waits for a file, the worker reads a small made-up event list the way
// the page reads a payload (summary, model, timeline, packed events), so that
// the reading code is optimized by the time a real payload comes. Measured on
// 2026-12-06 (a fresh page per round, 4 rounds each interleaved with
// ?warmup=off, a 99 MiB event list chosen 0.8 s after the page was ready, load
// ~3 on 2 cores): summary painted 0.68–0.76 s against 0.88–1.02 s, everything
// loaded 2.11–2.25 s against 2.39–2.54 s (and the same with the file chosen 3 s
// after). The warm-up took 91 ms of the worker's time (memory().warmMs); it
// runs after the reply to init, and a call that comes meanwhile waits for it.

/**
 * A made-up event list of n events over n / 4 elements, with the members the
 * core reads (bilingual reasons and messages, RFC 3339 times), as UTF-8 bytes.
 * @param {number} n
 */
export function warmupEvents(n) {
  const t0 = Date.UTC(2024, 4, 30, 4, 44, 25);
  const iso = (/** @type {number} */ ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
  const reasons = ["启动##ActionStart", "执行成功##SuccessfulFinish", "执行失败##FailedFinish", "检查##Checking"];
  const parts = [];
  for (let i = 0; i < n; i++) {
    const el = "warm-" + (i >> 2);
    const at = iso(t0 + i * 1000);
    parts.push(JSON.stringify({
      metadata: { name: "warm." + i.toString(16), namespace: "w" }, involvedObject: { name: "warm-run", namespace: "w" },
      reason: reasons[i & 3], message: `元素(${el})开始执行(create)流程. ## Element(${el}) start to Action(create).`,
      firstTimestamp: at, lastTimestamp: at, count: 1 + (i % 3),
      type: i % 7 === 0 ? "Warning" : "Normal", elemType: "KubeDAG.job", elemId: el, actionName: "create",
    }));
  }
  return new TextEncoder().encode("[" + parts.join(",") + "]");
}

/**
 * Read a made-up event list `rounds` times as the page reads a payload.
 * @param {typeof import("../../pkg/execscope.js")} core @param {number} [rounds]
 */
export function warmUp(core, rounds = 3) {
  const bytes = warmupEvents(4000);
  for (let r = 0; r < rounds; r++) {
    const p = new core.Payload(bytes);
    try {
      p.summary();
      p.view().free();
      p.eventsPacked(0, 0xffffffff);
    } finally {
      p.free();
    }
  }
}
