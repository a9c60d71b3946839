// @ts-check
// The dependency graph view: the core's laid-out graph on a <canvas> (drawn by
// graph-draw.js, only what is visible), with pan (drag), zoom (wheel, buttons,
// keys) and fit; a click selects an element, hovering dims everything but what
// it depends on and what depends on it, a highlight (the root cause and what it
// took down, the critical path) fades the rest; the keyboard moves along the
// dependencies (graph-model.js neighbour) with a visible focus, announced in a
// live region; the list (graph-list.js) says it all as text. No state of its
// own beyond what it shows: the run panel owns the selection and the highlight.
import { h, clipped } from "../dom.js";
import { fmtNum, phaseName } from "../fmt.js";
import { EN } from "../i18n/index.js";
import { buildModel, nodeAt, chains, neighbour, firstNode, shortType } from "./graph-model.js";
import { drawGraph, readColors, Labels } from "./graph-draw.js";
import { renderGraphList, renderGraphWarnings } from "./graph-list.js";

/** @import { Graph } from "../types.js" */
/** @import { GraphModel } from "./graph-model.js" */
/** @import { GraphColors } from "./graph-draw.js" */
/** @import { Messages } from "../i18n/index.js" */

const PAD = 24;
const MAX_ZOOM = 3;
/** The tooltip shows at most this many characters of a name or type. */
const TIP_CHARS = 400;

/**
 * @typedef {object} GraphViewOptions
 * @property {(id: string) => void} onSelect   an element was clicked, or Enter pressed on it
 * @property {Messages} [m]                     the interface's words (default English)
 */

export class GraphView {
  /** @param {GraphViewOptions} opts */
  constructor(opts) {
    this.opts = opts;
    /** The interface's words (a new language mounts a new view, and with it a new graph). */
    const t = opts.m || EN;
    this.m = t;
    /** @type {GraphModel | null} */
    this.model = null;
    this.view = { x: 0, y: 0, k: 1 };
    this.sel = -1;
    this.focus = -1;
    this.hover = -1;
    /** @type {Set<number> | null} */
    this.highlight = null;
    /** @type {Set<number> | null} */
    this.hoverLit = null;
    /** @type {GraphColors | null} */
    this.colors = null;
    this.labels = new Labels();
    this.frame = 0;
    this.W = 0;
    this.H = 0;
    this.dpr = 1;
    this.fitted = false;
    /** @type {{x: number, y: number, vx: number, vy: number, moved: boolean} | null} */
    this.drag = null;
    /** The node the tooltip shows, and its size. */
    this.tipNode = -1;
    this.tipSize = { w: 0, h: 0 };

    this.canvas = h("canvas", { class: "graph-canvas", tabindex: "0", role: "application", "aria-roledescription": t.t("graph.label"), "data-testid": "graph-canvas" });
    this.tip = h("div", { class: "tl-tip graph-tip", role: "tooltip", "data-testid": "graph-tooltip", hidden: true });
    this.announce = h("div", { class: "offscreen", "aria-live": "polite", "data-testid": "graph-announce" });
    this.countEl = h("span", { class: "muted small", "data-testid": "graph-count" });
    const btn = (/** @type {string} */ label, /** @type {string} */ title, /** @type {() => void} */ fn, /** @type {string} */ testid) =>
      h("button", { type: "button", class: "btn small", title, "aria-label": title, "data-testid": testid, onclick: fn }, label);
    this.toolbar = h("div", { class: "tl-toolbar" },
      h("div", { class: "btn-group" },
        btn("−", t.t("tl.zoomOutTitle"), () => this.zoomBy(1 / 1.5), "graph-zoom-out"),
        btn("+", t.t("tl.zoomInTitle"), () => this.zoomBy(1.5), "graph-zoom-in"),
        btn(t.t("tl.fit"), t.t("graph.fitTitle"), () => this.fit(), "graph-fit")),
      this.countEl, h("span", { class: "spacer" }), h("span", { class: "muted small tl-hint" }, t.t("graph.hint")));
    this.note = h("div", { class: "muted small graph-note", hidden: true });
    this.body = h("div", { class: "graph-body" }, this.canvas, this.tip);
    this.extras = h("div", { class: "graph-extras" });
    this.el = h("div", { class: "graph", "data-testid": "graph" }, this.toolbar, this.note, this.body, this.announce, this.extras);

    this.canvas.addEventListener("wheel", (e) => this.onWheel(e), { passive: false });
    this.canvas.addEventListener("pointerdown", (e) => this.onDown(e));
    this.canvas.addEventListener("pointermove", (e) => this.onMove(e));
    this.canvas.addEventListener("pointerup", (e) => this.onUp(e));
    this.canvas.addEventListener("pointercancel", () => { this.drag = null; });
    this.canvas.addEventListener("pointerleave", () => { if (!this.drag) this.setHover(-1); });
    this.canvas.addEventListener("keydown", (e) => this.onKey(e));
    this.canvas.addEventListener("focus", () => { if (this.focus < 0 && this.model) this.moveFocus(this.sel >= 0 ? this.sel : firstNode(this.model)); else this.invalidate(); });
    this.canvas.addEventListener("blur", () => this.invalidate());
    this.ro = new ResizeObserver(() => this.layout());
    this.ro.observe(this.body);
  }

