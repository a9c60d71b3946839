// @ts-check
// Opening payloads: files, samples and pasted text are read by the engine (a Doc
// each), added to the store as tabs, and joined with the open payloads they
// belong with. Small payloads that join an open one (an execution and its
// events) show the joined run at once; large ones show the payload first and
// the joined tab when it is ready.
import { fmtBytes } from "../fmt.js";
import { inputSize } from "../data/remote.js";
import { samples } from "../data/fetch.js";
import { docKey } from "./state.js";
import { messages } from "../i18n/index.js";

/** @import { AppState, Doc } from "../types.js" */
/** @import { Store } from "./store.js" */
/** @import { Docs } from "../data/docs.js" */
/** @import { Joins } from "./joins.js" */
/** @import { Shell } from "./shell.js" */

/** @typedef {{name: string, input: Blob | string | Uint8Array, source: string}} Item */

/** Payloads at least this large together are shown before they are joined. */
const JOIN_AT_ONCE_BELOW = 8 * 1024 * 1024;

/**
 * @param {object} o
 * @param {Store<AppState>} o.store
 * @param {Docs} o.docs
 * @param {Joins} o.joins
 * @param {Shell} o.shell
 */
export function createOpener({ store, docs, joins, shell }) {
  let pasted = 0;

  /**
   * Read the items and show them (unless noActivate: the hash's samples are being restored).
   * @param {Item[]} items @param {{noActivate?: boolean}} [opts] @returns {Promise<Doc[]>}
   */
  async function open(items, opts = {}) {
    if (!items.length) return [];
    /** @type {Doc[]} */
    const added = [];
    let total = 0;
    const m = messages(store.get().ui);
    const reading = shell.busy(m.t("open.reading"));
    try {
      for (const it of items) {
        total += inputSize(it.input);
        reading.update(m.t("open.readingFile", { name: it.name, size: fmtBytes(inputSize(it.input), m) }));
        added.push(await docs.open(it.name, it.input, it.source));
      }
    } finally {
      reading();
    }
    // The payloads become tabs with what they show: the runs they join (small
    // payloads that join an open one show the joined run at once), else themselves.
    if (opts.noActivate) { store.update((s) => ({ docs: s.docs.concat(added) })); return added; }
    const all = store.get().docs.concat(added);
    if (total < JOIN_AT_ONCE_BELOW && added.some((d) => joins.mayJoin(d, all))) {
      const fresh = (await joins.join(added, "quiet", added)).find((j) => j.sources.some((x) => added.some((d) => d.id === x.docId)));
      if (fresh && store.get().joins.includes(fresh)) {
        store.update({ active: fresh.id });
        shell.toast(m.t("open.joinedNow", { n: fresh.sources.length, names: fresh.sources.map((x) => x.name).join(" + ") }));
        return added;
      }
    }
    store.update((s) => ({ docs: s.docs.includes(added[0]) ? s.docs : s.docs.concat(added), active: docKey(added[0]) }));
    if (added.some((d) => joins.mayJoin(d) && !joins.isMember(d))) joins.join(added, "notify");
    return added;
  }

  return {
    open,

    /** The engine reads the files (in the worker): nothing big is copied on this thread. @param {File[]} files */
    files(files) {
      return open(files.map((f) => ({ name: f.name, input: f, source: "file:" + f.name })));
    },

    /** @param {string} file @param {{noActivate?: boolean}} [opts] */
    async sample(file, opts) {
      const m = messages(store.get().ui);
      const loading = shell.busy(m.t("open.loadingSample", { file }));
      try {
        const bytes = await samples.bytes(file);
        const meta = (store.get().samples || []).find((s) => s.file === file);
        return await open([{ name: (meta && meta.title) || file, input: bytes, source: "sample:" + file }], opts);
      } catch (e) {
        shell.toast(m.t("open.sampleFailed", { file, detail: e instanceof Error ? e.message : String(e) }), true);
        return [];
      } finally {
        loading();
      }
    },

    /** @param {string} text */
    paste(text) {
      const m = messages(store.get().ui);
      if (!text || !text.trim()) { shell.toast(m.t("open.pasteEmpty"), true); return; }
      pasted++;
      return open([{ name: m.t("open.pastedName", { k: String(pasted) }), input: text, source: "paste" }]);
    },
  };
}

/** @typedef {ReturnType<typeof createOpener>} Opener */
