// Deterministic, seeded generator of realistic execscope payloads, for benchmarks
// and tests. Works in Node 20 and in browsers: nothing Node-only is imported at
// the top level, and the CLI below only runs when this file is Node's entry point.
//
//   import { generate, generateChunks, FORMATS } from "./bench/gen.mjs";
//   const text = generate("execution-events", { seed: 7, size: 5000 });
//   for (const chunk of generateChunks("aos-execution", { seed: 7, size: 1e5 })) ...
//
//   node bench/gen.mjs <format> <size> [seed] > out.json
//     format: aos-execution | gcs-execution | execution-events | workflow-executions | api-error
//     size:   events (execution-events), sub-objects (aos-execution), nodes (gcs-execution),
//             RUNSxNODES or RUNS (workflow-executions, default 200x200), ignored (api-error)
//
// Same (format, seed, size, options) -> byte-identical text; another seed -> other text.
// Large outputs are built in ~1 MiB chunks: generate() concatenates them (a rope, no
// copying), the CLI streams them to stdout, so 1,000,000 events fit in memory.

export const FORMATS = ["aos-execution", "gcs-execution", "execution-events", "workflow-executions", "api-error"];

/** Default size per format when none is given. */
export const DEFAULT_SIZE = {
  "aos-execution": 100,
  "gcs-execution": 50,
  "execution-events": 1000,
  "workflow-executions": { runs: 200, nodes: 200 },
  "api-error": 1,
};

const CHUNK_CHARS = 1 << 20;

/**
 * The whole payload as one string.
 * @param {string} format one of FORMATS
 * @param {{seed?: number|string, size?: number|{runs:number,nodes:number}|string, nodeStatus?: "array"|"map", flavor?: "gcs"|"aos"}} [options]
 *   nodeStatus: gcs-execution's status.actual_node_status as an array (default) or a map by node name.
 *   flavor: execution-events of a GCS run (KubeDAG elements, default) or of an AOS stack (HuaweiCloud.* elements).
 * @returns {string}
 */
export function generate(format, options = {}) {
  let out = "";
  for (const chunk of generateChunks(format, options)) out += chunk;
  return out;
}

/**
 * The payload as a sequence of string chunks (about 1 MiB each) whose concatenation is
 * exactly generate(format, options).
 */
export function* generateChunks(format, options = {}) {
  const seed = normalizeSeed(options.seed ?? 1);
  const size = options.size ?? DEFAULT_SIZE[format];
  const w = new Writer();
  let body;
  switch (format) {
    case "execution-events":
      body = executionEvents(w, seed, positiveInt(size, "size"), options.flavor ?? "gcs");
      break;
    case "aos-execution":
      body = aosExecution(w, seed, positiveInt(size, "size"));
      break;
    case "gcs-execution":
      body = gcsExecution(w, seed, positiveInt(size, "size"), options.nodeStatus ?? "array");
      break;
    case "workflow-executions":
      body = workflowExecutions(w, seed, runsNodes(size));
      break;
    case "api-error":
      body = apiError(w, seed);
      break;
    default:
      throw new Error(`unknown format ${JSON.stringify(format)}; expected one of ${FORMATS.join(", ")}`);
  }
  for (const _ of body) {
    if (w.length >= CHUNK_CHARS) yield w.take();
  }
  const rest = w.take();
  if (rest) yield rest;
}

// ---------------------------------------------------------------------------
// Plumbing
// ---------------------------------------------------------------------------

class Writer {
  constructor() {
    this.parts = [];
    this.length = 0;
  }
  push(s) {
    this.parts.push(s);
    this.length += s.length;
  }
  take() {
    const s = this.parts.join("");
    this.parts = [];
    this.length = 0;
    return s;
  }
}

