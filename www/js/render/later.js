// @ts-check
// An answer that is there at once or comes later, taken alike: a lane source
// that holds its lanes answers at once (so a hover shows its tooltip in the same
// event, and a click opens the details before the handler returns), one that
// asks the engine answers with a Promise. `later(v, f)` calls f now for a value,
// when it resolves for a Promise.

/** @import { Later } from "../types.js" */

/**
 * @template T, U
 * @param {Later<T>} v
 * @param {(value: T) => Later<U>} f
 * @param {(error: unknown) => U} [onError]  a Promise's rejection (without it, the result rejects too)
 * @returns {Later<U>}
 */
export function later(v, f, onError) {
  if (v instanceof Promise) return onError ? v.then(f, onError) : v.then(f);
  return f(v);
}
