// The timeline's lanes as an ARIA grid (render/timeline-grid.js, issue 13): the
// same rows as the canvas — the core's lanes in the core's order, with either
// lane source (objects in the page, or frames from the core's TimelineView in
// the engine, whose every answer is an engine call) — the same filter and the
// same selection both ways; virtualized (aria-rowcount / aria-rowindex, only the
// rows near the scroll position in the DOM), so that 100,000 lanes work; keys
// on the grid move the selection and Enter opens the details.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openPage, loaded, tmpDir, bigAos, SAMPLES, useBrowser, browser, server, loadCore, tid } from "./harness.mjs";

let core;
useBrowser();
before(async () => { core = await loadCore(); });

/** Open the grid and wait until every row it shows has its lane. */
async function openGrid(page) {
  if (!(await page.locator(tid("lane-grid-box")).evaluate((d) => d.open))) await page.click(tid("lane-grid-box") + " > summary");
  await settled(page);
}

/** Every row in the DOM has its lane (frames answer later). */
async function settled(page) {
  await page.waitForFunction(() => {
    const rows = document.querySelectorAll('[data-testid="lane-grid-row"]');
    return rows.length > 0 && [...rows].every((r) => r.dataset.loaded === "true");
  }, null, { timeout: 30000 });
}

/** The grid as read: its row count and, per row in the DOM, its index, name, phase and whether selected. */
function readGrid(page) {
  return page.evaluate(() => {
    const g = document.querySelector('[data-testid="lane-grid"]');
    const rows = [...g.querySelectorAll('[data-testid="lane-grid-row"]')].map((r) => ({
      index: Number(r.getAttribute("aria-rowindex")), name: r.querySelector(".lg-name").textContent,
      phase: r.querySelector("[data-phase]").dataset.phase, cells: r.querySelectorAll('[role="gridcell"]').length,
      selected: r.getAttribute("aria-selected") === "true",
    }));
    const active = g.getAttribute("aria-activedescendant");
    return { rowcount: Number(g.getAttribute("aria-rowcount")), rows, active: active ? document.getElementById(active).textContent : null };
  });
}

/** The number in the lane count ("12 lanes", "3 of 12 lanes"): the lanes shown. */
async function shown(page) {
  return Number((await page.locator(tid("lane-count")).textContent()).replace(/,/g, "").match(/^\d+/)[0]);
}

const FILE = "aos-upgrade-failed.json";

for (const mode of ["objects", "frames"]) {
  describe("the lanes as a grid, " + mode, () => {
    it("has the canvas's rows, follows its filter and its selection, and moves it with the keys", async () => {
      const text = fs.readFileSync(path.join(SAMPLES, FILE), "utf8");
      const lanes = core.timeline(text).lanes;
      const { page, ctx, seen } = await openPage(browser, server.url + "?timeline=" + mode + "#s=" + FILE);
      await loaded(page);
      assert.equal(await page.locator(tid("timeline")).getAttribute("data-mode"), mode);
      await openGrid(page);

      // every lane, in the core's order, with its phase
      let g = await readGrid(page);
      assert.equal(g.rowcount, lanes.length + 1, "aria-rowcount: the lanes and the header row");
      assert.deepEqual(g.rows.map((r) => r.index), lanes.map((_, i) => i + 2), "aria-rowindex of each row");
      assert.deepEqual(g.rows.map((r) => r.name), lanes.map((l) => l.label));
      assert.deepEqual(g.rows.map((r) => r.phase), lanes.map((l) => l.phase));
      assert.ok(g.rows.every((r) => r.cells === 6), "name, phase, start, end, duration, markers");

      // the canvas's selection (J on the canvas) is the grid's
      await page.focus(tid("timeline-canvas"));
      await page.keyboard.press("j");
      await page.waitForFunction((name) => document.querySelector('[data-testid="details-name"]')?.textContent === name, lanes[0].label);
      await page.keyboard.press("j"); // (after the first landed: with frames a selection is an engine call)
      await page.waitForFunction((name) => document.querySelector('[data-testid="details-name"]')?.textContent === name, lanes[1].label);
      g = await readGrid(page);
      assert.deepEqual(g.rows.filter((r) => r.selected).map((r) => r.name), [lanes[1].label]);
      assert.equal(await page.textContent(tid("details-name")), lanes[1].label);
      assert.equal(g.active, lanes[1].label, "aria-activedescendant is the selected row");

      // the grid's keys move the canvas's selection and the details
      await page.focus(tid("lane-grid"));
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction((name) => document.querySelector('[data-testid="details-name"]')?.textContent === name, lanes[2].label);
      await page.keyboard.press("End");
      await page.waitForFunction((name) => document.querySelector('[data-testid="details-name"]')?.textContent === name, lanes[lanes.length - 1].label);
      g = await readGrid(page);
      assert.deepEqual(g.rows.filter((r) => r.selected).map((r) => r.index), [lanes.length + 1]);
      // Escape clears the selection; the grid's Down selects the first row; Enter opens its details again after they were closed
      await page.keyboard.press("Escape");
      await page.waitForSelector(tid("details"), { state: "detached" });
      assert.deepEqual((await readGrid(page)).rows.filter((r) => r.selected), []);
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction((name) => document.querySelector('[data-testid="details-name"]')?.textContent === name, lanes[0].label);
      await page.evaluate(() => document.querySelector('[data-testid="details"]').remove());
      await page.keyboard.press("Enter");
      await page.waitForSelector(tid("details"));
      assert.equal(await page.textContent(tid("details-name")), lanes[0].label);
      assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "lane-grid", "the focus stays in the grid");

      // the filter: a phase chip, then text; the grid has the rows the canvas counts
      await page.click('[data-testid="phase-chips"] [data-phase="Failed"]');
      const failed = lanes.filter((l) => l.phase === "Failed");
      await page.waitForFunction((n) => document.querySelector('[data-testid="lane-grid"]').getAttribute("aria-rowcount") === String(n + 1), failed.length);
      await settled(page);
      g = await readGrid(page);
      assert.equal(await shown(page), failed.length);
      assert.deepEqual(g.rows.map((r) => r.name), failed.map((l) => l.label));
      await page.click('[data-testid="phase-chips"] [data-phase="Failed"]');
      const word = lanes[0].label.split("-")[0];
      await page.fill(tid("lane-filter"), word);
      const matching = lanes.filter((l) => [l.id, l.label, l.type, l.reason, l.message].some((s) => s && s.toLowerCase().includes(word.toLowerCase())));
      await page.waitForFunction((n) => document.querySelector('[data-testid="lane-grid"]').getAttribute("aria-rowcount") === String(n + 1), matching.length);
      await settled(page);
      g = await readGrid(page);
      assert.equal(await shown(page), matching.length);
      assert.deepEqual(g.rows.map((r) => r.name), matching.map((l) => l.label));

      // a click on a row selects its lane
      await page.locator(tid("lane-grid-row")).nth(1).click();
      await page.waitForFunction((name) => document.querySelector('[data-testid="details-name"]')?.textContent === name, matching[1].label);
      assert.deepEqual(seen.errors, []);
      await ctx.close();
    });
  });
}

