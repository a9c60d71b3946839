#!/usr/bin/env node
// Measures the graph view (the figures in docs/architecture.md, "The page"):
//
//   cd tests/page && node measure-graph.mjs [--sizes 1000,5000] [--rounds 5]
//
//   1. First graph paint after the summary: a random layered DAG of n nodes
//      (bench/graph.mjs randomDag(n, 1), as the layout benchmark) opened cold
//      from the hash with the graph shown (#s=…&show=graph), in a fresh page each
//      round: from the summary card entering the DOM to the graph's first draw
//      (its data-view attribute), and from navigation to each.
//   2. Canvas or SVG for the drawing, on the same 5,000-node graph at "fit"
//      (everything visible, the worst case for drawing): the time from a pan
//      step to the second animation frame after it (the step drawn and
//      composited), median of 30 steps; and the time to build the first
//      drawing. Canvas: render/graph-draw.js drawGraph as the view calls it;
//      SVG: a <g> per node (rect, two texts), a <path> per edge, panned by the
//      root group's transform (the cheapest SVG pan).
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import * as shared from "../shared/browser.mjs";
import { randomDag, graphPayload } from "../../bench/graph.mjs";

function arg(name, def) {
  const i = process.argv.indexOf("--" + name);
  return i < 0 ? def : process.argv[i + 1];
}
const sizes = arg("sizes", "1000,5000").split(",").map(Number).filter(Boolean);
const rounds = Number(arg("rounds", "5"));

const samples = shared.tmpDir("execscope-", "measure-graph");
const index = [];
for (const n of [...new Set([...sizes, 5000])]) {
  const file = "dag-" + n + ".json";
  fs.writeFileSync(path.join(samples, file), graphPayload(randomDag(n, 1)));
  index.push({ file, title: file, format: "aos-execution" });
}
fs.writeFileSync(path.join(samples, "index.json"), JSON.stringify(index));
const server = await shared.serve({ www: path.join(shared.ROOT, "www"), samples, prefix: "execscope-" });
const browser = await shared.launch(chromium);

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const ms = (x) => x.toFixed(0) + " ms";

