// @ts-check
// Colours (ANSI SGR), only when asked: the caller decides from the TTY, NO_COLOR
// and --color / --no-color (see main.js). With colours off every function returns
// its text unchanged, so piped output has no escape codes at all.

/** @typedef {import("execscope").Phase} Phase */

/** One phase: a mark that tells it without colour, and its colour. */
export const PHASES = /** @type {const} */ ({
  Succeeded: { mark: "✓", colour: 32 },
  Failed: { mark: "✗", colour: 31 },
  Running: { mark: "↻", colour: 36 },
  Cancelled: { mark: "⊘", colour: 33 },
  Skipped: { mark: "↷", colour: 90 },
  Pending: { mark: "◌", colour: 90 },
  Unknown: { mark: "?", colour: 35 },
});

/** The phases in the order the report lists them (failures first). */
export const PHASE_ORDER = /** @type {Phase[]} */ (["Failed", "Cancelled", "Running", "Pending", "Unknown", "Skipped", "Succeeded"]);

/**
 * @typedef {object} Style
 * @property {boolean} enabled
 * @property {(s: string) => string} bold
 * @property {(s: string) => string} dim
 * @property {(s: string) => string} red
 * @property {(s: string) => string} yellow
 * @property {(phase: Phase, s: string, dim?: boolean) => string} phase
 */

/** @param {boolean} enabled @returns {Style} */
export function makeStyle(enabled) {
  /** @param {string} open @param {string} close */
  const sgr = (open, close) => (/** @type {string} */ s) => (enabled && s ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    enabled,
    bold: sgr("1", "22"),
    dim: sgr("2", "22"),
    red: sgr("31", "39"),
    yellow: sgr("33", "39"),
    phase(phase, s, dim = false) {
      if (!enabled || !s) return s;
      const c = (PHASES[phase] ?? PHASES.Unknown).colour;
      return dim ? `\x1b[2;${c}m${s}\x1b[22;39m` : `\x1b[${c}m${s}\x1b[39m`;
    },
  };
}

/** "✗ Failed" (coloured). @param {Style} st @param {Phase} phase */
export function phaseLabel(st, phase) {
  const p = PHASES[phase] ?? PHASES.Unknown;
  return st.phase(phase, `${p.mark} ${phase}`);
}
