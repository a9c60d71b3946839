// @ts-check
// The run summary card: name, id, action, phase, progress, times, timeout, first
// failure; the runs of a workflow history; the body of an API error.
import { h, append, clipped, copyText } from "../dom.js";
import { fmtTime, fmtDuration, fmtNum, fmtIso, phaseClass, plural, bilingual } from "../fmt.js";

/** @import { Run, FirstFailure, ApiErrorBody, Phase, TimeMode, Lang, Child } from "../types.js" */

/** A phase with its colour. @param {Phase} phase @param {{big?: boolean, title?: string | null, testid?: string}} [opts] */
export function phaseBadge(phase, opts = {}) {
  return h("span", {
    class: ["badge", phaseClass(phase), opts.big ? "big" : ""],
    title: opts.title || null,
    "data-testid": opts.testid || null,
    "data-phase": phase,
  }, h("span", { class: "dot", "aria-hidden": "true" }), phase);
}

/** @param {string} label @param {Child} value @param {{testid?: string, cls?: string, title?: string | null}} [opts] */
function fact(label, value, opts = {}) {
  return h("div", { class: "fact", "data-testid": opts.testid || null },
    h("div", { class: "fact-k" }, label),
    h("div", { class: ["fact-v", opts.cls || ""], title: opts.title || null }, value));
}

/** @param {string} label @param {number | null} ms @param {TimeMode} mode @param {number | null} base @param {string} testid @param {string} [missing] */
function timeFact(label, ms, mode, base, testid, missing) {
  return fact(label, ms == null ? h("span", { class: "muted" }, missing || "—") : fmtTime(ms, mode, base),
    { testid, title: ms == null ? null : fmtIso(ms), cls: "mono-num" });
}

/** @param {Run} run */
function progressBlock(run) {
  const p = run.progress;
  const rep = p.reported;
  const der = p.derived;
  const bar = h("div", { class: "pbar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100",
    "aria-valuenow": rep != null ? String(rep) : der != null ? String(der) : null });
  const fillPct = rep != null ? rep : der;
  if (fillPct != null) {
    bar.appendChild(h("div", { class: ["pbar-fill", phaseClass(run.phase)], style: { width: Math.max(0, Math.min(100, fillPct)) + "%" } }));
  }
  if (rep != null && der != null) {
    bar.appendChild(h("div", { class: "pbar-derived", title: "derived: " + der + "%", style: { left: Math.max(0, Math.min(100, der)) + "%" } }));
  }
  const mismatch = rep != null && der != null && rep !== der;
  const figures = h("div", { class: "pfig" },
    h("span", { "data-testid": "progress-reported" }, "Reported ", h("strong", null, rep != null ? rep + "%" : "—")),
    h("span", { class: "sep" }, "·"),
    h("span", { "data-testid": "progress-derived" }, "Derived ", h("strong", null, der != null ? der + "%" : "—")),
    h("span", { class: "muted" }, " (" + fmtNum(p.done) + " of " + plural(p.total, "element") + " succeeded)"));
  const block = h("div", { class: "progress", "data-testid": "progress" },
    h("div", { class: "fact-k" }, "Progress"), bar, figures);
  if (mismatch) {
    block.appendChild(h("div", { class: "note warn-note", "data-testid": "progress-mismatch", role: "note" },
      h("span", { "aria-hidden": "true" }, "⚠ "),
      "The payload reports " + rep + "% but " + fmtNum(p.done) + " of " + fmtNum(p.total) + " elements succeeded (" + der + "%). The two figures disagree."));
  }
  return block;
}

/** @param {Run} run */
function timeoutFact(run) {
  if (run.timeoutMinutes == null) return fact("Timeout", h("span", { class: "muted" }, "none set"), { testid: "timeout" });
  /** @type {Child[]} */
  const v = [h("span", { class: "mono-num" }, fmtNum(run.timeoutMinutes) + " min" + (run.timeoutMinutes >= 120 ? " (" + fmtDuration(run.timeoutMinutes * 60000) + ")" : ""))];
  if (run.timedOut === true) {
    v.push(" ", h("span", { class: "pill pill-bad", "data-testid": "timed-out" },
      run.finishedAt == null ? "exceeded (still running)" : "exceeded"));
  } else if (run.timedOut === false) {
    v.push(" ", h("span", { class: "pill pill-ok" }, "within"));
  }
  return fact("Timeout", v, { testid: "timeout" });
}

/** The first failure shows at most this many characters of its element and reason, and of its message, each with a button copying all of it (dom.js clipped()). */
const FAILURE_CHARS = 500, FAILURE_MESSAGE_CHARS = 2000;

