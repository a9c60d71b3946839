// Builds the payload files of the injection suite (in memory: nothing is
// written to the repository) and what each must show. Every payload string goes
// into every field the page shows, in every format:
//
//   per payload, one file per format (aos-execution, gcs-execution,
//   execution-events, workflow-executions, api-error): run-level fields (ids,
//   names, phases, reasons, messages, actions, created_by, objectData) take the
//   payload, and so do the elements (ids, phases, reasons, messages) and
//   unknown keys and values (the raw tree), and the AOS template's element
//   names and types (the dependency graph); the file is named after the payload;
//   bulk files: all payloads at once as elements of one run (AOS sub-objects,
//   GCS nodes, events, workflow runs, RFS resources in chunks): many lanes, long
//   warning lists, the events search over many rows, a graph of them all;
//   error files: invalid JSON whose lines around the error hold the payloads
//   (raw and as JSON strings), valid JSON of an unknown shape whose keys are
//   payloads (the message names the keys), JSON nested too deep.
//
// The expected texts come from the payload itself; warnings and error messages
// (the core's own wording around the payload) from the core, run in Node on the
// same bytes.
import { PAYLOADS, isBilingual } from "./payloads.mjs";

const T0 = Date.parse("2024-05-13T08:00:00Z");
const iso = (ms) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");
const b64 = (s) => Buffer.from(s, "utf8").toString("base64");
/** o[k] = v as an own property, even for "__proto__" (an assignment would set the prototype). */
const own = (o, k, v) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

/** Field registry: name -> number of payload placements. */
export class Fields {
  constructor() { this.map = new Map(); }
  add(...names) { for (const n of names) this.map.set(n, (this.map.get(n) || 0) + 1); }
  get size() { return this.map.size; }
  byFormat() {
    const out = {};
    for (const k of this.map.keys()) { const f = k.split(".")[0]; out[f] = (out[f] || 0) + 1; }
    return out;
  }
}

const T = (sel, text, field) => ({ k: "text", sel, text, field });
const A = (sel, attr, text, field) => ({ k: "attr", sel, attr, text, field });
const tid = (id) => '[data-testid="' + id + '"]';

function jtExpect(scope, p, field) {
  // the tree shows keys and strings as JSON string literals
  return [{ k: "jt", scope, text: JSON.stringify(p), field }];
}

function warningsExpect(core, text) {
  let s;
  try { s = core.summarize(text); } catch (_) { return []; }
  if (!s.warnings.length) return [];
  return [{ k: "warnings", list: s.warnings.map((w) => ({ code: w.code, message: w.message, path: w.path })), field: "warnings (code, message, path)" }];
}

function odExpect(core, raw, label, original, field) {
  const d = core.decodeObjectData(raw);
  const scope = tid("od-" + label);
  if (d.status !== "decoded") return [];
  if (d.format === "json") {
    // the text view is the decoded JSON pretty-printed: as given, key order kept
    return [T(scope + " .od-text", JSON.stringify(JSON.parse(original), null, 2), field + " (text view)")];
  }
  if (d.format === "yaml" || d.format === "text") return [T(scope + " .od-text", original, field + " (" + d.format + ")")];
  return [];
}

/** Long strings: a tooltip is rebuilt on every pointer move; hover the names and a few points only. */
function light(p) {
  return p.length > 2000 ? { spanStep: 200 } : {};
}

/** Every 7th payload (and every bulk file) gets the deep pass: sorts, type filters, languages, compare, every run. */
const deep = (i) => i % 7 === 0;
/** Every 7th payload's AOS, GCS and workflow files name the same run: the page joins them. */
const joined = (i) => i % 7 === 0;

/** What to type in the search box: an <input> drops line breaks, so the longest line. */
function searchable(p) {
  const line = p.split(/[\r\n]/).sort((a, b) => b.length - a.length)[0];
  return line.trim() ? line : "";
}

function bi(p, exp) {
  return isBilingual(p) ? [] : exp;
}

// --------------------------------------------------------------------------------------------
// per-payload files

