// @ts-check
// The single-file build's data block. scripts/build-dist.mjs puts
//
//   <script type="application/json" id="execscope-inline">
//     {"wasm": "<base64>", "worker": "<the worker bundle>",
//      "samplesIndex": [...], "samples": {file: text},          (the viewer)
//      "pollingIndex": [...], "polling": {file: text}}          (the replay)
//   </script>
//
// in the page; the page reads it here instead of fetching anything (the wasm is
// posted to the worker as bytes, the worker starts from a Blob URL, samples and
// snapshots come from the block). Served from www/, there is no block and every
// function here says so.

/** @import { InlineData } from "../types.js" */

/** @type {InlineData | null | undefined} */
let cached;

/** The data block, or null when served. Read (and parsed) once. */
export function inlineData() {
  if (cached !== undefined) return cached;
  cached = null;
  const el = document.getElementById("execscope-inline");
  if (el) {
    try { cached = JSON.parse(el.textContent || ""); } catch (_) { cached = null; }
  }
  return cached;
}

/** True in the single-file build. */
export function isSingleFile() {
  return !!inlineData();
}

/** The inlined wasm as bytes, or undefined when served. */
export function inlineWasm() {
  const d = inlineData();
  return d && d.wasm ? b64ToBytes(d.wasm) : undefined;
}

/** @param {string} b64 */
function b64ToBytes(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
