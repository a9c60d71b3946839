// @ts-check
// The run summary card: name, id, action, phase, progress, times, timeout, first
// failure; the runs of a workflow history; the body of an API error.
import { h, append, clipped, copyText } from "../dom.js";
import { fmtTime, fmtDuration, fmtIso, phaseClass, phaseName } from "../fmt.js";
import { biText } from "./bi.js";

/** @import { Run, FirstFailure, ApiErrorBody, Phase, TimeMode, Lang, Child } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/** A phase with its colour and its icon (never the colour alone), named in the interface's language. @param {Phase} phase @param {Messages} m @param {{big?: boolean, small?: boolean, title?: string | null, testid?: string}} [opts] */
export function phaseBadge(phase, m, opts = {}) {
  return h("span", {
    class: ["badge", phaseClass(phase), opts.big ? "big" : "", opts.small ? "small" : ""],
    title: opts.title || null,
    "data-testid": opts.testid || null,
    "data-phase": phase,
  }, h("span", { class: "dot", "aria-hidden": "true" }), phaseName(phase, m));
}

/** @param {string} label @param {Child} value @param {{testid?: string, cls?: string, title?: string | null}} [opts] */
function fact(label, value, opts = {}) {
  return h("div", { class: "fact", "data-testid": opts.testid || null },
    h("div", { class: "fact-k" }, label),
    h("div", { class: ["fact-v", opts.cls || ""], title: opts.title || null }, value));
}

/** @param {string} label @param {number | null} ms @param {TimeMode} mode @param {number | null} base @param {string} testid @param {Messages} m @param {string} [missing] */
function timeFact(label, ms, mode, base, testid, m, missing) {
  return fact(label, ms == null ? h("span", { class: "muted" }, missing || "—") : fmtTime(ms, mode, base, m),
    { testid, title: ms == null ? null : fmtIso(ms), cls: "mono-num" });
}

/** @param {Run} run @param {Messages} m */
function progressBlock(run, m) {
  const p = run.progress;
  const rep = p.reported;
  const der = p.derived;
  const none = m.t("none");
  const bar = h("div", { class: "pbar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100",
    "aria-label": m.t("sum.progressName"),
    "aria-valuenow": rep != null ? String(rep) : der != null ? String(der) : null,
    "aria-valuetext": rep != null || der != null ? m.t("sum.progressValue", { pct: rep ?? none, derived: der ?? none }) : null });
  const fillPct = rep != null ? rep : der;
  if (fillPct != null) {
    bar.appendChild(h("div", { class: ["pbar-fill", phaseClass(run.phase)], style: { width: Math.max(0, Math.min(100, fillPct)) + "%" } }));
  }
  if (rep != null && der != null) {
    bar.appendChild(h("div", { class: "pbar-derived", title: m.t("sum.derivedTitle", { pct: der }), style: { left: Math.max(0, Math.min(100, der)) + "%" } }));
  }
  const mismatch = rep != null && der != null && rep !== der;
  const figures = h("div", { class: "pfig" },
    h("span", { "data-testid": "progress-reported" }, m.t("sum.reported"), h("strong", null, rep != null ? rep + "%" : none)),
    h("span", { class: "sep", "aria-hidden": "true" }, "·"),
    h("span", { "data-testid": "progress-derived" }, m.t("sum.derived"), h("strong", null, der != null ? der + "%" : none)),
    h("span", { class: "muted" }, m.t("sum.succeededOf", { done: m.num(p.done), n: p.total })));
  const block = h("div", { class: "progress", "data-testid": "progress" },
    h("div", { class: "fact-k" }, m.t("sum.progress")), bar, figures);
  if (mismatch) {
    block.appendChild(h("div", { class: "note warn-note", "data-testid": "progress-mismatch", role: "note" },
      h("span", { "aria-hidden": "true" }, "⚠ "),
      m.t("sum.mismatch", { rep, done: p.done, total: p.total, der })));
  }
  return block;
}

/** @param {Run} run @param {Messages} m */
function timeoutFact(run, m) {
  if (run.timeoutMinutes == null) return fact(m.t("sum.timeout"), h("span", { class: "muted" }, m.t("sum.noTimeout")), { testid: "timeout" });
  /** @type {Child[]} */
  const v = [h("span", { class: "mono-num" }, m.t("sum.minutes", { n: run.timeoutMinutes }) + (run.timeoutMinutes >= 120 ? " (" + fmtDuration(run.timeoutMinutes * 60000, m) + ")" : ""))];
  if (run.timedOut === true) {
    v.push(" ", h("span", { class: "pill pill-bad", "data-testid": "timed-out" },
      h("span", { class: "pill-icon", "aria-hidden": "true" }, "✕"), m.t(run.finishedAt == null ? "sum.exceededRunning" : "sum.exceeded")));
  } else if (run.timedOut === false) {
    v.push(" ", h("span", { class: "pill pill-ok" }, h("span", { class: "pill-icon", "aria-hidden": "true" }, "✓"), m.t("sum.within")));
  }
  return fact(m.t("sum.timeout"), v, { testid: "timeout" });
}