  destroy() {
    this.ro.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** @param {Graph} graph @param {{selected?: string, highlight?: ReadonlySet<string> | null}} [o] */
  setData(graph, o = {}) {
    const m = buildModel(graph);
    this.model = m;
    this.labels = new Labels();
    this.sel = o.selected ? m.index.get(o.selected) ?? -1 : -1;
    this.focus = -1;
    this.hover = -1;
    this.hoverLit = null;
    this.setHighlight(o.highlight || null);
    const t = this.m;
    this.countEl.textContent = t.t("graph.nodes", { n: graph.nodes.length }) + " · " + t.t("graph.edges", { n: graph.edges.length });
    this.note.textContent = !graph.nodes.length ? t.t("graph.noNodes") : !graph.edges.length ? t.t("graph.noEdges") : "";
    this.note.hidden = !this.note.textContent;
    this.canvas.setAttribute("aria-label", t.t("graph.canvasLabel", { n: graph.nodes.length }));
    this.extras.replaceChildren(renderGraphList(m, { onSelect: (id) => this.opts.onSelect(id), msg: t }));
    const w = renderGraphWarnings(graph.warnings, t);
    if (w) this.extras.appendChild(w);
    this.fitted = false;
    this.layout();
  }

  /** The selected element (or none); `center` brings it into view. @param {string | null} id @param {{center?: boolean}} [o] */
  select(id, o = {}) {
    const m = this.model;
    this.sel = m && id != null ? m.index.get(id) ?? -1 : -1;
    if (this.sel >= 0) {
      this.focus = this.sel;
      if (o.center) this.reveal(this.sel);
    }
    this.invalidate();
    return this.sel >= 0;
  }

  /** The elements drawn in full (the rest faded), or all. @param {ReadonlySet<string> | null} ids */
  setHighlight(ids) {
    const m = this.model;
    if (!ids || !m) this.highlight = null;
    else {
      this.highlight = new Set();
      for (const id of ids) { const i = m.index.get(id); if (i != null) this.highlight.add(i); }
    }
    this.invalidate();
  }

  refreshTheme() { this.colors = null; this.invalidate(); }

  // ---- view ---------------------------------------------------------------------------

  layout() {
    const m = this.model;
    const W = Math.max(200, this.body.clientWidth || 0);
    if (!this.body.clientWidth) return; // hidden: laid out when shown
    const maxH = Math.max(260, Math.min(Math.round(window.innerHeight * 0.62), 680));
    const H = Math.max(220, Math.min(maxH, m ? m.graph.height + 2 * PAD : 220));
    this.W = W;
    this.H = H;
    this.dpr = window.devicePixelRatio || 1;
    this.canvas.style.width = W + "px";
    this.canvas.style.height = H + "px";
    const pw = Math.round(W * this.dpr), ph = Math.round(H * this.dpr);
    if (this.canvas.width !== pw || this.canvas.height !== ph) { this.canvas.width = pw; this.canvas.height = ph; }
    if (!this.fitted && m) { this.fitted = true; this.fit(); if (this.sel >= 0) this.reveal(this.sel); }
    this.invalidate();
  }

  /** The zoom that shows the whole drawing. */
  fitZoom() {
    const m = this.model;
    if (!m || !this.W) return 1;
    const gw = Math.max(1, m.graph.width), gh = Math.max(1, m.graph.height);
    return Math.min(1.2, (this.W - 2 * PAD) / gw, (this.H - 2 * PAD) / gh);
  }

  fit() {
    const m = this.model;
    if (!m) return;
    const k = Math.max(1e-3, this.fitZoom());
    this.view = { k, x: (this.W - m.graph.width * k) / 2, y: (this.H - m.graph.height * k) / 2 };
    this.invalidate();
  }

  /** Zoom by `f` around a point of the canvas (default its middle). @param {number} f @param {number} [sx] @param {number} [sy] */
  zoomBy(f, sx, sy) {
    const v = this.view;
    const ax = sx ?? this.W / 2, ay = sy ?? this.H / 2;
    const k = Math.max(Math.min(this.fitZoom(), 0.05) / 2, Math.min(MAX_ZOOM, v.k * f));
    const gx = (ax - v.x) / v.k, gy = (ay - v.y) / v.k;
    this.view = { k, x: ax - gx * k, y: ay - gy * k };
    this.invalidate();
  }

  /** @param {number} dx @param {number} dy */
  panBy(dx, dy) {
    this.view = { ...this.view, x: this.view.x + dx, y: this.view.y + dy };
    this.invalidate();
  }

  /** Pan so that node i is in view (centred when it was out), readable. @param {number} i */
  reveal(i) {
    const m = this.model;
    if (!m || !this.W) return;
    const nd = m.nodes[i];
    if (this.view.k < 0.6) this.view = { ...this.view, k: Math.min(1, Math.max(0.6, this.view.k)) };
    const v = this.view;
    const sx0 = nd.x * v.k + v.x, sy0 = nd.y * v.k + v.y, sx1 = sx0 + nd.width * v.k, sy1 = sy0 + nd.height * v.k;
    if (sx0 < PAD || sy0 < PAD || sx1 > this.W - PAD || sy1 > this.H - PAD) {
      this.view = { k: v.k, x: this.W / 2 - (nd.x + nd.width / 2) * v.k, y: this.H / 2 - (nd.y + nd.height / 2) * v.k };
    }
    this.invalidate();
  }

  /** The selection and the keyboard focus, as attributes (tests read them). */
  mark() {
    this.el.dataset.selected = String(this.sel);
    this.el.dataset.focus = String(this.focus);
  }

  invalidate() {
    this.mark();
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  draw() {
    const m = this.model;
    const ctx = this.canvas.getContext("2d");
    if (!m || !ctx || !this.W) return;
    if (!this.colors) this.colors = readColors(this.el);
    const lit = this.hoverLit || this.highlight;
    const focusShown = this.canvas.matches(":focus-visible");
    const n = drawGraph(ctx, m, {
      W: this.W, H: this.H, dpr: this.dpr, view: this.view, colors: this.colors, sel: this.sel,
      focus: focusShown ? this.focus : -1, lit, strong: !this.hoverLit && !!this.highlight, labels: this.labels,
    });
    const v = this.view;
    this.el.dataset.view = v.x.toFixed(1) + "," + v.y.toFixed(1) + "," + v.k.toFixed(4);
    this.el.dataset.drawn = n.nodes + "," + n.edges;
    this.el.dataset.lit = lit ? String(lit.size) : "all"; // (tests read it)
    this.mark();
  }

  // ---- interaction ---------------------------------------------------------------------

  /** @param {MouseEvent} e */
  pos(e) {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  /** The node under a point of the canvas, or -1. @param {{x: number, y: number}} p */
  hit(p) {
    const m = this.model;
    if (!m) return -1;
    const v = this.view;
    return nodeAt(m, (p.x - v.x) / v.k, (p.y - v.y) / v.k);
  }

  /** @param {WheelEvent} e */
  onWheel(e) {
    e.preventDefault();
    const p = this.pos(e);
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) { this.panBy(-(e.deltaX || e.deltaY), 0); return; }
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
    this.zoomBy(Math.pow(1.0018, -Math.max(-300, Math.min(300, dy))), p.x, p.y);
  }

  /** @param {PointerEvent} e */
  onDown(e) {
    if (e.button !== 0) return;
    const p = this.pos(e);
    this.drag = { x: p.x, y: p.y, vx: this.view.x, vy: this.view.y, moved: false };
    try { this.canvas.setPointerCapture(e.pointerId); } catch (_) { /* synthetic */ }
  }

  /** @param {PointerEvent} e */
  onMove(e) {
    const p = this.pos(e);
    const d = this.drag;
    if (d) {
      const dx = p.x - d.x, dy = p.y - d.y;
      if (!d.moved && Math.abs(dx) + Math.abs(dy) > 4) { d.moved = true; this.hideTip(); this.canvas.classList.add("grabbing"); }
      if (d.moved) { this.view = { ...this.view, x: d.vx + dx, y: d.vy + dy }; this.invalidate(); }
      return;
    }
    const i = this.hit(p);
    this.setHover(i);
    if (i >= 0) this.showTip(i, p); else this.hideTip();
  }

  /** @param {PointerEvent} e */
  onUp(e) {
    const d = this.drag;
    this.drag = null;
    this.canvas.classList.remove("grabbing");
    if (!d || d.moved) return;
    const i = this.hit(this.pos(e));
    this.canvas.focus({ preventScroll: true });
    if (i >= 0 && this.model) { this.focus = i; this.opts.onSelect(this.model.nodes[i].id); }
  }

  /** Hovering node i (or none): dim all but its chains. @param {number} i */
  setHover(i) {
    if (i === this.hover) return;
    this.hover = i;
    this.hoverLit = i >= 0 && this.model ? chains(this.model, i) : null;
    this.canvas.style.cursor = i >= 0 ? "pointer" : "grab";
    if (i < 0) this.hideTip();
    this.invalidate();
  }

  /** @param {KeyboardEvent} e */
  onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || !this.model) return;
    const m = this.model;
    /** @type {Record<string, "up" | "down" | "left" | "right">} */
    const dirs = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };
    const k = e.key;
    if (dirs[k]) {
      const j = this.focus < 0 ? firstNode(m) : neighbour(m, this.focus, dirs[k]);
      if (j >= 0) this.moveFocus(j);
    } else if (k === "Enter") {
      if (this.focus >= 0) this.opts.onSelect(m.nodes[this.focus].id);
    } else if (k === "+" || k === "=" || k === "w" || k === "W") this.zoomBy(1.5);
    else if (k === "-" || k === "_" || k === "s" || k === "S") this.zoomBy(1 / 1.5);
    else if (k === "f" || k === "F" || k === "0") this.fit();
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  /** Keyboard focus to node i: in view, said in the live region. @param {number} i */
  moveFocus(i) {
    const m = this.model;
    if (!m || i < 0) return;
    this.focus = i;
    this.reveal(i);
    const nd = m.nodes[i];
    const deps = m.deps[i].map((j) => m.nodes[j].id);
    const nDep = m.dependents[i].length;
    const t = this.m;
    this.announce.textContent = t.t("graph.announce", {
      name: nd.id.slice(0, TIP_CHARS), phase: nd.phase ? phaseName(nd.phase, t) : t.t("graph.notInRun"), type: shortType(nd.type) ?? t.t("graph.noType"),
      deps: deps.length ? t.t("graph.announceDeps", { list: t.list(deps.slice(0, 20).map((d) => d.slice(0, 200))) }) : t.t("graph.announceNoDeps"),
      dependents: nDep === 0 ? t.t("graph.announceNoDependents") : t.t("graph.announceDependents", { n: nDep }),
    });
    this.invalidate();
  }