describe("the lanes as a grid, 100,000 lanes", () => {
  it("keeps only the rows near its scroll position in the DOM, and selects from them", async () => {
    const dir = tmpDir("grid");
    const f = path.join(dir, "aos-100k.json");
    fs.writeFileSync(f, bigAos(100000));
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.setInputFiles(tid("file-input"), f);
    await loaded(page);
    assert.equal(await page.locator(tid("timeline")).getAttribute("data-mode"), "frames");
    await openGrid(page);
    let g = await readGrid(page);
    assert.equal(g.rowcount, 100001);
    assert.ok(g.rows.length > 5 && g.rows.length < 60, "rows in the DOM: " + g.rows.length);
    // the middle of the run
    await page.evaluate(() => { const s = document.querySelector(".lg-scroll"); s.scrollTop = s.scrollHeight / 2; });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="lane-grid-row"]')].some((r) => Number(r.getAttribute("aria-rowindex")) > 50000));
    await settled(page);
    g = await readGrid(page);
    assert.ok(g.rows.length < 60 && g.rows.every((r) => r.index > 49000 && r.index < 51100), "the rows near the middle: " + g.rows.map((r) => r.index).join(","));
    // the canvas scrolled: the grid shows its rows
    await page.evaluate(() => { document.querySelector('[data-testid="timeline-canvas"]').parentElement.scrollTop = 22 * 70000; });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="lane-grid-row"]')].some((r) => r.getAttribute("aria-rowindex") === "70002"));
    await settled(page);
    const top = await page.evaluate(() => Number([...document.querySelectorAll('[data-testid="lane-grid-row"]')].find((r) => r.offsetTop >= document.querySelector(".lg-scroll").scrollTop).getAttribute("aria-rowindex")));
    assert.equal(top, 70002, "the grid's first row in view is the canvas's first");
    await page.evaluate(() => { const s = document.querySelector(".lg-scroll"); s.scrollTop = s.scrollHeight / 2; });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="lane-grid-row"]')].some((r) => Number(r.getAttribute("aria-rowindex")) === 50002));
    await settled(page);
    const row = page.locator(tid("lane-grid-row")).nth(10);
    const name = await row.locator(".lg-name").textContent();
    const index = Number(await row.getAttribute("aria-rowindex"));
    await row.click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="details-name"]')?.textContent === n, name);
    // the last lane by key
    await page.focus(tid("lane-grid"));
    await page.keyboard.press("End");
    await page.waitForFunction(() => document.querySelector('[data-testid="lane-grid-row"][aria-selected="true"]')?.getAttribute("aria-rowindex") === "100001");
    await settled(page);
    g = await readGrid(page);
    assert.equal(g.active, await page.textContent(tid("details-name")));
    assert.ok(index > 49000, "the row clicked was in the middle (" + index + ")");
    assert.deepEqual(seen.errors, []);
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
