// The command line (docs/cli.md), run as a user runs it: the `execscope` bin of
// the package installed from the packed tarball (node_modules/.bin/execscope).
//
// Golden outputs for every sample (plain at 80 columns, --json, --markdown) live
// in cli-golden/; UPDATE_GOLDEN=1 npm test rewrites them: review the diff.
// Times are shown in the local zone: every run here sets TZ=Asia/Shanghai
// (UTC+8, no daylight saving), the zone of most of execscope's users.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import * as execscope from "execscope";
import { HERE, INSTALLED, REPO, packageVersion } from "./helpers.mjs";

const BIN = path.join(HERE, "node_modules/.bin/execscope");
const GOLDEN = path.join(HERE, "cli-golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const ESC = "\x1b";

/** The environment of every run: no colour hints, no COLUMNS, a fixed zone. */
function baseEnv(extra = {}) {
  const env = { ...process.env, TZ: "Asia/Shanghai" };
  for (const k of ["COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE"]) delete env[k];
  return { ...env, ...extra };
}

/** Runs `execscope args…` from the repository root (output piped). */
function cli(args, { input, env = {}, cwd = REPO } = {}) {
  const r = spawnSync(BIN, args, { cwd, input, env: baseEnv(env), encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Compares with (or, under UPDATE_GOLDEN=1, writes) cli-golden/<file>. */
const written = new Set();
function golden(file, actual) {
  const p = path.join(GOLDEN, file);
  written.add(file);
  if (UPDATE) {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(p, actual);
    return;
  }
  assert.ok(fs.existsSync(p), `cli-golden/${file} is missing: run UPDATE_GOLDEN=1 npm test in tests/consumer and review it`);
  assert.equal(actual, fs.readFileSync(p, "utf8"), `output differs from cli-golden/${file} (UPDATE_GOLDEN=1 rewrites it)`);
}

/**
 * Terminal columns of a string, written independently of the CLI's own width
 * function: CJK and fullwidth characters count two, everything else one (the
 * samples hold no emoji or combining marks).
 */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const cols = (s) => [...s].reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0);

const SAMPLES = fs
  .readdirSync(path.join(REPO, "samples"))
  .filter((f) => f.endsWith(".json") && f !== "index.json")
  .sort();

const POLLING = fs
  .readdirSync(path.join(REPO, "samples/polling"))
  .filter((f) => f.endsWith(".json") && f !== "index.json")
  .sort()
  .map((f) => `samples/polling/${f}`);

test("the package declares the bin, npm links it, and it answers --version and --help", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(INSTALLED, "package.json"), "utf8"));
  assert.deepEqual(pkg.bin, { execscope: "./cli/execscope.js" });
  assert.equal(fs.realpathSync(BIN), path.join(INSTALLED, "cli/execscope.js"));
  const v = cli(["--version"]);
  assert.equal(v.status, 0);
  assert.equal(v.stdout, `execscope ${packageVersion()}\n`);
  const h = cli(["--help"]);
  assert.equal(h.status, 0);
  assert.match(h.stdout, /^Usage: execscope \[options\] <file \| -> …/);
  for (const line of [/^ {2}0 {2}every run shown Succeeded or was Skipped$/m, /^ {2}1 {2}a run Failed or was Cancelled/m, /^ {2}2 {2}an input could not be read/m, /^ {2}3 {2}a run is still Running or Pending/m]) {
    assert.match(h.stdout, line);
  }
  for (const l of h.stdout.split("\n")) assert.ok(cols(l) <= 80, `--help line over 80 columns: ${l}`);
});

for (const f of SAMPLES) {
  const name = f.replace(/\.json$/, "");
  test(`golden: ${f} (plain at 80 columns, --json, --markdown)`, () => {
    const file = `samples/${f}`;
    const plain = cli([file]);
    golden(`${name}.txt`, plain.stdout + (plain.stderr ? `--- stderr ---\n${plain.stderr}` : ""));
    assert.ok(!plain.stdout.includes(ESC) && !plain.stderr.includes(ESC), "piped output has no escape codes");
    for (const l of plain.stdout.split("\n")) assert.ok(cols(l) <= 80, `line over 80 columns: ${JSON.stringify(l)}`);

    const json = cli(["--json", file]);
    golden(`${name}.json`, json.stdout + (json.stderr ? `--- stderr ---\n${json.stderr}` : ""));
    const md = cli(["--markdown", file]);
    golden(`${name}.md`, md.stdout + (md.stderr ? `--- stderr ---\n${md.stderr}` : ""));
    assert.equal(plain.status, json.status, "plain and --json agree on the exit status");
    assert.equal(plain.status, md.status, "plain and --markdown agree on the exit status");

    // --json is exactly the library's summarize(), one document per input.
    const bytes = new Uint8Array(fs.readFileSync(path.join(REPO, file)));
    let summary = null;
    try {
      summary = execscope.summarize(bytes);
    } catch {
      /* an unreadable sample: --json prints nothing */
    }
    if (summary) assert.deepEqual(JSON.parse(json.stdout), summary);
    else assert.equal(json.stdout, "");
  });
}