/**
 * What the graph view must show of a template whose element `name` has the type
 * `type`: in the list (every element, its type, what it depends on), as text.
 */
function graphExpect(name, type, dep, field) {
  const out = [T(tid("graph-item-name"), name, field + " (graph list: element)"), T(tid("graph-item-type"), type, field + " (graph list: type)")];
  if (dep != null) out.push(T(tid("graph-item-dep"), dep, field + " (graph list: dependency)"));
  return out;
}

function aosFile(core, fields, { i, text: p }) {
  // the template: the element `p` of type `p` requires "ok-<i>" (of type "HuaweiCloud." + p)
  const nodeTemplates = {};
  own(nodeTemplates, p, { type: p, requirements: [{ dependency: { node: "ok-" + i } }] });
  own(nodeTemplates, "ok-" + i, { type: "HuaweiCloud." + p, properties: { name: p } });
  const od = JSON.stringify({ [p]: p, nested: { list: [p, { deep: p }] }, tosca_definitions_version: "huaweicloud_tosca_version_1_0", node_templates: nodeTemplates });
  const cod = i % 2 ? "key: " + p + "\nlist:\n  - " + p + "\n" : p;
  const doc = {
    kind: "Execution", apiVersion: "paas/v1alpha1",
    metadata: { name: p, uid: "uid-" + i, creationTimestamp: iso(T0), labels: { stackname: p, [p]: p }, annotations: { [p]: p } },
    spec: { actionName: p, timeoutInMinutes: 1, objectReference: { name: p }, objectData: b64(od), changedObjectData: b64(cod) },
    status: {
      actionName: p, progress: 40,
      objectStatus: { phase: p, reason: p, message: p, updateAt: iso(T0 + 120000) },
      subObjectStatuses: {
        [p]: { phase: "Failed", reason: p, message: p + " (element)", createAt: iso(T0 + 10000), updateAt: iso(T0 + 60000) },
        ["ok-" + i]: { phase: p, reason: p, message: p, updateAt: iso(T0 + 30000) },
      },
    },
    [p]: { [p]: [p, p] },
  };
  fields.add("aos.metadata.name (run id)", "aos.metadata.labels.stackname (run name)", "aos.spec.actionName", "aos.status.objectStatus.phase (raw)",
    "aos.status.objectStatus.reason", "aos.status.objectStatus.message", "aos.subObjectStatuses key (element id)", "aos.subObjectStatuses.*.phase (raw)",
    "aos.subObjectStatuses.*.reason", "aos.subObjectStatuses.*.message", "aos.spec.objectData (JSON key and value)", "aos.spec.changedObjectData (YAML/text)",
    "aos.unknown key and value (raw tree)", "aos.metadata.labels/annotations keys", "file name", "warning path (an element key with markup)",
    "aos.objectData node_templates key (graph element)", "aos.objectData node_templates.*.type (graph type)");
  const text = JSON.stringify(doc, null, 1);
  const expect = [
    T(tid("run-name"), p, "aos run name"),
    T(tid("run-id"), p, "aos run id"),
    T(tid("run-action"), p, "aos action"),
    A(tid("run-phase"), "title", "payload phase: " + p, "aos run phase (raw)"),
    T(tid("failure-element"), p, "aos first failure element"),
    A(tid("failure-reason"), "title", p, "aos first failure reason"),
    A(tid("failure-message"), "title", p + " (element)", "aos first failure message"),
    A(".run-status-reason", "title", p, "aos run reason"),
    A(".run-status-msg", "title", p, "aos run message"),
    ...bi(p, [T(tid("failure-reason"), p, "aos first failure reason"), T(".run-status-reason", p, "aos run reason"), T(".run-status-msg", p, "aos run message"),
      { k: "detailText", text: p, field: "aos details reason" }]),
    { k: "tip", text: p, field: "aos tooltip (element id)" },
    { k: "details", text: p, field: "aos details name" },
    { k: "details", text: "ok-" + i, field: "aos details name (2nd)" },
    ...(core.decodeObjectData(doc.spec.objectData).format === "json" ? jtExpect(tid("od-objectData"), p, "aos objectData tree") : []),
    ...odExpect(core, doc.spec.objectData, "objectData", od, "aos objectData"),
    ...odExpect(core, doc.spec.changedObjectData, "changedObjectData", cod, "aos changedObjectData"),
    ...jtExpect(tid("raw"), p, "aos raw tree"),
    ...warningsExpect(core, text),
    T(tid("graph-item-name"), p, "aos graph list: element (from the status)"),
    { k: "graphTip", text: p, field: "aos graph tooltip (element)" },
    // a template the core reads as text (C1 controls make it binary: no template)
    ...(core.graph(text).edges.length ? [
      ...graphExpect(p, p, "ok-" + i, "aos template"),
      ...graphExpect("ok-" + i, "HuaweiCloud." + p, null, "aos template (2nd)"),
      // p failed and requires ok-<i>, which did not: p is the root cause
      T(".rc-name", p, "aos root cause (summary)"),
    ] : []),
  ];
  return { format: "aos-execution", name: p + ".aos.json", text, spec: { expect, search: [], compare: deep(i), deep: deep(i), languages: isBilingual(p) || deep(i), ...light(p) } };
}

