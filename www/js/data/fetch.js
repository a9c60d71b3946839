// @ts-check
// Samples and recorded polling series: one fetcher for both. A listing is an
// index (samples/index.json, samples/polling/index.json) and files next to it;
// the single file has both in its data block (data/inline.js) and fetches
// nothing. Served, only same-origin URLs under samples/ are fetched.
import { inlineData } from "./inline.js";

/** @import { InlineData, SampleMeta, PollingSeries } from "../types.js" */

/**
 * @template T
 * @typedef {object} Listing
 * @property {string} dir          the folder under the page ("samples/", "samples/polling/")
 * @property {keyof InlineData} indexKey  the data block's index
 * @property {"samples" | "polling"} filesKey  the data block's texts
 * @property {string} what         how an entry is called in messages ("sample", "snapshot")
 * @property {(x: unknown) => x is T} valid  whether an index entry is usable
 */

/**
 * A listing's index and files.
 * @template T
 * @param {Listing<T>} l
 */
function source(l) {
  return {
    /** The index; [] when there is none (or served from file://, where nothing can be fetched). @returns {Promise<T[]>} */
    async list() {
      const data = inlineData();
      if (data) {
        const v = /** @type {unknown} */ (data[l.indexKey]);
        return Array.isArray(v) ? v.filter(l.valid) : [];
      }
      if (location.protocol === "file:") return [];
      try {
        const r = await fetch(new URL(l.dir + "index.json", document.baseURI), { credentials: "same-origin" });
        if (!r.ok) return [];
        const list = await r.json();
        return Array.isArray(list) ? list.filter(l.valid) : [];
      } catch (_) {
        return [];
      }
    },

    /** The bytes of one file, by its name in the index. @param {string} file */
    async bytes(file) {
      const data = inlineData();
      if (data) {
        const files = data[l.filesKey];
        const text = files && files[file];
        if (typeof text !== "string") throw new Error(l.what + " " + file + " is not in this build");
        return new TextEncoder().encode(text);
      }
      if (!/^[\w.\-]+$/.test(file)) throw new Error("bad " + l.what + " name");
      const r = await fetch(new URL(l.dir + file, document.baseURI), { credentials: "same-origin" });
      if (!r.ok) throw new Error(l.what + " " + file + ": HTTP " + r.status);
      return new Uint8Array(await r.arrayBuffer());
    },
  };
}

/** @param {unknown} s @returns {s is object} */
const isObject = (s) => !!s && typeof s === "object";

/** The samples (the welcome screen, the Samples menu). */
export const samples = source({
  dir: "samples/", indexKey: "samplesIndex", filesKey: "samples", what: "sample",
  valid: /** @returns {s is SampleMeta} */ (s) => isObject(s) && typeof (/** @type {SampleMeta} */ (s)).file === "string",
});

/** The recorded polling series (the replay). */
export const polling = source({
  dir: "samples/polling/", indexKey: "pollingIndex", filesKey: "polling", what: "snapshot",
  valid: /** @returns {s is PollingSeries} */ (s) => isObject(s) && Array.isArray((/** @type {PollingSeries} */ (s)).snapshots),
});
