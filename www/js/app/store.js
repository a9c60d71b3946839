// @ts-check
// The one store: a state, update() and subscribers. The viewer and the replay
// each make one (app/state.js, replay.js); every view reads its state from it,
// changes it only through update(), and the URL hash is derived from it
// (app/hash.js). A hand-written store of a few lines: nothing here needs more.
//
//   const store = createStore({ n: 0 });
//   store.subscribe((state, prev) => { if (state.n !== prev.n) draw(state.n); });
//   store.update((s) => ({ n: s.n + 1 }));
//
// update() merges the returned fields into a new, frozen state object and calls
// every subscriber with (state, prev), in the order they subscribed. Parts that
// change are replaced, never mutated, so a subscriber compares by identity.

/**
 * @template {object} S
 * @typedef {object} Store
 * @property {() => S} get
 * @property {(patch: Partial<S> | ((s: S) => Partial<S> | null | undefined)) => void} update
 * @property {(fn: (state: S, prev: S) => void) => () => void} subscribe  returns the unsubscribe function
 */

/**
 * @template {object} S
 * @param {S} initial
 * @returns {Store<S>}
 */
export function createStore(initial) {
  let state = Object.freeze({ ...initial });
  /** @type {((state: S, prev: S) => void)[]} */
  let subs = [];
  return {
    get: () => state,
    update(patch) {
      const prev = state;
      const p = typeof patch === "function" ? patch(prev) : patch;
      if (!p) return;
      state = Object.freeze({ ...prev, ...p });
      for (const fn of subs.slice()) fn(state, prev);
    },
    subscribe(fn) {
      subs.push(fn);
      return () => { subs = subs.filter((f) => f !== fn); };
    },
  };
}
