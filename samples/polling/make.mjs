// Writes a recorded polling series: 8 snapshots of ONE AOS stack execution (the
// same metadata.name), as a console polling `GET /v2/stacks/{stack_id}/actions/{action_id}`
// every 30 seconds would have received them during an upgrade of stack
// pay-gateway. www/replay.html replays them; a Workspace joins them into one run.
//
//   node samples/polling/make.mjs          # rewrite the files and index.json
//   node samples/polling/make.mjs --check  # exit 1 when a file on disk differs
//
// What the series shows (times from the execution's creation, 2024-06-03T02:10:04Z):
//   - objectStatus.updateAt and status.progress grow from poll to poll;
//   - 12 elements move Pending → Running → Succeeded, except pay-api-deployment,
//     which fails its readiness check (poll 8), pay-api-hpa, which then fails on
//     the dependency, and pay-dns-record, cancelled;
//   - only pay-vpc and pay-rds carry createAt: every other start comes from the
//     snapshots (the first poll where the element had left Pending) — or, for the
//     two already running at the first poll, is inferred (the run start).
// Fixed text: no clock, no randomness.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const json = (v) => JSON.stringify(v, null, 2) + "\n";

const SERIES = "pay-gateway-upgrade";
const PROJECT = "6e1b9d40c2a84f7d9b3e5a0c8d2f1e47";
const DOMAIN = "b7a3c9e15d2f4068a1c4e7b9d0f3a265";
const STACK = "pay-gateway";
const HASH = "1507930126";
const EXEC = `${STACK}-${HASH}`;
const EXEC_UID = "9e2c4a71-2151-11ef-8b6d-0255ac100051";
const STACK_UID = "41d7b0e2-1f8a-11ef-8b6d-0255ac100051";
const T0 = Date.parse("2024-06-03T02:10:04Z");
const iso = (s) => new Date(T0 + s * 1000).toISOString().replace(/\.000Z$/, "Z");
const INTERVAL = 30; // seconds between polls
const POLLS = [3, 33, 63, 93, 123, 153, 183, 213]; // when each snapshot was taken (s)

// element -> [elemType, start (s), end (s), final phase, createAt in the status?, reason, message]
const ELEMENTS = [
  ["pay-configmap", "HuaweiCloud.CCE.ConfigMap", 2, 6, "Succeeded", false],
  ["pay-secret", "HuaweiCloud.CCE.Secret", 2, 7, "Succeeded", false],
  ["pay-vpc", "HuaweiCloud.VPC.VPC", 1, 9, "Succeeded", true],
  ["pay-subnet", "HuaweiCloud.VPC.Subnet", 10, 41, "Succeeded", false],
  ["pay-secgroup", "HuaweiCloud.VPC.SecurityGroup", 10, 16, "Succeeded", false],
  ["pay-elb", "HuaweiCloud.ELB.LoadBalancer", 42, 77, "Succeeded", false],
  ["pay-redis", "HuaweiCloud.DCS.Redis", 42, 118, "Succeeded", false],
  ["pay-rds", "HuaweiCloud.RDS.MySQL", 42, 146, "Succeeded", true],
  ["pay-worker-deployment", "HuaweiCloud.CCE.Deployment", 147, 171, "Succeeded", false],
  ["pay-api-deployment", "HuaweiCloud.CCE.Deployment", 147, 207, "Failed", false,
    "UpgradeFailed",
    "工作负载pay-api滚动升级失败: 新版本Pod就绪检查失败(GET /ready 返回500), 0/2个新副本可用 ## Deployment pay-api rolling update failed: readiness probe failed on new pods (GET /ready returned 500), 0/2 updated replicas available"],
  ["pay-api-hpa", "HuaweiCloud.CCE.HPA", 208, 209, "Failed", false,
    "DependencyFailed", "依赖的元素(pay-api-deployment)执行失败 ## Dependency element(pay-api-deployment) failed"],
  ["pay-dns-record", "HuaweiCloud.DNS.RecordSet", 210, 210, "Cancelled", false,
    "ActionCancelled", "其他元素执行失败, 元素(pay-dns-record)的upgrade操作已取消 ## Action upgrade of element(pay-dns-record) cancelled because another element failed"],
];

