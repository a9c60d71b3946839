// The timeline's lane sources (www/js/types.d.ts LaneSource): ObjectLanes (a
// timeline held in the page) and FrameLanes (the core's TimelineView in the
// engine) give the same lanes, rows, finds and hits for the same payload, so a
// run answers the same whichever one draws it; and the view's setHighlight dims
// the lanes outside the set, with either source.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openPage, useBrowser, browser, server } from "./harness.mjs";

useBrowser();

/**
 * In the page: a new engine, the sample read, and both sources over its
 * timeline (objects and frames, the engine's `timeline` call in either mode).
 * Stored on window.__lanes for the next evaluate.
 */
async function sources(page, file) {
  await page.evaluate(async (file) => {
    const { connect } = await import("./js/data/client.js");
    const { wrapTimeline } = await import("./js/data/remote.js");
    const { ObjectLanes } = await import("./js/render/lanes-objects.js");
    const { FrameLanes } = await import("./js/render/lanes-frames.js");
    const engine = await connect();
    const text = await (await fetch("samples/" + file)).text();
    const opened = await engine.call("open", { id: 9001, name: file, text });
    if (opened.error) throw new Error(opened.error.message);
    const objects = await engine.call("timeline", { id: 9001, mode: "objects" });
    const frames = wrapTimeline(engine, { value: await engine.call("timeline", { id: 9001, mode: "frames" }) });
    if (objects.kind !== "objects" || !frames.value || frames.value.kind !== "frames") throw new Error("expected objects and frames");
    window.__lanes = { tl: objects.value, a: new ObjectLanes(objects.value), b: new FrameLanes(frames.value.view) };
  }, file);
}

describe("lane sources", () => {
  for (const file of ["aos-upgrade-failed.json", "aos-upgrade-failed-events.json", "gcs-running.json", "workflow-history-failure.json"]) {
    it(`objects and frames give the same lanes, rows, finds and hits: ${file}`, async () => {
      const { page, ctx, seen } = await openPage(browser, server.url);
      await sources(page, file);
      const r = await page.evaluate(async () => {
        const { tl, a, b } = window.__lanes;
        const json = (v) => JSON.stringify(v);
        const out = { total: [a.total, b.total], start: [a.start, b.start], end: [a.end, b.end], range: [json(a.range), json(b.range)], cases: [] };
        const words = tl.lanes.map((l) => l.label.split(/[-_ .]/)[0]).filter(Boolean);
        const reason = tl.lanes.map((l) => l.reason).find(Boolean);
        const filters = [
          [[], ""], [["Failed"], ""], [["Succeeded", "Cancelled"], ""], [[], words[0] || "x"], [[], (words[1] || "X").toUpperCase()],
          [["Failed", "Succeeded"], words[2] || ""], [[], reason ? reason.slice(0, 6) : "nothing-matches"], [[], "  " + (words[0] || "") + " "],
          [[], "no lane has this text"],
        ];
        for (const [phases, text] of filters) {
          const set = new Set(phases);
          const n = [await a.filter(set, text), await b.filter(set, text)];
          const c = { phases, text, n, rows: null, lanes: 0, finds: 0, hits: 0, diffs: [] };
          out.cases.push(c);
          if (n[0] !== n[1]) continue;
          const { min, max } = a.range || { min: 0, max: 1 };
          const ask = { from: 0, to: n[0], t0: min, t1: max, columns: 200 };
          const [wa, wb] = [await a.window(ask), await b.window(ask)];
          const rowsA = { ids: wa.lanes.map((l) => l.id), labels: wa.lanes.map((l) => l.label), phases: wa.lanes.map((l) => l.phase) };
          c.rows = [json(rowsA), json(wb.rows)];
          for (let row = 0; row < n[0]; row++) {
            const [la, lb] = [await a.lane(row), await b.lane(row)];
            if (json(la) !== json(lb)) c.diffs.push("lane " + row);
            c.lanes++;
            // Hits across the run (and just outside it) at a tolerance of a pixel in 400.
            const tol = (max - min) / 400;
            for (let k = -2; k <= 42; k++) {
              const t = min + ((max - min) * k) / 40 + (k % 3) * tol * 0.7;
              const [ha, hb] = [await a.hit(row, t, tol), await b.hit(row, t, tol)];
              if (json(ha) !== json(hb)) c.diffs.push("hit " + row + " at " + t);
              c.hits++;
            }
            for (const m of la.markers) {
              const [ha, hb] = [await a.hit(row, m.at, tol), await b.hit(row, m.at, tol)];
              if (json(ha) !== json(hb) || !ha.marker) c.diffs.push("marker hit " + row + " at " + m.at);
              c.hits++;
            }
          }
          // Every lane of the run: found at the same row when shown (ObjectLanes also finds those filtered out, row -1).
          for (const l of tl.lanes) {
            const [fa, fb] = [await a.find(l.id), await b.find(l.id)];
            const rowA = fa ? fa.row : null, rowB = fb ? fb.row : -1;
            if (rowA !== rowB || (fb && json(fa.lane) !== json(fb.lane))) c.diffs.push("find " + l.id + ": " + rowA + " vs " + rowB);
            c.finds++;
          }
          if (await a.find("no-such-lane") !== null || await b.find("no-such-lane") !== null) c.diffs.push("find of an unknown id");
        }
        return out;
      });
      assert.equal(r.total[0], r.total[1], "lanes");
      assert.ok(r.total[0] > 0);
      assert.equal(r.start[0], r.start[1], "the run's start");
      assert.equal(r.end[0], r.end[1], "the run's end");
      assert.equal(r.range[0], r.range[1], "the time range (the fit)");
      let compared = 0;
      for (const c of r.cases) {
        const what = JSON.stringify([c.phases, c.text]);
        assert.equal(c.n[0], c.n[1], "visible lanes for " + what);
        if (c.rows) assert.equal(c.rows[0], c.rows[1], "rows for " + what);
        assert.deepEqual(c.diffs, [], what);
        compared += c.lanes;
      }
      assert.ok(compared > r.total[0], "lanes compared under several filters");
      assert.ok(r.cases.some((c) => c.n[0] > 0 && c.n[0] < r.total[0]) || r.total[0] === 1, "some filter keeps some of the lanes");
      assert.deepEqual(seen.errors, []);
      await ctx.close();
    });
  }

  it("the overview's density agrees where each lane has one span (a status payload)", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await sources(page, "aos-upgrade-failed.json");
    const r = await page.evaluate(async () => {
      const { tl, a, b } = window.__lanes;
      const { min, max } = a.range;
      const [oa, ob] = [await a.overview(min, max, 300), await b.overview(min, max, 300)];
      const phases = Object.keys(oa).sort();
      return {
        single: tl.lanes.every((l) => l.spans.length <= 1),
        phases: [phases, Object.keys(ob).sort()],
        a: phases.map((p) => Array.from(oa[p]).slice(0, 300)),
        b: phases.map((p) => Array.from(ob[p]).slice(0, 300)),
      };
    });
    assert.ok(r.single);
    assert.deepEqual(r.phases[0], r.phases[1]);
    assert.deepEqual(r.a, r.b);
    assert.ok(r.a.flat().some((n) => n > 0), "something is running somewhere");
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });
});