function positiveInt(v, what) {
  const n = typeof v === "string" ? Number(v) : v;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

function runsNodes(size) {
  if (typeof size === "number") return { runs: positiveInt(size, "runs"), nodes: 200 };
  if (typeof size === "string") {
    const m = /^(\d+)(?:[x×*,](\d+))?$/.exec(size.trim());
    if (!m) throw new Error(`workflow-executions size must be RUNS or RUNSxNODES, got ${JSON.stringify(size)}`);
    return { runs: positiveInt(Number(m[1]), "runs"), nodes: positiveInt(Number(m[2] ?? 200), "nodes") };
  }
  if (size && typeof size === "object") {
    return { runs: positiveInt(size.runs ?? 200, "runs"), nodes: positiveInt(size.nodes ?? 200, "nodes") };
  }
  throw new Error(`workflow-executions size must be {runs, nodes}, got ${JSON.stringify(size)}`);
}

function normalizeSeed(seed) {
  if (typeof seed === "number" && Number.isFinite(seed)) return seed >>> 0;
  // FNV-1a of the text, so "7" and 7 give the same stream.
  const s = String(seed);
  if (/^\d+$/.test(s)) return Number(s) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32, with helpers. Every stream is derived from (seed, salt). */
function rngOf(seed, salt = 0) {
  let a = (seed ^ Math.imul(salt + 1, 0x9e3779b9)) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next(); // decorrelate nearby seeds
  const r = {
    next,
    int: (n) => Math.floor(next() * n), // 0..n-1
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // lo..hi
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    hex: (n) => {
      let s = "";
      while (s.length < n) s += ((next() * 4294967296) >>> 0).toString(16).padStart(8, "0");
      return s.slice(0, n);
    },
    uuid: () => {
      const h = r.hex(32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
  return r;
}

const BASE_MS = Date.UTC(2024, 4, 13, 8, 21, 7); // 2024-05-13T08:21:07Z

/** A seed-dependent start near BASE_MS (within ~60 days, whole seconds). */
function baseTime(rng) {
  return BASE_MS + rng.int(60 * 86400) * 1000;
}

const p2 = (n) => (n < 10 ? "0" + n : "" + n);
let dayCache = -1;
let dayText = "";
/** RFC 3339 UTC, whole seconds: 2024-05-13T08:21:07Z */
function iso(ms) {
  const s = Math.floor(ms / 1000);
  const day = Math.floor(s / 86400);
  if (day !== dayCache) {
    dayCache = day;
    dayText = new Date(day * 86400000).toISOString().slice(0, 11);
  }
  let r = s - day * 86400;
  const h = (r / 3600) | 0;
  r -= h * 3600;
  const m = (r / 60) | 0;
  return dayText + p2(h) + ":" + p2(m) + ":" + p2(r - m * 60) + "Z";
}

const q = JSON.stringify;

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function base64(text) {
  const b = new TextEncoder().encode(text);
  let out = "";
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (i < b.length) {
    const n = (b[i] << 16) | ((i + 1 < b.length ? b[i + 1] : 0) << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : "=") + "=";
  }
  return out;
}

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

const STACKS = ["shop-prod", "billing-core", "crm-staging", "iot-gateway", "media-transcode", "search-svc", "payment-hub", "erp-uat"];
const USERS = ["wang.lei", "li.na", "zhang.wei", "liu.yang", "chen.jing", "zhao.min", "huang.tao", "scheduler", "ops-bot"];

// AOS element kinds: [suffix, elemType, typical seconds lo, hi, short suffix]
const AOS_KINDS = [
  ["vpc", "HuaweiCloud.VPC.VPC", 1, 5, "vpc"],
  ["subnet", "HuaweiCloud.VPC.Subnet", 2, 6, "subnet"],
  ["secgroup", "HuaweiCloud.VPC.SecurityGroup", 1, 4, "sg"],
  ["eip", "HuaweiCloud.VPC.EIP", 3, 12, "eip"],
  ["elb", "HuaweiCloud.ELB.LoadBalancer", 15, 60, "elb"],
  ["elb-listener", "HuaweiCloud.ELB.Listener", 3, 10, "lsn"],
  ["rds", "HuaweiCloud.RDS.MySQL", 240, 900, "rds"],
  ["dcs", "HuaweiCloud.DCS.Redis", 60, 300, "dcs"],
  ["configmap", "HuaweiCloud.CCE.ConfigMap", 1, 3, "cm"],
  ["secret", "HuaweiCloud.CCE.Secret", 1, 3, "secret"],
  ["deployment", "HuaweiCloud.CCE.Deployment", 20, 180, "deploy"],
  ["statefulset", "HuaweiCloud.CCE.StatefulSet", 40, 300, "sts"],
  ["service", "HuaweiCloud.CCE.Service", 1, 5, "svc"],
  ["ingress", "HuaweiCloud.CCE.Ingress", 2, 10, "ing"],
  ["hpa", "HuaweiCloud.CCE.HorizontalPodAutoscaler", 1, 4, "hpa"],
  ["cronjob", "HuaweiCloud.CCE.CronJob", 1, 5, "cron"],
  ["dns-record", "HuaweiCloud.DNS.RecordSet", 2, 8, "dns"],
  ["obs-bucket", "HuaweiCloud.OBS.Bucket", 2, 8, "obs"],
];
const AOS_APPS = ["api", "web", "worker", "gateway", "auth", "order", "cart", "search", "notify", "report", "admin", "media"];

// GCS / KubeDAG job steps: [name, cpu cores, memory GiB, seconds lo, hi, max sub-jobs]
const GCS_STEPS = [
  ["fastqc", 4, 8, 200, 700, 2],
  ["fastp", 8, 16, 300, 900, 2],
  ["bwa-mem", 16, 32, 1800, 5400, 32],
  ["sort-sam", 4, 16, 400, 1200, 32],
  ["mark-duplicates", 8, 32, 600, 1800, 1],
  ["base-recalibrator", 2, 8, 300, 900, 24],
  ["apply-bqsr", 2, 8, 300, 900, 24],
  ["haplotype-caller", 4, 16, 1200, 3600, 24],
  ["genotype-gvcfs", 8, 32, 600, 1800, 1],
  ["variant-recalibrator", 4, 16, 300, 900, 1],
  ["star-align", 16, 64, 1200, 3000, 1],
  ["feature-counts", 8, 8, 300, 700, 1],
  ["salmon-quant", 8, 16, 300, 900, 8],
  ["multiqc", 1, 2, 40, 120, 1],
  ["vcf-report", 2, 4, 60, 240, 1],
  ["annotate-vep", 4, 16, 600, 2400, 24],
];
// Short step names used in event element ids.
const EVENT_STEPS = ["fastqc", "fastp", "bwa", "sort", "markdup", "bqsr", "hc", "gvcf", "vqsr", "star", "fcount", "salmon", "multiqc", "vep"];
const SAMPLES = ["NA12878", "NA24385", "HG002", "HCC1395-T1", "HCC1395-N1", "SRR1517848", "CHM13", "S0042-WES"];

// Failure causes: [zh, en]
const CAUSES = [
  ["镜像拉取超时", "image pull timed out"],
  ["Pod被驱逐: 节点内存不足", "pod evicted: node memory pressure"],
  ["节点资源不足, 无法调度", "insufficient node resources, pod unschedulable"],
  ["存储卷挂载超时", "volume mount timed out"],
  ["就绪检查失败(GET /healthz 返回503)", "readiness probe failed (GET /healthz returned 503)"],
  ["容器被OOM终止(退出码137)", "container OOMKilled (exit code 137)"],
  ["调用IAM接口超时", "IAM API call timed out"],
  ["配额不足: 实例数已达上限", "quota exceeded: instance limit reached"],
  ["子网IP地址不足", "no free IP address left in subnet"],
  ["进程退出码1", "process exited with code 1"],
];

// ---------------------------------------------------------------------------
// execution-events
// ---------------------------------------------------------------------------

function* executionEvents(w, seed, size, flavor) {
  if (flavor !== "gcs" && flavor !== "aos") throw new Error(`flavor must be "gcs" or "aos", got ${JSON.stringify(flavor)}`);
  const rng = rngOf(seed, 1);
  const gcs = flavor === "gcs";
  const ns = rng.hex(32);
  let now = baseTime(rng);
  const stamp = iso(now);
  const run = gcs
    ? `${rng.pick(["wgs", "wes", "rna", "chip"])}-${stamp.slice(5, 7)}${stamp.slice(8, 10)}-${stamp.slice(11, 13)}${stamp.slice(14, 16)}${stamp.slice(17, 19)}`
    : `${rng.pick(STACKS)}-${rng.range(1000000000, 4294967295)}`;
  const action = gcs ? "create" : rng.pick(["create", "upgrade", "upgrade", "rollback", "reconfig"]);
  const head = `{"metadata":{"name":"${run}.`;
  const mid = `","namespace":"${ns}"},"involvedObject":{"name":"${run}","namespace":"${ns}"},"reason":`;
  const tail = `,"actionName":"${action}"}`;
  let seq = 0;
  let counter = 0;
  const concurrency = Math.min(12, Math.max(1, rng.range(3, 10)));
  const active = [];

  // Element names stay short (an event is ~500 characters, so that 1,000,000 of
  // them stay under V8's maximum string length and execscope's 512 MiB default cap).
  const newElement = () => {
    counter++;
    let name;
    let type;
    if (gcs) {
      const step = EVENT_STEPS[counter % EVENT_STEPS.length];
      const init = rng.chance(0.1);
      name = `${step}-${counter.toString(36)}${init ? "-init" : ""}`;
      type = init ? "KubeDAG.init" : "KubeDAG.job";
    } else {
      const k = AOS_KINDS[rng.int(AOS_KINDS.length)];
      name = `${rng.pick(AOS_APPS)}-${k[4]}-${counter.toString(36)}`;
      type = k[1];
    }
    const roll = rng.next();
    return {
      name,
      type,
      start: now,
      retries: rng.chance(0.08) ? rng.range(1, 3) : 0,
      end: roll < 0.03 ? "fail" : roll < 0.04 ? "cancel" : "ok",
      cause: rng.int(CAUSES.length),
      tries: 0,
    };
  };

  const emit = (el, typeW, reason, message, first, last, count) => {
    const nano = BigInt(last) * 1000000n + BigInt(seq++);
    w.push(
      (seq === 1 ? "[\n" : ",\n") +
        head +
        nano.toString(16) +
        mid +
        `"${reason}","message":${q(message)},"firstTimestamp":"${iso(first)}","lastTimestamp":"${iso(last)}","count":${count},"type":"${typeW ? "Warning" : "Normal"}","elemType":"${el.type}","elemId":"${el.name}"` +
        tail,
    );
  };

  for (let emitted = 0; emitted < size; emitted++) {
    now += rng.range(200, 2500);
    const remaining = size - emitted;
    const canStart = active.length < concurrency && remaining >= active.length + 2;
    if (active.length === 0 || (canStart && rng.chance(0.42))) {
      const el = newElement();
      active.push(el);
      emit(el, false, "启动##ActionStart", `元素(${el.name})开始执行(${action})流程. ## Element(${el.name}) start to Action(${action}).`, now, now, 1);
      yield;
      continue;
    }
    const i = rng.int(active.length);
    const el = active[i];
    const [zh, en] = CAUSES[el.cause];
    if (el.tries < el.retries && remaining > active.length) {
      el.tries++;
      const count = rng.range(2, 5);
      const first = Math.min(now, Math.max(el.start + 1000, now - (count - 1) * 10000));
      emit(el, true, "重试##ActionRetry", `元素(${el.name})执行${action}失败, 第${el.tries}次重试: ${zh}. ## Element(${el.name}) execute Action: ${action} failed, retry ${el.tries}: ${en}.`, first, now, count);
      yield;
      continue;
    }
    active[i] = active[active.length - 1];
    active.pop();
    if (el.end === "ok") {
      emit(el, false, "执行成功##SuccessfulFinish", `元素(${el.name})执行${action}成功. ## Element(${el.name}) execute Action: ${action} successfully`, now, now, 1);
    } else if (el.end === "fail") {
      emit(el, true, "执行失败##FailedFinish", `元素(${el.name})执行${action}失败: ${zh}. ## Element(${el.name}) execute Action: ${action} failed: ${en}.`, now, now, 1);
    } else {
      emit(el, true, "取消##ActionCancelled", `元素(${el.name})的${action}操作已取消. ## Element(${el.name}) Action: ${action} cancelled.`, now, now, 1);
    }
    yield;
  }
  w.push("\n]\n");
}

// ---------------------------------------------------------------------------
// aos-execution
// ---------------------------------------------------------------------------

/** The sub-objects of one AOS run, regenerated identically on every call. */
function* aosElements(seed, n, scenario, start) {
  const rng = rngOf(seed, 2);
  const lanes = new Array(Math.min(8, n)).fill(start + 1000);
  // failed: elements [0, failAt) run normally, failAt fails, a few after it are
  // cancelled or fail on the dependency, the rest are skipped or pending.
  const failAt = scenario === "failed" ? Math.floor(n * (0.4 + rng.next() * 0.5)) : -1;
  const runningFrom = scenario === "running" ? Math.floor(n * (0.2 + rng.next() * 0.6)) : -1;
  let failTime = 0;
  // Short names ("order-deployment") while few, indexed ones when many; always unique.
  const seen = n <= 200 ? new Set() : null;
  for (let i = 0; i < n; i++) {
    const k = AOS_KINDS[rng.int(AOS_KINDS.length)];
    const app = AOS_APPS[rng.int(AOS_APPS.length)];
    let uniq = `${app}-${k[0]}`;
    if (seen) {
      if (seen.has(uniq)) uniq += `-${i}`;
      seen.add(uniq);
    } else {
      uniq += `-${i.toString(36).padStart(4, "0")}`;
    }
    const dur = rng.range(k[2], k[3]) * 1000;
    let lane = 0;
    for (let j = 1; j < lanes.length; j++) if (lanes[j] < lanes[lane]) lane = j;
    const createAt = lanes[lane] + rng.range(0, 2) * 1000;
    let el = { name: uniq, type: k[1], phase: "Succeeded", createAt, updateAt: createAt + dur, reason: null, message: null };
    const [zh, en] = CAUSES[rng.int(CAUSES.length)];
    if (scenario === "failed" && i >= failAt) {
      const d = i - failAt;
      if (d === 0) {
        failTime = el.updateAt;
        el.phase = "Failed";
        el.reason = "ExecuteFailed";
        el.message = `元素(${uniq})执行失败: ${zh} ## Element(${uniq}) failed: ${en}`;
      } else if (d <= 3) {
        el.phase = "Cancelled";
        el.reason = "ActionCancelled";
        el.message = `其他元素执行失败, 操作已取消 ## Action cancelled because another element failed`;
        el.updateAt = failTime + d * 1000;
        if (el.createAt >= failTime) el.createAt = null;
      } else if (d <= 5) {
        el.phase = "Failed";
        el.reason = "DependencyFailed";
        el.message = `依赖的元素执行失败 ## A dependency element failed`;
        el.createAt = null;
        el.updateAt = failTime + d * 1000;
      } else {
        el.phase = rng.chance(0.6) ? "Skipped" : "Pending";
        if (el.phase === "Skipped") {
          el.reason = "DependencyNotSucceeded";
          el.message = `依赖的元素未成功, 跳过执行 ## Skipped: a dependency element did not succeed`;
          el.updateAt = failTime + 6000;
        } else {
          el.updateAt = start;
        }
        el.createAt = null;
      }
    } else if (scenario === "running" && i >= runningFrom) {
      if (i - runningFrom < lanes.length) {
        el.phase = "Running";
        el.updateAt = createAt + Math.floor(dur / 2 / 1000) * 1000;
      } else {
        el.phase = "Pending";
        el.createAt = null;
        el.updateAt = start;
      }
    } else {
      if (rng.chance(0.12)) el.createAt = null; // some elements report no createAt
    }
    // Only elements that actually ran occupy a lane.
    if (el.phase === "Succeeded" || el.phase === "Running" || (el.phase === "Failed" && el.reason === "ExecuteFailed")) {
      lanes[lane] = Math.max(lanes[lane], el.updateAt);
    }
    yield el;
  }
}

function* aosExecution(w, seed, n) {
  const rng = rngOf(seed, 3);
  const stack = rng.pick(STACKS);
  const hash = String(rng.range(1000000000, 4294967295));
  const name = `${stack}-${hash}`;
  const ns = rng.hex(32);
  const domain = rng.hex(32);
  const start = baseTime(rng);
  const roll = rng.next();
  const scenario = roll < 0.5 ? "failed" : roll < 0.8 ? "succeeded" : "running";
  const action = rng.pick(["create", "upgrade", "upgrade", "rollback", "reconfig"]);
  const timeout = rng.pick([30, 60, 60, 120, 180]);

  // Pass 1: counts and times for the status header.
  let ok = 0;
  let last = start;
  for (const el of aosElements(seed, n, scenario, start)) {
    if (el.phase === "Succeeded") ok++;
    if (el.updateAt > last) last = el.updateAt;
  }
  const progress = Math.floor((100 * ok) / n);

  // objectData: the instantiated template of the first elements (a few KB), compact JSON.
  const nodeTemplates = {};
  const changed = {};
  let c = 0;
  for (const el of aosElements(seed, n, scenario, start)) {
    nodeTemplates[el.name] = templateFor(el, rng);
    if (c % 3 === 0) changed[el.name] = { "properties.replicas": { old: rng.range(1, 4), new: rng.range(2, 8) } };
    if (++c === 24) break;
  }
  const template = {
    tosca_definitions_version: "huaweicloud_tosca_version_1_0",
    description: `${stack}: generated template`,
    inputs: { region: "cn-north-4", az: "cn-north-4a", cluster_id: rng.uuid(), namespace: stack, image_tag: `${rng.range(1, 3)}.${rng.range(0, 20)}.${rng.range(0, 9)}` },
    node_templates: nodeTemplates,
  };
  const labels = { "execution-hash": hash, stackname: stack };
  const objectStatus = { phase: scenario === "failed" ? "Failed" : scenario === "succeeded" ? "Succeeded" : "Running" };
  if (scenario === "failed") {
    objectStatus.reason = "ExecuteFailed";
    objectStatus.message = `堆栈${stack}执行${action}失败 ## Stack ${stack} ${action} failed`;
  }
  objectStatus.updateAt = iso(scenario === "running" ? last : last + 2000);
  const head = {
    kind: "Execution",
    apiVersion: "paas/v1alpha1",
    metadata: {
      name,
      namespace: ns,
      selfLink: `/apis/paas/v1alpha1/namespaces/${ns}/executions/${name}`,
      uid: rng.uuid(),
      resourceVersion: String(rng.range(100000, 99999999)),
      creationTimestamp: iso(start),
      labels,
      annotations: { "paas-iam.alpha.kubernetes.io/domain-id": domain, namespace: ns, "cluster-id": template.inputs.cluster_id },
      enable: true,
    },
    spec: {
      metadata: { namespace: ns, creationTimestamp: null, labels, enable: true },
      objectReference: { namespace: ns, name: stack, uid: rng.uuid() },
      actionName: action,
      timeoutInMinutes: timeout,
      onFailureStrategy: "DoNothing",
      disableStrategy: "Cancel",
      source: rng.chance(0.8) ? "User" : "System",
      objectData: base64(JSON.stringify(template)),
      ...(action === "upgrade" ? { changedObjectData: base64(JSON.stringify(changed)) } : {}),
      location: `192.168.${rng.range(0, 15)}.${rng.range(2, 250)}`,
    },
  };
  const headText = JSON.stringify(head, null, 2);
  w.push(headText.slice(0, -2)); // without the closing "\n}"
  w.push(`,\n  "status": {\n    "actionName": ${q(action)},\n    "progress": ${progress},\n    "objectStatus": ${JSON.stringify(objectStatus)},\n    "subObjectStatuses": {`);
  let i = 0;
  for (const el of aosElements(seed, n, scenario, start)) {
    let s = `${i++ ? "," : ""}\n      ${q(el.name)}: {"phase":"${el.phase}"`;
    if (el.reason) s += `,"reason":${q(el.reason)},"message":${q(el.message)}`;
    s += `,"updateAt":"${iso(el.updateAt)}","subActionName":"${action}"`;
    if (el.createAt !== null) s += `,"createAt":"${iso(el.createAt)}"`;
    w.push(s + "}");
    yield;
  }
  w.push("\n    }\n  }\n}\n");
}

function templateFor(el, rng) {
  const t = { type: el.type, properties: { name: el.name } };
  if (el.type.includes(".CCE.")) {
    t.properties.k8sManifest = {
      apiVersion: el.type.endsWith("Deployment") || el.type.endsWith("StatefulSet") ? "apps/v1" : "v1",
      kind: el.type.split(".").pop(),
      metadata: { name: el.name, namespace: "default", labels: { app: el.name } },
    };
    if (el.type.endsWith("Deployment") || el.type.endsWith("StatefulSet")) {
      t.properties.k8sManifest.spec = {
        replicas: rng.range(1, 6),
        template: { spec: { containers: [{ name: el.name, image: `swr.cn-north-4.myhuaweicloud.com/apps/${el.name}:${rng.range(1, 3)}.${rng.range(0, 20)}.${rng.range(0, 9)}`, resources: { limits: { cpu: `${rng.range(1, 4)}`, memory: `${rng.pick([512, 1024, 2048])}Mi` } } }] } },
      };
    }
  } else if (el.type.includes(".RDS.")) {
    Object.assign(t.properties, { flavor: rng.pick(["rds.mysql.c2.large.ha", "rds.mysql.c2.xlarge.ha", "rds.mysql.m1.2xlarge.ha"]), volume: { type: "ULTRAHIGH", size: rng.pick([100, 200, 500]) } });
  } else if (el.type.includes(".VPC.")) {
    t.properties.cidr = `192.168.${rng.range(0, 255)}.0/24`;
  }
  return t;
}

// ---------------------------------------------------------------------------
// gcs-execution
// ---------------------------------------------------------------------------

/** The nodes of one GCS run, regenerated identically on every call. */
function* gcsNodes(seed, n, scenario, start) {
  const rng = rngOf(seed, 4);
  const lanes = new Array(Math.min(6, n)).fill(start + 20000);
  // Nodes [0, stopAt) succeeded; running: the next few run, the rest wait;
  // failed: node stopAt failed, the rest never started.
  const stopAt = scenario === "succeeded" ? n : Math.floor(n * (0.2 + rng.next() * 0.6));
  for (let i = 0; i < n; i++) {
    const s = GCS_STEPS[i % GCS_STEPS.length];
    const name = n <= GCS_STEPS.length ? s[0] : `${s[0]}-${(Math.floor(i / GCS_STEPS.length) + 1).toString().padStart(3, "0")}`;
    const subJobs = rng.range(1, s[5]);
    const dur = rng.range(s[3], s[4]) * 1000;
    const cause = CAUSES[rng.int(CAUSES.length)];
    const split = rng.next();
    let lane = 0;
    for (let j = 1; j < lanes.length; j++) if (lanes[j] < lanes[lane]) lane = j;
    const begin = lanes[lane] + rng.range(1, 3) * 1000;
    const node = { name, cpu: s[1], mem: s[2], subJobs, begin, end: begin + dur, status: "Succeeded", finished: subJobs, running: 0, failed: 0, message: null };
    if (i >= stopAt) {
      if (scenario === "failed" && i === stopAt) {
        node.status = "Failed";
        node.failed = 1 + Math.floor(split * subJobs);
        if (node.failed > subJobs) node.failed = subJobs;
        node.finished = subJobs - node.failed;
        node.end = begin + Math.floor((dur * (0.2 + split * 0.7)) / 1000) * 1000;
        node.message = cause;
      } else if (scenario === "running" && i - stopAt < lanes.length) {
        node.status = "Running";
        node.finished = Math.floor(split * subJobs);
        node.running = subJobs - node.finished;
        node.end = null;
      } else {
        node.status = "Pending";
        node.begin = null;
        node.end = null;
        node.finished = 0;
      }
    }
    if (node.status === "Succeeded") lanes[lane] = node.end;
    yield node;
  }
}

function* gcsExecution(w, seed, n, nodeStatus) {
  if (nodeStatus !== "array" && nodeStatus !== "map") throw new Error(`nodeStatus must be "array" or "map", got ${JSON.stringify(nodeStatus)}`);
  const rng = rngOf(seed, 5);
  const start = baseTime(rng);
  const roll = rng.next();
  const scenario = roll < 0.45 ? "running" : roll < 0.8 ? "succeeded" : "failed";
  const sample = rng.pick(SAMPLES);
  const stamp = iso(start);
  const name = `wgs-${sample.toLowerCase()}-${stamp.slice(5, 7)}${stamp.slice(8, 10)}-${stamp.slice(11, 13)}${stamp.slice(14, 16)}${stamp.slice(17, 19)}`;
  const guid = rng.uuid();
  const project = rng.hex(32);
  const domain = rng.hex(32);
  const ns = "gcs-" + rng.pick(["prod", "research", "clinical", "dev"]);
  // Pass 1: counts, and the time the payload was read ("now").
  let finished = 0;
  let last = start;
  for (const nd of gcsNodes(seed, n, scenario, start)) {
    if (nd.status === "Succeeded") finished++;
    if (nd.end !== null && nd.end > last) last = nd.end;
    if (nd.status === "Running" && nd.begin > last) last = nd.begin;
  }
  const now = last + (scenario === "running" ? rng.range(60, 1800) * 1000 : 3000);
  const progress = Math.floor((100 * finished) / n);
  const status = { running: "Running", succeeded: "Succeeded", failed: "Failed" }[scenario];

  let yaml = "version: genecontainer_0_1\ninputs:\n  sample:\n    default: " + sample + "\n    type: string\nworkflow:\n";
  let prev = null;
  let c = 0;
  for (const nd of gcsNodes(seed, n, scenario, start)) {
    if (c++ === 30) break;
    yaml += `  ${nd.name}:\n    tool: ${nd.name.replace(/-\d+$/, "")}:latest\n    type: GCS.Job\n    resources:\n      cpu: ${nd.cpu}C\n      memory: ${nd.mem}G\n    commands:\n      - run-step --sample \${sample} --shards ${nd.subJobs}\n`;
    if (prev) yaml += `    depends:\n      - target: ${prev}\n        type: whole\n`;
    prev = nd.name;
  }
  const labels = { sample, pipeline: "gatk4-germline" };
  const execution = {
    guid,
    name,
    namespace: ns,
    cluster_name: `gcs-cce-${rng.pick(["bj4", "sh1", "gz", "hk"])}`,
    cluster_id: rng.uuid(),
    project_id: project,
    domain_id: domain,
    description: `${sample}全基因组变异检测 / ${sample} WGS variant calling`,
    status: rng.chance(0.5) ? status.toLowerCase() : status,
    workflow_id: rng.uuid(),
    workflow_name: "gatk4-germline-wgs",
    workflow_scope: rng.pick(["private", "public"]),
    inputs_json: JSON.stringify({ sample, ref: "/gcs-ref/GRCh38/Homo_sapiens_assembly38.fasta", shards: 16 }),
    outputs_json: scenario === "succeeded" ? JSON.stringify({ vcf: `/gcs-data/${sample}/${sample}.vcf.gz` }) : "{}",
    image: `obs://${ns}-workflows/gatk4-germline-wgs/topology.png`,
    time_duration: Math.round((now - start) / 1000),
    job_type: "CCE.Job",
    target: "cce",
    create_at: iso(start),
    update_at: iso(now),
    label: labels,
    resources: { cpu: `${rng.range(16, 256)}C`, memory: `${rng.range(64, 1024)}G`, gpu: "0", time_ratio: String(rng.range(80, 99)) },
    priority: rng.range(0, 20),
  };
  const objectStatus = { phase: status, updateAt: iso(now) };
  const object = {
    kind: "execution",
    apiVersion: "gene.kubedag/v1alpha1",
    metadata: {
      name,
      namespace: ns,
      selfLink: `/apis/gene.kubedag/v1alpha1/namespaces/${ns}/executions/${name}`,
      uid: guid,
      resourceVersion: String(rng.range(100000, 99999999)),
      creationTimestamp: iso(start),
      labels,
      annotations: { "paas-iam.alpha.kubernetes.io/domain-id": domain, "paas-iam.alpha.kubernetes.io/project-id": project },
    },
    spec: { metadata: { labels, namespace: ns }, actionName: "create", timeoutInMinutes: rng.pick([720, 1440, 2880]), onFailureStrategy: "DoNothing", objectData: base64(yaml), location: `172.16.${rng.range(0, 15)}.${rng.range(2, 250)}` },
  };
  const ind = (v, pad) => JSON.stringify(v, null, 2).replace(/\n/g, "\n" + pad);
  w.push(`{\n  "execution": ${ind(execution, "  ")},\n  "object": ${ind(object, "  ").slice(0, -4)},\n    "status": {\n      "actionName": "create",\n      "progress": ${progress},\n      "objectStatus": ${JSON.stringify(objectStatus)},\n      "subObjectStatuses": {`);
  const up = (nd) => (nd.end ?? (nd.begin !== null ? now - 1000 : start));
  let i = 0;
  for (const nd of gcsNodes(seed, n, scenario, start)) {
    let s = `${i++ ? "," : ""}\n        ${q(nd.name)}: {"phase":"${nd.status}"`;
    if (nd.message) s += `,"reason":"JobFailed","message":${q(`${nd.message[0]} ## ${nd.message[1]}`)}`;
    s += `,"updateAt":"${iso(up(nd))}","subActionName":"create"`;
    if (nd.begin !== null) s += `,"createAt":"${iso(nd.begin)}"`;
    w.push(s + "}");
    yield;
  }
  w.push(`\n      },\n      "elementStatuses": {`);
  i = 0;
  for (const nd of gcsNodes(seed, n, scenario, start)) {
    let s = `${i++ ? "," : ""}\n        ${q(nd.name)}: {"type":"GCS.Job","active":${nd.running},"succeeded":${nd.finished},"failed":${nd.failed}`;
    if (nd.begin !== null) s += `,"startTime":"${iso(nd.begin)}"`;
    if (nd.end !== null) s += `,"completionTime":"${iso(nd.end)}"`;
    w.push(s + "}");
    yield;
  }
  const map = nodeStatus === "map";
  w.push(`\n      }\n    }\n  },\n  "status": {\n    "node_number": ${n},\n    "finished_node_number": ${finished},\n    "actual_node_status": ${map ? "{" : "["}`);
  i = 0;
  const lower = execution.status === status.toLowerCase();
  for (const nd of gcsNodes(seed, n, scenario, start)) {
    const st = lower ? nd.status.toLowerCase() : nd.status;
    const dur = nd.begin === null ? 0 : Math.round(((nd.end ?? now) - nd.begin) / 1000);
    const pending = nd.subJobs - nd.finished - nd.running - nd.failed;
    const res = nd.begin === null ? "{}" : `{"cpu":"${nd.cpu * nd.subJobs}C","memory":"${nd.mem * nd.subJobs}G","time_ratio":"${90 + (i % 10)}"}`;
    const body = `{"name":${q(nd.name)},"status":"${st}","sub_job_num":${nd.subJobs},"finished_sub_job_num":${nd.finished},"sub_job_status":{"succeeded":${nd.finished},"running":${nd.running},"pending":${pending},"failed":${nd.failed}},"time_duration":${dur},"resources":${res}}`;
    w.push(`${i++ ? "," : ""}\n      ${map ? q(nd.name) + ": " : ""}${body}`);
    yield;
  }
  w.push(`\n    ${map ? "}" : "]"}\n  },\n  "enterprise_project": {"id": "0", "name": "default"}\n}\n`);
}

// ---------------------------------------------------------------------------
// workflow-executions (AOM/COC workflow history): epoch milliseconds
// ---------------------------------------------------------------------------

const WF_NODES = ["precheck-workload", "approve-change", "scale-out-workload", "delete-workload-pod", "check-pod-ready", "restart-service", "switch-traffic", "run-smoke-test", "clean-temp-files", "notify-result"];

function* workflowExecutions(w, seed, { runs, nodes }) {
  const rng = rngOf(seed, 6);
  const workflowId = rng.hex(32);
  const project = rng.hex(32);
  const start = baseTime(rng) - runs * 86400000;
  const editTime = start - rng.range(1, 30) * 86400000;
  const app = rng.pick(AOS_APPS);
  const wlId = rng.uuid();
  // Runs are generated oldest first; the newest one is still running. The output
  // order is a seeded shuffle (the API does not promise an order).
  const order = Array.from({ length: runs }, (_, i) => i);
  for (let i = runs - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const runSeeds = Array.from({ length: runs }, () => (rng.next() * 4294967296) >>> 0);
  w.push("[");
  for (let k = 0; k < runs; k++) {
    const idx = order[k];
    const r = rngOf(runSeeds[idx], 7);
    const isRunning = idx === runs - 1 && runs > 1;
    const fails = !isRunning && r.chance(0.15);
    const begin = start + idx * 86400000 + r.range(0, 3600) * 1000 + r.int(1000);
    const failAt = fails ? r.int(nodes) : -1;
    const stopAt = isRunning ? r.int(nodes) : -1;
    let t = begin + r.range(200, 1500);
    const list = [];
    for (let j = 0; j < nodes; j++) {
      const nodeId = nodes <= WF_NODES.length ? WF_NODES[j] : `${WF_NODES[j % WF_NODES.length]}-${Math.floor(j / WF_NODES.length) + 1}`;
      const nb = t;
      const ne = nb + r.range(800, 90000);
      const fx = `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`;
      const entry = (code, log) =>
        `{"app":"${app}","code":"${code}","name":"${app}","namespace":"default","cceWorkloadType":"deployments","cmdb_work_load_id":"${wlId}","log":${q(log)},"execute_time":"${ne - nb}"}`;
      if (j === stopAt) {
        list.push(`{"node_id":"${nodeId}","begin_time":${nb},"end_time":0,"function_execution_id":"${fx}","output":{"success":[],"fail":[],"in_execution":[${entry("0", "In progress.")}],"not_performed":[]},"status":"running"}`);
        t = nb;
        break;
      }
      if (j === failAt) {
        const [zh, en] = CAUSES[r.int(CAUSES.length)];
        const log = `${nodeId} failed: ${en} (${zh}); pod ${app}-${r.hex(10)}-${r.hex(5)} not ready after ${r.range(60, 600)}s.`;
        list.push(`{"node_id":"${nodeId}","begin_time":${nb},"end_time":${ne},"function_execution_id":"${fx}","output":{"success":[],"fail":[${entry("1", log)}],"in_execution":[],"not_performed":[]},"status":"fail"}`);
        t = ne;
        break;
      }
      list.push(`{"node_id":"${nodeId}","begin_time":${nb},"end_time":${ne},"function_execution_id":"${fx}","output":{"success":[${entry("0", r.pick(["Restart Success.", "Check passed.", "Scaled out.", "Done."]))}],"fail":[],"in_execution":[],"not_performed":[]},"status":"success"}`);
      t = ne + r.range(50, 3000);
    }
    const end = isRunning ? 0 : t + r.range(10, 900);
    const approvers = [];
    const na = r.range(0, 3);
    for (let a = 0; a < na; a++) approvers.push(r.pick(USERS));
    const status = isRunning ? "running" : fails ? "fail" : "success";
    w.push(
      `${k ? "," : ""}\n{"workflow_id":"${workflowId}","execution_id":"${r.hex(32)}","status":"${status}","begin_time":${begin},"end_time":${end},"last_update_time":${isRunning ? t : end},"created_by":"${r.pick(USERS)}","approve_user_name_list":${q(approvers)},"execution_result_list":[\n  ${list.join(",\n  ")}\n],"project_id":"${project}","workflow_edit_time":${editTime},"last_record_id_with_snapshot":"snap-${r.hex(24)}"}`,
    );
    yield;
  }
  w.push("\n]\n");
}

// ---------------------------------------------------------------------------
// api-error
// ---------------------------------------------------------------------------

function* apiError(w, seed) {
  const rng = rngOf(seed, 8);
  const bodies = [
    { error_code: "AOM.31009004", error_msg: "auth failed.", http_code: 401 },
    { error_code: "AOM.31009004", error_message: "auth failed.", http_code: "401" },
    { error_code: "AOM.31001405", error_msg: "execution internal server error.", http_code: 500 },
    { error_code: "AOM.31009006", error_msg: "Permission denied: no permission for cms:workflow:list.", http_code: 403 },
    { error_code: "AOM.31001404", error_msg: `workflow ${rng.hex(32)} not found.`, http_code: 404 },
    { error_code: "APIGW.0308", error_msg: "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute", request_id: rng.hex(32), http_code: 429 },
    { error_code: "AOM.31001400", error_msg: "Invalid parameter: workflow_id length must be in [1, 64].", http_code: 400 },
  ];
  w.push(JSON.stringify(bodies[rng.int(bodies.length)]) + "\n");
  yield;
}

// ---------------------------------------------------------------------------
// CLI (Node only)
// ---------------------------------------------------------------------------

async function isCliEntry() {
  if (typeof process === "undefined" || !process.versions || !process.versions.node) return false;
  const arg = process.argv && process.argv[1];
  if (!arg || !import.meta.url.startsWith("file:")) return false;
  const { pathToFileURL } = await import("node:url");
  const { realpathSync } = await import("node:fs");
  let p = arg;
  try {
    p = realpathSync(arg);
  } catch {
    /* keep as given */
  }
  return import.meta.url === pathToFileURL(p).href;
}

async function cli() {
  const [format, sizeArg, seedArg] = process.argv.slice(2);
  if (!format || !FORMATS.includes(format)) {
    process.stderr.write(
      `usage: node bench/gen.mjs <format> <size> [seed] > out.json\n  format: ${FORMATS.join(" | ")}\n  size: events | sub-objects | nodes | RUNSxNODES (workflow-executions)\n`,
    );
    process.exit(2);
  }
  const size = sizeArg === undefined ? undefined : format === "workflow-executions" ? sizeArg : Number(sizeArg);
  const out = process.stdout;
  let closed = false;
  out.on("error", (e) => {
    if (e.code === "EPIPE") {
      closed = true;
      process.exit(0);
    }
    throw e;
  });
  for (const chunk of generateChunks(format, { seed: seedArg ?? 1, size })) {
    if (closed) return;
    if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
  }
}

isCliEntry().then(
  (yes) => (yes ? cli() : undefined),
  () => undefined,
).catch((e) => {
  process.stderr.write(`${e && e.message ? e.message : e}\n`);
  process.exit(1);
});