function gcsFile(core, fields, { i, text: p }) {
  const od = "workflow:\n  name: " + JSON.stringify(p) + "\n  steps:\n    - " + JSON.stringify(p) + "\n";
  const nodeName = p + "/node";
  // The run's id and name are the payload itself when this payload's files are to be
  // joined by the page (AOS + GCS + workflow of one id: a joined-run tab); else prefixed.
  const id = joined(i) ? p : "gcs:" + p;
  const doc = {
    execution: { guid: id, name: id, status: p, workflow_name: p, description: p, create_at: iso(T0), update_at: iso(T0 + 90000) },
    object: {
      kind: "execution", apiVersion: "gene.kubedag/v1alpha1",
      metadata: { name: id, uid: "u-" + i, creationTimestamp: iso(T0) },
      spec: { actionName: p, timeoutInMinutes: 5, objectData: b64(od) },
      status: {
        progress: 10,
        objectStatus: { phase: "Failed", reason: p, message: p, updateAt: iso(T0 + 90000) },
        subObjectStatuses: { [p]: { phase: "Failed", reason: p, message: p + " (element)", createAt: iso(T0 + 5000), updateAt: iso(T0 + 50000) } },
      },
    },
    status: {
      node_number: 2, finished_node_number: 0,
      actual_node_status: i % 2 ? { [nodeName]: { status: p, createAt: iso(T0 + 20000) } } : [{ name: nodeName, status: p, createAt: iso(T0 + 20000) }],
    },
    enterprise_project: { [p]: p },
  };
  fields.add("gcs.execution.guid (run id)", "gcs.execution.name (run name)", "gcs.execution.status (raw)", "gcs.object.spec.actionName",
    "gcs.objectStatus.reason", "gcs.objectStatus.message", "gcs.subObjectStatuses key (element id)", "gcs.subObjectStatuses.*.reason",
    "gcs.subObjectStatuses.*.message", "gcs.actual_node_status key/name (node)", "gcs.actual_node_status.*.status (raw)",
    "gcs.spec.objectData (YAML)", "gcs.unknown key and value (raw tree)", "file name");
  const text = JSON.stringify(doc);
  const expect = [
    T(tid("run-name"), id, "gcs run name"),
    T(tid("run-id"), id, "gcs run id"),
    T(tid("run-action"), p, "gcs action"),
    A(tid("run-phase"), "title", "payload phase: " + p, "gcs run phase (raw)"),
    T(tid("failure-element"), p, "gcs first failure element"),
    A(tid("failure-reason"), "title", p, "gcs first failure reason"),
    { k: "tip", text: p, field: "gcs tooltip (element id)" },
    { k: "tip", text: nodeName, field: "gcs tooltip (node)" },
    { k: "details", text: p, field: "gcs details name" },
    { k: "details", text: nodeName, field: "gcs details name (node)" },
    ...bi(p, [{ k: "detailText", text: p + " (element)", field: "gcs details message" }]),
    ...odExpect(core, doc.object.spec.objectData, "objectData", od, "gcs objectData"),
    ...jtExpect(tid("raw"), p, "gcs raw tree"),
    ...warningsExpect(core, text),
  ];
  return { format: "gcs-execution", name: p + ".gcs.json", text, spec: { expect, search: [], compare: deep(i + 3), deep: deep(i + 3), languages: isBilingual(p) || deep(i + 3), ...light(p) } };
}