describe("setHighlight", () => {
  for (const kind of ["objects", "frames"]) {
    it(`dims the lanes outside the set and undims them with null (${kind})`, async () => {
      const { page, ctx, seen } = await openPage(browser, server.url);
      await sources(page, "aos-upgrade-failed.json");
      const r = await page.evaluate(async (kind) => {
        const { TimelineView } = await import("./js/render/timeline-view.js");
        const { a, b } = window.__lanes;
        const src = kind === "objects" ? a : b;
        await src.filter(new Set(), "");
        const view = new TimelineView({});
        document.body.prepend(view.el);
        view.el.style.width = "900px";
        view.setSource(src, {});
        const canvas = view.canvas;
        const frame = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
        // Settled: the window drawn (frames: after the engine answered).
        for (let k = 0; k < 100 && !(Number(canvas.dataset.drawn) > 0); k++) await frame();
        await frame();
        const dpr = window.devicePixelRatio || 1;
        const g = canvas.getContext("2d");
        // Per row: how far its plot pixels are from the row's background (the most common colour).
        const ink = (row) => {
          const y = Math.round((30 + row * 22 + 4) * dpr), hgt = Math.round(14 * dpr);
          const x0 = Math.round(view.vp.plotX0 * dpr), w = Math.round(view.vp.plotW * dpr);
          const d = g.getImageData(x0, y, w, hgt).data;
          const count = new Map();
          for (let i = 0; i < d.length; i += 4) { const k = d[i] + "," + d[i + 1] + "," + d[i + 2]; count.set(k, (count.get(k) || 0) + 1); }
          const bg = [...count.entries()].sort((p, q) => q[1] - p[1])[0][0].split(",").map(Number);
          let sum = 0;
          for (let i = 0; i < d.length; i += 4) sum += Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]);
          return sum;
        };
        const rows = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        const before = rows.map(ink);
        const lane = await src.lane(6);
        view.setHighlight(new Set([lane.id]));
        await frame();
        const dimmed = rows.map(ink);
        view.setHighlight(null);
        await frame();
        const after = rows.map(ink);
        view.destroy();
        view.el.remove();
        return { before, dimmed, after };
      }, kind);
      for (const [row, ink] of r.before.entries()) {
        assert.ok(ink > 0, "row " + row + " has a bar");
        if (row === 6) assert.equal(r.dimmed[row], ink, "the highlighted lane is drawn as before");
        // (the grid and the run's start line are not dimmed: a row with a short bar keeps most of its ink)
        else assert.ok(r.dimmed[row] < ink * 0.75, "row " + row + " is dimmed: " + r.dimmed[row] + " vs " + ink);
        assert.equal(r.after[row], ink, "row " + row + " is drawn as before once the highlight is gone");
      }
      assert.deepEqual(seen.errors, []);
      await ctx.close();
    });
  }
});