test("golden: an execution and its events are joined into one run", () => {
  const r = cli(["samples/aos-upgrade-failed.json", "samples/aos-upgrade-failed-events.json"]);
  assert.equal(r.status, 1);
  golden("joined-aos-upgrade-failed.txt", r.stdout);
  assert.match(r.stdout, /^ {2}joined {4}samples\/aos-upgrade-failed\.json \(status, AOS execution\)$/m);
  assert.match(r.stdout, /^ {12}samples\/aos-upgrade-failed-events\.json \(events, execution events\)$/m);
  assert.equal(r.stdout.match(/^shop-prod · upgrade · ✗ Failed$/gm).length, 1, "one report for the joined run");
  golden("joined-aos-upgrade-failed.md", cli(["--markdown", "samples/aos-upgrade-failed.json", "samples/aos-upgrade-failed-events.json"]).stdout);
});

test("golden: eight polled snapshots of one execution are joined", () => {
  const r = cli(POLLING);
  golden("joined-polling.txt", r.stdout);
  assert.match(r.stdout, /^Snapshots: 8, progress /m);
  assert.equal(r.stdout.split("\n").filter((l) => /^\S.* · /.test(l)).length, 1, "one report");
});

test("inputs that do not belong together are reported in turn", () => {
  const r = cli(["samples/gcs-succeeded-map.json", "samples/seed-aos-execution.json"]);
  assert.equal(r.status, 0);
  const titles = r.stdout.split("\n").filter((l) => / · ✓ Succeeded$/.test(l));
  assert.deepEqual(titles, ["rnaseq-hcc1395-t1-0512-231540 · create · ✓ Succeeded", "trim · create · ✓ Succeeded"]);
  assert.match(r.stdout, /^─{80}$/m, "a rule between the reports");
});

/** A minimal AOS execution in the given phase. */
const aos = (phase) => JSON.stringify({ kind: "Execution", metadata: { name: `run-${phase}` }, status: { objectStatus: { phase } } });

test("exit status for each phase: 0 Succeeded/Skipped, 1 Failed/Cancelled, 3 Running/Pending/Unknown", () => {
  const want = { Succeeded: 0, Skipped: 0, Failed: 1, Cancelled: 1, Running: 3, Pending: 3, Unknown: 3 };
  for (const [phase, code] of Object.entries(want)) {
    const r = cli(["-"], { input: aos(phase) });
    assert.equal(r.status, code, `${phase}: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^run-${phase} · .* ${phase}$`, "m"));
    assert.equal(cli(["--json", "-"], { input: aos(phase) }).status, code, `${phase} with --json`);
    assert.equal(cli(["--markdown", "-"], { input: aos(phase) }).status, code, `${phase} with --markdown`);
    assert.equal(cli(["-q", "-"], { input: aos(phase) }).stdout, "", "-q prints nothing");
  }
  // The samples: a success, a failure, a run in progress, an API error, an empty event list.
  assert.equal(cli(["samples/gcs-succeeded-map.json"]).status, 0);
  assert.equal(cli(["samples/aos-upgrade-failed.json"]).status, 1);
  assert.equal(cli(["samples/gcs-running.json"]).status, 3);
  assert.equal(cli(["samples/seed-api-error-401.json"]).status, 1);
  assert.equal(cli(["-"], { input: "[]" }).status, 3);
  // A workflow history: the run shown decides (the newest, or --run).
  assert.equal(cli(["samples/workflow-history-failure.json"]).status, 3);
  assert.equal(cli(["--run", "c3e91b07d25f4a86b1e0f7a4d9c2e5b8", "samples/workflow-history-failure.json"]).status, 1);
  assert.equal(cli(["--run", "8f4a2d6c1b9e4357a0c5d8e1f6b3a270", "samples/workflow-history-failure.json"]).status, 0);
  // Several inputs: 2 before 1 before 3 before 0.
  assert.equal(cli(["samples/gcs-running.json", "samples/aos-upgrade-failed.json"]).status, 1);
  assert.equal(cli(["samples/gcs-running.json", "samples/gcs-succeeded-map.json"]).status, 3);
  assert.equal(cli(["samples/aos-upgrade-failed.json", "samples/broken-invalid.json"]).status, 2);
  // Bad usage.
  for (const args of [[], ["--jsn", "x.json"], ["--lang", "fr", "samples/gcs-running.json"], ["--lanes", "0", "samples/gcs-running.json"], ["--json", "--markdown", "samples/gcs-running.json"], ["-", "-"], ["--format", "yaml", "samples/gcs-running.json"], ["--run", "nope", "samples/workflow-history-failure.json"]]) {
    const r = cli(args, { input: "" });
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stdout, "", `${args.join(" ")} prints nothing on stdout`);
    assert.match(r.stderr, /^execscope: /);
  }
});