function eventsFile(core, fields, { i, text: p }) {
  // The run is named "run:" + p: an elemId equal to the run name collides with the
  // (execution) lane's id (see the lane-id test in injection.test.mjs).
  const ev = (o) => ({ metadata: { name: p + "." + o.n }, involvedObject: { name: "run:" + p, namespace: p }, count: 1, type: "Normal", elemType: p, actionName: p, ...o });
  const doc = [
    ev({ n: 1, reason: "启动##ActionStart", message: p, firstTimestamp: iso(T0), lastTimestamp: iso(T0), elemId: p }),
    ev({ n: 2, reason: "执行失败##FailedFinish", message: "元素失败 ## " + p, firstTimestamp: iso(T0 + 30000), lastTimestamp: iso(T0 + 31000), count: 3, type: "Warning", elemId: p }),
    ev({ n: 3, reason: p, message: p, firstTimestamp: iso(T0 + 40000), type: p, elemId: "el-" + i }),
    ev({ n: 4, reason: "等待##Waiting", message: p, firstTimestamp: iso(T0 + 50000), count: 2 }),
  ];
  fields.add("events.involvedObject.name (run id)", "events.elemId (element id)", "events.reason", "events.message", "events.type",
    "events.elemType", "events.actionName", "events.metadata.name (raw tree)", "file name");
  const text = JSON.stringify(doc, null, 2);
  const expect = [
    T(tid("run-id"), "run:" + p, "events run id"),
    { k: "row", text: p, field: "events table message" },
    { k: "row", text: " " + p, field: "events table elemType" },
    ...(searchable(p) ? [{ k: "search", q: searchable(p), field: "events search" }, { k: "search", q: "el:" + searchable(p), field: "events element filter" }] : []),
    { k: "tip", text: p, field: "events tooltip (element id)" },
    { k: "details", text: p, field: "events details name" },
    ...bi(p, [{ k: "row", text: p, field: "events table element/type/reason" }]),
    ...jtExpect(tid("raw"), p, "events raw tree"),
    ...warningsExpect(core, text),
  ];
  if (!isBilingual(p)) {
    // the run's markers: event 3 has no span, its marker text is its reason
    expect.push({ k: "tipText", text: p, field: "events tooltip marker text" });
  }
  return { format: "execution-events", name: p + ".events.json", text, spec: { expect, search: searchable(p) ? [searchable(p)] : [], elementFilter: searchable(p), languages: isBilingual(p), deep: deep(i), ...light(p) } };
}

