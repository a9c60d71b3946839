// @ts-check
// The URL hash, derived from a store: never the payload, only names of samples,
// indexes, ids, filters, zoom and display settings. Each page says which keys it
// keeps (in their order in the hash) and how its state maps to them; writes are
// debounced and use replaceState (no history entries).

/** @import { Store } from "./store.js" */

/**
 * The hash's keys that are set (and not empty).
 * @param {readonly string[]} keys
 * @returns {Record<string, string>}
 */
export function readHash(keys) {
  const p = new URLSearchParams(location.hash.replace(/^#/, ""));
  /** @type {Record<string, string>} */
  const st = {};
  for (const k of keys) {
    const v = p.get(k);
    if (v != null && v !== "") st[k] = v;
  }
  return st;
}

/**
 * Keep the hash derived from the store: after every update (debounced by 120 ms),
 * toParams(state) is written; empty values are left out. Returns the unsubscribe.
 * @template {object} S
 * @param {Store<S>} store
 * @param {readonly string[]} keys
 * @param {(state: S) => Record<string, string | number | null | undefined>} toParams
 */
export function deriveHash(store, keys, toParams) {
  /** @type {ReturnType<typeof setTimeout> | 0} */
  let timer = 0;
  const flush = () => {
    timer = 0;
    const st = toParams(store.get());
    const p = new URLSearchParams();
    for (const k of keys) {
      const v = st[k];
      if (v == null || v === "") continue;
      p.set(k, String(v));
    }
    const s = p.toString();
    if (("#" + s) !== location.hash && (s || location.hash)) {
      try { history.replaceState(null, "", s ? "#" + s : location.pathname + location.search); } catch (_) { /* file:// in some browsers */ }
    }
  };
  const schedule = () => { if (!timer) timer = setTimeout(flush, 120); };
  schedule();
  return store.subscribe(schedule);
}
