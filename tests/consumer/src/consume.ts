// A consumer of the execscope npm package, written the way a web console would
// use it. The same file is
//   - type-checked by `tsc --strict --noEmit` (tsconfig.json: bundler resolution,
//     tsconfig.nodenext.json: Node's resolution without the DOM lib),
//   - bundled by Vite (web/main.ts) and run in headless Chromium,
//   - transpiled (types stripped) and run in Node 20 (test/node.test.mjs).
// exercise() returns a plain-data report that the tests compare with
// tests/golden/*.json, in every environment.
import {
  decodeObjectData,
  detect,
  events,
  rawJson,
  summarize,
  timeline,
  version,
} from "execscope";
import type {
  DecodedObjectData,
  ErrorCode,
  Event,
  ExecscopeError,
  Format,
  Lane,
  Marker,
  Options,
  Phase,
  Run,
  Span,
  Summary,
  Timeline,
  Warning,
} from "execscope";

// ------------------------------------------------------- type-level assertions
// These fail to compile when a function returns `any` or a field's type drifts.
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
type IsAny<T> = 0 extends 1 & T ? true : false;
/** true when `any` hides anywhere inside T (unknown is fine). */
type HasAny<T> =
  IsAny<T> extends true
    ? true
    : T extends readonly (infer U)[]
      ? HasAny<U>
      : T extends object
        ? true extends { [K in keyof T]-?: HasAny<T[K]> }[keyof T]
          ? true
          : false
        : false;

export type TypeChecks = [
  Assert<Equal<ReturnType<typeof summarize>, Summary>>,
  Assert<Equal<ReturnType<typeof timeline>, Timeline>>,
  Assert<Equal<ReturnType<typeof events>, Event[]>>,
  Assert<Equal<ReturnType<typeof decodeObjectData>, DecodedObjectData>>,
  Assert<Equal<ReturnType<typeof detect>, Format>>,
  Assert<Equal<ReturnType<typeof rawJson>, string>>,
  Assert<Equal<ReturnType<typeof version>, string>>,
  Assert<Equal<Parameters<typeof summarize>[0], string | Uint8Array>>,
  Assert<Equal<Parameters<typeof decodeObjectData>[0], string>>,
  Assert<Equal<Summary["kind"], Format>>,
  Assert<Equal<Summary["runs"], Run[]>>,
  Assert<Equal<Run["phase"], Phase>>,
  Assert<Equal<Run["startedAt"], number | null>>,
  Assert<Equal<Run["timedOut"], boolean | null>>,
  Assert<Equal<Run["progress"]["derived"], number | null>>,
  Assert<Equal<Run["phases"], Record<Phase, number>>>,
  Assert<Equal<Timeline["lanes"], Lane[]>>,
  Assert<Equal<Lane["spans"], Span[]>>,
  Assert<Equal<Span["end"], number | null>>,
  Assert<Equal<Marker["kind"], "start" | "success" | "failure" | "other">>,
  Assert<Equal<DecodedObjectData["json"], unknown>>,
  Assert<Equal<DecodedObjectData["status"], "decoded" | "redacted" | "empty">>,
  Assert<Equal<ExecscopeError["code"], ErrorCode>>,
  Assert<Equal<Options["run"], string | undefined>>,
  Assert<Equal<HasAny<Summary>, false>>,
  Assert<Equal<HasAny<Timeline>, false>>,
  Assert<Equal<HasAny<Event[]>, false>>,
  Assert<Equal<HasAny<DecodedObjectData>, false>>,
  Assert<Equal<HasAny<Warning>, false>>,
  Assert<Equal<HasAny<ExecscopeError>, false>>,
  Assert<Equal<HasAny<Parameters<typeof summarize>>, false>>,
  // The checker itself: it does see an `any`.
  Assert<Equal<HasAny<{ a: { b: any[] } }>, true>>,
];

// ------------------------------------------------------------ ordinary usage
/** One line about a run, using the precise field types (no casts). */
export function headline(run: Run): string {
  let state: string;
  switch (run.phase) {
    case "Succeeded":
      state = `succeeded in ${run.durationMs === null ? "?" : run.durationMs / 1000} s`;
      break;
    case "Failed":
      state = `failed${run.firstFailure ? ` at ${run.firstFailure.element}` : ""}`;
      break;
    case "Running":
    case "Pending":
      state = run.phase.toLowerCase();
      break;
    case "Cancelled":
    case "Skipped":
    case "Unknown":
      state = run.phase;
      break;
    default: {
      // Exhaustive: every Phase is handled above.
      const unreachable: never = run.phase;
      state = unreachable;
    }
  }
  const progress = run.progress.reported ?? run.progress.derived;
  return `${run.name ?? run.id}: ${state}, ${run.progress.done}/${run.progress.total}${progress === null ? "" : ` (${progress}%)`}`;
}