/** @param {FirstFailure} ff @param {TimeMode} mode @param {number | null} base @param {(ff: FirstFailure) => void} onJump @param {Lang} lang */
function failureBlock(ff, mode, base, onJump, lang) {
  return h("div", { class: "failure", "data-testid": "first-failure" },
    h("div", { class: "failure-head" },
      h("span", { class: "fact-k" }, "First failure"),
      ff.at != null ? h("span", { class: "muted small mono-num", title: fmtIso(ff.at) }, fmtTime(ff.at, mode, base)) : null,
      h("span", { class: "spacer" }),
      h("button", { type: "button", class: "btn small danger", "data-testid": "jump-failure", title: "Show in the timeline (E)", onclick: () => onJump(ff) }, "Show in timeline →")),
    h("div", { class: "failure-el mono", "data-testid": "failure-element" }, clipped(ff.element, FAILURE_CHARS, true)),
    ff.reason ? h("div", { class: "failure-reason", "data-testid": "failure-reason", title: ff.reason }, clipped(bilingual(ff.reasonBi, lang) || ff.reason, FAILURE_CHARS, true)) : null,
    ff.message ? h("div", { class: "failure-msg", "data-testid": "failure-message", title: ff.message }, clipped(bilingual(ff.messageBi, lang) || ff.message, FAILURE_MESSAGE_CHARS, true)) : null);
}

/**
 * The runs of a workflow history, in the core's order (newest first), the newest tagged.
 * @param {readonly Run[]} runs @param {string} selectedId @param {string | null} newestId @param {TimeMode} mode @param {(id: string) => void} onPick
 */
function runsTable(runs, selectedId, newestId, mode, onPick) {
  const LIMIT = 500;
  const body = h("tbody");
  const rows = (/** @type {number} */ from, /** @type {number} */ to) => {
    for (let i = from; i < to; i++) {
      const r = runs[i];
      const sel = r.id === selectedId;
      const tr = h("tr", {
        class: sel ? "sel" : null, tabindex: "0", "data-run": r.id, "aria-selected": sel ? "true" : "false",
        onclick: () => onPick(r.id),
        onkeydown: (/** @type {KeyboardEvent} */ e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onPick(r.id); } },
      },
      h("td", null, phaseBadge(r.phase, { title: r.rawPhase ? "payload status: " + r.rawPhase : null })),
      h("td", { class: "mono" }, r.id, r.id === newestId ? h("span", { class: "tag" }, "newest") : null),
      h("td", { class: "mono-num", title: fmtIso(r.startedAt) }, fmtTime(r.startedAt, mode, r.startedAt)),
      h("td", { class: "mono-num", title: fmtIso(r.finishedAt) }, r.finishedAt == null ? h("span", { class: "muted" }, r.phase === "Running" || r.phase === "Pending" ? "running" : "—") : fmtTime(r.finishedAt, mode, r.startedAt)),
      h("td", { class: "mono-num num" }, fmtDuration(r.durationMs)),
      h("td", null, r.createdBy ?? h("span", { class: "muted" }, "—")),
      h("td", { class: "num" }, fmtNum(r.elementCount)));
      body.appendChild(tr);
    }
  };
  rows(0, Math.min(LIMIT, runs.length));
  const table = h("table", { class: "grid runs", "data-testid": "runs" },
    h("thead", null, h("tr", null,
      h("th", null, "Status"), h("th", null, "Execution"), h("th", null, "Begin"), h("th", null, "End"),
      h("th", { class: "num" }, "Duration"), h("th", null, "Created by"), h("th", { class: "num" }, "Nodes"))),
    body);
  const wrap = h("div", { class: "runs-wrap" },
    h("div", { class: "sub-title" }, plural(runs.length, "run"), h("span", { class: "muted small" }, " — newest first; pick one to see it")),
    h("div", { class: "table-scroll" }, table));
  if (runs.length > LIMIT) {
    const more = h("button", { type: "button", class: "linkbtn", onclick: () => { rows(LIMIT, runs.length); more.remove(); } }, "Show all " + fmtNum(runs.length) + " runs");
    wrap.appendChild(more);
  }
  return wrap;
}

/**
 * @typedef {object} SummaryCard
 * @property {string} label  what the run is (a format's label, "Joined run")
 * @property {Run | null} run
 * @property {ApiErrorBody | null} [apiError]
 * @property {boolean} [eventCount]  show the count of events (an event list)
 * @property {readonly Run[] | null} [runs]  a workflow history's runs (the table to pick one)
 * @property {string | null} [newestId]  the core's newestRun
 * @property {TimeMode} mode
 * @property {Lang} lang
 * @property {(id: string) => void} [onPickRun]
 * @property {(ff: FirstFailure) => void} onJumpFailure
 * @property {Child} [extra]  shown after the first failure (the dependency graph's root cause)
 */