test("standard input: - reads the payload from stdin, as bytes", () => {
  for (const f of ["aos-upgrade-failed.json", "seed-execution-events.json", "workflow-history-failure.json"]) {
    const bytes = fs.readFileSync(path.join(REPO, "samples", f));
    const fromFile = cli([`samples/${f}`]);
    const fromStdin = cli(["-"], { input: bytes });
    assert.equal(fromStdin.status, fromFile.status);
    assert.equal(fromStdin.stdout, fromFile.stdout.replace(`samples/${f}`, "standard input"));
    assert.equal(cli(["--json", "-"], { input: bytes }).stdout, cli(["--json", `samples/${f}`]).stdout);
  }
  // With a file: the two are joined as any two files are.
  const r = cli(["samples/aos-upgrade-failed.json", "-"], { input: fs.readFileSync(path.join(REPO, "samples/aos-upgrade-failed-events.json")) });
  assert.match(r.stdout, /^ {12}standard input \(events, execution events\)$/m);
});

test("bad JSON: exit 2, file:line:column, the core's message, the line with a caret", () => {
  const r = cli(["samples/broken-invalid.json"]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, "");
  const lines = r.stderr.split("\n");
  assert.equal(lines[0], "execscope: samples/broken-invalid.json:13:9: expected `,` or `}` at line 13, column 9, found `\"` [invalid_json]");
  const at = lines.findIndex((l) => /^ {2}13 \| /.test(l));
  assert.ok(at > 0, r.stderr);
  const source = fs.readFileSync(path.join(REPO, "samples/broken-invalid.json"), "utf8").split("\n")[12];
  assert.equal(lines[at], `  13 | ${source}`);
  assert.equal(lines[at + 1].indexOf("^") - "  13 | ".length, 8, "the caret is under column 9");
  // Strict mode refuses the trailing comma the lenient reader repairs.
  assert.equal(cli(["samples/seed-execution-events.json"]).status, 3);
  const strict = cli(["--strict", "samples/seed-execution-events.json"]);
  assert.equal(strict.status, 2);
  assert.match(strict.stderr, /^execscope: samples\/seed-execution-events\.json:58:2: .*trailing comma/);
  // A caret under CJK text sits under the right character (two columns each).
  const cjk = cli(["-"], { input: '{"名称": "值",\n "键": 中文}' });
  assert.equal(cjk.status, 2);
  const l = cjk.stderr.split("\n");
  const src = l.findIndex((x) => x.startsWith("  2 | "));
  assert.equal(cols(l[src + 1].slice(0, l[src + 1].indexOf("^"))), cols('  2 |  "键": '), cjk.stderr);
});

test("a missing file is named; the other inputs are still reported", () => {
  const r = cli(["samples/nope.json"]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, "execscope: samples/nope.json: no such file (expected a path to a JSON file, or - for standard input)\n");
  const both = cli(["samples/nope.json", "samples/gcs-succeeded-map.json"]);
  assert.equal(both.status, 2);
  assert.match(both.stdout, /^rnaseq-hcc1395-t1-0512-231540 · create · ✓ Succeeded$/m);
  assert.match(cli(["samples"]).stderr, /^execscope: samples: is a directory/);
});

