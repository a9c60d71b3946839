// The dependency graph benchmark (issue 11), the same code in Node and in Chromium:
// random layered DAGs as AOS executions whose objectData template declares the
// dependencies, laid out by execscope (graph()) and by @dagrejs/dagre (the quality
// anchor) with the same box size and spacing, timed side by side, and the edge
// crossings of both drawings counted by one geometric counter.
//
//   randomDag(n, seed)        -> {n, edges: [[from, to]]}  (from = the dependency)
//   graphPayload(dag, seed)   -> AOS execution JSON text (template in spec.objectData, JSON)
//   dagreRoutes(dagre, graph) -> the same nodes and edges laid out by dagre: {routes, ms}
//   crossings(routes)         -> proper crossings between edges not sharing an end
//   runGraphCase(spec, env)   -> records {kind: "graph", ...}

const NODE_WIDTH = 200;
const NODE_HEIGHT = 44;
const RANK_GAP = 72;
const NODE_GAP = 16;

/** mulberry32: a small seeded PRNG (deterministic across engines). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random layered DAG: n nodes over about sqrt(n) layers of random sizes; every node
 * past the first layer depends on 1 to 3 nodes of the 1 to 3 layers before it (the one
 * before most often), as stacks and pipelines do. Node i is named by its index.
 */
export function randomDag(n, seed) {
  const rnd = prng(seed);
  const layers = Math.max(2, Math.round(Math.sqrt(n)));
  const layerOf = [];
  for (let i = 0; i < n; i++) layerOf.push(i < layers ? i : Math.floor(rnd() * layers));
  layerOf.sort((a, b) => a - b);
  const byLayer = Array.from({ length: layers }, () => []);
  layerOf.forEach((l, i) => byLayer[l].push(i));
  const edges = [];
  const seen = new Set();
  for (let v = 0; v < n; v++) {
    const l = layerOf[v];
    if (l === 0) continue;
    const parents = 1 + Math.floor(rnd() * rnd() * 3);
    for (let k = 0; k < parents; k++) {
      const back = Math.min(l, 1 + Math.floor(rnd() * rnd() * 3));
      const pool = byLayer[l - back];
      const u = pool[Math.floor(rnd() * pool.length)];
      const key = u * n + v;
      if (!seen.has(key)) {
        seen.add(key);
        edges.push([u, v]);
      }
    }
  }
  return { n, edges };
}

const nameOf = (i) => `n${String(i).padStart(5, "0")}`;

/** Base64 of UTF-8 text, in Node and in browsers. */
function base64(text) {
  const bytes = new TextEncoder().encode(text);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** An AOS execution of the DAG: every node an element (Succeeded), the template declaring each edge as a requirement. */
export function graphPayload(dag) {
  const nodeTemplates = {};
  for (let i = 0; i < dag.n; i++) nodeTemplates[nameOf(i)] = { type: "HuaweiCloud.CCE.Deployment", properties: { name: nameOf(i) } };
  for (const [u, v] of dag.edges) {
    const t = nodeTemplates[nameOf(v)];
    (t.requirements ??= []).push({ dependency: { node: nameOf(u) } });
  }
  const template = { tosca_definitions_version: "huaweicloud_tosca_version_1_0", node_templates: nodeTemplates };
  const subs = {};
  const t0 = Date.parse("2024-05-13T08:00:00Z");
  for (let i = 0; i < dag.n; i++) {
    subs[nameOf(i)] = { phase: "Succeeded", updateAt: new Date(t0 + 1000 * (i + 1)).toISOString(), subActionName: "create" };
  }
  return JSON.stringify({
    kind: "Execution",
    apiVersion: "paas/v1alpha1",
    metadata: { name: `bench-graph-${dag.n}`, creationTimestamp: new Date(t0).toISOString() },
    spec: { actionName: "create", objectData: base64(JSON.stringify(template)) },
    status: { actionName: "create", progress: 100, objectStatus: { phase: "Succeeded", updateAt: new Date(t0 + 1000 * (dag.n + 1)).toISOString() }, subObjectStatuses: subs },
  });
}

/** Lays out execscope's Graph (its nodes and edges) with dagre, same sizes and spacing: {routes, ms}. */
export function dagreRoutes(dagre, graph) {
  const t = performance.now();
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: "LR", ranksep: RANK_GAP, nodesep: NODE_GAP, edgesep: 8, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of graph.edges) if (e.from !== e.to) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const ms = performance.now() - t;
  const routes = graph.edges.filter((e) => e.from !== e.to).map((e) => ({ from: e.from, to: e.to, points: g.edge(e.from, e.to).points }));
  return { routes, ms };
}

/** execscope's routes in the same shape. */
export function execscopeRoutes(graph) {
  return graph.edges.filter((e) => e.from !== e.to).map((e) => ({ from: e.from, to: e.to, points: e.points }));
}

/**
 * Proper crossings between the polylines of edges that share no end node (edges that
 * share one meet at its box by construction). Segments are bucketed by x so the count
 * stays fast at thousands of edges. Touching or collinear segments do not count.
 */