/** The fields an ExecscopeError carries, as plain data (own properties only). */
export interface ErrorFields {
  code: ErrorCode;
  message: string;
  line?: number;
  column?: number;
  offset?: number;
}

export interface ThrownError extends ErrorFields {
  instanceOfError: boolean;
  name: string;
}

function isExecscopeError(e: unknown): e is ExecscopeError {
  return e instanceof Error && typeof (e as Partial<ExecscopeError>).code === "string";
}

export function errorFields(e: unknown): ErrorFields {
  if (!isExecscopeError(e)) throw e;
  const out: ErrorFields = { code: e.code, message: e.message };
  if (e.line !== undefined) out.line = e.line;
  if (e.column !== undefined) out.column = e.column;
  if (e.offset !== undefined) out.offset = e.offset;
  return out;
}

export function thrown(f: () => unknown): ThrownError | null {
  try {
    f();
    return null;
  } catch (e) {
    return { ...errorFields(e), instanceOfError: e instanceof Error, name: e instanceof Error ? e.name : "" };
  }
}

/** Everything execscope says about one payload, keyed like tests/golden/<name>.json. */
export type Rendered =
  | { error: ErrorFields }
  | {
      summary: Summary;
      timelines: { run: string; timeline: Timeline }[];
      events?: Event[];
      [decoded: `${string}:objectData` | `${string}:changedObjectData`]:
        | DecodedObjectData
        | { error: ErrorFields };
    };

export function render(input: string | Uint8Array, options: Options = {}): Rendered {
  let summary: Summary;
  try {
    summary = summarize(input, options);
  } catch (e) {
    return { error: errorFields(e) };
  }
  const out: Extract<Rendered, { summary: Summary }> = { summary, timelines: [] };
  for (const run of summary.runs) {
    out.timelines.push({ run: run.id, timeline: timeline(input, { ...options, run: run.id }) });
    for (const field of ["objectData", "changedObjectData"] as const) {
      const text: string | null = run[field];
      if (text === null) continue;
      try {
        out[`${run.id}:${field}`] = decodeObjectData(text);
      } catch (e) {
        out[`${run.id}:${field}`] = { error: errorFields(e) };
      }
    }
  }
  const list: Event[] = events(input, options);
  if (list.length > 0) out.events = list;
  return out;
}

export interface Report {
  version: string;
  /** file name (without .json) -> what execscope says about it */
  rendered: Record<string, Rendered>;
  /** file name -> detect() (or the error code) */
  detected: Record<string, Format | ErrorCode>;
  /** file name -> JSON.parse(rawJson(x)) worked */
  rawJsonParses: Record<string, boolean>;
  /** string input gives the same summary as the Uint8Array input */
  stringInputSame: Record<string, boolean>;
  headlines: Record<string, string[]>;
  errors: Record<string, ThrownError | null>;
}

/** One payload: its bytes and the same bytes decoded as UTF-8 (BOM kept). */
export interface Input {
  bytes: Uint8Array;
  text: string;
}

/** inputs: file name (e.g. "seed-aos-execution.json") -> the payload. */
export function exercise(inputs: Record<string, Input>): Report {
  const report: Report = {
    version: version(),
    rendered: {},
    detected: {},
    rawJsonParses: {},
    stringInputSame: {},
    headlines: {},
    errors: {},
  };
  for (const [file, { bytes, text }] of Object.entries(inputs)) {
    const name = file.replace(/\.json$/, "");
    const options: Options = { strict: name.includes(".strict") };
    const r = render(bytes, options);
    report.rendered[name] = r;
    try {
      report.detected[name] = detect(bytes, options);
    } catch (e) {
      report.detected[name] = errorFields(e).code;
    }
    if ("summary" in r) {
      report.headlines[name] = r.summary.runs.map(headline);
      const parsed: unknown = JSON.parse(rawJson(bytes, options));
      report.rawJsonParses[name] = typeof parsed === "object" && parsed !== null;
      report.stringInputSame[name] =
        JSON.stringify(summarize(text, options)) === JSON.stringify(r.summary);
    }
  }

  const workflow = inputs["seed-workflow-executions.json"]?.text;
  report.errors = {
    invalidJson: thrown(() => summarize('{\n  "kind": "Execution",\n  "status": }')),
    strictTrailingComma: thrown(() => summarize('{"a":1,}', { strict: true })),
    invalidBase64: thrown(() => decodeObjectData("eyJh!!")),
    tooLarge: thrown(() => summarize("[]", { maxBytes: 1 })),
    tooDeep: thrown(() => summarize("[".repeat(200) + "]".repeat(200))),
    unknownFormat: thrown(() => summarize('"just a string"')),
    invalidOption: thrown(() => summarize("{}", JSON.parse('{"format":"nope"}') as Options)),
    invalidInput: thrown(() => summarize(42 as unknown as string)),
    unknownRun: workflow ? thrown(() => timeline(workflow, { run: "no-such-run" })) : null,
    noError: thrown(() => summarize("[]")),
  };
  return report;
}