/** Runs the CLI under a pseudo-terminal (util-linux script(1)); returns what the terminal got. */
function inTerminal(args, env = {}) {
  const cmd = [BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const r = spawnSync("script", ["-qec", cmd, "/dev/null"], { cwd: REPO, env: baseEnv({ TERM: "xterm-256color", ...env }), encoding: "utf8" });
  if (r.error) throw r.error;
  return r.stdout;
}

test("colours only on a terminal: NO_COLOR, --no-color and pipes give none, --color forces them", () => {
  const f = "samples/aos-upgrade-failed.json";
  const tty = inTerminal([f]);
  assert.match(tty, /\x1b\[31m✗\x1b\[39m/, "a terminal gets colours");
  assert.match(tty, /shop-prod/);
  assert.ok(!inTerminal([f], { NO_COLOR: "1" }).includes(ESC), "NO_COLOR=1 turns them off");
  assert.ok(!inTerminal(["--no-color", f]).includes(ESC), "--no-color turns them off");
  assert.ok(!inTerminal([f], { TERM: "dumb" }).includes(ESC), "TERM=dumb gets none");
  assert.ok(inTerminal([f], { NO_COLOR: "" }).includes(ESC), "an empty NO_COLOR is not set (no-color.org)");
  assert.ok(!cli([f]).stdout.includes(ESC), "piped: none");
  assert.ok(!cli(["--events", "samples/aos-upgrade-failed-events.json"]).stdout.includes(ESC), "piped events: none");
  assert.ok(cli(["--color", f]).stdout.includes(`${ESC}[`), "--color forces them into a pipe");
  // Colours change nothing but the escapes.
  assert.equal(cli(["--color", f]).stdout.replace(/\x1b\[[0-9;]*m/g, ""), cli([f]).stdout);
});

test("payload text cannot reach the terminal as control sequences", () => {
  const evil = JSON.stringify({
    kind: "Execution",
    metadata: { name: "evil\u001b]0;pwned\u0007\u001b[2J" },
    status: {
      objectStatus: { phase: "Failed", reason: "Boom\u202eroF", message: "line one\r\nline two\u001b[31m" },
      subObjectStatuses: [{ name: "el\u001b[1Aem", phase: "Failed", reason: "x", message: "m\u0000" }],
    },
  });
  for (const args of [["-"], ["--markdown", "-"], ["--color", "-"]]) {
    const r = cli(args, { input: evil });
    const noOurs = r.stdout.replace(/\x1b\[[0-9;]*m/g, "");
    assert.ok(!noOurs.includes(ESC) && !noOurs.includes("\u0007") && !noOurs.includes("\u202e") && !noOurs.includes("\u0000"), `${args}: ${JSON.stringify(r.stdout)}`);
  }
  const r = cli(["-"], { input: evil });
  assert.match(r.stdout, /^evil\\x1b\]0;pwned\\x07\\x1b\[2J · ✗ Failed$/m);
  assert.match(r.stdout, /Boom\\u202eroF/);
});

test("--markdown: payload text cannot break the tables or become markup", () => {
  const r = cli(["--markdown", "samples/hostile-markup.json"]);
  const rows = r.stdout.split("\n").filter((l) => l.startsWith("|"));
  assert.ok(rows.length > 10);
  let columns = null;
  for (const row of rows) {
    // Cells: split at | not escaped with a backslash.
    const cells = row.split(/(?<!\\)\|/).length - 2;
    if (/^\| (Field|Element|Code|Input) \|/.test(row)) columns = cells;
    assert.equal(cells, columns, `a row with the wrong number of cells: ${row}`);
    // Outside code spans (which show their text as it is) no tag survives.
    const text = row.replace(/(`+)[\s\S]*?\1/g, "");
    assert.ok(!/<(?!br>)[a-z/]/i.test(text), `raw markup in ${row}`);
  }
  assert.match(r.stdout, /^<details><summary>Warnings \(2\)<\/summary>$/m);
  assert.match(r.stdout, /^### Failed and cancelled elements \(3\)$/m);
  // A pipe, a mention and an issue reference in a message stay text.
  const pipes = cli(["--markdown", "-"], { input: JSON.stringify({ kind: "Execution", metadata: { name: "a|b" }, status: { objectStatus: { phase: "Failed", reason: "@here #123 *x* `y`" } } }) });
  assert.match(pipes.stdout, /^## ✗ a\\\|b — Failed$/m);
  assert.match(pipes.stdout, /&#64;here &#35;123 \\\*x\\\* \\`y\\`/);
});

/** The lines of the Gantt chart's rows (label, mark, bar) in a plain report. */
function ganttRows(stdout) {
  const lines = stdout.split("\n");
  const start = lines.findIndex((l) => l.startsWith("Timeline, "));
  assert.ok(start >= 0, stdout);
  const axis = lines.findIndex((l, i) => i > start && l.includes("┊"));
  assert.ok(axis > start, stdout);
  const out = [];
  for (const l of lines.slice(axis + 1)) {
    if (l === "" || l.startsWith("█") || l.startsWith("░") || l.startsWith("…") || l.startsWith("▸") || l.startsWith("✗")) break;
    out.push(l);
  }
  return { axis: lines[axis], rows: out };
}

for (const w of [40, 200]) {
  test(`--width ${w} (and COLUMNS=${w}): every line fits and the chart fills the width`, () => {
    for (const f of ["aos-upgrade-failed.json", "hostile-markup.json", "workflow-history-failure.json", "gcs-running.json"]) {
      const r = cli(["--width", String(w), `samples/${f}`]);
      for (const l of r.stdout.split("\n")) assert.ok(cols(l) <= w, `${f}: a line of ${cols(l)} columns: ${l}`);
      assert.equal(cli([`samples/${f}`], { env: { COLUMNS: String(w) } }).stdout, r.stdout, "COLUMNS is honoured the same way");
      const { axis, rows } = ganttRows(r.stdout);
      assert.equal(cols(axis), w - 1, `${f}: the time axis spans the width (one column left for the mark after a bar)`);
      assert.ok(rows.length > 0);
    }
    const r = cli(["--width", String(w), "samples/aos-upgrade-failed.json"]);
    const failedRow = ganttRows(r.stdout).rows.find((l) => l.startsWith("shop-api-hpa "));
    assert.equal(cols(failedRow), w, "the failed element's bar runs to the end, its ✗ in the last column");
    assert.ok(failedRow.endsWith("✗"));
  });
}

test("the Gantt chart: inferred starts drawn differently, failed marked, --lanes, --failed", () => {
  const r = cli(["samples/aos-upgrade-failed.json"]);
  const { rows } = ganttRows(r.stdout);
  assert.equal(rows.length, 16);
  // shop-api-hpa has no start in the payload: ░ from where its dependency (shop-api-deployment)
  // failed, not from the run's start (issue 11's rule); shop-configmap has none and no dependency:
  // ░ from the run's start; shop-rds has one: █.
  assert.match(rows.find((l) => l.startsWith("shop-api-hpa ")), /^shop-api-hpa {11}✗ {54}░✗$/);
  assert.match(rows.find((l) => l.startsWith("shop-configmap ")), /^shop-configmap +✓ ░$/);
  assert.match(rows.find((l) => l.startsWith("shop-rds ")), /^shop-rds +✓ +▐█+▌$/);
  assert.match(r.stdout, /^█ ran {2}░ no start in the payload {2}✗ failed$/m);
  const capped = cli(["--lanes", "3", "samples/aos-upgrade-failed.json"]);
  assert.equal(ganttRows(capped.stdout).rows.length, 3);
  assert.match(capped.stdout, /^… 13 more \(--lanes N shows more; 2 of them failed: --failed shows those first\)$/m);
  const failed = cli(["--lanes", "2", "--failed", "samples/aos-upgrade-failed.json"]);
  assert.deepEqual(ganttRows(failed.stdout).rows.map((l) => l.split(" ")[0]), ["shop-api-deployment", "shop-api-hpa"]);
});

test("--utc, --run, --events, --format", () => {
  const utc = cli(["--utc", "samples/aos-upgrade-failed.json"]);
  assert.match(utc.stdout, /^ {2}started {3}2024-05-13 08:21:07 UTC$/m);
  assert.match(cli(["samples/aos-upgrade-failed.json"]).stdout, /^ {2}started {3}2024-05-13 16:21:07 \+08:00$/m);
  const run = cli(["--run", "c3e91b07d25f4a86b1e0f7a4d9c2e5b8", "samples/workflow-history-failure.json"]);
  assert.match(run.stdout, /^First failure: check-pod-ready at /m);
  assert.match(run.stdout, /^▸ c3e91b07d25f4a86b1e0f7a4d9c2e5b8 {2}✗ Failed/m);
  const ev = cli(["--events", "samples/aos-upgrade-failed-events.json"]);
  assert.equal(ev.status, 1);
  assert.match(ev.stdout, /^samples\/aos-upgrade-failed-events\.json: 61 events, times \+08:00$/m);
  assert.equal(ev.stdout.split("\n").filter((l) => /^\d\d:\d\d:\d\d {2}/.test(l)).length, 61);
  const evJson = JSON.parse(cli(["--events", "--json", "samples/aos-upgrade-failed-events.json"]).stdout);
  assert.deepEqual(evJson, execscope.events(fs.readFileSync(path.join(REPO, "samples/aos-upgrade-failed-events.json"))));
  const evMd = cli(["--events", "--markdown", "samples/aos-upgrade-failed-events.json"]).stdout;
  assert.equal(evMd.split("\n").filter((l) => l.startsWith("| ")).length, 63, "a header, its separator and 61 rows");
  assert.match(cli(["--events", "samples/gcs-running.json"]).stdout, /No events in samples\/gcs-running\.json \(GCS execution\)/);
  const forced = cli(["--format", "workflow-executions", "samples/aos-upgrade-failed.json"]);
  assert.equal(forced.status, 2);
  assert.equal(forced.stderr, 'execscope: samples/aos-upgrade-failed.json: expected an array for options.format "workflow-executions", found an object with 5 keys [unknown_format]\n');
});

// A run whose elements have Chinese names, and bilingual events: the columns
// after them must line up on the screen (a CJK character takes two columns).
const CJK_EVENTS = JSON.stringify(
  [
    ["数据库", "启动##ActionStart", "元素(数据库)开始执行 ## Element(数据库) start", "Normal", "2024-05-13T08:21:08Z"],
    ["负载均衡器-主", "检查资源##Checking", "检查中 ## checking", "Normal", "2024-05-13T08:21:10Z"],
    ["db", "执行成功##SuccessfulFinish", "元素(db)执行成功 ## Element(db) succeeded", "Normal", "2024-05-13T08:21:20Z"],
    ["负载均衡器-主", "执行失败##FailedFinish", "元素执行失败: 端口冲突 ## Element failed: port conflict", "Warning", "2024-05-13T08:21:30Z"],
  ].map(([el, reason, message, type, t]) => ({
    involvedObject: { kind: "Execution", name: "混合-run" },
    elemId: el,
    elemType: "KubeDAG.init",
    reason,
    message,
    type,
    firstTimestamp: t,
    lastTimestamp: t,
    count: 1,
  })),
);

test("bilingual alignment: CJK labels and texts keep the columns aligned", () => {
  for (const w of ["80", "40"]) {
    const r = cli(["--width", w, "-"], { input: CJK_EVENTS });
    assert.equal(r.status, 3, r.stderr); // 数据库 has started and not finished: Running
    const { rows } = ganttRows(r.stdout);
    assert.ok(rows.some((l) => /[\u4e00-\u9fff]/.test(l)), r.stdout);
    const markCol = new Set(rows.map((l) => cols(l.slice(0, l.search(/[✓✗↻⊘↷◌?] /)))));
    assert.equal(markCol.size, 1, `the phase marks start at one column:\n${rows.join("\n")}`);
  }
  for (const lang of ["zh", "en", "both"]) {
    const r = cli(["--events", "--lang", lang, "-"], { input: CJK_EVENTS });
    const lines = r.stdout.split("\n").filter((l) => /^\d\d:\d\d:\d\d {2}/.test(l));
    assert.equal(lines.length, 4);
    // Where the message starts, in columns: the same on every row.
    const head = r.stdout.split("\n")[1];
    const msgCol = cols(head.slice(0, head.indexOf("Message")));
    for (const l of lines) {
      const msgStart = l.search(/(元素|检查中|Element|checking)/);
      assert.equal(cols(l.slice(0, msgStart)), msgCol, `${lang}: ${l}`);
    }
    if (lang === "zh") assert.ok(lines.every((l) => !/ActionStart|Checking/.test(l)), r.stdout);
    if (lang === "en") assert.ok(lines.every((l) => !/启动|检查资源/.test(l)), r.stdout);
    if (lang === "both") {
      // Chinese on the event's line, English on the next, in the same column.
      const all = r.stdout.split("\n");
      const i = all.findIndex((l) => l.includes("启动"));
      assert.equal(cols(all[i].slice(0, all[i].indexOf("启动"))), cols(all[i + 1].slice(0, all[i + 1].indexOf("ActionStart"))), r.stdout);
    }
  }
  // --lang in the report's first failure: one half, or both on two lines.
  const zh = cli(["--lang", "zh", "samples/aos-upgrade-failed.json"]).stdout;
  assert.match(zh, /^ {2}message {3}工作负载shop-api滚动升级失败/m);
  assert.ok(!/Deployment shop-api rolling update failed/.test(zh));
  const en = cli(["--lang", "en", "samples/aos-upgrade-failed.json"]).stdout;
  assert.match(en, /^ {2}message {3}Deployment shop-api rolling update failed/m);
  assert.ok(!/工作负载/.test(en));
});

test("terminal widths: text that skips Intl.Segmenter is cut into the clusters it would give, at the same widths", async () => {
  const { clusters, width } = await import(pathToFileURL(path.join(INSTALLED, "cli/width.js")).href);
  const seg = new Intl.Segmenter("en", { granularity: "grapheme" });
  const reference = (/** @type {string} */ s) => Array.from(seg.segment(s), (x) => x.segment);
  // The edges of the ranges the fast path takes, the characters just outside
  // them, and what must not be split: combining and voiced sound marks, jamo,
  // joiners, variation selectors, emoji, surrogate pairs.
  const edges = [0x20, 0x7e, 0x7f, 0x9f, 0xa0, 0xac, 0xad, 0xae, 0x2ff, 0x300, 0x301, 0x200b, 0x200d, 0x200f, 0x2010, 0x2027, 0x2028, 0x202e, 0x2030, 0x205e, 0x2060, 0x2fff, 0x3000, 0x3029, 0x302a, 0x302f, 0x3030, 0x3098, 0x3099, 0x309a, 0x309b, 0x4e2d, 0x9fff, 0xa000, 0x1100, 0x1160, 0x11a8, 0xabff, 0xac00, 0xd7a3, 0xd7a4, 0xfe0f, 0xff00, 0xff01, 0xff76, 0xff9d, 0xff9e, 0xff9f, 0xffa0, 0xffef, 0x1f44d, 0x1f3fd, 0x1f1e8, 0x1f1f3];
  const chars = edges.map((c) => String.fromCodePoint(c));
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < 3000; i++) {
    const n = 1 + (next() % 8);
    const s = Array.from({ length: n }, () => chars[next() % chars.length]).join("");
    assert.deepEqual(clusters(s), reference(s), JSON.stringify(s));
    // The same text and a combining mark after it (which joins the last
    // cluster and takes no column) goes through Intl.Segmenter: same width.
    assert.equal(width(s), width(s + "\u0301"), JSON.stringify(s));
  }
  assert.equal(width("启动##ActionStart ｱｲ"), 20);
});

test("root cause and blast radius: printed under the first failure when the package has graph()", async () => {
  // The renderers, given a report with root causes (what graph() gives once issue 11 lands).
  const { plain, rootCauseText } = await import(pathToFileURL(path.join(INSTALLED, "cli/plain.js")).href);
  const { markdown } = await import(pathToFileURL(path.join(INSTALLED, "cli/markdown.js")).href);
  const { readAll, reports } = await import(pathToFileURL(path.join(INSTALLED, "cli/report.js")).href);
  const { makeStyle } = await import(pathToFileURL(path.join(INSTALLED, "cli/style.js")).href);
  const bytes = new Uint8Array(fs.readFileSync(path.join(REPO, "samples/aos-upgrade-failed.json")));
  const [report] = reports(readAll([{ name: "run.json", bytes, error: null }], {}), {}, undefined);
  report.rootCauses = [{ element: "shop-api-deployment", reason: "UpgradeFailed", affected: ["shop-api-hpa", "shop-web-deployment", "shop-cron-job"] }];
  const text = plain(report, { width: 80, style: makeStyle(false), utc: true, lang: "en", lanes: 100, failedFirst: false }).join("\n");
  assert.match(text, /^ {2}Root cause: shop-api-deployment \(UpgradeFailed\) — took down 3 elements:\n {4}shop-api-hpa, shop-web-deployment, shop-cron-job$/m);
  const lines = text.split("\n");
  assert.ok(lines.findIndex((l) => l.includes("Root cause:")) > lines.findIndex((l) => l.startsWith("First failure:")), "under the first failure");
  const md = markdown(report, { utc: true, lang: "en" }).join("\n");
  assert.match(md, /^\| Root cause \| shop-api-deployment \(UpgradeFailed\) — took down 3 elements: shop-api-hpa, shop-web-deployment, shop-cron-job \|$/m);
  assert.equal(rootCauseText({ element: "a", reason: null, affected: [] }, "en"), "Root cause: a — took down no other element");

  // The installed package: with graph() the real report has the line; without, it is skipped.
  // The installed package has graph() (issue 11): the real report names the root cause and what it took down.
  assert.equal(typeof execscope.graph, "function", "the package exports graph()");
  const out = cli(["--width", "80", "samples/aos-upgrade-failed.json"]).stdout;
  assert.match(out, /^ {2}Root cause: shop-api-deployment \(UpgradeFailed\) — took down 4 elements:\n {4}shop-web-deployment, shop-api-hpa, shop-cron-job, shop-elb-backend$/m);
  // Without dependencies (an event list: no template) every failed element would be its own root
  // cause that took down nothing: the line is left out.
  assert.doesNotMatch(cli(["samples/aos-upgrade-failed-events.json"]).stdout, /Root cause/);
  assert.match(cli(["--markdown", "samples/aos-upgrade-failed.json"]).stdout,
    /^\| Root cause \| shop-api-deployment \(UpgradeFailed\) — took down 4 elements: shop-web-deployment, shop-api-hpa, shop-cron-job, shop-elb-backend \|$/m);
});

/**
 * The ```console blocks of a document: `$ command` lines and the output that
 * follows each. Commands run with bash from the repository root, the installed
 * bin first on PATH, stderr merged into stdout.
 */
function consoleBlocks(markdownText) {
  const out = [];
  for (const m of markdownText.matchAll(/^```console\n([\s\S]*?)^```$/gm)) {
    let cur = null;
    for (const line of m[1].replace(/\n$/, "").split("\n")) {
      if (line.startsWith("$ ")) {
        cur = { command: line.slice(2), expected: [] };
        out.push(cur);
      } else if (cur) {
        cur.expected.push(line);
      }
    }
  }
  return out;
}

function runDocCommand(command) {
  const env = baseEnv({ PATH: `${path.join(HERE, "node_modules/.bin")}${path.delimiter}${process.env.PATH}` });
  const r = spawnSync("bash", ["-c", `exec 2>&1; ${command}`], { cwd: REPO, env, encoding: "utf8" });
  return r.stdout.replace(/\n$/, "");
}

const DOCS = [["docs/cli.md", fs.readFileSync(path.join(REPO, "docs/cli.md"), "utf8")]];
const readme = /^## Command line\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(fs.readFileSync(path.join(REPO, "README.md"), "utf8"));
if (readme) DOCS.push(["README.md (Command line)", readme[1]]);

// UPDATE_GOLDEN=1 also rewrites the outputs in docs/cli.md's console blocks (review the diff).
if (UPDATE) {
  const file = path.join(REPO, "docs/cli.md");
  const updated = DOCS[0][1].replace(/^```console\n([\s\S]*?)^```$/gm, (_, body) => {
    const out = [];
    for (const line of body.split("\n")) if (line.startsWith("$ ")) out.push(line, runDocCommand(line.slice(2)));
    return "```console\n" + out.join("\n") + "\n```";
  });
  fs.writeFileSync(file, updated);
  DOCS[0][1] = updated;
}

for (const [doc, text] of DOCS) {
  const blocks = consoleBlocks(text);
  test(`${doc}: every example prints what the document shows`, () => {
    assert.ok(blocks.length >= 1, `${doc} has console examples`);
    for (const { command, expected } of blocks) {
      assert.equal(runDocCommand(command), expected.join("\n"), `${doc}: $ ${command}`);
    }
  });
}

test("docs/cli.md documents every option of --help and every exit status", () => {
  const doc = fs.readFileSync(path.join(REPO, "docs/cli.md"), "utf8");
  const help = cli(["--help"]).stdout;
  for (const opt of new Set(help.match(/--[a-z][a-z-]*/g))) assert.ok(doc.includes(opt), `docs/cli.md mentions ${opt}`);
  for (const code of ["0", "1", "2", "3"]) assert.match(doc, new RegExp(`^\\| ${code} \\|`, "m"), `docs/cli.md's exit status table has ${code}`);
});

test("cli-golden/ holds no file that no test wrote", { skip: UPDATE }, () => {
  // Runs last (node:test runs a file's tests in order).
  const stale = fs.readdirSync(GOLDEN).filter((f) => !written.has(f));
  assert.deepEqual(stale, [], "remove these (or UPDATE_GOLDEN=1 npm test, which rewrites the rest)");
});

test("a large input: bytes straight to the core (no string), the report as for a small one", () => {
  // 20,000 events of 2,000 elements in a temporary file: the same code path a
  // 100 MB list takes (bench figures: docs/cli.md "Large inputs").
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "execscope-cli-"));
  try {
    const events = [];
    for (let i = 0; i < 20000; i++) {
      const el = `element-${i % 2000}`;
      const t = new Date(Date.UTC(2024, 4, 13, 8, 0, 0) + i * 1000).toISOString().replace(/\.000Z$/, "Z");
      const last = i >= 18000;
      events.push({ involvedObject: { kind: "Execution", name: "big-run" }, elemId: el, reason: last ? "执行成功##SuccessfulFinish" : "启动##ActionStart", message: `m${i}`, type: "Normal", firstTimestamp: t, lastTimestamp: t, count: 1 });
    }
    const file = path.join(dir, "big.json");
    fs.writeFileSync(file, JSON.stringify(events));
    const r = cli([file]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^ {2}progress {2}100% · 2,000 of 2,000 elements succeeded/m);
    assert.equal(ganttRows(r.stdout).rows.length, 100, "100 rows when piped");
    assert.match(r.stdout, /^… 1,900 more \(--lanes N shows more\)$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
