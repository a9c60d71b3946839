// @ts-check
// What the graph view needs to know about the core's laid-out graph, computed
// once per graph: indexes by id, each node's dependencies and dependents, the
// columns of the layout (for Left / Right), a grid of cells over the drawing
// (what is visible, what is under the pointer), and the chains above and below
// a node (hover). Pure: no DOM, no state; the layout itself is the core's.

/** @import { Graph, GraphNode, Lane } from "../types.js" */

/** Side of a grid cell, in graph units (a box is 200 × 44). */
const CELL = 512;

/**
 * @typedef {object} GraphModel
 * @property {Graph} graph
 * @property {readonly GraphNode[]} nodes
 * @property {Map<string, number>} index     node id → index (the first of an id)
 * @property {number[][]} deps               per node: its dependencies (edges' `from`), self-loops left out
 * @property {number[][]} dependents         per node: what depends on it (edges' `to`), self-loops left out
 * @property {number[][]} columns            node indexes per column of the layout, top to bottom
 * @property {Int32Array} colOf              per node: its column
 * @property {Int32Array} rowOf              per node: its place in its column
 * @property {{cols: number, rows: number, nodes: Map<number, number[]>, edges: Map<number, number[]>}} grid
 * @property {Uint32Array} stampN            scratch marks for queries (nodes)
 * @property {Uint32Array} stampE            scratch marks for queries (edges)
 * @property {{n: number}} gen               the current mark
 */

/** @param {Graph} graph @returns {GraphModel} */
export function buildModel(graph) {
  const nodes = graph.nodes;
  const n = nodes.length;
  /** @type {Map<string, number>} */
  const index = new Map();
  for (let i = 0; i < n; i++) if (!index.has(nodes[i].id)) index.set(nodes[i].id, i);
  /** @type {number[][]} */
  const deps = nodes.map(() => []);
  /** @type {number[][]} */
  const dependents = nodes.map(() => []);
  for (const e of graph.edges) {
    const a = index.get(e.from), b = index.get(e.to);
    if (a == null || b == null || a === b) continue;
    deps[b].push(a);
    dependents[a].push(b);
  }
  // columns: nodes with the same left edge, top to bottom
  /** @type {Map<number, number[]>} */
  const byX = new Map();
  for (let i = 0; i < n; i++) {
    const k = Math.round(nodes[i].x);
    let c = byX.get(k);
    if (!c) { c = []; byX.set(k, c); }
    c.push(i);
  }
  const columns = [...byX.keys()].sort((a, b) => a - b).map((k) => /** @type {number[]} */ (byX.get(k)).sort((a, b) => nodes[a].y - nodes[b].y || a - b));
  const colOf = new Int32Array(n), rowOf = new Int32Array(n);
  columns.forEach((c, ci) => c.forEach((i, ri) => { colOf[i] = ci; rowOf[i] = ri; }));
  const cols = Math.max(1, Math.ceil((graph.width || 1) / CELL) + 1);
  const rows = Math.max(1, Math.ceil((graph.height || 1) / CELL) + 1);
  const grid = { cols, rows, nodes: new Map(), edges: new Map() };
  /** @param {Map<number, number[]>} map @param {number} x0 @param {number} y0 @param {number} x1 @param {number} y1 @param {number} v */
  const put = (map, x0, y0, x1, y1, v) => {
    const c0 = clampCell(x0, cols), c1 = clampCell(x1, cols), r0 = clampCell(y0, rows), r1 = clampCell(y1, rows);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const key = r * cols + c;
        const list = map.get(key);
        if (!list) map.set(key, [v]);
        else if (list[list.length - 1] !== v) list.push(v);
      }
    }
  };
  nodes.forEach((nd, i) => put(grid.nodes, nd.x, nd.y, nd.x + nd.width, nd.y + nd.height, i));
  graph.edges.forEach((e, k) => {
    const p = e.points;
    for (let j = 1; j < p.length; j++) {
      put(grid.edges, Math.min(p[j - 1].x, p[j].x) - 8, Math.min(p[j - 1].y, p[j].y) - 8, Math.max(p[j - 1].x, p[j].x) + 8, Math.max(p[j - 1].y, p[j].y) + 8, k);
    }
  });
  return {
    graph, nodes, index, deps, dependents, columns, colOf, rowOf, grid,
    stampN: new Uint32Array(n), stampE: new Uint32Array(graph.edges.length), gen: { n: 0 },
  };
}

/** @param {number} v @param {number} count */
function clampCell(v, count) {
  return Math.max(0, Math.min(count - 1, Math.floor(v / CELL)));
}

/**
 * The nodes and edges whose cells meet a rectangle of the drawing (graph units):
 * what to draw. Each index once.
 * @param {GraphModel} m @param {number} x0 @param {number} y0 @param {number} x1 @param {number} y1
 * @returns {{nodes: number[], edges: number[]}}
 */
export function visibleIn(m, x0, y0, x1, y1) {
  const g = m.grid;
  const gen = ++m.gen.n;
  /** @type {number[]} */
  const nodes = [];
  /** @type {number[]} */
  const edges = [];
  const c0 = clampCell(x0, g.cols), c1 = clampCell(x1, g.cols), r0 = clampCell(y0, g.rows), r1 = clampCell(y1, g.rows);
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const key = r * g.cols + c;
      for (const i of g.nodes.get(key) || []) if (m.stampN[i] !== gen) { m.stampN[i] = gen; nodes.push(i); }
      for (const k of g.edges.get(key) || []) if (m.stampE[k] !== gen) { m.stampE[k] = gen; edges.push(k); }
    }
  }
  return { nodes, edges };
}