/** The summary card of a run. @param {SummaryCard} opts */
export function renderSummary(opts) {
  const { run, mode } = opts;
  const card = h("section", { class: "card summary", "data-testid": "summary" });
  const fmtLabel = opts.label;
  const apiError = opts.apiError || null;

  if (!apiError && !run) {
    card.appendChild(h("div", { class: "sum-head" },
      h("div", { class: "sum-title" },
        h("div", { class: "kicker" }, fmtLabel),
        h("h2", { class: "run-name" }, "No runs"),
        h("div", { class: "muted" }, "This payload has nothing to show (it may be empty)."))));
    return card;
  }
  if (apiError || !run) {
    const e = apiError || { httpCode: null, code: null, message: null };
    card.classList.add("api-error");
    card.appendChild(h("div", { class: "sum-head", "data-testid": "api-error" },
      h("span", { class: "http-code", "data-testid": "api-http", title: "HTTP status" }, e.httpCode != null ? String(e.httpCode) : "—"),
      h("div", { class: "sum-title" },
        h("div", { class: "kicker" }, fmtLabel),
        h("h2", { class: "run-name", "data-testid": "api-code" }, e.code ?? "(no error code)"),
        h("div", { class: "api-msg", "data-testid": "api-message" }, e.message ?? "(no message)"))));
    return card;
  }

  const base = run.startedAt;
  const idRow = h("div", { class: "run-id mono" },
    h("span", { "data-testid": "run-id" }, run.id || "(no id)"),
    run.id ? h("button", { type: "button", class: "linkbtn small copy-id", title: "Copy the id",
      onclick: async (/** @type {Event} */ e) => { const b = /** @type {HTMLElement} */ (e.currentTarget); const ok = await copyText(run.id); b.textContent = ok ? "copied" : "copy failed"; setTimeout(() => { b.textContent = "copy"; }, 1500); } }, "copy") : null);
  card.appendChild(h("div", { class: "sum-head" },
    phaseBadge(run.phase, { big: true, testid: "run-phase", title: run.rawPhase ? "payload phase: " + run.rawPhase : "phase derived from the elements" }),
    h("div", { class: "sum-title" },
      h("div", { class: "kicker" }, fmtLabel, run.action ? [h("span", { class: "sep" }, "·"), "action ", h("strong", { "data-testid": "run-action" }, run.action)] : null),
      h("h2", { class: "run-name", "data-testid": "run-name" }, run.name || run.id || "(unnamed run)"),
      idRow)));

  const grid = h("div", { class: "facts" },
    timeFact("Started", run.startedAt, mode, base, "started"),
    timeFact("Finished", run.finishedAt, mode, base, "finished", run.phase === "Running" || run.phase === "Pending" ? "still running" : "—"),
    fact("Duration", run.durationMs != null ? fmtDuration(run.durationMs) : h("span", { class: "muted" }, "—"), { testid: "duration", cls: "mono-num" }),
    timeFact("Last update", run.updatedAt, mode, base, "updated"),
    timeoutFact(run),
    fact("Elements", fmtNum(run.elementCount), { testid: "elements", cls: "mono-num" }),
    opts.eventCount ? fact("Events", fmtNum(run.eventCount), { testid: "event-count", cls: "mono-num" }) : null,
    run.createdBy != null ? fact("Created by", run.createdBy, { testid: "created-by" }) : null);
  card.appendChild(grid);
  card.appendChild(progressBlock(run));
  if (run.reason || run.message) {
    const ff = run.firstFailure;
    const same = ff && ff.reason === run.reason && ff.message === run.message;
    if (!same) {
      card.appendChild(h("div", { class: ["run-status", phaseClass(run.phase)], "data-testid": "run-status" },
        h("span", { class: "fact-k" }, "Status"),
        run.reason ? h("span", { class: "run-status-reason", title: run.reason }, bilingual(run.reasonBi, opts.lang) || run.reason) : null,
        run.message ? h("span", { class: "run-status-msg", title: run.message }, bilingual(run.messageBi, opts.lang) || run.message) : null));
    }
  }
  if (run.firstFailure) card.appendChild(failureBlock(run.firstFailure, mode, base, opts.onJumpFailure, opts.lang));
  if (opts.extra) append(card, [opts.extra]);
  if (opts.runs && opts.runs.length) {
    card.appendChild(runsTable(opts.runs, run.id, opts.newestId ?? null, mode, opts.onPickRun || (() => {})));
  }
  return card;
}