/** Recorded in the page before its scripts run: when the summary and the graph's first draw appear. */
const MARKS = () => {
  const marks = (window.__marks = {});
  new MutationObserver(() => {
    if (marks.summary == null && document.querySelector('[data-testid="summary"]')) marks.summary = performance.now();
    if (marks.graph == null && document.querySelector('[data-testid="graph"][data-view]')) marks.graph = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-view"] });
};

try {
  console.log("1. first graph paint after the summary (cold, #s=…&show=graph), " + rounds + " rounds\n");
  console.log("| nodes | edges | summary → graph drawn (median) | (min – max) | navigation → graph drawn |");
  console.log("|---:|---:|---:|---:|---:|");
  for (const n of sizes) {
    const after = [], total = [];
    let edges = 0;
    for (let r = 0; r < rounds; r++) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await ctx.newPage();
      await page.addInitScript(MARKS);
      await page.goto(server.url + "#s=dag-" + n + ".json&show=graph");
      await page.waitForFunction(() => window.__marks && window.__marks.graph != null, null, { timeout: 120000 });
      const m = await page.evaluate(() => window.__marks);
      edges = Number((await page.textContent('[data-testid="graph-count"]')).replace(/,/g, "").match(/(\d+) dependencies/)[1]);
      after.push(m.graph - m.summary);
      total.push(m.graph);
      await ctx.close();
    }
    console.log("| " + n.toLocaleString("en-US") + " | " + edges.toLocaleString("en-US") + " | " + ms(median(after)) + " | " + ms(Math.min(...after)) + " – " + ms(Math.max(...after)) + " | " + ms(median(total)) + " |");
  }

  console.log("\n2. canvas or SVG: 5,000 nodes at fit, a pan step to its second frame (median of 30), first drawing\n");
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 60000 });
  const text = fs.readFileSync(path.join(samples, "dag-5000.json"), "utf8");
  const pkg = await import(new URL("file://" + path.join(shared.pkgDir(), "execscope.js")).href);
  pkg.initSync({ module: fs.readFileSync(path.join(shared.pkgDir(), "execscope_bg.wasm")) });
  const graph = pkg.graph(text);
  const res = await page.evaluate(async (graph) => {
    const draw = await import("/js/render/graph-draw.js");
    const model = await import("/js/render/graph-model.js");
    const W = 1300, H = 660;
    const two = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const k = Math.min((W - 48) / graph.width, (H - 48) / graph.height);
    const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
    document.body.replaceChildren();
    // canvas
    const canvas = document.createElement("canvas");
    canvas.width = W; canvas.height = H;
    canvas.style.cssText = "width:" + W + "px;height:" + H + "px";
    document.body.appendChild(canvas);
    const c2d = canvas.getContext("2d");
    let t0 = performance.now();
    const m = model.buildModel(graph);
    const st = { W, H, dpr: 1, view: { x: 24, y: 24, k }, colors: draw.readColors(document.documentElement), sel: -1, focus: -1, lit: null, strong: false, labels: new draw.Labels() };
    draw.drawGraph(c2d, m, st);
    await two();
    const canvasFirst = performance.now() - t0;
    const canvasSteps = [], canvasDraw = [];
    for (let i = 0; i < 30; i++) {
      t0 = performance.now();
      st.view = { ...st.view, x: st.view.x + (i % 2 ? -7 : 7) };
      const d0 = performance.now();
      draw.drawGraph(c2d, m, st);
      canvasDraw.push(performance.now() - d0);
      await two();
      canvasSteps.push(performance.now() - t0);
    }
    canvas.remove();
    // SVG
    const NS = "http://www.w3.org/2000/svg";
    t0 = performance.now();
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", String(W)); svg.setAttribute("height", String(H));
    const root = document.createElementNS(NS, "g");
    root.setAttribute("transform", "translate(24,24) scale(" + k + ")");
    for (const e of graph.edges) {
      const p = document.createElementNS(NS, "path");
      p.setAttribute("d", "M" + e.points.map((q) => q.x + " " + q.y).join(" L"));
      p.setAttribute("fill", "none"); p.setAttribute("stroke", "#8c959f");
      root.appendChild(p);
    }
    for (const n of graph.nodes) {
      const g = document.createElementNS(NS, "g");
      g.setAttribute("transform", "translate(" + n.x + "," + n.y + ")");
      const r = document.createElementNS(NS, "rect");
      r.setAttribute("width", String(n.width)); r.setAttribute("height", String(n.height)); r.setAttribute("rx", "6");
      r.setAttribute("fill", "#dff3e4"); r.setAttribute("stroke", "#1f883d");
      const t1 = document.createElementNS(NS, "text"); t1.setAttribute("x", "12"); t1.setAttribute("y", "18"); t1.textContent = n.id;
      const t2 = document.createElementNS(NS, "text"); t2.setAttribute("x", "12"); t2.setAttribute("y", "34"); t2.textContent = n.type || "";
      g.append(r, t1, t2);
      root.appendChild(g);
    }
    svg.appendChild(root);
    document.body.appendChild(svg);
    await two();
    const svgFirst = performance.now() - t0;
    const svgSteps = [];
    let x = 24;
    for (let i = 0; i < 30; i++) {
      t0 = performance.now();
      x += i % 2 ? -7 : 7;
      root.setAttribute("transform", "translate(" + x + ",24) scale(" + k + ")");
      await two();
      svgSteps.push(performance.now() - t0);
    }
    svg.remove();
    return { canvasFirst, canvasStep: med(canvasSteps), canvasDraw: med(canvasDraw), svgFirst, svgStep: med(svgSteps), k };
  }, graph);
  console.log("| drawing | first drawing | pan step → 2nd frame (median) | draw call alone (median) |");
  console.log("|---|---:|---:|---:|");
  console.log("| canvas (graph-draw.js) | " + ms(res.canvasFirst) + " | " + res.canvasStep.toFixed(1) + " ms | " + res.canvasDraw.toFixed(1) + " ms |");
  console.log("| SVG (a group per node, a path per edge) | " + ms(res.svgFirst) + " | " + res.svgStep.toFixed(1) + " ms | — |");
  console.log("\n(" + graph.nodes.length + " nodes, " + graph.edges.length + " edges, zoom " + res.k.toFixed(3) + "; two animation frames are ~33 ms at 60 Hz)");
  await ctx.close();
} finally {
  await browser.close();
  server.close();
  fs.rmSync(samples, { recursive: true, force: true });
}
