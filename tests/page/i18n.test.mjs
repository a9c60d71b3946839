// The interface's languages (www/js/i18n/, docs/i18n.md): every catalog has
// exactly the English catalog's keys, with the same placeholders; no module of
// the page writes a user-visible word itself (it asks its Messages); and the
// page in a browser set to zh-CN is in Chinese, follows the header's switch and
// keeps the choice.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as acorn from "acorn";
import * as walk from "acorn-walk";
import { ROOT, openPage, loaded, tmpDir, useBrowser, browser, server } from "./harness.mjs";

const WWW_JS = path.join(ROOT, "www", "js");
const I18N = path.join(WWW_JS, "i18n");

/** The catalogs: en.js and every other *.js of www/js/i18n/ but index.js. */
async function catalogs() {
  const out = {};
  for (const f of fs.readdirSync(I18N).filter((f) => f.endsWith(".js") && f !== "index.js")) {
    out[f.replace(/\.js$/, "")] = (await import(pathToFileURL(path.join(I18N, f)).href)).default;
  }
  return out;
}

/** The placeholders of a message (every form of a plural message), sorted. */
function placeholders(msg) {
  const texts = typeof msg === "string" ? [msg] : Object.values(msg);
  return [...new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
}

describe("message catalogs", () => {
  it("every catalog has exactly the English catalog's keys", async () => {
    const cats = await catalogs();
    assert.ok(cats.en && cats["zh-CN"], "en.js and zh-CN.js are there (found: " + Object.keys(cats).join(", ") + ")");
    const en = Object.keys(cats.en);
    assert.ok(en.length > 300, "the English catalog has the page's words (" + en.length + " keys)");
    for (const [name, cat] of Object.entries(cats)) {
      const keys = Object.keys(cat);
      const missing = en.filter((k) => !(k in cat));
      const extra = keys.filter((k) => !(k in cats.en));
      assert.deepEqual(missing, [], name + " lacks keys the English catalog has");
      assert.deepEqual(extra, [], name + " has keys the English catalog lacks");
    }
  });

  it("every message is text, or plural forms with `other`, and uses the English message's placeholders", async () => {
    const cats = await catalogs();
    for (const [name, cat] of Object.entries(cats)) {
      for (const [k, v] of Object.entries(cat)) {
        assert.ok(typeof v === "string" ? v.length > 0 : v && typeof v.other === "string", name + ": " + k + " is empty or has no `other` form");
        if (typeof v !== "string") for (const f of Object.keys(v)) assert.ok(["zero", "one", "two", "few", "many", "other"].includes(f), name + ": " + k + " has a form " + f);
        if (k in cats.en) {
          // A translation may leave out {n} when its plural form says the number in words; none does today.
          assert.deepEqual(placeholders(v), placeholders(cats.en[k]), name + ": " + k + " has other placeholders than the English message");
        }
      }
    }
  });

  it("the Chinese catalog is in Chinese (not English left untranslated)", async () => {
    const { en, "zh-CN": zh } = await catalogs();
    const same = Object.keys(en).filter((k) => /[a-z]{3,} [a-z]{3,}/i.test(JSON.stringify(en[k])) && JSON.stringify(en[k]) === JSON.stringify(zh[k]));
    assert.deepEqual(same, [], "English sentences copied into zh-CN.js");
    const han = Object.values(zh).filter((v) => /[\u4e00-\u9fff]/.test(JSON.stringify(v))).length;
    assert.ok(han / Object.keys(zh).length > 0.8, "most Chinese messages hold Chinese characters (" + han + " of " + Object.keys(zh).length + ")");
  });
});

// ---- literal user-visible text in the page's code ------------------------------------------

/** Modules whose words are elsewhere: the catalogs themselves. */
const NOT_SCANNED = new Set(["i18n/en.js", "i18n/zh-CN.js"]);

/** Literals that are data, not words: JSON's null in the tree; the name of a decoded objectData's format (json, yaml, text, binary). */
const NOT_WORDS = new Set(['render/rawtree.js "null"', 'render/objectdata.js "text"']);

/** Text a reader would read: two Latin letters in a row (a word), or Han characters. Keys, symbols and numbers are not. */
const WORDY = /[A-Za-z]{2}|[\u4e00-\u9fff]/;

/** Attributes that are read (shown or spoken). */
const READ_ATTRS = new Set(["title", "aria-label", "aria-valuetext", "aria-roledescription", "placeholder", "alt", "text"]);

/** A string literal's text, or null when the node is no literal (a template literal with no expression counts). */
function literal(node) {
  if (!node) return null;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral") return node.quasis.map((q) => q.value.cooked).join("…");
  return null;
}

/** The literal texts an expression may evaluate to: a literal, either branch of a ?:, either side of || / ?? / +. */
function texts(node) {
  if (!node) return [];
  const l = literal(node);
  if (l != null) return [{ text: l, node }];
  if (node.type === "ConditionalExpression") return [...texts(node.consequent), ...texts(node.alternate)];
  if (node.type === "LogicalExpression" || (node.type === "BinaryExpression" && node.operator === "+")) return [...texts(node.left), ...texts(node.right)];
  if (node.type === "ArrayExpression") return node.elements.flatMap(texts);
  return [];
}

/** Every place a module writes a literal user-visible word: h() children and read attributes, textContent/title/… assignments, toasts, busy notes, announcements, setAttribute of a read attribute. */
function scan(file) {
  const src = fs.readFileSync(file, "utf8");
  const ast = acorn.parse(src, { ecmaVersion: "latest", sourceType: "module", locations: true });
  const found = [];
  const flag = (list, why) => {
    const rel = path.relative(WWW_JS, file).split(path.sep).join("/");
    for (const { text, node } of list) {
      if (WORDY.test(text) && !NOT_WORDS.has(rel + " " + JSON.stringify(text))) found.push(rel + ":" + node.loc.start.line + " " + why + " " + JSON.stringify(text));
    }
  };
  walk.simple(ast, {
    CallExpression(n) {
      const callee = n.callee;
      const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && !callee.computed ? callee.property.name : "";
      if (name === "h" && n.arguments.length) {
        const tag = literal(n.arguments[0]);
        // <kbd> shows a key's name as printed on the key (Space, Esc)
        if (tag !== "kbd") for (const c of n.arguments.slice(2)) flag(texts(c), "h() child");
        const attrs = n.arguments[1];
        if (attrs && attrs.type === "ObjectExpression") {
          for (const p of attrs.properties) {
            const key = p.type === "Property" ? (p.key.type === "Identifier" ? p.key.name : p.key.value) : null;
            if (key && READ_ATTRS.has(key)) flag(texts(p.value), "h() " + key);
          }
        }
      }
      if (["toast", "busy", "announce"].includes(name) && n.arguments.length) flag(texts(n.arguments[0]), name + "()");
      if (name === "update" && callee.type === "MemberExpression" && n.arguments.length && literal(n.arguments[0]) != null) flag(texts(n.arguments[0]), "busy update()");
      if (name === "setAttribute" && n.arguments.length === 2 && READ_ATTRS.has(literal(n.arguments[0]) || "")) flag(texts(n.arguments[1]), "setAttribute");
      if (name === "fillText" && n.arguments.length) flag(texts(n.arguments[0]), "canvas text");
    },
    AssignmentExpression(n) {
      const t = n.left;
      if (t.type === "MemberExpression" && !t.computed && ["textContent", "innerText", "title", "placeholder", "ariaLabel"].includes(t.property.name)) flag(texts(n.right), "." + t.property.name + " =");
    },
  });
  return found;
}

/**
 * Sentences a module keeps as string literals anywhere (a table of words such
 * as the old render/timeline-text.js, whose texts h() never sees as literals):
 * three Latin words in a row. Not words: class lists (a `class` property), and
 * the messages of errors (`message:`, `new Error()`, the engine's `fail()`),
 * which, like the core's, stay English behind a code the catalogs explain.
 */
const SENTENCE = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/;

function sentences(file) {
  const ast = acorn.parse(fs.readFileSync(file, "utf8"), { ecmaVersion: "latest", sourceType: "module", locations: true });
  const rel = path.relative(WWW_JS, file).split(path.sep).join("/");
  const found = [];
  const keyOf = (p) => (p && p.type === "Property" ? (p.key.type === "Identifier" ? p.key.name : p.key.value) : null);
  const exempt = (ancestors) => ancestors.some((a) =>
    (a.type === "Property" && ["class", "message"].includes(keyOf(a))) ||
    (a.type === "NewExpression" && a.callee.type === "Identifier" && a.callee.name === "Error") ||
    (a.type === "CallExpression" && a.callee.type === "Identifier" && a.callee.name === "fail"));
  walk.fullAncestor(ast, (n, _state, ancestors) => {
    const text = n.type === "Literal" && typeof n.value === "string" ? n.value : n.type === "TemplateElement" ? n.value.cooked : null;
    if (text != null && SENTENCE.test(text) && !exempt(ancestors)) found.push(rel + ":" + n.loc.start.line + " " + JSON.stringify(text));
  });
  return found;
}

function modules(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) modules(p, out);
    else if (e.name.endsWith(".js")) out.push(p);
  }
  return out;
}

