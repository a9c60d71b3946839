// @ts-check
// The command line: arguments → inputs → reports → output, and the exit status.
// main() takes its streams and environment as arguments, so it runs the same
// from cli/execscope.js and from a test.

import { HELP, UsageError, parse } from "./args.js";
import { eventLines, eventMarkdown } from "./events.js";
import { zoneLabel } from "./time.js";
import { excerpt, readInputs } from "./input.js";
import { markdown } from "./markdown.js";
import { plain } from "./plain.js";
import { combine, core, exitStatus, failure, isRead, options, phaseStatus, readAll, reports } from "./report.js";
import { makeStyle } from "./style.js";
import { formatName } from "./text.js";
import { oneLine, printable, width } from "./width.js";

/** @typedef {import("./report.js").Failure} Failure */
/** @typedef {import("./report.js").Report} Report */
/** @typedef {import("./args.js").Args} Args */

/**
 * Where main() reads and writes.
 * @typedef {object} Io
 * @property {NodeJS.WritableStream & { isTTY?: boolean, columns?: number, rows?: number }} stdout
 * @property {NodeJS.WritableStream} stderr
 * @property {NodeJS.ReadableStream} stdin
 * @property {Record<string, string | undefined>} env
 */

/** Lines to a stream, in chunks (a million event rows never become one string). @param {NodeJS.WritableStream} out @param {Iterable<string>} lines */
async function writeLines(out, lines) {
  let buf = "";
  for (const line of lines) {
    buf += line + "\n";
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await new Promise((resolve) => out.once("drain", resolve));
      buf = "";
    }
  }
  if (buf) out.write(buf);
}

/**
 * What an unreadable input prints on standard error: the file, line and column,
 * the core's message and code, and the lines around the problem.
 * @param {Failure} f
 * @returns {string[]}
 */
export function failureLines(f) {
  const where = f.line != null ? `${f.name}:${f.line}:${f.column ?? 1}` : f.name;
  const lines = [`execscope: ${printable(where)}: ${oneLine(f.message)}${f.code ? ` [${f.code}]` : ""}`];
  if (f.bytes && f.line != null && (f.code === "invalid_json" || f.code === "too_deep")) {
    const ctx = excerpt(f.bytes, f.line, f.column ?? 1);
    const numW = String(f.line).length;
    for (const l of ctx) {
      const text = printable(l.text);
      lines.push(`  ${String(l.n).padStart(numW)} | ${text}`.trimEnd());
      if (l.caret != null) {
        const before = printable(Array.from(l.text).slice(0, l.caret - 1).join(""));
        lines.push(`  ${" ".repeat(numW)} | ${" ".repeat(width(before))}^`);
      }
    }
  }
  return lines;
}

/** @param {Args} a @param {Io} io */
function settings(a, io) {
  const out = io.stdout;
  const tty = out.isTTY === true;
  const env = io.env;
  const columnsEnv = Number(env.COLUMNS);
  const w = a.width ?? (Number.isInteger(columnsEnv) && columnsEnv >= 20 ? columnsEnv : tty && out.columns ? Math.max(20, out.columns) : 80);
  const colour = a.color ?? (tty && !env.NO_COLOR && env.TERM !== "dumb");
  const lanes = a.lanes ?? (tty && out.rows ? Math.max(10, out.rows - 24) : 100);
  return { width: w, style: makeStyle(colour), lanes };
}

/**
 * Runs the command line. Resolves to the exit status.
 * @param {string[]} argv  the arguments after the program name
 * @param {Io} io
 * @returns {Promise<number>}
 */