/** The first failure shows at most this many characters of its element and reason, and of its message, each with a button copying all of it (dom.js clipped()). */
const FAILURE_CHARS = 500, FAILURE_MESSAGE_CHARS = 2000;

/** @param {FirstFailure} ff @param {TimeMode} mode @param {number | null} base @param {(ff: FirstFailure) => void} onJump @param {Lang} lang @param {Messages} m */
function failureBlock(ff, mode, base, onJump, lang, m) {
  const reason = ff.reason ? biText(ff.reasonBi, lang, ff.reason, { max: FAILURE_CHARS, copy: true, m }) : null;
  const msg = ff.message ? biText(ff.messageBi, lang, ff.message, { max: FAILURE_MESSAGE_CHARS, copy: true, m }) : null;
  return h("div", { class: "failure", "data-testid": "first-failure" },
    h("div", { class: "failure-head" },
      h("span", { class: "fact-k" }, m.t("sum.firstFailure")),
      ff.at != null ? h("span", { class: "muted small mono-num", title: fmtIso(ff.at) }, fmtTime(ff.at, mode, base, m)) : null,
      h("span", { class: "spacer" }),
      h("button", { type: "button", class: "btn small danger", "data-testid": "jump-failure", title: m.t("sum.jumpTitle"), onclick: () => onJump(ff) }, m.t("sum.jump"))),
    h("div", { class: "failure-el mono", "data-testid": "failure-element" }, clipped(ff.element, FAILURE_CHARS, true, m)),
    reason ? h("div", { class: "failure-reason", "data-testid": "failure-reason", title: ff.reason, lang: reason.lang }, reason.children) : null,
    msg ? h("div", { class: "failure-msg", "data-testid": "failure-message", title: ff.message, lang: msg.lang }, msg.children) : null);
}

/**
 * The runs of a workflow history, in the core's order (newest first), the newest tagged.
 * @param {readonly Run[]} runs @param {string} selectedId @param {string | null} newestId @param {TimeMode} mode @param {(id: string) => void} onPick @param {Messages} m
 */
