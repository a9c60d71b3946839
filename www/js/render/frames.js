// A large timeline drawn from the core's TimelineView frames: the timeline stays
// where the wasm is (the worker); this view asks for one byte per pixel column per
// visible lane (README "Drawing large timelines") and draws those, so a frame
// costs the same at 1,000,000 spans as at 10,000. Everything it asks for comes
// back later: while the next frame is computed, the last one is drawn scaled and
// shifted to the current window, so zooming, panning and scrolling stay smooth.
//
// Same toolbar, axis, overview, keys and tooltips as TimelineView (it extends it);
// labels, hover, details and the lane filter are calls to the view.
import { TimelineView, LANE_H, BAR_H, AXIS_H, FONT, FONT_SMALL, rgba } from "./timeline.js";
import { PHASES, fmtNum } from "../fmt.js";

const BLOCK = 128; // lanes per labels request
const OVERSCAN_ROWS = 24; // lanes above and below the viewport in a frame
const CELL_INFERRED = 1 << 3;
const CELL_OPEN = 1 << 4;
const CELL_MARKER = 1 << 5;
const CELL_FAILURE = 1 << 6;

export class FrameTimelineView extends TimelineView {
  constructor(opts) {
    super(opts);
    this.remote = null;
    this.n = 0;
    this.gen = 0; // bumps on every filter: frames and labels of older filters are dropped
    this.rowsCache = new Map(); // block -> {labels, phases} | "pending"
    this.fd = null; // the last frame received
    this.inflight = null;
    this.selRow = -1;
    this.selId = null;
    this.selLaneObj = null;
    this.hoverRow = -1;
    this.hitSeq = 0;
    this.ovData = null;
    this.ovPending = "";
    this.stats = { frames: 0, roundTrip: 0, draw: 0 };
    this.el.classList.add("tl-frames");
    this.el.dataset.mode = "frames";
    this.legend.append(
      this.legendItem("mk mk-tick", "event (any)"),
    );
  }

  legendItem(cls, text) {
    const sw = document.createElement("span");
    sw.className = cls;
    const lg = document.createElement("span");
    lg.className = "lg";
    lg.append(sw, text);
    return lg;
  }

  destroy() {
    super.destroy();
    this.dead = true;
  }

  // ---- data ---------------------------------------------------------------------------

  /** remote: load.js RemoteView; o: {mode, base, phases:Set, text, view:[t0,t1]|null} */
  setData(remote, o = {}) {
    this.remote = remote;
    this.tl = { start: remote.start, end: remote.end, lanes: [] };
    this.lanes = [];
    this.index = null;
    this.n = remote.visibleCount;
    this.hasTime = remote.start != null && remote.end != null;
    this.dataMin = this.hasTime ? remote.start : 0;
    this.dataMax = this.hasTime ? Math.max(remote.end, remote.start) : 1;
    this.openEnd = this.dataMax;
    const r = Math.max(this.dataMax - this.dataMin, 1000);
    this.ovLo = this.dataMin - r * 0.03;
    this.ovHi = this.dataMin + r * 1.03;
    this.mode = o.mode || this.mode;
    this.base = o.base ?? remote.start ?? this.dataMin;
    this.phases = o.phases || new Set();
    this.text = o.text || "";
    this.filterInput.value = this.text;
    this.selRow = -1;
    this.selId = null;
    this.selLaneObj = null;
    this.hoverRow = -1;
    if (o.view && isFinite(o.view[0]) && isFinite(o.view[1]) && o.view[1] > o.view[0]) this.setView(o.view[0], o.view[1], true);
    else this.fit(true);
    this.canvas.setAttribute("aria-label", "Timeline of " + fmtNum(remote.laneCount) + " elements (drawn from frames)");
    this.refilter();
  }

  /** The phase filter as the core's bit mask (1 << phase index; all when none is picked). */
  mask() {
    if (!this.phases.size) return 0x7f;
    let m = 0;
    PHASES.forEach((p, i) => { if (this.phases.has(p)) m |= 1 << i; });
    return m;
  }