function workflowFile(core, fields, { i, text: p }) {
  const id = joined(i) ? p : "wf:" + p;
  const doc = [
    {
      execution_id: id, workflow_id: p, created_by: p, status: p, begin_time: T0, end_time: T0 + 60000, project_id: p, [p]: p,
      execution_result_list: [
        { node_id: p, status: "fail", begin_time: T0, end_time: T0 + 30000, function_execution_id: p, output: { fail: [{ log: p, app: p }], success: [], in_execution: [], not_performed: [] } },
        { node_id: "n2-" + i, status: p, begin_time: T0 + 1000, end_time: T0 + 2000, output: { success: [{ log: p }] } },
      ],
    },
    {
      execution_id: "older-" + i, workflow_id: p, create_by: p, status: "success", begin_time: T0 - 3600000, end_time: T0 - 3500000,
      execution_result_list: [{ node_id: p, status: "success", begin_time: T0 - 3600000, end_time: T0 - 3550000 }],
    },
  ];
  fields.add("workflow.execution_id (run id)", "workflow.workflow_id (run name)", "workflow.created_by / create_by", "workflow.status (raw)",
    "workflow.execution_result_list.node_id (element id)", "workflow.node status (raw)", "workflow.output.fail[].log (failure message)",
    "workflow.unknown key and value (raw tree)", "file name");
  const text = JSON.stringify(doc);
  const expect = [
    T(tid("run-id"), id, "workflow run id"),
    T(tid("run-name"), p, "workflow run name"),
    T(tid("created-by") + " .fact-v", p, "workflow created_by"),
    A(tid("runs") + " tbody tr", "data-run", id, "workflow runs table id"),
    T(tid("runs") + " tbody td:nth-child(6)", p, "workflow runs table created_by"),
    A(tid("run-phase"), "title", "payload phase: " + p, "workflow run phase (raw)"),
    T(tid("failure-element"), p, "workflow first failure element"),
    A(tid("failure-message"), "title", p, "workflow first failure message"),
    { k: "tip", text: p, field: "workflow tooltip (node id)" },
    { k: "details", text: p, field: "workflow details name" },
    ...jtExpect(tid("raw"), p, "workflow raw tree"),
    ...warningsExpect(core, text),
  ];
  return { format: "workflow-executions", name: p + ".workflow.json", text, spec: { expect, search: [], clickRuns: deep(i + 5), compare: deep(i + 5), deep: deep(i + 5), languages: isBilingual(p), ...light(p) } };
}

function apiErrorFile(core, fields, { i, text: p }) {
  const doc = i % 2 ? { error_code: p, error_msg: p, http_code: i % 3 ? 500 : p } : { error_code: p, error_message: p, http_code: "401", [p]: p };
  fields.add("api-error.error_code", "api-error.error_msg / error_message", "api-error.http_code (raw)", "file name");
  const text = JSON.stringify(doc);
  const expect = [
    T(tid("api-code"), p, "api-error code"),
    T(tid("api-message"), p, "api-error message"),
    ...jtExpect(tid("raw"), p, "api-error raw tree"),
    ...warningsExpect(core, text),
  ];
  return { format: "api-error", name: p, text, spec: { expect, search: [], languages: isBilingual(p) } };
}

// --------------------------------------------------------------------------------------------
// bulk files

function aosBulk(core, fields, ps) {
  const subs = {};
  const phases = ["Succeeded", "Failed", null, "Running"];
  ps.forEach(({ i, text: p }, k) => {
    own(subs, p, { phase: phases[k % 4] ?? p, reason: p, message: p, createAt: iso(T0 + k * 1000), updateAt: iso(T0 + k * 1000 + 20000) });
  });
  // the template: every payload an element of type payload, each requiring the one before;
  // only payloads the core reads as text in a template (C1 controls make a template binary)
  const inTemplate = ps.filter(({ text: p }) => core.decodeObjectData(b64(JSON.stringify({ [p]: p }))).format === "json");
  const nodeTemplates = {};
  inTemplate.forEach(({ text: p }, k) => own(nodeTemplates, p, { type: p, requirements: k ? [{ dependency: { node: inTemplate[k - 1].text } }] : [] }));
  const od = b64(JSON.stringify({ tosca_definitions_version: "huaweicloud_tosca_version_1_0", node_templates: nodeTemplates }));
  const doc = { kind: "Execution", metadata: { name: "bulk-aos", creationTimestamp: iso(T0) }, spec: { actionName: "create", objectData: od },
    status: { objectStatus: { phase: "Failed", updateAt: iso(T0 + 400000) }, subObjectStatuses: subs } };
  fields.add("aos.subObjectStatuses key (element id)", "aos.subObjectStatuses.*.phase (raw)", "aos.subObjectStatuses.*.reason", "aos.subObjectStatuses.*.message",
    "aos.objectData node_templates (bulk graph: elements, types, requirements)");
  const text = JSON.stringify(doc);
  const expect = [...warningsExpect(core, text)];
  for (const { text: p } of ps) {
    expect.push({ k: "tip", text: p, field: "aos bulk tooltip" }, { k: "details", text: p, field: "aos bulk details" });
  }
  if (core.graph(text).edges.length !== inTemplate.length - 1) throw new Error("bulk-aos: the core does not read the bulk template's chain");
  inTemplate.forEach(({ text: p }, k) => expect.push(...graphExpect(p, p, k ? inTemplate[k - 1].text : null, "aos bulk template")));
  return { format: "aos-execution", name: "bulk-aos.json", text, spec: { expect, maxLanes: ps.length, sweepLanes: 24, compare: true, languages: true, deep: true, graphClicks: 60 } };
}

