// The accessibility audit (issue 13): axe-core (npm, pinned in package.json)
// with the WCAG 2.0 and 2.1 A and AA rules and axe's best practices, over every
// view of the page — the welcome screen, a sample of each format, an RFS event
// list, a joined run, the timeline with a lane's details and its lanes as a
// grid, the events table,
// objectData, the raw tree, an error, a comparison, the help overlay, the
// dependency graph (alone and above the timeline, the root cause and the
// critical path highlighted, its keyboard focus and details, its list) and the
// polling replay — in light and dark, in English and 简体中文. Every violation
// is listed with the view, the rule and the elements; the test passes with none.
//
//   AXE_ONLY="en light" node --test axe.test.mjs     only those combinations (a regex on "<locale> <theme>")
//   AXE_REPORT=/tmp/axe.txt                          also append every violation to that file
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { ROOT, openPage, loaded, useBrowser, browser, server, tid } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_VERSION = JSON.parse(fs.readFileSync(require.resolve("axe-core/package.json"), "utf8")).version;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** The languages of the interface and the browser's language that picks each. */
const LOCALES = [["en", "en-US"], ["zh-CN", "zh-CN"]];
const THEMES = ["light", "dark"];

/**
 * Run axe on the page as it is; the violations as lines "view: rule (impact) — element: what is wrong".
 * @param {import("playwright-core").Page} page @param {string} view
 */
async function audit(page, view) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const r = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }), TAGS);
  const out = [];
  for (const v of r.violations) {
    for (const n of v.nodes.slice(0, 6)) out.push(view + ": " + v.id + " (" + v.impact + ") — " + n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 220));
    if (v.nodes.length > 6) out.push(view + ": " + v.id + " — and " + (v.nodes.length - 6) + " more elements");
  }
  return { lines: out, passes: r.passes ? r.passes.length : 0 };
}

/** Wait for the canvases and transitions to settle before an audit (colour contrast reads what is painted). */
async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(150);
}

useBrowser();

/**
 * The views, each as what to open and what to do before each audit.
 * @type {{name: string, hash?: string, file?: string, url?: string, steps: [string, (page: import("playwright-core").Page) => Promise<void>][]}[]}
 */
const VIEWS = [
  { name: "welcome", steps: [["welcome", async (page) => { await page.waitForSelector(tid("sample-card")); }]] },
  { name: "help", steps: [["help overlay", async (page) => { await page.keyboard.press("?"); await page.waitForSelector(tid("help") + ":not([hidden])"); }]] },
  { name: "samples menu", steps: [["samples menu", async (page) => { await page.click(tid("samples-menu") + " > summary"); await page.waitForSelector(tid("sample-item")); }]] },
  { name: "paste", steps: [["paste panel", async (page) => { await page.click(tid("paste-toggle")); await page.waitForSelector(tid("paste-input")); }]] },
  {
    name: "aos", hash: "#s=aos-upgrade-failed.json&lane=shop-api-deployment",
    steps: [
      ["AOS execution: summary, timeline, details, objectData", async (page) => { await page.waitForSelector(tid("details")); }],
      ["AOS execution: the lanes as a grid, a lane selected in it", async (page) => {
        await page.click(tid("lane-grid-box") + " > summary");
        await page.waitForSelector(tid("lane-grid-row") + '[data-loaded="true"]');
        await page.focus(tid("lane-grid"));
        await page.keyboard.press("ArrowDown");
      }],
      ["AOS execution: raw tree", async (page) => { await page.click(tid("raw") + " > summary"); await page.waitForSelector(tid("raw-tree")); }],
      ["AOS execution: export menu", async (page) => { await page.click(tid("export-menu") + " > summary"); }],
    ],
  },
  { name: "aos seed", hash: "#s=seed-aos-execution.json", steps: [["AOS seed (redacted objectData, warnings)", async () => {}]] },
  { name: "aos yaml", hash: "#s=aos-upgrade-yaml-chain.json", steps: [["AOS with a YAML template", async () => {}]] },
  {
    name: "events", hash: "#s=aos-upgrade-failed-events.json",
    steps: [["execution events: timeline and events table", async (page) => { await page.waitForSelector(tid("event-row")); }]],
  },
  { name: "gcs", hash: "#s=gcs-running.json", steps: [["GCS execution (running)", async () => {}]] },
  {
    name: "workflow", hash: "#s=workflow-history-failure.json",
    steps: [
      ["workflow history", async () => {}],
      ["workflow history: comparison", async (page) => {
        await page.click(tid("compare-menu") + " > summary");
        await page.waitForSelector(tid("compare-item"));
        await page.locator(tid("compare-item")).first().click();
        await page.waitForSelector(tid("compare"));
      }],
    ],
  },
  { name: "api error", hash: "#s=seed-api-error-401.json", steps: [["API error", async () => {}]] },
  { name: "invalid", hash: "#s=broken-invalid.json", steps: [["invalid JSON (error)", async () => {}]] },
  { name: "rfs", file: path.join(ROOT, "tests", "fixtures", "rfs-stack-events.json"), steps: [["RFS stack events", async () => {}]] },
  {
    name: "joined", hash: "#s=aos-upgrade-failed.json,aos-upgrade-failed-events.json&tab=2",
    steps: [["joined run: sources, conflicts, timeline, events", async (page) => { await page.waitForSelector(tid("join-sources")); await page.waitForSelector(tid("events")); }]],
  },
  {
    name: "graph", hash: "#s=aos-upgrade-failed.json&show=graph&hl=root",
    steps: [
      ["dependency graph: the root cause highlighted", async (page) => { await page.waitForSelector(tid("graph-count") + ":not(:empty)"); await page.waitForSelector(tid("root-cause")); }],
      ["dependency graph: keyboard focus and the details (arrows, Enter)", async (page) => {
        await page.focus(tid("graph-canvas"));
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
        await page.waitForSelector(tid("details"));
      }],
      ["dependency graph: its list and warnings as text", async (page) => {
        await page.click(tid("graph-list-box") + " > summary");
        await page.locator(tid("graph-item")).first().waitFor();
      }],
    ],
  },
  {
    name: "both", hash: "#s=aos-upgrade-failed.json&show=both&hl=path",
    steps: [
      ["graph and timeline: the critical path highlighted", async (page) => { await page.waitForSelector(tid("critical-path")); await page.waitForSelector(tid("graph-count") + ":not(:empty)"); }],
      ["graph and timeline: the root cause highlighted, a lane selected", async (page) => {
        await page.click(tid("root-cause-highlight"));
        await page.waitForSelector(tid("root-cause-highlight") + '[aria-pressed="true"]');
        await page.locator(tid("root-cause") + " .rc-name").first().click();
        await page.waitForSelector(tid("details"));
      }],
    ],
  },
  {
    name: "replay", url: "replay.html#at=4",
    steps: [["polling replay", async (page) => { await page.waitForFunction(() => document.querySelector('[data-testid="replay-status"]')?.dataset.added === "4"); }]],
  },
];