export async function main(argv, io) {
  /** @type {Args} */
  let a;
  try {
    a = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`execscope: ${e.message}\nUsage: execscope [options] <file | -> …  (execscope --help for more)\n`);
    return 2;
  }
  if (a.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (a.version) {
    io.stdout.write(`execscope ${core.version()}\n`);
    return 0;
  }
  if (a.files.length === 0) {
    io.stderr.write("execscope: expected a file to read, or - for standard input; found no argument\nUsage: execscope [options] <file | -> …  (execscope --help for more)\n");
    return 2;
  }
  if (a.files.filter((f) => f === "-").length > 1) {
    io.stderr.write("execscope: - (standard input) given more than once: it can be read only once\n");
    return 2;
  }
  const s = settings(a, io);
  const opts = options(a);
  const inputs = await readInputs(a.files, io.stdin);

  // A wrong --format is the command line's mistake, not the file's: say it once.
  if (a.format !== undefined) {
    try {
      core.detect("{}", opts);
    } catch (e) {
      const err = /** @type {import("./report.js").ExecscopeError} */ (e);
      if (err.code === "invalid_option") {
        io.stderr.write(`execscope: --format: ${err.message.replace(/^expected options\.format to be/, "expected")}\n`);
        return 2;
      }
    }
  }

  /** @type {number[]} */
  const codes = [];
  const fail = (/** @type {Failure} */ f) => {
    codes.push(2);
    io.stderr.write(failureLines(f).join("\n") + "\n");
  };

  // --json: the core's Summary (or, with --events, its Event[]) per input.
  if (a.output === "json") {
    for (const input of inputs) {
      if (!input.bytes) {
        fail({ name: input.name, message: input.error ?? "unreadable", code: null, line: null, column: null, bytes: null });
        continue;
      }
      try {
        // With --events, one read for both (summarize() then events() would read twice).
        const payload = a.events && !a.quiet ? core.Payload.readWhole(input.bytes, opts, true) : null;
        const summary = payload ? payload.summary() : core.summarize(input.bytes, opts);
        const run = (a.run !== undefined ? summary.runs.find((r) => r.id === a.run) : undefined) ?? summary.runs[0];
        codes.push(summary.apiError ? 1 : phaseStatus(run ? run.phase : "Unknown"));
        if (a.quiet) continue;
        const doc = payload ? payload.events() : summary;
        payload?.free();
        io.stdout.write(JSON.stringify(doc, null, 2) + "\n");
      } catch (e) {
        fail(failure(e, input));
      }
    }
    return combine(codes);
  }

  const read = readAll(inputs, opts, a.events);
  if (a.run !== undefined && !read.some((r) => isRead(r) && r.summary.runs.some((x) => x.id === a.run))) {
    const known = read.flatMap((r) => (isRead(r) ? r.summary.runs.slice(0, 5).map((x) => x.id) : []));
    io.stderr.write(`execscope: --run: expected the id of a run in the input${inputs.length > 1 ? "s" : ""} (${known.length ? known.join(", ") : "they have none"}), found ${JSON.stringify(a.run)}\n`);
    return 2;
  }

  // --events: the event table of each input.
  if (a.events) {
    let first = true;
    for (const r of read) {
      if (!isRead(r)) {
        fail(r);
        continue;
      }
      const run = (a.run !== undefined ? r.summary.runs.find((x) => x.id === a.run) : undefined) ?? r.summary.runs[0];
      codes.push(r.summary.apiError ? 1 : phaseStatus(run ? run.phase : "Unknown"));
      if (a.quiet) continue;
      const events = r.payload.events();
      const name = printable(r.input.name);
      if (a.output === "markdown") {
        await writeLines(io.stdout, [...(first ? [] : [""]), `## Events of ${name} (${events.length})`, ""]);
        if (events.length) await writeLines(io.stdout, eventMarkdown(events, { utc: a.utc, lang: a.lang }));
        else io.stdout.write(`No events in ${name} (${formatName(r.summary.kind)}): only execution-events payloads have them.\n`);
      } else {
        const t0 = events.find((e) => e.firstTimestamp != null)?.firstTimestamp ?? null;
        const head = `${name}: ${events.length.toLocaleString("en-US")} event${events.length === 1 ? "" : "s"}${events.length ? `, times ${zoneLabel(t0, a.utc)}` : ""}`;
        await writeLines(io.stdout, [...(first ? [] : [""]), s.style.bold(printable(head))]);
        if (events.length) await writeLines(io.stdout, eventLines(events, { width: s.width, style: s.style, utc: a.utc, lang: a.lang }));
        else io.stdout.write(`No events in ${name} (${formatName(r.summary.kind)}): only execution-events payloads have them.\n`);
      }
      first = false;
    }
    return combine(codes);
  }

  // The reports: plain or Markdown.
  let first = true;
  for (const r of reports(read, opts, a.run)) {
    if (!("sources" in r)) {
      fail(r);
      continue;
    }
    codes.push(exitStatus(r));
    if (a.quiet) continue;
    const lines =
      a.output === "markdown"
        ? markdown(r, { utc: a.utc, lang: a.lang })
        : plain(r, { width: s.width, style: s.style, utc: a.utc, lang: a.lang, lanes: s.lanes, failedFirst: a.failed });
    if (!first) lines.unshift(a.output === "markdown" ? "" : s.style.dim("─".repeat(s.width)));
    first = false;
    await writeLines(io.stdout, lines);
  }
  return combine(codes);
}