  refilter() {
    if (!this.remote) return;
    const gen = ++this.gen;
    this.filtering = this.remote.filter(this.mask(), this.text.trim()).then(async (n) => {
      if (gen !== this.gen || this.dead) return;
      this.n = n;
      this.rowsCache.clear();
      this.fd = null;
      this.ovData = null;
      this.selRow = this.selId != null ? await this.remote.indexOf(this.selId) : -1;
      if (gen !== this.gen) return;
      const total = this.remote.laneCount;
      this.countEl.textContent = n === total ? fmtNum(total) + (total === 1 ? " lane" : " lanes") : fmtNum(n) + " of " + fmtNum(total) + " lanes";
      this.el.dataset.filtered = String(gen);
      this.layout();
    }, () => {});
    return this.filtering;
  }

  count() { return this.n; }
  total() { return this.remote ? this.remote.laneCount : 0; }
  isSel(p) { return p === this.selRow; }
  isHover(p) { return p === this.hoverRow; }

  // ---- lanes: labels, selection ----------------------------------------------------------

  rowInfo(p) {
    const b = Math.floor(p / BLOCK);
    const c = this.rowsCache.get(b);
    if (c && c !== "pending") return { label: c.labels[p - b * BLOCK], phase: PHASES[c.phases[p - b * BLOCK]] || "Unknown" };
    if (!c) {
      this.rowsCache.set(b, "pending");
      const gen = this.gen;
      this.remote.rows(b * BLOCK, Math.min(this.n, (b + 1) * BLOCK)).then((r) => {
        if (gen !== this.gen || this.dead) return;
        this.rowsCache.set(b, r);
        if (this.rowsCache.size > 400) {
          for (const k of this.rowsCache.keys()) { if (this.rowsCache.size <= 200) break; if (k !== b) this.rowsCache.delete(k); }
        }
        this.invalidate();
      }, () => { if (gen === this.gen) this.rowsCache.delete(b); });
    }
    return null;
  }