function gcsBulk(core, fields, ps) {
  const nodes = {};
  ps.forEach(({ text: p }, k) => { own(nodes, p, { status: k % 3 ? p : "finished", createAt: iso(T0 + k * 1000), updateAt: iso(T0 + k * 1000 + 5000), reason: p, message: p }); });
  const doc = { execution: { guid: "bulk-gcs", name: "bulk-gcs", status: "failed", create_at: iso(T0), update_at: iso(T0 + 400000) },
    object: { kind: "execution", apiVersion: "gene.kubedag/v1alpha1", metadata: { name: "bulk-gcs" }, spec: { objectData: "*****" }, status: {} },
    status: { actual_node_status: nodes } };
  fields.add("gcs.actual_node_status key/name (node)", "gcs.actual_node_status.*.status (raw)");
  const text = JSON.stringify(doc);
  const expect = [...warningsExpect(core, text)];
  for (const { text: p } of ps) expect.push({ k: "details", text: p, field: "gcs bulk details" });
  return { format: "gcs-execution", name: "bulk-gcs.json", text, spec: { expect, maxLanes: ps.length, sweepLanes: 12, compare: true, languages: true, deep: true } };
}

function eventsBulk(core, fields, ps) {
  const doc = [];
  ps.forEach(({ text: p }, k) => {
    const t = iso(T0 + k * 2000);
    doc.push({ metadata: { name: "b." + k }, involvedObject: { name: "bulk-events" }, reason: k % 2 ? "启动##ActionStart" : p, message: p,
      firstTimestamp: t, lastTimestamp: t, count: 1 + (k % 3), type: k % 5 ? "Normal" : "Warning", elemType: p, elemId: p, actionName: "create" });
  });
  fields.add("events.elemId (element id)", "events.reason", "events.message", "events.elemType");
  const text = JSON.stringify(doc);
  // search for a spread of payloads (each search re-filters every row)
  const picks = ps.filter(({ text: p }) => searchable(p)).filter((_, k) => k % 10 === 3).map((x) => ({ ...x, text: searchable(x.text) }));
  const expect = [...warningsExpect(core, text)];
  for (const { text: p } of picks) expect.push({ k: "search", q: p, field: "events bulk search" }, { k: "row", text: p, field: "events bulk row after search" });
  for (const { text: p } of ps) expect.push({ k: "details", text: p, field: "events bulk details" });
  return { format: "execution-events", name: "bulk-events.json", text, spec: { expect, search: picks.map((x) => x.text), maxLanes: ps.length, sweepLanes: 8, compare: true, languages: true, deep: true } };
}

function workflowBulk(core, fields, ps) {
  const doc = ps.map(({ text: p }, k) => ({
    execution_id: p, workflow_id: "wf", created_by: p, status: k % 3 ? "success" : "fail", begin_time: T0 + k * 60000, end_time: T0 + k * 60000 + 30000,
    execution_result_list: [{ node_id: "node-" + k, status: k % 3 ? "success" : "fail", begin_time: T0 + k * 60000, end_time: T0 + k * 60000 + 30000, output: { fail: k % 3 ? [] : [{ log: p }] } }],
  }));
  fields.add("workflow.execution_id (run id)", "workflow.created_by / create_by", "workflow.output.fail[].log (failure message)");
  const text = JSON.stringify(doc);
  const expect = [...warningsExpect(core, text)];
  for (const { text: p } of ps) expect.push(A(tid("runs") + " tbody tr", "data-run", p, "workflow bulk runs table id"));
  return { format: "workflow-executions", name: "bulk-workflow.json", text, spec: { expect, clickRuns: 30, maxLanes: 2, sweepLanes: 1, compare: true, languages: true, deep: true } };
}

