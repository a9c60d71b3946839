// @ts-check
// The command line's arguments (node:util parseArgs) and its help text.

import { parseArgs } from "node:util";

export const HELP = `Usage: execscope [options] <file | -> …

Summarizes Huawei Cloud orchestration runs (AOS and GCS executions, their
events, AOM workflow histories, RFS stack events) from the JSON their APIs
return. Files of one run (an execution and its events, snapshots of one
execution) are joined into one report; other files are reported in turn.
"-" reads standard input. Nothing leaves this machine.

Output (default: a report for a terminal, with a Gantt chart)
  --json              the summary JSON, one document per input
  --markdown          a report for a pull request, an issue or a ticket
  --events            the event table (with --json: the events as JSON)

Options
  --run ID            which run of a workflow history to show (default: newest)
  --format NAME       read every input as this format: aos-execution,
                      gcs-execution, execution-events, workflow-executions,
                      rfs-stack-events, api-error (default: detected)
  --strict            refuse what is otherwise repaired (trailing commas, a BOM)
  --lang zh|en|both   which half of "中文##English" texts to show (default both)
  --utc               times in UTC (default: the local zone, with its offset)
  --lanes N           at most N rows in the Gantt chart (default: what fits the
                      terminal; 100 when the output is not a terminal)
  --failed            failed elements first in the Gantt chart
  --width N           columns to fit (default: $COLUMNS, the terminal, or 80)
  --color, --no-color colours on or off (default: on for a terminal unless
                      NO_COLOR is set; never when the output is piped)
  -q, --quiet         print nothing: only the exit status tells
  -h, --help          this help
  -V, --version       the version

Exit status
  0  every run shown Succeeded or was Skipped
  1  a run Failed or was Cancelled, or an input is an API error response
  2  an input could not be read (missing file, invalid JSON: file, line and
     column are named) or the options are wrong
  3  a run is still Running or Pending, or its phase is Unknown (poll again)
  With several inputs the first that applies of 2, 1, 3, 0.

Examples
  execscope run.json
  execscope execution.json events.json          # one run, joined
  curl -s "$URL" | execscope -                  # from standard input
  execscope --markdown run.json > report.md
  execscope --json run.json | jq .runs[0].phase
  until execscope -q status.json; [ $? -ne 3 ]; do sleep 10; done
`;

/**
 * @typedef {object} Args
 * @property {string[]} files
 * @property {"plain" | "json" | "markdown"} output
 * @property {boolean} events
 * @property {string | undefined} run
 * @property {string | undefined} format
 * @property {boolean} strict
 * @property {"zh" | "en" | "both"} lang
 * @property {boolean} utc
 * @property {number | undefined} lanes
 * @property {boolean} failed
 * @property {number | undefined} width
 * @property {boolean | undefined} color   true: --color, false: --no-color, undefined: decide
 * @property {boolean} quiet
 * @property {boolean} help
 * @property {boolean} version
 */

/** A mistake on the command line (exit status 2). */
export class UsageError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * @param {string} name
 * @param {string | undefined} value
 * @param {number} min
 */
function integer(name, value, min) {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > 100000) {
    throw new UsageError(`${name}: expected a whole number from ${min} to 100000, found ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/**
 * @param {string[]} argv  the arguments after the program name
 * @returns {Args}
 */
export function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        markdown: { type: "boolean" },
        events: { type: "boolean" },
        run: { type: "string" },
        format: { type: "string" },
        strict: { type: "boolean" },
        lang: { type: "string" },
        utc: { type: "boolean" },
        lanes: { type: "string" },
        failed: { type: "boolean" },
        width: { type: "string" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        quiet: { type: "boolean", short: "q" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "V" },
      },
    });
  } catch (e) {
    // parseArgs' messages name the option ("Unknown option '--jsn'", "Option '--run <value>' argument missing").
    const msg = /** @type {Error} */ (e).message.replace(/\. To specify a positional argument starting with a '-'.*$/s, "");
    throw new UsageError(msg);
  }
  const v = parsed.values;
  if (v.json && v.markdown) throw new UsageError("--json and --markdown: expected at most one output format, found both");
  const lang = v.lang ?? "both";
  if (lang !== "zh" && lang !== "en" && lang !== "both") {
    throw new UsageError(`--lang: expected zh, en or both, found ${JSON.stringify(lang)}`);
  }
  if (v.run !== undefined && v.run === "") throw new UsageError("--run: expected a run id, found an empty string");
  return {
    files: parsed.positionals,
    output: v.json ? "json" : v.markdown ? "markdown" : "plain",
    events: v.events ?? false,
    run: v.run,
    format: v.format,
    strict: v.strict ?? false,
    lang,
    utc: v.utc ?? false,
    lanes: integer("--lanes", v.lanes, 1),
    failed: v.failed ?? false,
    width: integer("--width", v.width, 20),
    color: v["no-color"] ? false : v.color ? true : undefined,
    quiet: v.quiet ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}
