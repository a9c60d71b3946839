// The measuring half of bench/profiles.mjs, the same code in Node and in
// Chromium: one payload, then, side by side in this one process, interleaved
// round by round with a full GC before every call,
//   parse       JSON.parse(text)
//   baseline    JSON.parse + the same summary in plain JS (bench/baseline.mjs; event lists only)
//   <variant>   summarize(bytes) of each build of the .wasm (a fresh instance each)
// Round 0 is cold and not counted; the figures are the medians of the warm rounds.

import { generate } from "./gen.mjs";
import { summarizeEventsText } from "./baseline.mjs";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? null : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/**
 * @param {object} o
 *   o.format, o.size: the payload (bench/gen.mjs, seed 1)
 *   o.variants: [{id}] the builds to time
 *   o.rounds: warm rounds
 *   o.newInstance(id): Promise<api> — a fresh instance of that build's module
 *   o.gc(): a full garbage collection (untimed)
 *   o.log(text)
 * @returns {Promise<{bytes: number, columns: {[id: string]: {median: number|null, min: number|null, runs: number[], error: string|null}}, differ: string[]}>}
 *   differ: the variants whose summary differs from the first variant's (should be empty)
 */
export async function measureProfiles(o) {
  const text = generate(o.format, { seed: 1, size: o.size });
  const bytes = new TextEncoder().encode(text);
  o.log(`${o.format} ${JSON.stringify(o.size)}: ${(bytes.length / 1e6).toFixed(1)} MB`);
  const slots = [{ id: "parse", fn: () => JSON.parse(text) }];
  if (o.format === "execution-events") slots.push({ id: "baseline", fn: () => summarizeEventsText(text) });
  const summaries = {};
  for (const v of o.variants) {
    o.gc();
    const api = await o.newInstance(v.id);
    slots.push({ id: v.id, fn: () => (summaries[v.id] = api.summarize(bytes)) });
  }
  const columns = {};
  for (const s of slots) columns[s.id] = { median: null, min: null, runs: [], error: null };
  for (let round = 0; round <= o.rounds; round++) {
    for (const s of slots) {
      const c = columns[s.id];
      if (c.error) continue;
      o.gc();
      try {
        const t = performance.now();
        s.fn();
        const ms = performance.now() - t;
        if (round > 0) c.runs.push(ms);
      } catch (e) {
        c.error = String(e && e.message ? e.message : e).slice(0, 200);
      }
    }
    o.log(`round ${round === 0 ? "cold" : round}: ` + slots.map((s) => `${s.id} ${columns[s.id].error ? "ERROR" : round ? columns[s.id].runs.at(-1).toFixed(0) : "-"}`).join(", "));
  }
  for (const c of Object.values(columns)) {
    c.median = median(c.runs);
    c.min = c.runs.length ? Math.min(...c.runs) : null;
  }
  // Every build must give the same summary.
  const ids = Object.keys(summaries);
  const first = ids.length ? JSON.stringify(summaries[ids[0]]) : "";
  const differ = ids.filter((id) => JSON.stringify(summaries[id]) !== first);
  return { bytes: bytes.length, columns, differ };
}