  /** The tooltip of node i at pointer p (built once per node hovered; moving over it only moves it). @param {number} i @param {{x: number, y: number}} p */
  showTip(i, p) {
    const m = this.model;
    if (!m) return;
    if (i !== this.tipNode || this.tip.hidden) this.buildTip(m, i);
    const bw = this.body.clientWidth, bh = this.body.clientHeight;
    const { w: tw, h: th } = this.tipSize;
    let lx = p.x + 14, ly = p.y + 14;
    if (lx + tw > bw - 4) lx = Math.max(4, p.x - tw - 14);
    if (ly + th > bh - 4) ly = Math.max(4, p.y - th - 10);
    this.tip.style.transform = "translate(" + Math.round(lx) + "px," + Math.round(ly) + "px)";
  }

  /** @param {GraphModel} m @param {number} i */
  buildTip(m, i) {
    const nd = m.nodes[i];
    const row = (/** @type {string} */ k, /** @type {string | [string, HTMLElement]} */ v) => h("div", { class: "tip-row" }, h("span", { class: "tip-k" }, k), h("span", { class: "tip-v" }, v));
    const t = this.m;
    const names = (/** @type {number[]} */ list) => list.length ? clipped(list.slice(0, 8).map((j) => m.nodes[j].id).join(", ") + (list.length > 8 ? " … +" + fmtNum(list.length - 8, t) : ""), TIP_CHARS, false, t) : t.t("graph.nothing");
    const rows = [h("div", { class: "tip-head" }, h("span", { class: "tip-title" }, clipped(nd.id, TIP_CHARS, false, t)), h("span", { class: "muted small" }, nd.phase ? phaseName(nd.phase, t) : t.t("graph.notInRun")))];
    if (nd.type != null) rows.push(row(t.t("graph.type"), clipped(nd.type, TIP_CHARS, false, t)));
    rows.push(row(t.t("graph.dependsOn"), names(m.deps[i])), row(t.t("graph.neededBy"), names(m.dependents[i])));
    this.tip.replaceChildren(...rows);
    this.tip.hidden = false;
    this.tipNode = i;
    this.tipSize = { w: this.tip.offsetWidth, h: this.tip.offsetHeight };
  }

  hideTip() { this.tip.hidden = true; }
}
