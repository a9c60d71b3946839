// The dependency graph on the page (issue 11): the graph view and the timeline
// share one selection (and the events table of a joined run), hovering dims all
// but an element's chains, the root cause is said in the summary and
// highlighted in both views, the critical path is highlighted with its steps'
// shares, the keyboard moves along the dependencies, a 5,000-node graph opens,
// pans and zooms, and a YAML objectData is a tree. What each should show comes
// from the core run in Node on the same bytes (the graph's nodes, boxes, edges,
// root causes, critical path; the timeline's lanes).
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openPage, loaded, tmpDir, SAMPLES, useBrowser, browser, server, loadCore, tid } from "./harness.mjs";
import { randomDag, graphPayload } from "../../bench/graph.mjs";
import { fmtDuration } from "../../www/js/fmt.js";

const AXIS_H = 30, LANE_H = 22;

let core;
useBrowser();
before(async () => { core = await loadCore(); });

const sample = (f) => fs.readFileSync(path.join(SAMPLES, f), "utf8");

function clean(seen) {
  assert.deepEqual(seen.errors, [], "no page or console errors");
  assert.deepEqual(seen.external, [], "no request leaves the origin");
  assert.deepEqual(seen.dialogs, [], "no dialog (alert) ever opens");
}

async function open(file, hash = "") {
  const o = await openPage(browser, server.url + "#s=" + file + hash);
  await loaded(o.page);
  return o;
}

/** Wait until the graph view has drawn (it sets data-view on every draw). */
async function graphDrawn(page) {
  await page.waitForSelector(tid("graph") + "[data-view]", { timeout: 60000 });
}

/** Two animation frames: what changed has been drawn. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The graph's pan and zoom: screen = graph × k + (x, y), relative to the canvas. */
async function graphView(page) {
  const [x, y, k] = (await page.getAttribute(tid("graph"), "data-view")).split(",").map(Number);
  return { x, y, k };
}

/** Where a point of a node's box is, on the page (fx, fy: fractions of the box). */
async function nodePoint(page, g, id, fx = 0.5, fy = 0.5) {
  const nd = g.nodes.find((n) => n.id === id);
  assert.ok(nd, "the core's graph has " + id);
  await page.locator(tid("graph-canvas")).scrollIntoViewIfNeeded();
  const v = await graphView(page);
  const b = await page.locator(tid("graph-canvas")).boundingBox();
  return { x: b.x + v.x + (nd.x + nd.width * fx) * v.k, y: b.y + v.y + (nd.y + nd.height * fy) * v.k, cx: v.x + (nd.x + nd.width * fx) * v.k, cy: v.y + (nd.y + nd.height * fy) * v.k };
}

/** The most ink in a w × h box of a canvas centred at x, y (CSS pixels relative to it). */
function boxInk(page, testid, x, y, w, h) {
  return page.evaluate(({ testid, x, y, w, h }) => {
    const c = /** @type {HTMLCanvasElement} */ (document.querySelector('[data-testid="' + testid + '"]'));
    const dpr = c.width / c.clientWidth;
    const d = c.getContext("2d").getImageData(Math.round((x - w / 2) * dpr), Math.round((y - h / 2) * dpr), Math.round(w * dpr), Math.round(h * dpr)).data;
    let most = 0;
    for (let i = 0; i < d.length; i += 4) most = Math.max(most, 255 - Math.min(d[i], d[i + 1], d[i + 2]));
    return most;
  }, { testid, x, y, w, h });
}

/** A pixel of a canvas (CSS pixels relative to it): [r, g, b, a]. */
function pixel(page, testid, x, y) {
  return page.evaluate(({ testid, x, y }) => {
    const c = /** @type {HTMLCanvasElement} */ (document.querySelector('[data-testid="' + testid + '"]'));
    const dpr = c.width / c.clientWidth;
    return Array.from(c.getContext("2d").getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data);
  }, { testid, x, y });
}

/** How far a pixel is from white (the light theme's background): 0 = background. */
const ink = (px) => 255 - Math.min(px[0], px[1], px[2]);

/** The phase stripe at the left of a node's box, and how much ink it has. */
async function stripeInk(page, g, id) {
  const nd = g.nodes.find((n) => n.id === id);
  const p = await nodePoint(page, g, id, 2 / nd.width, 0.5);
  return ink(await pixel(page, "graph-canvas", p.cx, p.cy));
}