function rfsChunk(core, fields, ps, c) {
  const ev = [];
  ps.forEach(({ text: p }, k) => {
    const t = T0 + k * 10000;
    const keyed = k % 2 === 0;
    const base = { resource_type: keyed ? "HuaweiCloud.ECS.Instance" : p, resource_name: p, ...(keyed ? { resource_key: p } : {}), resource_id_key: p, resource_id_value: p };
    ev.push({ ...base, time: iso(t), event_type: "CREATION_IN_PROGRESS", event_message: p });
    ev.push({ ...base, time: iso(t + 5000), event_type: k % 3 ? "CREATION_COMPLETE" : "CREATION_FAILED", event_message: p, elapsed_seconds: 5 });
    if (k % 4 === 1) ev.push({ ...base, time: iso(t + 6000), event_type: p, event_message: p });
    if (k % 4 === 2) ev.push({ ...base, time: iso(t + 7000), event_type: "ERROR", event_message: p });
    if (k % 4 === 3) ev.push({ time: iso(t + 8000), event_type: "LOG", event_message: p });
  });
  ev.reverse(); // the API lists newest first
  const doc = { stack_events: ev, page_info: { next_marker: ps[0].text } };
  fields.add("rfs.resource_name (element label)", "rfs.resource_type", "rfs.resource_key (element id)", "rfs.event_type (raw)", "rfs.event_message",
    "rfs.resource_id_key/value (raw tree)", "rfs.page_info (raw tree)");
  const text = JSON.stringify(doc);
  const expect = [...warningsExpect(core, text)];
  for (const { text: p } of ps) {
    expect.push({ k: "details", text: p, field: "rfs details name (resource name)" }, { k: "tip", text: p, field: "rfs tooltip (resource name)" });
    // the page shows an events table for RFS only once it lists their events (ifView)
    if (searchable(p)) expect.push({ k: "search", q: searchable(p), field: "rfs events search", ifView: "events" });
    if (!isBilingual(p)) expect.push({ k: "row", text: p, field: "rfs events table message", ifView: "events" });
  }
  return { format: "rfs-stack-events", name: "bulk-rfs-" + c + ".json", text, spec: { expect, search: ps.map((x) => searchable(x.text)).filter(Boolean), maxLanes: ps.length + 1, sweepLanes: 6, languages: true, deep: true } };
}

// --------------------------------------------------------------------------------------------
// error views

function invalidJson(core, fields, ps, c) {
  const [a, b, d, e, f, g] = ps.map((x) => x.text);
  const lines = [
    "{",
    "  \"kind\": \"Execution\",",
    "  \"a\": " + JSON.stringify(a) + ",",
    "  \"b\": " + JSON.stringify(b ?? "") + ",",
    "  \"c\": " + JSON.stringify(d ?? "") + ",",
    "  \"d\": " + (e ?? "<img src=x onerror=alert(1)>"),
    f ?? "",
    g ?? "",
    "}",
  ];
  const text = lines.join("\n");
  fields.add("invalid JSON: lines around the error (JSON strings)", "invalid JSON: the error line (raw markup)", "invalid JSON: lines after the error (raw markup)");
  let err = null;
  try { core.summarize(text); } catch (x) { err = x; }
  const expect = [];
  if (err) {
    expect.push(T(tid("error-code"), err.code, "error code"), T(tid("error-message"), err.message, "error message (names the character found)"));
    if (err.code === "invalid_json" && err.line != null) expect.push({ k: "excerpt", lines: text.split("\n").map((l) => l.replace(/\r$/, "")), field: "error excerpt lines" });
  } else {
    expect.push({ k: "text", sel: tid("error"), text: "(the core read this: no error view)", field: "invalid JSON is an error" });
  }
  return { format: "invalid", name: "invalid-" + c + ".json", text, spec: { expect } };
}

