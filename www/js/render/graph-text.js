// @ts-check
// Every text the dependency graph feature shows (the graph view, its list, the
// view switch, the root cause in the summary, the critical path, the details'
// link, its keys in the help): one plain object, so that the Chinese interface
// can swap it for a catalog. `{name}` marks a value filled in by fill().

/** @import { Phase } from "../types.js" */

export const GRAPH_TEXT = {
  // the switch above the run's timeline
  showLabel: "Show",
  showTimeline: "Timeline",
  showGraph: "Graph",
  showBoth: "Both",
  showTimelineTitle: "Show the timeline",
  showGraphTitle: "Show the dependency graph (G)",
  showBothTitle: "Show the dependency graph above the timeline",
  sectionGraph: "Dependency graph",
  sectionBoth: "Dependency graph and timeline",

  // the graph view
  graphLabel: "Dependency graph",
  zoomIn: "Zoom in (+ or W)",
  zoomOut: "Zoom out (− or S)",
  fit: "Fit",
  fitTitle: "Fit the whole graph (F or 0)",
  counts: "{nodes} elements · {edges} dependencies",
  noEdges: "No template in this payload says what depends on what: its elements are drawn without arrows.",
  noNodes: "This run has no elements to draw.",
  hint: "Wheel: zoom · Drag: pan · Click: details · Hover: what it depends on and what depends on it · Arrows: move",
  canvasLabel: "Dependency graph of {n} elements. Arrow keys: Up to a dependency, Down to a dependent, Left and Right along a column; Enter opens the details.",
  notInRun: "not in this run",
  announce: "{name}, {phase}, {type}. {deps} {dependents}",
  announceDeps: "Depends on {list}.",
  announceNoDeps: "Depends on nothing.",
  announceDependents: "{n} elements depend on it.",
  announceOneDependent: "1 element depends on it.",
  announceNoDependents: "Nothing depends on it.",
  tipDeps: "depends on",
  tipDependents: "needed by",
  tipType: "type",
  tipNone: "nothing",
  warningsTitle: "What the template gets wrong ({n})",

  // the list for screen readers (and anyone)
  listTitle: "Every element and what it depends on ({n})",
  listDependsOn: "depends on",
  listNothing: "nothing",
  listNoType: "no type",
  listSelect: "Select {name}",

  // root cause (summary) and critical path
  rootCause: "Root cause",
  rootCauses: "Root causes",
  tookDown: "took down {n} elements:",
  tookDownOne: "took down 1 element:",
  tookDownNone: "took down nothing else",
  moreRootCauses: "and {n} more root causes",
  highlightRoot: "Highlight",
  highlightRootTitle: "Highlight the root cause and what it took down, in the graph and on the timeline",
  highlightOff: "Highlighted ✓",
  criticalPath: "Critical path",
  criticalPathTitle: "Highlight the critical path (the chain of dependencies that ended last) in the graph and on the timeline",
  criticalTotal: "from the start of its first element to the end of its last; each step: from the end of the step before to its own end",
  criticalNone: "No element of this run has a time: there is no critical path.",
  criticalStep: "{name}: {dur} ({pct})",
  criticalShareTitle: "{name}: {dur} of the path ({pct}), from the end of the step before to its own end",

  // the details panel
  detailsRootCause: "Root cause",
  detailsRootCauseTitle: "Taken down by this failed element: show it",
  detailsDependsOn: "Depends on",
  detailsNeededBy: "Needed by",
  nodeKicker: "Element (template only)",
  nodeNotInRun: "The template declares this element, but the run does not report it.",
  close: "Close details",
};

/** The icon drawn in a box for each phase (null: a template element the run does not report). */
/** @type {Record<Phase | "none", string>} */
export const PHASE_ICONS = {
  Pending: "…", Running: "▶", Succeeded: "✓", Failed: "✕", Cancelled: "⊘", Skipped: "↷", Unknown: "?", none: "○",
};

/**
 * A text with its `{name}` parts filled in.
 * @param {string} text @param {Record<string, string | number>} values
 */
export function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (m, k) => (Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m));
}