function runsTable(runs, selectedId, newestId, mode, onPick, m) {
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
      h("td", null, phaseBadge(r.phase, m, { title: r.rawPhase ? m.t("sum.rawStatus", { phase: r.rawPhase }) : null })),
      h("td", { class: "mono" }, r.id, r.id === newestId ? h("span", { class: "tag" }, m.t("sum.newest")) : null),
      h("td", { class: "mono-num", title: fmtIso(r.startedAt) }, fmtTime(r.startedAt, mode, r.startedAt, m)),
      h("td", { class: "mono-num", title: fmtIso(r.finishedAt) }, r.finishedAt == null ? h("span", { class: "muted" }, r.phase === "Running" || r.phase === "Pending" ? m.t("sum.running") : "—") : fmtTime(r.finishedAt, mode, r.startedAt, m)),
      h("td", { class: "mono-num num" }, fmtDuration(r.durationMs, m)),
      h("td", null, r.createdBy ?? h("span", { class: "muted" }, "—")),
      h("td", { class: "num" }, m.num(r.elementCount)));
      body.appendChild(tr);
    }
  };
  rows(0, Math.min(LIMIT, runs.length));
  const table = h("table", { class: "grid runs", "data-testid": "runs" },
    h("thead", null, h("tr", null,
      h("th", null, m.t("sum.colStatus")), h("th", null, m.t("sum.colExecution")), h("th", null, m.t("sum.colBegin")), h("th", null, m.t("sum.colEnd")),
      h("th", { class: "num" }, m.t("sum.colDuration")), h("th", null, m.t("sum.colCreatedBy")), h("th", { class: "num" }, m.t("sum.colNodes")))),
    body);
  const wrap = h("div", { class: "runs-wrap" },
    h("div", { class: "sub-title" }, m.t("sum.runs", { n: runs.length }), h("span", { class: "muted small" }, m.t("sum.runsHint"))),
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": m.t("sum.runs", { n: runs.length }) }, table));
  if (runs.length > LIMIT) {
    const more = h("button", { type: "button", class: "linkbtn", onclick: () => { rows(LIMIT, runs.length); more.remove(); } }, m.t("sum.showAllRuns", { n: runs.length }));
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
 * @property {Messages} m  the interface's words
 * @property {(id: string) => void} [onPickRun]
 * @property {(ff: FirstFailure) => void} onJumpFailure
 * @property {Child} [extra]  shown after the first failure (the dependency graph's root cause)
 */

/** The summary card of a run. @param {SummaryCard} opts */
export function renderSummary(opts) {
  const { run, mode, m } = opts;
  const card = h("section", { class: "card summary", "data-testid": "summary" });
  const fmtLabel = opts.label;
  const apiError = opts.apiError || null;

  if (!apiError && !run) {
    card.appendChild(h("div", { class: "sum-head" },
      h("div", { class: "sum-title" },
        h("div", { class: "kicker" }, fmtLabel),
        h("h2", { class: "run-name" }, m.t("sum.noRuns")),
        h("div", { class: "muted" }, m.t("sum.nothing")))));
    return card;
  }
  if (apiError || !run) {
    const e = apiError || { httpCode: null, code: null, message: null };
    card.classList.add("api-error");
    card.appendChild(h("div", { class: "sum-head", "data-testid": "api-error" },
      h("span", { class: "http-code", "data-testid": "api-http", title: m.t("sum.http") }, e.httpCode != null ? String(e.httpCode) : "—"),
      h("div", { class: "sum-title" },
        h("div", { class: "kicker" }, fmtLabel),
        h("h2", { class: "run-name", "data-testid": "api-code" }, e.code ?? m.t("sum.noCode")),
        h("div", { class: "api-msg", "data-testid": "api-message" }, e.message ?? m.t("sum.noMessage")))));
    return card;
  }

  const base = run.startedAt;
  const idRow = h("div", { class: "run-id mono" },
    h("span", { "data-testid": "run-id" }, run.id || m.t("sum.noId")),
    run.id ? h("button", { type: "button", class: "linkbtn small copy-id", title: m.t("sum.copyId"), "aria-label": m.t("sum.copyId"),
      onclick: async (/** @type {Event} */ e) => { const b = /** @type {HTMLElement} */ (e.currentTarget); const ok = await copyText(run.id); b.textContent = m.t(ok ? "sum.copied" : "sum.copyFailed"); setTimeout(() => { b.textContent = m.t("sum.copy"); }, 1500); } }, m.t("sum.copy")) : null);
  card.appendChild(h("div", { class: "sum-head" },
    phaseBadge(run.phase, m, { big: true, testid: "run-phase", title: run.rawPhase ? m.t("sum.rawPhase", { phase: run.rawPhase }) : m.t("sum.derivedPhase") }),
    h("div", { class: "sum-title" },
      h("div", { class: "kicker" }, fmtLabel, run.action ? [h("span", { class: "sep", "aria-hidden": "true" }, "·"), m.t("sum.action"), h("strong", { "data-testid": "run-action" }, run.action)] : null),
      h("h2", { class: "run-name", "data-testid": "run-name" }, run.name || run.id || m.t("sum.unnamed")),
      idRow)));

  const running = run.phase === "Running" || run.phase === "Pending";
  const grid = h("div", { class: "facts" },
    timeFact(m.t("sum.started"), run.startedAt, mode, base, "started", m),
    timeFact(m.t("sum.finished"), run.finishedAt, mode, base, "finished", m, running ? m.t("sum.stillRunning") : "—"),
    fact(m.t("sum.duration"), run.durationMs != null ? fmtDuration(run.durationMs, m) : h("span", { class: "muted" }, "—"), { testid: "duration", cls: "mono-num" }),
    timeFact(m.t("sum.updated"), run.updatedAt, mode, base, "updated", m),
    timeoutFact(run, m),
    fact(m.t("sum.elements"), m.num(run.elementCount), { testid: "elements", cls: "mono-num" }),
    opts.eventCount ? fact(m.t("sum.events"), m.num(run.eventCount), { testid: "event-count", cls: "mono-num" }) : null,
    run.createdBy != null ? fact(m.t("sum.createdBy"), run.createdBy, { testid: "created-by" }) : null);
  card.appendChild(grid);
  card.appendChild(progressBlock(run, m));
  if (run.reason || run.message) {
    const ff = run.firstFailure;
    const same = ff && ff.reason === run.reason && ff.message === run.message;
    if (!same) {
      const reason = run.reason ? biText(run.reasonBi, opts.lang, run.reason) : null;
      const msg = run.message ? biText(run.messageBi, opts.lang, run.message) : null;
      card.appendChild(h("div", { class: ["run-status", phaseClass(run.phase)], "data-testid": "run-status" },
        h("span", { class: "fact-k" }, m.t("sum.status")),
        reason ? h("span", { class: "run-status-reason", title: run.reason, lang: reason.lang }, reason.children) : null,
        msg ? h("span", { class: "run-status-msg", title: run.message, lang: msg.lang }, msg.children) : null));
    }
  }
  if (run.firstFailure) card.appendChild(failureBlock(run.firstFailure, mode, base, opts.onJumpFailure, opts.lang, m));
  if (opts.extra) append(card, [opts.extra]);
  if (opts.runs && opts.runs.length) {
    card.appendChild(runsTable(opts.runs, run.id, opts.newestId ?? null, mode, opts.onPickRun || (() => {}), m));
  }
  return card;
}