/** The phase icon of a timeline lane in the name gutter, and the most ink it has. */
function laneDotInk(page, laneIndex) {
  return boxInk(page, "timeline-canvas", 12, AXIS_H + laneIndex * LANE_H + LANE_H / 2, 10, 12);
}

describe("graph view: selection, hover, root cause, critical path", () => {
  const FILE = "aos-upgrade-failed.json";
  let g, lanes;
  before(() => {
    const text = sample(FILE);
    g = core.graph(text);
    lanes = core.timeline(text).lanes;
  });

  it("is a view switch beside the timeline, kept in the hash", async () => {
    const { page, ctx, seen } = await open(FILE);
    assert.equal(await page.locator(tid("graph")).count(), 0, "the timeline alone by default");
    await page.click(tid("run-show") + ' [data-show="graph"]');
    await graphDrawn(page);
    assert.equal(await page.locator(tid("timeline")).isHidden(), true, "Graph: the timeline is hidden");
    await page.waitForFunction(() => location.hash.includes("show=graph"));
    await page.click(tid("run-show") + ' [data-show="both"]');
    assert.equal(await page.locator(tid("timeline")).isVisible(), true, "Both: the timeline is shown too");
    await page.waitForFunction(() => location.hash.includes("show=both"));
    assert.equal(await page.textContent(tid("graph-count")), g.nodes.length + " elements · " + g.edges.length + " dependencies");
    await page.click(tid("run-show") + ' [data-show="timeline"]');
    assert.equal(await page.locator(tid("graph")).isHidden(), true);
    await page.waitForFunction(() => !location.hash.includes("show="));
    // G cycles: timeline → graph
    await page.keyboard.press("g");
    await page.waitForFunction(() => location.hash.includes("show=graph"));
    clean(seen);
    await ctx.close();
  });

  it("shares the selection with the timeline and the details panel, both ways", async () => {
    const { page, ctx, seen } = await open(FILE, "&show=both");
    await graphDrawn(page);
    // a click on a box selects the element everywhere
    const p = await nodePoint(page, g, "shop-api-hpa");
    await page.mouse.click(p.x, p.y);
    await page.waitForSelector(tid("details"));
    assert.equal(await page.textContent(tid("details-name")), "shop-api-hpa");
    await page.waitForFunction(() => location.hash.includes("lane=shop-api-hpa"));
    await frames(page);
    assert.equal(await page.getAttribute(tid("graph"), "data-selected"), String(g.nodes.findIndex((n) => n.id === "shop-api-hpa")));
    // the details of an element the root cause took down link to it
    assert.equal(await page.textContent(tid("details-root-cause") + " button"), "shop-api-deployment");
    await page.click(tid("details-root-cause") + " button");
    await page.waitForFunction(() => document.querySelector('[data-testid="details-name"]').textContent === "shop-api-deployment");
    // a lane clicked in the timeline selects its box
    const i = lanes.findIndex((l) => l.id === "shop-rds");
    await page.locator(tid("timeline-canvas")).scrollIntoViewIfNeeded();
    const tb = await page.locator(tid("timeline-canvas")).boundingBox();
    await page.mouse.click(tb.x + 40, tb.y + AXIS_H + i * LANE_H + LANE_H / 2);
    await page.waitForFunction(() => document.querySelector('[data-testid="details-name"]').textContent === "shop-rds");
    await frames(page);
    assert.equal(await page.getAttribute(tid("graph"), "data-selected"), String(g.nodes.findIndex((n) => n.id === "shop-rds")));
    // Esc clears it in both
    await page.keyboard.press("Escape");
    await frames(page);
    assert.equal(await page.getAttribute(tid("graph"), "data-selected"), "-1");
    clean(seen);
    await ctx.close();
  });

  it("shares the selection with the events table of a joined run", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url + "#s=aos-upgrade-failed.json,aos-upgrade-failed-events.json&tab=2&show=both");
    await page.waitForSelector('[data-testid="doc"][data-kind="join"][data-loaded="true"]', { timeout: 120000 });
    await graphDrawn(page);
    const text = sample(FILE);
    const ws = new core.Workspace();
    ws.add(text, "a");
    ws.add(sample("aos-upgrade-failed-events.json"), "b");
    const jg = ws.graph(ws.runs()[0].id);
    ws.free();
    assert.ok(jg.edges.length > 0, "the joined run's graph has the execution's dependencies");
    const p = await nodePoint(page, jg, "shop-api-deployment");
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => document.querySelector('[data-testid="details-name"]')?.textContent === "shop-api-deployment");
    // (the table draws only the rows in view: show this element's)
    await page.click(tid("details-show-events"));
    await page.waitForSelector(tid("event-row") + ".sel");
    const rows = await page.locator(tid("event-row")).count();
    const sel = await page.locator(tid("event-row") + ".sel .c-el").allTextContents();
    assert.ok(sel.length === rows && sel.every((t) => t.includes("shop-api-deployment")), "the element's event rows are selected: " + sel.slice(0, 3));
    clean(seen);
    await ctx.close();
  });

  it("dims everything but the hovered element's upstream and downstream chains", async () => {
    const { page, ctx, seen } = await open(FILE, "&show=graph");
    await graphDrawn(page);
    await frames(page);
    assert.equal(await page.getAttribute(tid("graph"), "data-lit"), "all");
    const before = await stripeInk(page, g, "shop-dns-record");
    assert.ok(before > 100, "before: the box of shop-dns-record is drawn in full (" + before + ")");
    const p = await nodePoint(page, g, "shop-api-deployment");
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(() => document.querySelector('[data-testid="graph"]').dataset.lit !== "all");
    // its chains, from the core's edges
    const up = new Set(), down = new Set();
    const walk = (set, id, next) => { for (const e of g.edges) { const [a, b] = next(e); if (a === id && !set.has(b)) { set.add(b); walk(set, b, next); } } };
    walk(up, "shop-api-deployment", (e) => [e.to, e.from]);
    walk(down, "shop-api-deployment", (e) => [e.from, e.to]);
    const lit = new Set(["shop-api-deployment", ...up, ...down]);
    assert.ok(up.has("shop-rds") && down.has("shop-api-hpa") && !lit.has("shop-dns-record"));
    assert.equal(await page.getAttribute(tid("graph"), "data-lit"), String(lit.size));
    assert.ok(await stripeInk(page, g, "shop-dns-record") < before / 2, "shop-dns-record (in neither chain) is faded");
    assert.ok(await stripeInk(page, g, "shop-rds") > 100, "shop-rds (upstream) is not");
    assert.ok(await stripeInk(page, g, "shop-api-hpa") > 100, "shop-api-hpa (downstream) is not");
    assert.equal(await page.locator(tid("graph-tooltip") + " .tip-title").textContent(), "shop-api-deployment");
    // leaving: all drawn again
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => document.querySelector('[data-testid="graph"]').dataset.lit === "all");
    clean(seen);
    await ctx.close();
  });

  it("says the root cause in the summary and highlights it, and what it took down, in both views", async () => {
    const { page, ctx, seen } = await open(FILE);
    const rc = g.rootCauses[0];
    assert.equal(rc.element, "shop-api-deployment");
    await page.waitForSelector(tid("root-cause-text"));
    assert.equal(await page.textContent(tid("root-cause-text")),
      "Root cause: shop-api-deployment (UpgradeFailed) — took down " + rc.affected.length + " elements: " + rc.affected.join(", "));
    const vpc = lanes.findIndex((l) => l.id === "shop-vpc"), api = lanes.findIndex((l) => l.id === "shop-api-deployment");
    await frames(page);
    const vpcBefore = await laneDotInk(page, vpc);
    assert.ok(vpcBefore > 150, "before: shop-vpc's lane is drawn in full (" + vpcBefore + ")");
    await page.click(tid("root-cause-highlight"));
    await page.waitForFunction(() => location.hash.includes("hl=root") && location.hash.includes("show=both"));
    await graphDrawn(page);
    await frames(page);
    assert.equal(await page.getAttribute(tid("root-cause-highlight"), "aria-pressed"), "true");
    assert.equal(await page.getAttribute(tid("graph"), "data-lit"), String(1 + rc.affected.length));
    assert.ok(await stripeInk(page, g, "shop-vpc") < 60, "the graph fades shop-vpc");
    assert.ok(await stripeInk(page, g, "shop-api-hpa") > 100, "and not what the root cause took down");
    assert.ok(await laneDotInk(page, vpc) < vpcBefore * 0.6, "the timeline dims shop-vpc's lane");
    assert.ok(await laneDotInk(page, api) > 150, "and not the root cause's");
    // off again
    await page.click(tid("root-cause-highlight"));
    await page.waitForFunction(() => !location.hash.includes("hl="));
    await frames(page);
    assert.equal(await page.getAttribute(tid("graph"), "data-lit"), "all");
    assert.ok(await laneDotInk(page, vpc) > 150);
    clean(seen);
    await ctx.close();
  });

  it("toggles the critical path in both views, with its total and each step's share", async () => {
    const { page, ctx, seen } = await open(FILE, "&show=both");
    await graphDrawn(page);
    await page.click(tid("critical-toggle"));
    await page.waitForFunction(() => location.hash.includes("hl=path"));
    await page.waitForSelector(tid("critical-path"));
    const steps = await page.locator(tid("critical-step") + " .linkbtn").allTextContents();
    assert.deepEqual(steps, g.criticalPath);
    // total: from the first step's start to the last step's end (the core's timeline)
    const lane = (id) => lanes.find((l) => l.id === id);
    const first = lane(g.criticalPath[0]), last = lane(g.criticalPath[g.criticalPath.length - 1]);
    const total = Math.max(...last.spans.map((s) => s.end)) - Math.min(...first.spans.map((s) => s.start));
    assert.equal(await page.textContent(tid("critical-total")), fmtDuration(total));
    const shares = (await page.locator(tid("critical-share")).allTextContents()).map((t) => Number(/([\d.]+)%$/.exec(t)[1]));
    assert.equal(shares.length, g.criticalPath.length);
    const sum = shares.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 100) <= shares.length, "the shares add up to 100% (" + sum + ")");
    assert.ok(shares[g.criticalPath.indexOf("shop-rds")] > 50, "shop-rds (6m 39s of 8m 38s) is most of it");
    await frames(page);
    assert.equal(await page.getAttribute(tid("graph"), "data-lit"), String(g.criticalPath.length));
    assert.ok(await stripeInk(page, g, "shop-dns-record") < 60, "the graph fades what is not on the path");
    const off = lanes.findIndex((l) => l.id === "shop-configmap");
    const on = lanes.findIndex((l) => l.id === "shop-rds");
    assert.ok(!g.criticalPath.includes("shop-configmap"));
    assert.ok(await laneDotInk(page, off) < 120 && await laneDotInk(page, on) > 150, "the timeline dims the lanes off the path");
    await page.click(tid("critical-toggle"));
    await page.waitForFunction(() => !location.hash.includes("hl="));
    assert.equal(await page.locator(tid("critical-path")).count(), 0);
    clean(seen);
    await ctx.close();
  });

  it("moves with the keyboard: Up to a dependency, Down to a dependent, Left/Right along a column, Enter opens the details", async () => {
    const { page, ctx, seen } = await open(FILE, "&show=graph");
    await graphDrawn(page);
    const id = (i) => g.nodes[Number(i)].id;
    const focused = async () => id(await page.getAttribute(tid("graph"), "data-focus"));
    await page.focus(tid("graph-canvas"));
    await page.waitForSelector(tid("graph") + "[data-focus]");
    // start from shop-api-deployment: select it with the list, then focus the canvas
    await page.click(tid("graph-list-box") + " > summary");
    await page.locator(tid("graph-item-name"), { hasText: /^shop-api-deployment$/ }).click();
    await page.focus(tid("graph-canvas"));
    assert.equal(await focused(), "shop-api-deployment");
    await page.keyboard.press("ArrowUp");
    const dep = await focused();
    assert.ok(g.edges.some((e) => e.from === dep && e.to === "shop-api-deployment"), dep + " is a dependency of shop-api-deployment");
    await page.keyboard.press("ArrowDown");
    const back = await focused();
    assert.ok(g.edges.some((e) => e.from === dep && e.to === back), back + " depends on " + dep);
    const nd = (x) => g.nodes.find((n) => n.id === x);
    // Right: the next box down the column (the core's layout), Left: back
    const column = g.nodes.filter((n) => Math.round(n.x) === Math.round(nd(back).x) && n.y > nd(back).y).sort((a, b) => a.y - b.y);
    assert.ok(column.length > 0, "the test needs a box below " + back);
    await page.keyboard.press("ArrowRight");
    assert.equal(await focused(), column[0].id, "Right goes down the column");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await focused(), back, "Left comes back");
    assert.match(await page.textContent(tid("graph-announce")), new RegExp("^" + back.replace(/[-.]/g, "\\$&") + ", "));
    await page.keyboard.press("Enter");
    await page.waitForFunction((x) => document.querySelector('[data-testid="details-name"]')?.textContent === x, back);
    clean(seen);
    await ctx.close();
  });

  it("reads every element and what it depends on as text", async () => {
    const { page, ctx, seen } = await open(FILE, "&show=graph");
    await graphDrawn(page);
    await page.click(tid("graph-list-box") + " > summary");
    // The list is built on the <details>' toggle event, which fires after the click returns.
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="graph-item"]').length === n, g.nodes.length, { timeout: 10000 }).catch(() => {});
    const items = page.locator(tid("graph-item"));
    assert.equal(await items.count(), g.nodes.length);
    for (let i = 0; i < g.nodes.length; i++) {
      const n = g.nodes[i];
      const item = items.nth(i);
      assert.equal(await item.locator(tid("graph-item-name")).textContent(), n.id);
      assert.equal(await item.locator(tid("graph-item-type")).textContent(), n.type ?? "no type");
      const deps = g.edges.filter((e) => e.to === n.id && e.from !== n.id).map((e) => e.from);
      assert.deepEqual((await item.locator(tid("graph-item-dep")).allTextContents()).sort(), [...new Set(deps)].sort(), n.id + " depends on");
    }
    clean(seen);
    await ctx.close();
  });
});