  drawGutterRow(ctx, p, y) {
    const C = this.colors;
    const info = this.rowInfo(p);
    if (!info) {
      ctx.fillStyle = C.grid;
      ctx.fillRect(22, y + LANE_H / 2 - 3, Math.min(120, this.labelW - 40), 6);
      return;
    }
    ctx.fillStyle = C.ph[info.phase] || C.ph.Unknown;
    ctx.beginPath();
    ctx.arc(12, y + LANE_H / 2, 4, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = C.fg;
    ctx.font = p === this.selRow ? "600 " + FONT : FONT;
    ctx.fillText(this.labelFit(ctx, info.label, this.labelW - 30), 22, y + LANE_H / 2 + 0.5);
    ctx.font = FONT;
  }

  selectedLane() { return this.selRow >= 0 ? this.selLaneObj : null; }

  async hasLane(id) { return this.remote ? (await this.remote.indexOf(id)) >= 0 : false; }
  async isVisible(id) { return this.hasLane(id); }

  /** Select the lane at visible row `row` (-1: none). o: {scroll, at, notify} */
  async selectRow(row, o = {}) {
    if (row < 0 || row >= this.n) {
      this.selRow = -1; this.selId = null; this.selLaneObj = null;
      this.invalidate();
      if (o.notify !== false && this.opts.onSelect) this.opts.onSelect(null);
      return false;
    }
    const lane = await this.remote.lane(row);
    if (!lane || this.dead) return false;
    this.selRow = row;
    this.selId = lane.id;
    this.selLaneObj = lane;
    if (o.scroll) this.scrollToRow(row);
    if (o.at != null && (o.at < this.v0 || o.at > this.v1)) {
      const r = this.v1 - this.v0;
      this.setView(o.at - r / 2, o.at + r / 2);
    }
    this.invalidate();
    if (o.notify !== false && this.opts.onSelect) this.opts.onSelect(lane);
    return true;
  }

  /** Select a lane by id (resolves to whether it is visible). */
  async select(id, o = {}) {
    if (id == null) return this.selectRow(-1, o);
    if (this.filtering) await this.filtering;
    const row = await this.remote.indexOf(id);
    if (row < 0) return false;
    return this.selectRow(row, o);
  }

  step(d) {
    if (!this.n) return;
    const p = this.selRow < 0 ? (d > 0 ? 0 : this.n - 1) : Math.max(0, Math.min(this.n - 1, this.selRow + d));
    this.selectRow(p, { scroll: true });
  }

  scrollToRow(p) {
    const top = p * LANE_H;
    const viewH = this.H - AXIS_H;
    const st = this.scroll.scrollTop;
    if (top < st || top + LANE_H > st + viewH) this.scroll.scrollTop = Math.max(0, top - viewH / 2 + LANE_H / 2);
  }

  rowAtY(y) {
    if (y < AXIS_H) return -1;
    const p = Math.floor((y - AXIS_H + this.scroll.scrollTop) / LANE_H);
    return p >= 0 && p < this.n ? p : -1;
  }

  clickAt(p) {
    const row = this.rowAtY(p.y);
    if (row >= 0) this.selectRow(row, {});
  }

  // ---- hover --------------------------------------------------------------------------

  async hit(x, y) {
    const row = this.rowAtY(y);
    if (row < 0 || !this.remote) return null;
    if (x < this.plotX0 || !this.hasTime) {
      const lane = await this.remote.lane(row);
      return lane ? { lane, span: null, marker: null, row } : null;
    }
    const tol = ((this.v1 - this.v0) / this.plotW) * 4;
    const h = await this.remote.hit(row, this.t(x), tol);
    return h ? { ...h, row } : null;
  }

  hoverAt(p) {
    const row = this.rowAtY(p.y);
    if (row !== this.hoverRow) { this.hoverRow = row; this.invalidate(); }
    this.canvas.style.cursor = row >= 0 ? "pointer" : "default";
    if (row < 0) { this.hideTip(); return; }
    // One hit request at a time; the latest pointer position wins.
    this.hoverPos = p;
    if (this.hitBusy) return;
    this.hitBusy = true;
    const seq = ++this.hitSeq;
    this.hit(p.x, p.y).then((hit) => {
      this.hitBusy = false;
      if (this.dead || this.drag) return;
      const now = this.hoverPos;
      if (now !== p) { this.hoverAt(now); return; }
      if (seq !== this.hitSeq || this.hoverRow !== row) return;
      if (hit && (hit.span || hit.marker || p.x < this.plotX0)) this.showTip(hit, p);
      else this.hideTip();
    }, () => { this.hitBusy = false; });
  }

  // ---- frames -------------------------------------------------------------------------

  /** Ask for a frame covering rows first..last and the window (with margins), unless the last one does. */
  ensureFrame(first, last) {
    if (!this.remote || !this.hasTime || !this.n) return;
    const fd = this.fd;
    const r = this.v1 - this.v0;
    const msPerPx = r / this.plotW;
    const covers = fd && fd.gen === this.gen && fd.from <= first && fd.to > last &&
      fd.t0 <= this.v0 && fd.t1 >= this.v1 &&
      (fd.t1 - fd.t0) / fd.columns <= msPerPx * 1.05 && (fd.t1 - fd.t0) / fd.columns >= msPerPx / 2.5;
    if (covers) return;
    if (this.inflight) { this.wantMore = true; return; }
    const from = Math.max(0, first - OVERSCAN_ROWS);
    const to = Math.min(this.n, last + 1 + OVERSCAN_ROWS);
    const t0 = this.v0 - r * 0.5, t1 = this.v1 + r * 0.5;
    const columns = Math.max(16, Math.min(16384, Math.round(this.plotW * 2)));
    const gen = this.gen;
    const asked = performance.now();
    this.stats.asked = (this.stats.asked || 0) + 1;
    this.canvas.dataset.asked = String(this.stats.asked);
    this.inflight = this.remote.frame(t0, t1, columns, from, to).then((f) => {
      this.inflight = null;
      if (this.dead) return;
      if (gen === this.gen) {
        this.fd = { ...f, gen };
        this.stats.frames++;
        this.stats.roundTrip = performance.now() - asked;
        this.stats.compute = f.ms;
        this.canvas.dataset.frames = String(this.stats.frames);
      }
      this.wantMore = false;
      this.invalidate();
    }, () => { this.inflight = null; });
  }

  drawRows(ctx, first, last, st) {
    const t = performance.now();
    this.ensureFrame(first, last);
    const fd = this.fd;
    if (!fd || fd.gen !== this.gen) return;
    const C = this.colors;
    const cols = fd.columns;
    const dt = (fd.t1 - fd.t0) / cols;
    const bytes = fd.bytes;
    const x0 = this.plotX0 - 4, x1 = this.plotX0 + this.plotW + 18;
    // Columns of the frame inside the window (drawn scaled when the window moved since).
    const c0 = Math.max(0, Math.floor((this.t(x0) - fd.t0) / dt));
    const c1 = Math.min(cols, Math.ceil((this.t(x1) - fd.t0) / dt) + 1);
    const pxPerCol = this.plotW / ((this.v1 - this.v0) / dt);
    for (let p = Math.max(first, fd.from); p <= Math.min(last, fd.to - 1); p++) {
      const y = AXIS_H + p * LANE_H - st;
      const by = y + (LANE_H - BAR_H) / 2;
      const row = (p - fd.from) * cols;
      let c = c0;
      while (c < c1) {
        const b = bytes[row + c];
        const ph = b & 7;
        if (!ph) { c++; continue; }
        const key = b & 0x1f;
        let e = c + 1;
        while (e < c1 && (bytes[row + e] & 0x1f) === key) e++;
        const xa = this.x(fd.t0 + c * dt);
        const xb = Math.max(xa + 1, this.x(fd.t0 + e * dt));
        const col = C.ph[PHASES[ph - 1]] || C.ph.Unknown;
        const inferred = (b & CELL_INFERRED) !== 0;
        ctx.fillStyle = inferred ? rgba(col, 0.42) : col;
        ctx.fillRect(xa, by, xb - xa, BAR_H);
        if (inferred && (c === 0 || (bytes[row + c - 1] & 0x1f) !== key)) {
          // dotted edge: "no source has a start for it"
          ctx.strokeStyle = rgba(col, 0.9);
          ctx.setLineDash([2, 2]);
          ctx.beginPath();
          ctx.moveTo(Math.round(xa) + 0.5, by); ctx.lineTo(Math.round(xa) + 0.5, by + BAR_H);
          ctx.stroke();
          ctx.setLineDash([]);
        }
        if ((b & CELL_OPEN) && (e >= cols || !(bytes[row + e] & 7))) {
          ctx.fillStyle = col;
          ctx.beginPath();
          ctx.moveTo(xb + 1, by + 1);
          ctx.lineTo(xb + 7, y + LANE_H / 2);
          ctx.lineTo(xb + 1, by + BAR_H - 1);
          ctx.closePath();
          ctx.fill();
        }
        c = e;
      }
      // markers: a tick per column with an event, a diamond where one is a failure
      const cy = y + LANE_H / 2;
      let lastX = -1e9;
      for (let k = c0; k < c1; k++) {
        const b = bytes[row + k];
        if (!(b & CELL_MARKER)) continue;
        const mx = Math.round(this.x(fd.t0 + (k + 0.5) * dt));
        if (b & CELL_FAILURE) { this.drawMarker(ctx, "failure", mx + 0.5, cy); lastX = mx; continue; }
        if (mx - lastX < 3 && pxPerCol < 3) continue;
        lastX = mx;
        ctx.fillStyle = C.fg;
        ctx.fillRect(mx, by - 2, 1.5, BAR_H + 4);
      }
    }
    this.stats.bars = performance.now() - t;
  }

  draw() {
    const t = performance.now();
    super.draw();
    const fd = this.fd;
    if (fd && this.drawnFrame !== fd) {
      // The first draw of a received frame: what the measurements read (www/README.md).
      this.drawnFrame = fd;
      const c = this.canvas.dataset;
      c.drawn = String(this.stats.frames);
      c.roundTrip = this.stats.roundTrip.toFixed(2);
      c.compute = (this.stats.compute ?? 0).toFixed(2);
      c.draw = (performance.now() - t).toFixed(2);
    }
  }

  // ---- overview -----------------------------------------------------------------------

  overviewHist() {
    const w = Math.max(1, Math.round(this.plotW));
    const d = this.ovData;
    if (d && d.w === w && d.gen === this.gen) return d;
    const key = w + ":" + this.gen;
    if (this.remote && this.hasTime && this.n && this.ovPending !== key) {
      this.ovPending = key;
      const gen = this.gen;
      this.remote.overview(this.ovLo, this.ovHi, w).then((counts) => {
        if (gen !== this.gen || this.dead) return;
        const cols = {};
        let max = 0;
        const tot = new Float64Array(w);
        PHASES.forEach((p, i) => {
          const a = new Float64Array(w);
          for (let x = 0; x < w; x++) { a[x] = counts[i * w + x]; tot[x] += a[x]; }
          cols[p] = a;
        });
        for (let x = 0; x < w; x++) if (tot[x] > max) max = tot[x];
        this.ovData = { w, cols, max, gen };
        this.ovPending = "";
        this.invalidate();
      }, () => { this.ovPending = ""; });
    }
    return d && d.gen === this.gen ? d : null;
  }
}

export { FONT_SMALL };