describe("no literal user-visible text in the page's code", () => {
  it("every word the page's modules write comes from the catalogs", () => {
    const files = modules(WWW_JS).filter((f) => !NOT_SCANNED.has(path.relative(WWW_JS, f).split(path.sep).join("/")));
    assert.ok(files.length > 40, "the page's modules were found (" + files.length + ")");
    const found = files.flatMap(scan);
    assert.deepEqual(found, [], "literal text a reader would see, not from a catalog");
  });

  it("no module keeps sentences of its own (a table of words outside the catalogs: the timeline's and the graph's are in them too)", () => {
    const files = modules(WWW_JS).filter((f) => !NOT_SCANNED.has(path.relative(WWW_JS, f).split(path.sep).join("/")));
    assert.deepEqual(files.flatMap(sentences), [], "sentences in the page's code, not in a catalog");
    // and the detector finds them: a table of words as the timeline and the graph had before they moved to the catalogs
    const dir = tmpDir("sentences");
    const f = path.join(dir, "table.js");
    fs.writeFileSync(f, 'export const TEXT = {\n  noMatch: "No lane matches the filters.",\n  range: (a, b) => `${a} to ${b} of the run`,\n  fit: "Fit",\n};\n' +
      'h("span", { class: "muted small mono-num" });\nthrow new Error("this build has no worker");\nconst e = { code: "closed", message: "the payloads were closed" };\n');
    try {
      assert.deepEqual(sentences(f).map((x) => x.replace(/^.*?:/, "")), ['2 "No lane matches the filters."', '3 " of the run"']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the timeline's and the graph's words are in the catalogs, and each is used", async () => {
    const { en } = await catalogs();
    const keys = Object.keys(en).filter((k) => k.startsWith("tl.") || k.startsWith("graph.") || k.startsWith("help.k.g"));
    assert.ok(keys.length > 80, "the timeline's and the graph's messages (" + keys.length + ")");
    // (every catalog has exactly these keys: the first test)
    const code = modules(WWW_JS).filter((f) => !path.relative(WWW_JS, f).startsWith("i18n" + path.sep)).map((f) => fs.readFileSync(f, "utf8")).join("\n");
    assert.deepEqual(keys.filter((k) => !code.includes('"' + k + '"')), [], "messages no module asks for");
  });

  it("the scan finds literal text where there is some", () => {
    // The detector itself: a module written the old way is caught in each place the scan looks.
    const dir = tmpDir("scan");
    const f = path.join(dir, "bad.js");
    fs.writeFileSync(f, [
      'h("div", null, "Loading samples…");',
      'h("button", { title: "Close (Esc)" }, m.t("x"));',
      'el.textContent = ok ? "copied" : m.t("y");',
      'shell.toast("Export failed: " + e.message);',
      'b.setAttribute("aria-label", "expand");',
      'h("kbd", null, "Space");',
      'h("span", { class: "btn small" }, "✕", "—", "A");',
    ].join("\n"));
    try {
      const found = scan(f).map((s) => s.replace(/^.*?:(\d+) /, "$1 "));
      assert.deepEqual(found, [
        '1 h() child "Loading samples…"',
        '2 h() title "Close (Esc)"',
        '3 .textContent = "copied"',
        '4 toast() "Export failed: "',
        '5 setAttribute "expand"',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the static markup names its messages (data-i18n); only the boot note, in both languages, is written out", () => {
    for (const page of ["index.html", "replay.html"]) {
      const html = fs.readFileSync(path.join(ROOT, "www", page), "utf8");
      const body = html.slice(html.indexOf("<body"));
      // text between tags, outside the elements that name their message or say their language
      const stripped = body
        .replace(/<(\w+)[^>]*\blang="[^"]+"[^>]*>[\s\S]*?<\/\1>/g, "")
        .replace(/<(\w+)[^>]*\bdata-i18n="[^"]+"[^>]*>[^<]*<\/\1>/g, "");
      const words = [...stripped.matchAll(/>([^<]+)</g)].map((m) => m[1].trim()).filter((t) => WORDY.test(t) && t !== "execscope");
      assert.deepEqual(words, [], page + ": text outside the catalogs");
      for (const m of body.matchAll(/\s(title|aria-label|placeholder)="([^"]*)"/g)) {
        const tag = body.slice(body.lastIndexOf("<", m.index), body.indexOf(">", m.index));
        assert.match(tag, new RegExp("data-i18n-" + m[1] + '="'), page + ": " + m[1] + " without data-i18n-" + m[1] + ": " + tag);
      }
    }
  });
});

// ---- the page in Chinese -------------------------------------------------------------------

describe("the page in a browser set to zh-CN", () => {
  useBrowser();

  it("follows navigator.languages: <html lang>, the header, the welcome, the events' language", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url + "#s=aos-upgrade-failed-events.json", { locale: "zh-CN" });
    await loaded(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
    assert.equal(await page.locator('[data-testid="paste-toggle"]').textContent(), "粘贴");
    assert.equal(await page.locator('[data-testid="ui-lang"]').inputValue(), "zh-CN");
    assert.equal(await page.locator('[data-testid="format"]').textContent(), "执行事件");
    assert.equal(await page.locator('[data-testid="events-count"]').textContent(), "61 个事件");
    // the events' 中文 / English / both switch starts at the interface's language
    assert.equal(await page.locator('[data-testid="events-lang"] .on').getAttribute("data-lang"), "zh");
    const reason = page.locator('[data-testid="event-reason"]').first();
    assert.equal(await reason.getAttribute("lang"), "zh");
    assert.match(await reason.textContent(), /[\u4e00-\u9fff]/);
    // a date in the language's own form, and the zone named in it
    await page.click('[data-testid="time-mode"] [data-mode="local"]');
    assert.match(await page.locator('[data-testid="time-mode"] [data-mode="local"]').textContent(), /本地/);
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });

  it("the header's switch changes the language at once, keeps the view, and the choice outlives a reload", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url + "#s=aos-upgrade-failed.json&lane=shop-api-deployment", { locale: "en-US" });
    await loaded(page);
    assert.equal(await page.locator('[data-testid="details-name"]').textContent(), "shop-api-deployment");
    assert.equal(await page.locator('[data-testid="run-phase"]').textContent(), "Failed");
    await page.selectOption('[data-testid="ui-lang"]', "zh-CN");
    await loaded(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
    assert.equal(await page.locator('[data-testid="run-phase"]').textContent(), "失败");
    assert.equal(await page.locator('[data-testid="run-phase"]').getAttribute("data-phase"), "Failed", "the phase's id stays the payload's");
    assert.equal(await page.locator('[data-testid="details-name"]').textContent(), "shop-api-deployment", "the selected lane stays selected");
    assert.match(await page.locator('[data-testid="started"] .fact-v').textContent(), /^2024\/05\/13 08:21:07 UTC$/);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    await loaded(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN", "the choice is kept (localStorage)");
    assert.equal(await page.locator('[data-testid="format"]').textContent(), "AOS 执行");
    await page.selectOption('[data-testid="ui-lang"]', "en");
    await loaded(page);
    assert.equal(await page.locator('[data-testid="format"]').textContent(), "AOS execution");
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });

  it("the timeline and the dependency graph speak Chinese too: toolbars, legend, counts, labels, the root cause, the critical path", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url + "#s=aos-upgrade-failed.json&show=both&hl=root", { locale: "zh-CN" });
    await loaded(page);
    await page.waitForSelector('[data-testid="graph"] [data-testid="graph-count"]:not(:empty)');
    const text = (sel) => page.locator(sel).first().textContent();
    assert.match(await text('[data-testid="lane-count"]'), /^\d+ 条泳道$/);
    assert.match(await text('[data-testid="timeline-range"]'), /^2024\/05\/13 .+ → .+（.+）$/);
    assert.equal(await page.locator('[data-testid="lane-filter"]').getAttribute("placeholder"), "筛选泳道…");
    assert.match(await page.locator('[data-testid="timeline-canvas"]').getAttribute("aria-label"), /^\d+ 个元素的时间线$/);
    assert.match(await text(".tl-legend"), /失败.*推断的开始.*仍在进行/);
    assert.deepEqual(await page.locator('[data-testid="run-show"] button').allTextContents(), ["时间线", "依赖图", "两者"]);
    assert.equal(await text("#sec-timeline h3"), "依赖关系图和时间线");
    assert.match(await text('[data-testid="graph-count"]'), /^\d+ 个元素 · \d+ 个依赖关系$/);
    assert.match(await page.locator('[data-testid="graph-canvas"]').getAttribute("aria-label"), /个元素的依赖关系图/);
    assert.match(await text('[data-testid="root-cause-text"]'), /^根因：shop-api-deployment .* — 导致 \d+ 个元素失败：/);
    assert.equal(await text('[data-testid="root-cause-highlight"]'), "已高亮 ✓");
    await page.click('[data-testid="critical-toggle"]');
    await page.waitForSelector('[data-testid="critical-path"]');
    assert.match(await text('[data-testid="critical-path"] .fact-k'), /^关键路径$/);
    await page.click('[data-testid="graph-list-box"] > summary');
    await page.locator('[data-testid="graph-item"]').first().waitFor();
    assert.match(await text('[data-testid="graph-list-box"] > summary'), /^所有元素及其依赖（\d+）$/);
    assert.match(await text('[data-testid="graph-item"]'), / — 依赖于：/);
    // the help's graph keys
    await page.keyboard.press("?");
    assert.match(await text("#help-overlay"), /依赖关系图.*时间线 → 依赖关系图 → 两者/s);
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });

  it("explains a core error in Chinese, with the core's English message as the detail", async () => {
    const { page, ctx } = await openPage(browser, server.url + "#s=broken-invalid.json", { locale: "zh-CN" });
    await loaded(page);
    assert.equal(await page.locator('[data-testid="error-code"]').textContent(), "invalid_json");
    assert.match(await page.locator('[data-testid="error-explanation"]').textContent(), /不是有效的 JSON/);
    assert.equal(await page.locator('[data-testid="error-message"]').getAttribute("lang"), "en");
    assert.match(await page.locator('[data-testid="error-position"]').textContent(), /第 13 行，第 9 列/);
    await ctx.close();
  });

  it("the replay follows the language too", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url + "replay.html#at=3", { locale: "zh-CN" });
    await page.waitForFunction(() => document.querySelector('[data-testid="replay-status"]')?.textContent === "快照 3 / 8");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
    assert.match(await page.title(), /轮询回放/);
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });
});