describe("graph view: large graphs and templates", () => {
  it("opens a 5,000-node graph, draws only what is visible, pans and zooms without errors", async () => {
    const dir = tmpDir("graph5k");
    const f = path.join(dir, "dag-5000.json");
    const text = graphPayload(randomDag(5000, 1));
    fs.writeFileSync(f, text);
    const g = core.graph(text);
    assert.equal(g.nodes.length, 5000);
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.setInputFiles(tid("file-input"), f);
    await loaded(page);
    await page.click(tid("run-show") + ' [data-show="graph"]');
    await graphDrawn(page);
    await frames(page);
    assert.equal(await page.textContent(tid("graph-count")), "5,000 elements · " + g.edges.length.toLocaleString("en-US") + " dependencies");
    const box = await page.locator(tid("graph-canvas")).boundingBox();
    const drawn = async () => (await page.getAttribute(tid("graph"), "data-drawn")).split(",").map(Number);
    // zoom in at the middle until the boxes are readable: only some of them are drawn
    for (let i = 0; i < 8; i++) await page.click(tid("graph-zoom-in"));
    await frames(page);
    const [n1] = await drawn();
    assert.ok(n1 > 0 && n1 < 1000, "zoomed in: " + n1 + " of 5,000 boxes drawn");
    // drag to pan, wheel to zoom
    const v0 = await graphView(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 - i * 30, box.y + box.height / 2 - i * 10);
    await page.mouse.up();
    await frames(page);
    const v1 = await graphView(page);
    assert.ok(Math.abs(v1.x - (v0.x - 300)) < 1 && Math.abs(v1.y - (v0.y - 100)) < 1, "panned by the drag: " + JSON.stringify([v0, v1]));
    await page.mouse.wheel(0, 400);
    await frames(page);
    assert.ok((await graphView(page)).k < v1.k, "the wheel zooms out");
    await page.click(tid("graph-fit"));
    await frames(page);
    assert.ok((await drawn())[0] > 4000, "fit: (nearly) all boxes drawn");
    clean(seen);
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("shows a YAML objectData as a tree, and its graph", async () => {
    const FILE = "aos-upgrade-yaml-chain.json";
    const text = sample(FILE);
    const run = core.summarize(text).runs[0];
    const d = core.decodeObjectData(run.objectData);
    assert.equal(d.format, "yaml");
    const { page, ctx, seen } = await open(FILE, "&show=graph");
    const od = page.locator(tid("od-objectData"));
    await od.waitFor();
    assert.ok(await od.locator(".jt-key").count() > 5, "a tree of keys");
    const keys = await od.locator(".jt-key").allTextContents();
    assert.ok(keys.includes(JSON.stringify("node_templates")), "node_templates is a key of the tree");
    await graphDrawn(page);
    const g = core.graph(text);
    assert.ok(g.edges.length > 0);
    assert.equal(await page.textContent(tid("graph-count")), g.nodes.length + " elements · " + g.edges.length + " dependencies");
    clean(seen);
    await ctx.close();
  });
});