function unknownFormat(core, fields, ps, c) {
  const doc = {};
  for (const { text: p } of ps) own(doc, p, { [p]: [p] });
  const text = JSON.stringify(doc);
  fields.add("unknown format: keys named in the error message", "unknown format: raw tree keys and values");
  let err = null;
  try { core.summarize(text); } catch (x) { err = x; }
  const expect = [];
  if (err) expect.push(T(tid("error-code"), err.code, "unknown format error code"), T(tid("error-message"), err.message, "unknown format error message"));
  for (const { text: p } of ps) expect.push(...jtExpect(tid("raw"), p, "unknown format raw tree"));
  return { format: "unknown", name: "unknown-" + c + ".json", text, spec: { expect } };
}

function tooDeep(core, fields, p) {
  let v = { [p]: p };
  for (let d = 0; d < 300; d++) v = { [p]: v };
  const text = JSON.stringify(v);
  fields.add("too deep: keys");
  let err = null;
  try { core.summarize(text); } catch (x) { err = x; }
  const expect = err ? [T(tid("error-code"), err.code, "too deep error code"), T(tid("error-message"), err.message, "too deep error message")] : [];
  return { format: "too-deep", name: "too-deep.json", text, spec: { expect } };
}

/** The view the page fits a run into (render/lanes-objects.js range, render/timeline-viewport.js fitRange) and the times to hover per lane. */
function aim(tl) {
  let lo = Infinity, hi = -Infinity;
  for (const l of tl.lanes) {
    for (const s of l.spans) { lo = Math.min(lo, s.start); hi = Math.max(hi, s.start); if (s.end != null) hi = Math.max(hi, s.end); }
    for (const m of l.markers) { lo = Math.min(lo, m.at); hi = Math.max(hi, m.at); }
  }
  if (tl.start != null) lo = Math.min(lo, tl.start);
  if (tl.end != null) hi = Math.max(hi, tl.end);
  if (!isFinite(lo)) return null;
  const dataMax = Math.max(hi, lo);
  const r = Math.max(dataMax - lo, 1000);
  const openEnd = tl.end != null ? Math.max(tl.end, dataMax) : dataMax;
  const lanes = tl.lanes.map((l) => [
    ...l.markers.map((m) => m.at),
    ...l.spans.map((s) => s.start + ((s.end ?? openEnd) - s.start) / 2),
  ]);
  return { v0: lo - r * 0.03, v1: lo + r * 1.03, lanes };
}

function chunks(list, n) {
  const out = [];
  for (let k = 0; k < list.length; k += n) out.push(list.slice(k, k + n));
  return out;
}

/** Every file of one pass: [{format, name, text, spec}] and the field registry. */
export function buildCases(core) {
  const fields = new Fields();
  const files = [];
  for (const p of PAYLOADS) {
    for (const f of [aosFile(core, fields, p), gcsFile(core, fields, p), eventsFile(core, fields, p), workflowFile(core, fields, p), apiErrorFile(core, fields, p)]) {
      f.payload = p.i;
      files.push(f);
    }
  }
  files.push(aosBulk(core, fields, PAYLOADS), gcsBulk(core, fields, PAYLOADS), eventsBulk(core, fields, PAYLOADS), workflowBulk(core, fields, PAYLOADS));
  chunks(PAYLOADS, 25).forEach((ps, c) => files.push(rfsChunk(core, fields, ps, c)));
  chunks(PAYLOADS, 6).forEach((ps, c) => files.push(invalidJson(core, fields, ps, c)));
  chunks(PAYLOADS, 20).forEach((ps, c) => files.push(unknownFormat(core, fields, ps, c)));
  files.push(tooDeep(core, fields, PAYLOADS[0].text));
  for (const f of files) {
    f.spec.name = f.name;
    f.spec.fileName = f.name;
    // where to hover: every marker and span middle, in the page's fit-to-run view
    // (the driver sweeps a lane whose points it misses), and which lanes have markers
    try {
      const tl = core.timeline(f.text);
      f.spec.markerLanes = tl.lanes.map((l, k) => (l.markers.length ? k : -1)).filter((k) => k >= 0);
      f.spec.aim = aim(tl);
    } catch (_) { /* not a timeline */ }
  }
  return { files, fields };
}
