// Regenerates docs/screenshots/cli-aos-upgrade-failed.png: the default report of
// samples/aos-upgrade-failed.json as a terminal shows it, with colours.
//
//   cd tests/consumer && node cli-screenshot.mjs     (after make test-npm installed the package)
//
// Runs the installed `execscope` bin in a detached tmux session (a real
// terminal, 100 columns, TERM=xterm-256color, TZ=Asia/Shanghai), takes the screen
// with `tmux capture-pane -e -p` (text with its colour escapes), turns that into
// HTML, a character grid where a CJK character takes two cells as in the
// terminal, and screenshots it with headless Chromium (playwright-core,
// /usr/bin/chromium or $CHROMIUM). Needs tmux and a CJK font (Debian:
// fonts-wqy-microhei); it says so when one is missing.
import fs from "node:fs";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "../..");
const BIN = path.join(HERE, "node_modules/.bin/execscope");
const OUT = path.join(REPO, "docs/screenshots/cli-aos-upgrade-failed.png");
const COLUMNS = 100;
const { width } = await import(pathToFileURL(path.join(HERE, "node_modules/execscope/cli/width.js")).href);

for (const [what, ok] of [
  ["tmux", spawnSync("tmux", ["-V"]).status === 0],
  ["a CJK font (apt-get install fonts-wqy-microhei)", /\S/.test(spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" }).stdout ?? "")],
  [BIN, fs.existsSync(BIN)],
]) {
  if (!ok) {
    console.error(`cli-screenshot: needs ${what}`);
    process.exit(1);
  }
}

// 1. The terminal.
const session = `execscope-shot-${process.pid}`;
const command = `cd ${JSON.stringify(REPO)} && ${JSON.stringify(BIN)} samples/aos-upgrade-failed.json; sleep 60`;
const env = { ...process.env, TZ: "Asia/Shanghai", TERM: "xterm-256color", LANG: "C.UTF-8" };
delete env.NO_COLOR;
delete env.COLUMNS;
delete env.TMUX;
execFileSync("tmux", ["-u", "new-session", "-d", "-s", session, "-x", String(COLUMNS), "-y", "60", command], { env });
let screen = "";
try {
  for (let i = 0; i < 100 && !/✗ failed/.test(screen); i++) {
    await new Promise((r) => setTimeout(r, 100));
    screen = execFileSync("tmux", ["capture-pane", "-e", "-p", "-t", session], { encoding: "utf8" });
  }
} finally {
  spawnSync("tmux", ["kill-session", "-t", session]);
}
if (!/✗ failed/.test(screen)) throw new Error(`the report did not appear:\n${screen}`);
const lines = screen.replace(/\s+$/, "").split("\n");

// 2. ANSI (the SGR codes tmux writes back) to HTML, one cell per column.
const COLOURS = { 31: "#ff6b6b", 32: "#5fd068", 33: "#e5c07b", 34: "#61afef", 35: "#c678dd", 36: "#56b6c2", 37: "#dcdfe4", 90: "#7f848e" };
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
function toHtml(line) {
  let state = { bold: false, dim: false, fg: null };
  let html = "";
  const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
  for (const part of line.split(/(\x1b\[[0-9;]*m)/)) {
    const m = /^\x1b\[([0-9;]*)m$/.exec(part);
    if (m) {
      const codes = m[1] === "" ? [0] : m[1].split(";").map(Number);
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i];
        if (c === 0) state = { bold: false, dim: false, fg: null };
        else if (c === 1) state.bold = true;
        else if (c === 2) state.dim = true;
        else if (c === 22) state.bold = state.dim = false;
        else if (c === 39) state.fg = null;
        else if (COLOURS[c]) state.fg = COLOURS[c];
        else if (c === 38 && codes[i + 1] === 5) i += 2; // 256-colour: not used by execscope
      }
      continue;
    }
    for (const { segment } of segmenter.segment(part)) {
      const w = width(segment);
      const style = [state.fg ? `color:${state.fg}` : "", state.bold ? "font-weight:700" : "", state.dim ? "opacity:.6" : ""].filter(Boolean).join(";");
      html += `<span class="c${w === 2 ? " w" : ""}"${style ? ` style="${style}"` : ""}>${segment === " " ? "&nbsp;" : esc(segment)}</span>`;
    }
  }
  return `<div class="l">${html || "&nbsp;"}</div>`;
}
const page = `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; background: #1f2329; }
  .term { display: inline-block; padding: 14px 18px; background: #282c34; color: #dcdfe4; border-radius: 8px; margin: 12px;
    font: 14px/1.35 "DejaVu Sans Mono", "WenQuanYi Micro Hei Mono", monospace; box-shadow: 0 4px 18px rgba(0,0,0,.4); }
  .bar { color: #7f848e; font: 12px sans-serif; margin: -4px 0 10px; }
  .l { white-space: pre; height: 1.35em; }
  .c { display: inline-block; width: 1ch; overflow: visible; text-align: left; }
  .c.w { width: 2ch; font-family: "WenQuanYi Micro Hei Mono", monospace; }
</style><div class="term"><div class="bar">$ execscope samples/aos-upgrade-failed.json</div>${lines.map(toHtml).join("")}</div>`;

// 3. The screenshot.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const p = await browser.newPage({ deviceScaleFactor: 2, viewport: { width: 1200, height: 900 } });
  await p.setContent(page);
  await p.evaluate(() => document.fonts.ready);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  await p.locator(".term").screenshot({ path: OUT });
} finally {
  await browser.close();
}
console.log(`cli-screenshot: ${path.relative(REPO, OUT)} (${fs.statSync(OUT).size} bytes, ${lines.length} lines at ${COLUMNS} columns)`);