/** The node whose box holds a point of the drawing, or -1. @param {GraphModel} m @param {number} x @param {number} y */
export function nodeAt(m, x, y) {
  const g = m.grid;
  if (x < 0 || y < 0) return -1;
  const list = g.nodes.get(clampCell(y, g.rows) * g.cols + clampCell(x, g.cols)) || [];
  for (const i of list) {
    const nd = m.nodes[i];
    if (x >= nd.x && x <= nd.x + nd.width && y >= nd.y && y <= nd.y + nd.height) return i;
  }
  return -1;
}

/**
 * Every node reached from `i` by following `next` (its dependencies: upstream;
 * its dependents: downstream), `i` left out unless on a cycle through it.
 * @param {number[][]} next @param {number} i @returns {Set<number>}
 */
function reach(next, i) {
  /** @type {Set<number>} */
  const seen = new Set();
  const stack = [...next[i]];
  while (stack.length) {
    const j = /** @type {number} */ (stack.pop());
    if (seen.has(j)) continue;
    seen.add(j);
    for (const k of next[j]) if (!seen.has(k)) stack.push(k);
  }
  return seen;
}

/** Everything `i` depends on, transitively. @param {GraphModel} m @param {number} i */
export function upstream(m, i) { return reach(m.deps, i); }

/** Everything that depends on `i`, transitively. @param {GraphModel} m @param {number} i */
export function downstream(m, i) { return reach(m.dependents, i); }

/** A node with its upstream and downstream chains (what stays lit on hover). @param {GraphModel} m @param {number} i */
export function chains(m, i) {
  const out = upstream(m, i);
  for (const j of downstream(m, i)) out.add(j);
  out.add(i);
  return out;
}

/**
 * The node a key moves to from `i`: "up" a dependency, "down" a dependent (of
 * several, the one nearest on screen), "left" / "right" the one above / below in
 * its column. -1 when there is none.
 * @param {GraphModel} m @param {number} i @param {"up" | "down" | "left" | "right"} dir
 */
export function neighbour(m, i, dir) {
  if (i < 0 || i >= m.nodes.length) return m.nodes.length ? firstNode(m) : -1;
  if (dir === "left" || dir === "right") {
    const col = m.columns[m.colOf[i]];
    const r = m.rowOf[i] + (dir === "left" ? -1 : 1);
    return r >= 0 && r < col.length ? col[r] : -1;
  }
  const list = dir === "up" ? m.deps[i] : m.dependents[i];
  if (!list.length) return -1;
  const cy = m.nodes[i].y;
  let best = list[0];
  for (const j of list) if (Math.abs(m.nodes[j].y - cy) < Math.abs(m.nodes[best].y - cy)) best = j;
  return best;
}

/** The node keyboard focus starts on: the top of the first column. @param {GraphModel} m */
export function firstNode(m) {
  return m.columns.length ? m.columns[0][0] : -1;
}

/** "HuaweiCloud.CCE.Deployment" → "Deployment"; null stays null. @param {string | null} type */
export function shortType(type) {
  if (type == null) return null;
  const t = type.replace(/[.:/]+$/, "");
  const k = Math.max(t.lastIndexOf("."), t.lastIndexOf("/"), t.lastIndexOf(":"));
  return k >= 0 && k < t.length - 1 ? t.slice(k + 1) : t;
}

/**
 * The critical path's steps with what each adds: a step's time runs from the
 * end of the step before (the first: from its own start) to its own end, so the
 * steps add up to the path's total. Times are the timeline's (an open span ends
 * at `openEnd`). Null when the timeline has no lanes (a large run drawn from
 * frames) or no step has a time.
 * @param {readonly string[]} path @param {readonly Lane[]} lanes @param {number | null} openEnd
 * @returns {{total: number, steps: {id: string, ms: number, share: number}[]} | null}
 */
export function pathSteps(path, lanes, openEnd) {
  if (!path.length || !lanes.length) return null;
  /** @type {Map<string, Lane>} */
  const byId = new Map();
  for (const l of lanes) if (!byId.has(l.id)) byId.set(l.id, l);
  /** @type {{id: string, start: number | null, end: number | null}[]} */
  const times = path.map((id) => {
    const l = byId.get(id);
    let start = null, end = null;
    for (const s of l ? l.spans : []) {
      const e = s.end ?? openEnd ?? s.start;
      if (start == null || s.start < start) start = s.start;
      if (end == null || e > end) end = e;
    }
    return { id, start, end };
  });
  const first = times.find((t) => t.start != null);
  if (!first || first.start == null) return null;
  let prev = first.start;
  const ms = times.map((t) => {
    const end = t.end == null ? prev : Math.max(prev, t.end);
    const d = end - prev;
    prev = end;
    return d;
  });
  const total = prev - first.start;
  const steps = times.map((t, k) => ({ id: t.id, ms: ms[k], share: total > 0 ? ms[k] / total : 0 }));
  return { total, steps };
}