describe("the audit itself", () => {
  it("finds violations where there are some (a low-contrast text, a button without a name)", async () => {
    const { page, ctx } = await openPage(browser, server.url, { locale: "en-US" });
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.textContent = "faint";
      p.style.color = "#d0d0d0";
      p.style.background = "#ffffff";
      document.querySelector("main").appendChild(p);
      document.querySelector("main").appendChild(document.createElement("button"));
    });
    const r = await audit(page, "planted");
    assert.ok(r.lines.some((l) => l.includes("color-contrast")), "the faint text is found: " + r.lines.join("; "));
    assert.ok(r.lines.some((l) => l.includes("button-name")), "the unnamed button is found");
    await ctx.close();
  });
});

const only = process.env.AXE_ONLY ? new RegExp(process.env.AXE_ONLY) : null;

for (const [locale, browserLocale] of LOCALES) {
  for (const theme of THEMES) {
    const combo = locale + " " + theme;
    if (only && !only.test(combo)) continue;
    describe("axe-core " + AXE_VERSION + " (" + TAGS.join(", ") + "): " + combo, () => {
      it("has no violation on any view", async () => {
        const found = [];
        let audits = 0;
        for (const v of VIEWS) {
          const url = server.url + (v.url || "") + (v.hash || "");
          const { page, ctx, seen } = await openPage(browser, url, { colorScheme: theme, locale: browserLocale });
          assert.equal(await page.evaluate(() => document.documentElement.lang), locale, v.name + ": the page is in " + locale);
          if (v.file) await page.setInputFiles(tid("file-input"), v.file);
          if (v.hash || v.file) await loaded(page);
          for (const [label, step] of v.steps) {
            await step(page);
            await settle(page);
            const r = await audit(page, combo + " · " + label);
            audits++;
            found.push(...r.lines);
          }
          assert.deepEqual(seen.errors, [], v.name + ": no page errors");
          await ctx.close();
        }
        console.log("# axe " + combo + ": " + audits + " audits, " + found.length + " violations");
        if (process.env.AXE_REPORT) fs.appendFileSync(process.env.AXE_REPORT, found.join("\n") + "\n");
        assert.deepEqual(found, [], "accessibility violations");
      });
    });
  }
}