export function crossings(routes) {
  const segs = [];
  routes.forEach((r, k) => {
    for (let i = 0; i + 1 < r.points.length; i++) {
      const a = r.points[i];
      const b = r.points[i + 1];
      if (a.x === b.x && a.y === b.y) continue;
      segs.push({ k, x1: Math.min(a.x, b.x), x2: Math.max(a.x, b.x), a, b });
    }
  });
  const BUCKET = 64;
  const buckets = new Map();
  segs.forEach((s, i) => {
    for (let c = Math.floor(s.x1 / BUCKET); c <= Math.floor(s.x2 / BUCKET); c++) {
      if (!buckets.has(c)) buckets.set(c, []);
      buckets.get(c).push(i);
    }
  });
  const orient = (p, q, r) => {
    const v = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    return Math.abs(v) < 1e-9 ? 0 : v > 0 ? 1 : -1;
  };
  const counted = new Set();
  let total = 0;
  for (const list of buckets.values()) {
    for (let i = 0; i < list.length; i++) {
      const s = segs[list[i]];
      for (let j = i + 1; j < list.length; j++) {
        const t = segs[list[j]];
        if (s.k === t.k || s.x2 < t.x1 || t.x2 < s.x1) continue;
        const rs = routes[s.k];
        const rt = routes[t.k];
        if (rs.from === rt.from || rs.from === rt.to || rs.to === rt.from || rs.to === rt.to) continue;
        const o1 = orient(s.a, s.b, t.a);
        const o2 = orient(s.a, s.b, t.b);
        const o3 = orient(t.a, t.b, s.a);
        const o4 = orient(t.a, t.b, s.b);
        if (o1 * o2 < 0 && o3 * o4 < 0) {
          // A pair of edges counts once per pair of segments, whichever buckets hold them.
          const key = list[i] < list[j] ? `${list[i]}:${list[j]}` : `${list[j]}:${list[i]}`;
          if (!counted.has(key)) {
            counted.add(key);
            total++;
          }
        }
      }
    }
  }
  return total;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? null : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/**
 * Runs one graph case.
 *   spec.graph = {sizes: [n], seed}             layout time at each size (+ crossings against dagre when spec.dagre)
 *   spec.graph = {random: {from, to, count}}    crossings on `count` random DAGs of from..to nodes
 *   spec.graph = {samples: [file]}              crossings on the samples (payload texts from env.sample(file))
 * env: {newInstance, emit, log, dagre, sample?}
 */
export async function runGraphCase(spec, env) {
  const instance = await env.newInstance();
  const api = instance.api;
  const spec2 = spec.graph;
  if (spec2.sizes) {
    for (const n of spec2.sizes) {
      const dag = randomDag(n, spec2.seed ?? 1);
      const text = graphPayload(dag);
      const bytes = new TextEncoder().encode(text);
      const rec = { kind: "graph", id: spec.id, what: "size", n, edges: dag.edges.length, bytes: bytes.length, graphMs: [], payloadGraphMs: [], dagreMs: null, crossings: null, dagreCrossings: null, error: null };
      try {
        let graph = null;
        const payload = new api.Payload(bytes);
        const started = performance.now();
        for (let round = 0; round <= spec.runs; round++) {
          let t = performance.now();
          graph = api.graph(bytes);
          const a = performance.now() - t;
          t = performance.now();
          payload.graph();
          const b = performance.now() - t;
          if (round > 0) {
            rec.graphMs.push(a);
            rec.payloadGraphMs.push(b);
          } else {
            rec.coldGraphMs = a;
          }
          if (round >= 2 && performance.now() - started > spec.budgetMs) break;
        }
        payload.free();
        rec.graphMedian = median(rec.graphMs);
        rec.payloadGraphMedian = median(rec.payloadGraphMs);
        rec.crossings = crossings(execscopeRoutes(graph));
        rec.nodesOut = graph.nodes.length;
        rec.edgesOut = graph.edges.length;
        rec.drawing = [graph.width, graph.height];
        env.log(`${spec.id} n=${n}: graph(bytes) ${rec.graphMedian?.toFixed(1)} ms, Payload.graph() ${rec.payloadGraphMedian?.toFixed(1)} ms, ${rec.crossings} crossings`);
        if (env.dagre && n <= (spec2.dagreUpTo ?? Infinity)) {
          const d = env.dagre(graph);
          rec.dagreMs = d.ms;
          rec.dagreCrossings = crossings(d.routes);
          env.log(`${spec.id} n=${n}: dagre ${d.ms.toFixed(0)} ms, ${rec.dagreCrossings} crossings`);
        }
      } catch (e) {
        rec.error = String(e && e.message ? e.message : e).slice(0, 300);
      }
      env.emit(rec);
    }
  }
  if (spec2.random) {
    const { from, to, count } = spec2.random;
    for (let i = 0; i < count; i++) {
      const n = Math.round(from + ((to - from) * i) / Math.max(1, count - 1));
      const seed = 1000 + i;
      const dag = randomDag(n, seed);
      const rec = { kind: "graph", id: spec.id, what: "random", n, seed, edges: dag.edges.length, error: null };
      try {
        const t = performance.now();
        const graph = api.graph(graphPayload(dag));
        rec.graphMs = performance.now() - t;
        rec.crossings = crossings(execscopeRoutes(graph));
        const d = env.dagre(graph);
        rec.dagreMs = d.ms;
        rec.dagreCrossings = crossings(d.routes);
      } catch (e) {
        rec.error = String(e && e.message ? e.message : e).slice(0, 300);
      }
      env.log(`${spec.id} n=${n} seed=${seed}: execscope ${rec.crossings} crossings, dagre ${rec.dagreCrossings}`);
      env.emit(rec);
    }
  }
  if (spec2.samples) {
    for (const file of spec2.samples) {
      const rec = { kind: "graph", id: spec.id, what: "sample", file, error: null };
      try {
        const graph = api.graph(await env.sample(file));
        rec.n = graph.nodes.length;
        rec.edges = graph.edges.length;
        rec.crossings = crossings(execscopeRoutes(graph));
        const d = env.dagre(graph);
        rec.dagreCrossings = crossings(d.routes);
      } catch (e) {
        rec.error = String(e && e.message ? e.message : e).slice(0, 300);
      }
      env.log(`${spec.id} ${file}: execscope ${rec.crossings} crossings, dagre ${rec.dagreCrossings}`);
      env.emit(rec);
    }
  }
}