function snapshot(k) {
  const now = POLLS[k];
  const last = k === POLLS.length - 1;
  const sub = {};
  let done = 0;
  for (const [name, type, start, end, final, hasCreate, reason, message] of ELEMENTS) {
    const e = {};
    if (now < start) {
      e.phase = "Pending";
      e.updateAt = iso(0);
    } else if (now < end) {
      e.phase = "Running";
      e.updateAt = iso(start);
    } else {
      e.phase = final;
      e.updateAt = iso(end);
      if (reason) e.reason = reason;
      if (message) e.message = message;
    }
    if (hasCreate && now >= start) e.createAt = iso(start);
    e.subActionName = "upgrade";
    e.elemType = type;
    if (e.phase === "Succeeded") done++;
    sub[name] = e;
  }
  const running = !last;
  const progress = Math.floor((100 * done) / ELEMENTS.length);
  return {
    kind: "Execution",
    apiVersion: "paas/v1alpha1",
    metadata: {
      name: EXEC,
      namespace: PROJECT,
      selfLink: `/apis/paas/v1alpha1/namespaces/${PROJECT}/executions/${EXEC}`,
      uid: EXEC_UID,
      resourceVersion: String(91520411 + k * 7),
      creationTimestamp: iso(0),
      labels: { "execution-hash": HASH, stackname: STACK, env: "prod", team: "payments" },
      annotations: { "paas-iam.alpha.kubernetes.io/domain-id": DOMAIN, namespace: PROJECT, "stack.kubernetes.io/revision": "9" },
      enable: true,
    },
    spec: {
      objectReference: { kind: "Stack", namespace: PROJECT, name: STACK, uid: STACK_UID },
      actionName: "upgrade",
      timeoutInMinutes: 20,
      onFailureStrategy: "DoNothing",
      source: "User",
      objectData: "*****",
    },
    status: {
      actionName: "upgrade",
      progress,
      objectStatus: running
        ? { phase: "Running", updateAt: iso(now - 1) }
        : {
          phase: "Failed",
          reason: "UpgradeFailed",
          message: `堆栈${STACK}变更失败, 失败的元素: pay-api-deployment, pay-api-hpa ## Stack ${STACK} upgrade failed, failed elements: pay-api-deployment, pay-api-hpa`,
          updateAt: iso(211),
        },
      subObjectStatuses: sub,
    },
  };
}

const files = {};
const names = [];
POLLS.forEach((_, k) => {
  const name = `${SERIES}-${String(k + 1).padStart(2, "0")}.json`;
  names.push(name);
  files[name] = json(snapshot(k));
});
files["index.json"] = json([
  {
    name: SERIES,
    title: "AOS upgrade of pay-gateway, polled every 30 s",
    format: "aos-execution",
    description: `8 snapshots of run ${EXEC} (upgrade, 12 elements) taken every ${INTERVAL} s from ${iso(POLLS[0])} to ${iso(POLLS[POLLS.length - 1])}: ` +
      "progress 0 → 75, elements Pending → Running → Succeeded; pay-api-deployment fails its readiness check at the last poll, " +
      "pay-api-hpa fails on the dependency, pay-dns-record is cancelled. Only pay-vpc and pay-rds carry createAt.",
    run: EXEC,
    interval: INTERVAL,
    snapshots: names,
  },
]);

const check = process.argv.includes("--check");
let stale = 0;
for (const [name, text] of Object.entries(files)) {
  const path = join(here, name);
  if (check) {
    let old = "";
    try { old = readFileSync(path, "utf8"); } catch {}
    if (old !== text) { console.error(`stale: polling/${name}`); stale++; }
  } else {
    writeFileSync(path, text);
    console.log(`wrote polling/${name} (${Buffer.byteLength(text)} bytes)`);
  }
}
if (stale) process.exit(1);
