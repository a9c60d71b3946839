// Writes the hand-designed realistic samples in this folder (not the seed-*.json
// files, which are copied verbatim from the API docs, nor broken-invalid.json and
// hostile-markup.json, which are written by hand).
//
//   node samples/make.mjs          # rewrite the files
//   node samples/make.mjs --check  # exit 1 when a file on disk differs
//
// Everything here is fixed text: no clock, no randomness, so the output is stable.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const b64 = (text) => Buffer.from(text, "utf8").toString("base64");
const json = (v) => JSON.stringify(v, null, 2) + "\n";

// ---------------------------------------------------------------------------
// 1. AOS stack "shop-prod": upgrade that fails at shop-api-deployment.
// ---------------------------------------------------------------------------
const PROJECT = "0a4f3c1e9b7d4e2f8c6a5b3d1e9f7a2c";
const DOMAIN = "7d2e9a41c05b4f3e8a6c1d9b2f4e7a50";
const STACK = "shop-prod";
const HASH = "2718440931";
const EXEC = `${STACK}-${HASH}`;
const STACK_UID = "3b9e6c42-10f7-11ef-9a3c-0255ac10003e";
const DAY = "2024-05-13T";
const t = (hms) => `${DAY}${hms}Z`;
const REGISTRY = "swr.cn-north-4.myhuaweicloud.com/shop";

const template = {
  tosca_definitions_version: "huaweicloud_tosca_version_1_0",
  description: "shop-prod: CCE workloads behind a shared ELB, MySQL on RDS",
  inputs: {
    region: "cn-north-4",
    az: "cn-north-4a",
    cluster_id: "8f1e2d3c-4b5a-11ee-9c8d-0255ac100045",
    namespace: "shop",
    api_image: `${REGISTRY}/shop-api:1.9.0`,
    web_image: `${REGISTRY}/shop-web:2.5.0`,
    worker_image: `${REGISTRY}/shop-worker:1.9.0`,
    api_replicas: 3,
    web_replicas: 2,
    worker_replicas: 4,
    rds_flavor: "rds.mysql.c2.xlarge.ha",
    rds_volume_size: 200,
    elb_bandwidth: 20,
    domain: "shop.example.com",
  },
  node_templates: {
    "shop-vpc": {
      type: "HuaweiCloud.VPC.VPC",
      properties: { name: "shop-prod-vpc", cidr: "192.168.0.0/16" },
    },
    "shop-subnet": {
      type: "HuaweiCloud.VPC.Subnet",
      properties: {
        name: "shop-prod-subnet",
        cidr: "192.168.0.0/24",
        gateway: "192.168.0.1",
        dnsList: ["100.125.1.250", "100.125.129.250"],
        availabilityZone: "cn-north-4a",
      },
      requirements: [{ vpcId: { node: "shop-vpc" } }],
    },
    "shop-secgroup": {
      type: "HuaweiCloud.VPC.SecurityGroup",
      properties: {
        name: "shop-prod-sg",
        rules: [
          { direction: "ingress", protocol: "tcp", portRangeMin: 80, portRangeMax: 80, remoteIpPrefix: "0.0.0.0/0" },
          { direction: "ingress", protocol: "tcp", portRangeMin: 443, portRangeMax: 443, remoteIpPrefix: "0.0.0.0/0" },
          { direction: "ingress", protocol: "tcp", portRangeMin: 3306, portRangeMax: 3306, remoteIpPrefix: "192.168.0.0/24" },
        ],
      },
      requirements: [{ vpcId: { node: "shop-vpc" } }],
    },
    "shop-elb": {
      type: "HuaweiCloud.ELB.LoadBalancer",
      properties: {
        name: "shop-prod-elb",
        type: "External",
        bandwidth: { size: 20, shareType: "PER", chargeMode: "traffic" },
        availabilityZone: ["cn-north-4a", "cn-north-4b"],
      },
      requirements: [{ vpcId: { node: "shop-vpc" } }, { subnetId: { node: "shop-subnet" } }],
    },
    "shop-elb-listener": {
      type: "HuaweiCloud.ELB.Listener",
      properties: { name: "shop-prod-https", protocol: "HTTPS", port: 443, certificateId: "cert-6f0b2d94c1e84a7f", sessionSticky: false },
      requirements: [{ loadBalancerId: { node: "shop-elb" } }],
    },
    "shop-elb-backend": {
      type: "HuaweiCloud.ELB.BackendMember",
      properties: { listenerPort: 443, backendPort: 30080, weight: 100, healthCheck: { protocol: "HTTP", uri: "/healthz", interval: 5, timeout: 3, maxRetries: 3 } },
      requirements: [{ listenerId: { node: "shop-elb-listener" } }, { workload: { node: "shop-web-deployment" } }],
    },
    "shop-rds": {
      type: "HuaweiCloud.RDS.MySQL",
      properties: {
        name: "shop-prod-mysql",
        version: "8.0",
        flavor: "rds.mysql.c2.xlarge.ha",
        haMode: "semisync",
        volume: { type: "ULTRAHIGH", size: 200 },
        backupStrategy: { startTime: "18:00-19:00", keepDays: 7 },
        port: 3306,
        availabilityZone: ["cn-north-4a", "cn-north-4b"],
      },
      requirements: [{ vpcId: { node: "shop-vpc" } }, { subnetId: { node: "shop-subnet" } }, { securityGroupId: { node: "shop-secgroup" } }],
    },
    "shop-rds-params": {
      type: "HuaweiCloud.RDS.ParameterGroup",
      properties: { name: "shop-prod-mysql8-params", values: { max_connections: "2000", innodb_buffer_pool_size: "12884901888", long_query_time: "1", time_zone: "+08:00" } },
      requirements: [{ instanceId: { node: "shop-rds" } }],
    },
    "shop-configmap": {
      type: "HuaweiCloud.CCE.ConfigMap",
      properties: {
        k8sManifest: {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "shop-config", namespace: "shop" },
          data: { LOG_LEVEL: "info", CACHE_TTL_SECONDS: "300", PAYMENT_GATEWAY_URL: "https://pay.internal.example.com/v2", FEATURE_FLAGS: "checkout-v2,coupon-stacking" },
        },
      },
      requirements: [{ cluster: { get_input: "cluster_id" } }],
    },
    "shop-secret": {
      type: "HuaweiCloud.CCE.Secret",
      properties: {
        k8sManifest: { apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: { name: "shop-db-credentials", namespace: "shop" }, data: { username: "c2hvcF9hcHA=", password: "*****" } },
      },
      requirements: [{ cluster: { get_input: "cluster_id" } }],
    },
    "shop-api-deployment": {
      type: "HuaweiCloud.CCE.Deployment",
      properties: {
        k8sManifest: {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { name: "shop-api", namespace: "shop", labels: { app: "shop-api", version: "1.9.0" } },
          spec: {
            replicas: 3,
            progressDeadlineSeconds: 90,
            strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
            selector: { matchLabels: { app: "shop-api" } },
            template: {
              metadata: { labels: { app: "shop-api", version: "1.9.0" } },
              spec: {
                containers: [
                  {
                    name: "shop-api",
                    image: `${REGISTRY}/shop-api:1.9.0`,
                    ports: [{ containerPort: 8080, protocol: "TCP" }],
                    resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } },
                    envFrom: [{ configMapRef: { name: "shop-config" } }, { secretRef: { name: "shop-db-credentials" } }],
                    env: [{ name: "DB_HOST", value: "192.168.0.87" }, { name: "DB_PORT", value: "3306" }, { name: "DB_NAME", value: "shop" }],
                    readinessProbe: { httpGet: { path: "/healthz", port: 8080 }, initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 3 },
                    livenessProbe: { httpGet: { path: "/livez", port: 8080 }, initialDelaySeconds: 30, periodSeconds: 10 },
                  },
                ],
                imagePullSecrets: [{ name: "default-secret" }],
              },
            },
          },
        },
      },
      requirements: [{ cluster: { get_input: "cluster_id" } }, { config: { node: "shop-configmap" } }, { secret: { node: "shop-secret" } }, { database: { node: "shop-rds-params" } }],
    },
    "shop-api-hpa": {
      type: "HuaweiCloud.CCE.HorizontalPodAutoscaler",
      properties: {
        k8sManifest: {
          apiVersion: "autoscaling/v2",
          kind: "HorizontalPodAutoscaler",
          metadata: { name: "shop-api", namespace: "shop" },
          spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "shop-api" }, minReplicas: 3, maxReplicas: 10, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] },
        },
      },
      requirements: [{ workload: { node: "shop-api-deployment" } }],
    },
    "shop-web-deployment": {
      type: "HuaweiCloud.CCE.Deployment",
      properties: {
        k8sManifest: {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { name: "shop-web", namespace: "shop", labels: { app: "shop-web" } },
          spec: {
            replicas: 2,
            selector: { matchLabels: { app: "shop-web" } },
            template: {
              metadata: { labels: { app: "shop-web", version: "2.5.0" } },
              spec: { containers: [{ name: "shop-web", image: `${REGISTRY}/shop-web:2.5.0`, ports: [{ containerPort: 80 }], resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } } }] },
            },
          },
        },
      },
      requirements: [{ cluster: { get_input: "cluster_id" } }, { backend: { node: "shop-api-deployment" } }],
    },
    "shop-worker-deployment": {
      type: "HuaweiCloud.CCE.Deployment",
      properties: {
        k8sManifest: {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { name: "shop-worker", namespace: "shop", labels: { app: "shop-worker" } },
          spec: {
            replicas: 4,
            selector: { matchLabels: { app: "shop-worker" } },
            template: {
              metadata: { labels: { app: "shop-worker", version: "1.9.0" } },
              spec: { containers: [{ name: "shop-worker", image: `${REGISTRY}/shop-worker:1.9.0`, args: ["--queue=orders", "--concurrency=8"], resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } } }] },
            },
          },
        },
      },
      requirements: [{ cluster: { get_input: "cluster_id" } }, { database: { node: "shop-rds-params" } }],
    },
    "shop-cron-job": {
      type: "HuaweiCloud.CCE.CronJob",
      properties: {
        k8sManifest: {
          apiVersion: "batch/v1",
          kind: "CronJob",
          metadata: { name: "shop-order-reconcile", namespace: "shop" },
          spec: { schedule: "*/15 * * * *", concurrencyPolicy: "Forbid", jobTemplate: { spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "reconcile", image: `${REGISTRY}/shop-api:1.9.0`, args: ["reconcile-orders"] }] } } } } },
        },
      },
      requirements: [{ workload: { node: "shop-api-deployment" } }],
    },
    "shop-dns-record": {
      type: "HuaweiCloud.DNS.RecordSet",
      properties: { zoneName: "example.com.", name: "shop.example.com.", type: "A", ttl: 300 },
      requirements: [{ records: { get_attribute: ["shop-elb", "vipAddress"] } }],
    },
  },
  outputs: {
    shop_url: { value: "https://shop.example.com" },
    elb_vip: { value: { get_attribute: ["shop-elb", "vipAddress"] } },
  },
};

const changed = {
  "shop-api-deployment": {
    "properties.k8sManifest.spec.template.spec.containers[0].image": { old: `${REGISTRY}/shop-api:1.8.3`, new: `${REGISTRY}/shop-api:1.9.0` },
    "properties.k8sManifest.spec.template.metadata.labels.version": { old: "1.8.3", new: "1.9.0" },
  },
  "shop-web-deployment": {
    "properties.k8sManifest.spec.template.spec.containers[0].image": { old: `${REGISTRY}/shop-web:2.4.1`, new: `${REGISTRY}/shop-web:2.5.0` },
  },
  "shop-worker-deployment": {
    "properties.k8sManifest.spec.template.spec.containers[0].image": { old: `${REGISTRY}/shop-worker:1.8.3`, new: `${REGISTRY}/shop-worker:1.9.0` },
  },
  "shop-cron-job": {
    "properties.k8sManifest.spec.jobTemplate.spec.template.spec.containers[0].image": { old: `${REGISTRY}/shop-api:1.8.3`, new: `${REGISTRY}/shop-api:1.9.0` },
  },
  "shop-api-hpa": { "properties.k8sManifest.spec.maxReplicas": { old: 6, new: 10 } },
  "shop-rds": { "properties.flavor": { old: "rds.mysql.c2.large.ha", new: "rds.mysql.c2.xlarge.ha" } },
  "shop-rds-params": { "properties.values.max_connections": { old: "1500", new: "2000" } },
};

// element -> [elemType, phase, createAt|null, updateAt, reason?, message?]
const elements = [
  ["shop-configmap", "HuaweiCloud.CCE.ConfigMap", "Succeeded", null, "08:21:09"],
  ["shop-secret", "HuaweiCloud.CCE.Secret", "Succeeded", null, "08:21:09"],
  ["shop-vpc", "HuaweiCloud.VPC.VPC", "Succeeded", "08:21:08", "08:21:10"],
  ["shop-subnet", "HuaweiCloud.VPC.Subnet", "Succeeded", "08:21:10", "08:21:13"],
  ["shop-secgroup", "HuaweiCloud.VPC.SecurityGroup", "Succeeded", "08:21:10", "08:21:12"],
  ["shop-elb", "HuaweiCloud.ELB.LoadBalancer", "Succeeded", "08:21:13", "08:21:41"],
  ["shop-elb-listener", "HuaweiCloud.ELB.Listener", "Succeeded", "08:21:41", "08:21:47"],
  ["shop-rds", "HuaweiCloud.RDS.MySQL", "Succeeded", "08:21:13", "08:27:52"],
  ["shop-rds-params", "HuaweiCloud.RDS.ParameterGroup", "Succeeded", "08:27:52", "08:28:01"],
  ["shop-worker-deployment", "HuaweiCloud.CCE.Deployment", "Succeeded", "08:28:02", "08:29:06"],
  [
    "shop-api-deployment", "HuaweiCloud.CCE.Deployment", "Failed", "08:28:02", "08:29:41", "UpgradeFailed",
    "工作负载shop-api滚动升级失败: 新版本Pod就绪检查失败(GET /healthz 返回503), 0/3个新副本可用, 已超过进度期限90秒 ## " +
      "Deployment shop-api rolling update failed: readiness probe failed on new pods (GET /healthz returned 503), 0/3 updated replicas available, progress deadline of 90s exceeded",
  ],
  [
    "shop-web-deployment", "HuaweiCloud.CCE.Deployment", "Cancelled", "08:28:02", "08:29:44", "ActionCancelled",
    "其他元素执行失败, 元素(shop-web-deployment)的upgrade操作已取消 ## Action upgrade of element(shop-web-deployment) cancelled because another element failed",
  ],
  [
    "shop-api-hpa", "HuaweiCloud.CCE.HorizontalPodAutoscaler", "Failed", null, "08:29:43", "DependencyFailed",
    "依赖的元素(shop-api-deployment)执行失败 ## Dependency element(shop-api-deployment) failed",
  ],
  [
    "shop-cron-job", "HuaweiCloud.CCE.CronJob", "Cancelled", null, "08:29:44", "ActionCancelled",
    "其他元素执行失败, 元素(shop-cron-job)的upgrade操作已取消 ## Action upgrade of element(shop-cron-job) cancelled because another element failed",
  ],
  [
    "shop-elb-backend", "HuaweiCloud.ELB.BackendMember", "Skipped", null, "08:29:44", "DependencyNotSucceeded",
    "依赖的元素(shop-web-deployment)未成功, 跳过执行 ## Skipped: dependency element(shop-web-deployment) did not succeed",
  ],
  ["shop-dns-record", "HuaweiCloud.DNS.RecordSet", "Pending", null, "08:21:07"],
];

function aosExecution() {
  const sub = {};
  for (const [name, , phase, createAt, updateAt, reason, message] of elements) {
    const s = { phase };
    if (reason) s.reason = reason;
    if (message) s.message = message;
    s.updateAt = t(updateAt);
    s.subActionName = "upgrade";
    if (createAt) s.createAt = t(createAt);
    sub[name] = s;
  }
  const labels = { "execution-hash": HASH, stackname: STACK, env: "prod", team: "shop-platform" };
  return {
    kind: "Execution",
    apiVersion: "paas/v1alpha1",
    metadata: {
      name: EXEC,
      namespace: PROJECT,
      selfLink: `/apis/paas/v1alpha1/namespaces/${PROJECT}/executions/${EXEC}`,
      uid: "5c1d7e83-10f9-11ef-9a3c-0255ac10003e",
      resourceVersion: "88431207",
      creationTimestamp: t("08:21:07"),
      labels,
      annotations: {
        "paas-iam.alpha.kubernetes.io/domain-id": DOMAIN,
        namespace: PROJECT,
        "cluster-id": "8f1e2d3c-4b5a-11ee-9c8d-0255ac100045",
        "stack.kubernetes.io/revision": "17",
      },
      enable: true,
    },
    spec: {
      metadata: { namespace: PROJECT, creationTimestamp: null, labels, enable: true },
      objectReference: { kind: "Stack", namespace: PROJECT, name: STACK, uid: STACK_UID },
      actionName: "upgrade",
      timeoutInMinutes: 30,
      onFailureStrategy: "DoNothing",
      disableStrategy: "Cancel",
      source: "User",
      subObjectNames: "",
      objectData: b64(JSON.stringify(template)),
      changedObjectData: b64(JSON.stringify(changed, null, 2)),
      location: "192.168.0.12",
    },
    status: {
      actionName: "upgrade",
      progress: 62,
      objectStatus: {
        phase: "Failed",
        reason: "UpgradeFailed",
        message:
          "堆栈shop-prod变更失败, 失败的元素: shop-api-deployment, shop-api-hpa ## Stack shop-prod upgrade failed, failed elements: shop-api-deployment, shop-api-hpa",
        updateAt: t("08:29:45"),
      },
      subObjectStatuses: sub,
    },
  };
}

// Events of that same run. [elemId, type, zhReason##enReason, zh message, en message, first, last, count]
function aosEvents() {
  const typeOf = Object.fromEntries(elements.map((e) => [e[0], e[1]]));
  const list = [];
  const ev = (elem, type, reason, zh, en, first, last = first, count = 1) =>
    list.push({ elem, type, reason, zh, en, first, last, count });
  const start = (e, at) => ev(e, "Normal", "启动##ActionStart", `元素(${e})开始执行(upgrade)流程.`, `Element(${e}) start to Action(upgrade).`, at);
  const ok = (e, at) => ev(e, "Normal", "执行成功##SuccessfulFinish", `元素(${e})执行upgrade成功.`, `Element(${e}) execute Action: upgrade successfully`, at);
  const nochange = (e, at) => ev(e, "Normal", "无变化##NoChange", `元素(${e})属性无变化, 跳过更新.`, `Element(${e}) properties unchanged, skip updating.`, at);
  const updating = (e, at, zh, en) => ev(e, "Normal", "更新中##Updating", `元素(${e})${zh}`, `Element(${e}) ${en}`, at);
  const check = (e, at, state) => ev(e, "Normal", "检查资源##Checking", `元素(${e})检查资源状态: ${state}.`, `Element(${e}) checked resource status: ${state}.`, at);
  const waiting = (e, first, last, count, zh, en) => ev(e, "Normal", "等待资源就绪##WaitingForResource", `元素(${e})${zh}`, `Element(${e}) ${en}`, first, last, count);

  start("shop-configmap", "08:21:08"); nochange("shop-configmap", "08:21:08"); ok("shop-configmap", "08:21:09");
  start("shop-secret", "08:21:08"); nochange("shop-secret", "08:21:09"); ok("shop-secret", "08:21:09");
  start("shop-vpc", "08:21:08"); check("shop-vpc", "08:21:08", "OK"); nochange("shop-vpc", "08:21:09"); ok("shop-vpc", "08:21:10");
  start("shop-subnet", "08:21:10"); check("shop-subnet", "08:21:11", "ACTIVE"); nochange("shop-subnet", "08:21:12"); ok("shop-subnet", "08:21:13");
  start("shop-secgroup", "08:21:10"); check("shop-secgroup", "08:21:10", "OK"); nochange("shop-secgroup", "08:21:11"); ok("shop-secgroup", "08:21:12");
  start("shop-elb", "08:21:13");
  check("shop-elb", "08:21:13", "ACTIVE");
  updating("shop-elb", "08:21:14", "更新负载均衡器带宽: 10 Mbit/s -> 20 Mbit/s.", "updating load balancer bandwidth: 10 Mbit/s -> 20 Mbit/s.");
  waiting("shop-elb", "08:21:19", "08:21:39", 5, "等待负载均衡器状态变为ACTIVE.", "waiting for load balancer to become ACTIVE.");
  ok("shop-elb", "08:21:41");
  start("shop-rds", "08:21:13");
  updating("shop-rds", "08:21:14", "变更前创建手动备份shop-prod-mysql-pre-upgrade-20240513.", "creating manual backup shop-prod-mysql-pre-upgrade-20240513 before resizing.");
  ev("shop-rds", "Normal", "备份完成##BackupCompleted", "元素(shop-rds)手动备份shop-prod-mysql-pre-upgrade-20240513已完成.", "Element(shop-rds) manual backup shop-prod-mysql-pre-upgrade-20240513 completed.", "08:21:15");
  updating("shop-rds", "08:21:15", "开始变更规格: rds.mysql.c2.large.ha -> rds.mysql.c2.xlarge.ha.", "resizing flavor: rds.mysql.c2.large.ha -> rds.mysql.c2.xlarge.ha.");
  waiting("shop-rds", "08:21:25", "08:24:15", 18, "等待实例状态: 备库规格变更中.", "waiting for instance: resizing standby node.");
  waiting("shop-rds", "08:24:25", "08:26:35", 14, "等待实例状态: 主备切换中.", "waiting for instance: switching over primary and standby.");
  waiting("shop-rds", "08:26:45", "08:27:45", 7, "等待实例状态: 原主库规格变更中.", "waiting for instance: resizing former primary node.");
  ok("shop-rds", "08:27:52");
  start("shop-elb-listener", "08:21:41"); check("shop-elb-listener", "08:21:42", "ACTIVE"); nochange("shop-elb-listener", "08:21:43"); ok("shop-elb-listener", "08:21:47");
  start("shop-rds-params", "08:27:52");
  check("shop-rds-params", "08:27:52", "ACTIVE");
  updating("shop-rds-params", "08:27:53", "更新参数max_connections: 1500 -> 2000.", "updating parameter max_connections: 1500 -> 2000.");
  ok("shop-rds-params", "08:28:01");
  for (const [e, img] of [["shop-worker-deployment", "shop-worker:1.9.0"], ["shop-api-deployment", "shop-api:1.9.0"], ["shop-web-deployment", "shop-web:2.5.0"]]) {
    start(e, "08:28:02");
    updating(e, e === "shop-web-deployment" ? "08:28:04" : "08:28:03", `开始滚动升级, 镜像${img}.`, `rolling update started, image ${img}.`);
  }
  ev("shop-worker-deployment", "Normal", "创建Pod##PodCreated", "元素(shop-worker-deployment)已创建新Pod shop-worker-7b4d6c9f8-2mxkq.", "Element(shop-worker-deployment) created new pod shop-worker-7b4d6c9f8-2mxkq.", "08:28:05");
  ev("shop-api-deployment", "Normal", "创建Pod##PodCreated", "元素(shop-api-deployment)已创建新Pod shop-api-6f8c9d7b54-q7lzk.", "Element(shop-api-deployment) created new pod shop-api-6f8c9d7b54-q7lzk.", "08:28:05");
  ev("shop-web-deployment", "Normal", "创建Pod##PodCreated", "元素(shop-web-deployment)已创建新Pod shop-web-5c9f7d8b6-tw4rn.", "Element(shop-web-deployment) created new pod shop-web-5c9f7d8b6-tw4rn.", "08:28:06");
  waiting("shop-worker-deployment", "08:28:13", "08:28:23", 2, "滚动升级中: 1/4个新副本可用.", "rolling update in progress: 1/4 updated replicas available.");
  waiting("shop-worker-deployment", "08:28:33", "08:28:43", 2, "滚动升级中: 2/4个新副本可用.", "rolling update in progress: 2/4 updated replicas available.");
  waiting("shop-worker-deployment", "08:28:53", "08:29:03", 2, "滚动升级中: 3/4个新副本可用.", "rolling update in progress: 3/4 updated replicas available.");
  ok("shop-worker-deployment", "08:29:06");
  waiting("shop-api-deployment", "08:28:13", "08:28:33", 3, "滚动升级中: 0/3个新副本可用.", "rolling update in progress: 0/3 updated replicas available.");
  ev("shop-api-deployment", "Warning", "重试##ActionRetry",
    "元素(shop-api-deployment)就绪检查失败, 重试中: 新Pod shop-api-6f8c9d7b54-q7lzk 的 GET /healthz 返回503.",
    "Element(shop-api-deployment) readiness check failed, retrying: GET /healthz on new pod shop-api-6f8c9d7b54-q7lzk returned 503.",
    "08:28:40", "08:29:31", 4);
  ev("shop-api-deployment", "Warning", "执行失败##FailedFinish",
    "元素(shop-api-deployment)执行upgrade失败: 新版本Pod就绪检查失败, 0/3个新副本可用, 已超过进度期限90秒.",
    "Element(shop-api-deployment) execute Action: upgrade failed: readiness probe failed on new pods, 0/3 updated replicas available, progress deadline of 90s exceeded",
    "08:29:41");
  waiting("shop-web-deployment", "08:28:14", "08:28:54", 5, "滚动升级中: 0/2个新副本可用.", "rolling update in progress: 0/2 updated replicas available.");
  waiting("shop-web-deployment", "08:29:04", "08:29:34", 4, "滚动升级中: 1/2个新副本可用.", "rolling update in progress: 1/2 updated replicas available.");
  ev("shop-api-hpa", "Warning", "依赖失败##DependencyFailed",
    "元素(shop-api-hpa)依赖的元素(shop-api-deployment)执行失败.", "Element(shop-api-hpa) dependency element(shop-api-deployment) failed.", "08:29:43");
  ev("shop-web-deployment", "Warning", "取消##ActionCancelled",
    "元素(shop-web-deployment)的upgrade操作已取消.", "Element(shop-web-deployment) Action: upgrade cancelled.", "08:29:44");
  ev("shop-cron-job", "Warning", "取消##ActionCancelled",
    "元素(shop-cron-job)的upgrade操作已取消.", "Element(shop-cron-job) Action: upgrade cancelled.", "08:29:44");
  ev("shop-elb-backend", "Normal", "跳过##ActionSkipped",
    "元素(shop-elb-backend)依赖的元素(shop-web-deployment)未成功, 跳过执行.", "Element(shop-elb-backend) skipped: dependency element(shop-web-deployment) did not succeed.", "08:29:44");

  // The API returns events in creation order; sort by first report, stable.
  const order = list.map((e, i) => [e.first, i]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return order.map(([, i], n) => {
    const e = list[i];
    const nano = BigInt(Date.parse(t(e.first))) * 1000000n + BigInt(n * 7919 + 104729);
    return {
      metadata: { name: `${EXEC}.${nano.toString(16)}`, namespace: PROJECT },
      involvedObject: { name: EXEC, namespace: PROJECT },
      reason: e.reason,
      message: `${e.zh} ## ${e.en}`,
      firstTimestamp: t(e.first),
      lastTimestamp: t(e.last),
      count: e.count,
      type: e.type,
      elemType: typeOf[e.elem],
      elemId: e.elem,
      actionName: "upgrade",
    };
  });
}

// ---------------------------------------------------------------------------
// 2. GCS: a running germline WGS run, and a finished RNA-seq run.
// ---------------------------------------------------------------------------
const GCS_PROJECT = "c9b1e7f05a3d4c28b6e4f1a2d8c07e53";
const GCS_DOMAIN = "1e6a9d3b7c2f40e58b1a6c4d9e2f7b08";

const wgsYaml = `version: genecontainer_0_1
inputs:
  sample:
    default: NA12878
    type: string
    description: sample id
  reads-dir:
    default: /gcs-data/NA12878/fastq
    type: string
  ref:
    default: /gcs-ref/GRCh38/Homo_sapiens_assembly38.fasta
    type: string
  known-sites:
    default: /gcs-ref/GRCh38/Homo_sapiens_assembly38.dbsnp138.vcf.gz
    type: string
  shards:
    default: 16
    type: int
volumes:
  data:
    mount_path: /gcs-data
    mount_from:
      pvc: gcs-prod-sfs-data
  ref:
    mount_path: /gcs-ref
    mount_from:
      pvc: gcs-prod-sfs-ref
workflow:
  fastqc:
    tool: fastqc:0.11.9
    type: GCS.Job
    resources:
      cpu: 4C
      memory: 8G
    commands_iter:
      command: fastqc -t 4 -o /gcs-data/\${sample}/qc \${1}
      vars_iter:
        - - \${reads-dir}/\${sample}_R1.fastq.gz
          - \${reads-dir}/\${sample}_R2.fastq.gz
  bwa-mem:
    tool: bwa:0.7.17
    type: GCS.Job
    resources:
      cpu: 16C
      memory: 32G
    commands_iter:
      command: >-
        bwa mem -t 16 -R "@RG\\tID:\${sample}\\tSM:\${sample}\\tPL:ILLUMINA" \${ref}
        \${reads-dir}/split/\${sample}_R1.\${1}.fastq.gz \${reads-dir}/split/\${sample}_R2.\${1}.fastq.gz
        | samtools view -b -o /gcs-data/\${sample}/bam/\${sample}.\${1}.bam -
      vars_iter:
        - range(0, \${shards})
  sort-sam:
    tool: gatk:4.2.6.1
    type: GCS.Job
    resources:
      cpu: 4C
      memory: 16G
    commands_iter:
      command: gatk SortSam -I /gcs-data/\${sample}/bam/\${sample}.\${1}.bam -O /gcs-data/\${sample}/bam/\${sample}.\${1}.sorted.bam -SO coordinate
      vars_iter:
        - range(0, \${shards})
    depends:
      - target: bwa-mem
        type: whole
  mark-duplicates:
    tool: gatk:4.2.6.1
    type: GCS.Job
    resources:
      cpu: 8C
      memory: 32G
    commands:
      - gatk MarkDuplicatesSpark -I /gcs-data/\${sample}/bam/ -O /gcs-data/\${sample}/\${sample}.markdup.bam -M /gcs-data/\${sample}/qc/markdup.metrics.txt
    depends:
      - target: sort-sam
        type: whole
  base-recalibrator:
    tool: gatk:4.2.6.1
    type: GCS.Job
    resources:
      cpu: 2C
      memory: 8G
    commands_iter:
      command: gatk BaseRecalibrator -R \${ref} -I /gcs-data/\${sample}/\${sample}.markdup.bam --known-sites \${known-sites} -L \${1} -O /gcs-data/\${sample}/bqsr/\${1}.recal.table
      vars_iter:
        - [chr1, chr2, chr3, chr4, chr5, chr6, chr7, chr8, chr9, chr10, chr11, chr12, chr13, chr14, chr15, chr16, chr17, chr18, chr19, chr20, chr21, chr22, chrX, chrY]
    depends:
      - target: mark-duplicates
        type: whole
  apply-bqsr:
    tool: gatk:4.2.6.1
    type: GCS.Job
    resources:
      cpu: 2C
      memory: 8G
    commands:
      - gatk GatherBQSRReports -I /gcs-data/\${sample}/bqsr/ -O /gcs-data/\${sample}/\${sample}.recal.table
      - gatk ApplyBQSR -R \${ref} -I /gcs-data/\${sample}/\${sample}.markdup.bam --bqsr-recal-file /gcs-data/\${sample}/\${sample}.recal.table -O /gcs-data/\${sample}/\${sample}.bqsr.bam
    depends:
      - target: base-recalibrator
        type: whole
  haplotype-caller:
    tool: gatk:4.2.6.1
    type: GCS.Job
    resources:
      cpu: 4C
      memory: 16G
    commands_iter:
      command: gatk HaplotypeCaller -R \${ref} -I /gcs-data/\${sample}/\${sample}.bqsr.bam -L \${1} -ERC GVCF -O /gcs-data/\${sample}/gvcf/\${1}.g.vcf.gz
      vars_iter:
        - [chr1, chr2, chr3, chr4, chr5, chr6, chr7, chr8, chr9, chr10, chr11, chr12, chr13, chr14, chr15, chr16, chr17, chr18, chr19, chr20, chr21, chr22, chrX, chrY]
    depends:
      - target: apply-bqsr
        type: whole
  genotype-gvcfs:
    tool: gatk:4.2.6.1
    type: GCS.Job
    resources:
      cpu: 8C
      memory: 32G
    commands:
      - gatk GenotypeGVCFs -R \${ref} -V /gcs-data/\${sample}/gvcf/ -O /gcs-data/\${sample}/\${sample}.vcf.gz
    depends:
      - target: haplotype-caller
        type: whole
  variant-recalibrator:
    tool: gatk:4.2.6.1
    type: GCS.Job
    resources:
      cpu: 4C
      memory: 16G
    commands:
      - gatk VariantRecalibrator -R \${ref} -V /gcs-data/\${sample}/\${sample}.vcf.gz -mode SNP -O /gcs-data/\${sample}/\${sample}.snp.recal --tranches-file /gcs-data/\${sample}/\${sample}.snp.tranches
      - gatk ApplyVQSR -R \${ref} -V /gcs-data/\${sample}/\${sample}.vcf.gz --recal-file /gcs-data/\${sample}/\${sample}.snp.recal -mode SNP -O /gcs-data/\${sample}/\${sample}.vqsr.vcf.gz
    depends:
      - target: genotype-gvcfs
        type: whole
  vcf-report:
    tool: bcftools:1.17
    type: GCS.Job
    resources:
      cpu: 2C
      memory: 4G
    commands:
      - bcftools stats /gcs-data/\${sample}/\${sample}.vqsr.vcf.gz > /gcs-data/\${sample}/qc/\${sample}.vcf.stats.txt
    depends:
      - target: variant-recalibrator
        type: whole
`;

// [node, status, sub_job_num, finished, running, start, end|null, tool]
const wgsNodes = [
  ["fastqc", "succeeded", 2, 2, 0, "08:21:31", "08:29:12", "GCS.Job"],
  ["bwa-mem", "succeeded", 16, 16, 0, "08:21:31", "09:12:48", "GCS.Job"],
  ["sort-sam", "succeeded", 16, 16, 0, "09:12:50", "09:24:05", "GCS.Job"],
  ["mark-duplicates", "succeeded", 1, 1, 0, "09:24:07", "09:41:33", "GCS.Job"],
  ["base-recalibrator", "running", 24, 15, 9, "09:41:35", null, "GCS.Job"],
  ["apply-bqsr", "pending", 1, 0, 0, null, null, "GCS.Job"],
  ["haplotype-caller", "pending", 24, 0, 0, null, null, "GCS.Job"],
  ["genotype-gvcfs", "pending", 1, 0, 0, null, null, "GCS.Job"],
  ["variant-recalibrator", "pending", 1, 0, 0, null, null, "GCS.Job"],
  ["vcf-report", "pending", 1, 0, 0, null, null, "GCS.Job"],
];
const secs = (a, b) => (Date.parse(t(b)) - Date.parse(t(a))) / 1000;

function gcsRunning() {
  const name = "wgs-na12878-0513-082107";
  const guid = "5f0c7a2e-9d3b-4c1a-b8e6-2a7d41c9e305";
  const now = "09:51:17";
  const phaseOf = { succeeded: "Succeeded", running: "Running", pending: "Pending" };
  const cpu = { fastqc: 4, "bwa-mem": 16, "sort-sam": 4, "mark-duplicates": 8, "base-recalibrator": 2 };
  const mem = { fastqc: 8, "bwa-mem": 32, "sort-sam": 16, "mark-duplicates": 32, "base-recalibrator": 8 };
  const sub = {};
  const elem = {};
  const actual = [];
  for (const [node, status, n, fin, run, start, end] of wgsNodes) {
    const s = { phase: phaseOf[status] };
    s.updateAt = t(end ?? (start ? "09:51:02" : "08:21:07"));
    s.subActionName = "create";
    if (start) s.createAt = t(start);
    sub[node] = s;
    elem[node] = { type: "GCS.Job", active: run, succeeded: fin, failed: 0 };
    if (start) elem[node].startTime = t(start);
    if (end) elem[node].completionTime = t(end);
    const dur = start ? secs(start, end ?? now) : 0;
    actual.push({
      name: node,
      status,
      sub_job_num: n,
      finished_sub_job_num: fin,
      sub_job_status: { succeeded: fin, running: run, pending: n - fin - run, failed: 0 },
      time_duration: dur,
      resources: start
        ? { cpu: `${cpu[node] * n}C`, memory: `${mem[node] * n}G`, cpu_core_hours: (cpu[node] * (fin + run) * dur / 3600).toFixed(2), time_ratio: status === "running" ? "88" : "96" }
        : {},
    });
  }
  const inputs = {
    sample: "NA12878",
    "reads-dir": "/gcs-data/NA12878/fastq",
    ref: "/gcs-ref/GRCh38/Homo_sapiens_assembly38.fasta",
    "known-sites": "/gcs-ref/GRCh38/Homo_sapiens_assembly38.dbsnp138.vcf.gz",
    shards: 16,
  };
  const labels = { sample: "NA12878", pipeline: "gatk4-germline", coverage: "30x" };
  return {
    execution: {
      guid,
      name,
      namespace: "gcs-prod",
      cluster_name: "gcs-cce-bj4",
      cluster_id: "a41f7c9e-0e2b-11ee-8d3f-0255ac1000f1",
      project_id: GCS_PROJECT,
      domain_id: GCS_DOMAIN,
      description: "NA12878 30x全基因组胚系变异检测 / NA12878 30x WGS germline variant calling",
      status: "running",
      workflow_id: "e7a3c915-4b2d-4f80-9c61-5d0b8e2a7f34",
      workflow_name: "gatk4-germline-wgs",
      workflow_scope: "private",
      inputs_json: JSON.stringify(inputs),
      outputs_json: "{}",
      image: "obs://gcs-prod-workflows/gatk4-germline-wgs/topology.png",
      time_duration: secs("08:21:07", now),
      sfs_volume_name: "gcs-prod-sfs-data",
      job_type: "CCE.Job",
      target: "cce",
      create_at: t("08:21:07"),
      update_at: t(now),
      label: labels,
      resources: { cpu: "86C", memory: "344G", gpu: "0", time_ratio: "91" },
      priority: 10,
    },
    object: {
      kind: "execution",
      apiVersion: "gene.kubedag/v1alpha1",
      metadata: {
        name,
        namespace: "gcs-prod",
        selfLink: `/apis/gene.kubedag/v1alpha1/namespaces/gcs-prod/executions/${name}`,
        uid: guid,
        resourceVersion: "30517764",
        generation: 1,
        creationTimestamp: t("08:21:07"),
        labels,
        annotations: { "paas-iam.alpha.kubernetes.io/domain-id": GCS_DOMAIN, "paas-iam.alpha.kubernetes.io/project-id": GCS_PROJECT, "gcs.huaweicloud.com/workflow-id": "e7a3c915-4b2d-4f80-9c61-5d0b8e2a7f34" },
      },
      spec: {
        metadata: { labels, namespace: "gcs-prod" },
        actionName: "create",
        timeoutInMinutes: 1440,
        onFailureStrategy: "DoNothing",
        objectData: b64(wgsYaml),
        location: "172.16.2.37",
      },
      status: {
        actionName: "create",
        progress: 40,
        objectStatus: { phase: "Running", updateAt: t(now) },
        subObjectStatuses: sub,
        elementStatuses: elem,
      },
    },
    status: { node_number: 10, finished_node_number: 4, actual_node_status: actual },
    enterprise_project: { id: "0", name: "default" },
  };
}

const rnaYaml = `version: genecontainer_0_1
inputs:
  sample:
    default: HCC1395-T1
    type: string
  index:
    default: /gcs-ref/GRCh38/star-2.7.10b
    type: string
  gtf:
    default: /gcs-ref/GRCh38/gencode.v44.annotation.gtf
    type: string
volumes:
  data:
    mount_path: /gcs-data
    mount_from:
      pvc: gcs-prod-sfs-data
workflow:
  fastp:
    tool: fastp:0.23.4
    type: GCS.Job
    resources:
      cpu: 8C
      memory: 16G
    commands:
      - fastp -w 8 -i /gcs-data/\${sample}/R1.fq.gz -I /gcs-data/\${sample}/R2.fq.gz -o /gcs-data/\${sample}/clean.R1.fq.gz -O /gcs-data/\${sample}/clean.R2.fq.gz -j /gcs-data/\${sample}/qc/fastp.json
  star-align:
    tool: star:2.7.10b
    type: GCS.Job
    resources:
      cpu: 16C
      memory: 64G
    commands:
      - STAR --runThreadN 16 --genomeDir \${index} --readFilesCommand zcat --readFilesIn /gcs-data/\${sample}/clean.R1.fq.gz /gcs-data/\${sample}/clean.R2.fq.gz --outSAMtype BAM SortedByCoordinate --outFileNamePrefix /gcs-data/\${sample}/star/
    depends:
      - target: fastp
        type: whole
  feature-counts:
    tool: subread:2.0.6
    type: GCS.Job
    resources:
      cpu: 8C
      memory: 8G
    commands:
      - featureCounts -T 8 -p --countReadPairs -a \${gtf} -o /gcs-data/\${sample}/counts.txt /gcs-data/\${sample}/star/Aligned.sortedByCoord.out.bam
    depends:
      - target: star-align
        type: whole
  rseqc:
    tool: rseqc:5.0.1
    type: GCS.Job
    resources:
      cpu: 2C
      memory: 8G
    commands:
      - infer_experiment.py -r /gcs-ref/GRCh38/gencode.v44.bed -i /gcs-data/\${sample}/star/Aligned.sortedByCoord.out.bam > /gcs-data/\${sample}/qc/strand.txt
    depends:
      - target: star-align
        type: whole
  multiqc:
    tool: multiqc:1.19
    type: GCS.Job
    resources:
      cpu: 1C
      memory: 2G
    commands:
      - multiqc -o /gcs-data/\${sample}/qc /gcs-data/\${sample}
    depends:
      - target: feature-counts
        type: whole
      - target: rseqc
        type: whole
`;

function gcsSucceededMap() {
  const day = "2024-05-12T";
  const tt = (hms) => `${day}${hms}Z`;
  const name = "rnaseq-hcc1395-t1-0512-231540";
  const guid = "b2d84f61-7a0c-4e39-8f15-c6e3a90d2b47";
  const nodes = [
    ["fastp", "23:15:58", "23:24:31", "8C", "16G"],
    ["star-align", "23:24:33", "23:58:06", "16C", "64G"],
    ["feature-counts", "23:58:08", "00:06:47", "8C", "8G"],
    ["rseqc", "23:58:08", "00:04:12", "2C", "8G"],
    ["multiqc", "00:06:49", "00:08:02", "1C", "2G"],
  ];
  // The last three nodes cross midnight UTC into 2024-05-13.
  const at = (hms) => (hms < "12" ? `2024-05-13T${hms}Z` : tt(hms));
  const dur = (a, b) => (Date.parse(at(b)) - Date.parse(at(a))) / 1000;
  const sub = {};
  const elem = {};
  const actual = {};
  for (const [node, start, end, cpu, memory] of nodes) {
    sub[node] = { phase: "Succeeded", updateAt: at(end), subActionName: "create", createAt: at(start) };
    elem[node] = { type: "GCS.Job", active: 0, succeeded: 1, failed: 0, startTime: at(start), completionTime: at(end) };
    actual[node] = {
      name: node,
      status: "Succeeded",
      sub_job_num: 1,
      finished_sub_job_num: 1,
      sub_job_status: { Succeeded: 1 },
      time_duration: dur(start, end),
      resources: { cpu, memory, time_ratio: "97" },
    };
  }
  const inputs = { sample: "HCC1395-T1", index: "/gcs-ref/GRCh38/star-2.7.10b", gtf: "/gcs-ref/GRCh38/gencode.v44.annotation.gtf" };
  const outputs = {
    counts: "/gcs-data/HCC1395-T1/counts.txt",
    bam: "/gcs-data/HCC1395-T1/star/Aligned.sortedByCoord.out.bam",
    report: "/gcs-data/HCC1395-T1/qc/multiqc_report.html",
  };
  const labels = { sample: "HCC1395-T1", pipeline: "rnaseq-star" };
  return {
    execution: {
      guid,
      name,
      namespace: "gcs-prod",
      cluster_name: "gcs-cce-bj4",
      cluster_id: "a41f7c9e-0e2b-11ee-8d3f-0255ac1000f1",
      project_id: GCS_PROJECT,
      domain_id: GCS_DOMAIN,
      description: "HCC1395肿瘤样本转录组定量 / HCC1395 tumour RNA-seq quantification",
      status: "Succeeded",
      workflow_id: "0c5e8b27-d14f-4a96-b3e0-7f2a61c9d855",
      workflow_name: "rnaseq-star-featurecounts",
      workflow_scope: "private",
      inputs_json: JSON.stringify(inputs),
      outputs_json: JSON.stringify(outputs),
      image: "obs://gcs-prod-workflows/rnaseq-star-featurecounts/topology.png",
      time_duration: dur("23:15:40", "00:08:05"),
      sfs_volume_name: "gcs-prod-sfs-data",
      job_type: "CCE.Job",
      target: "cce",
      create_at: tt("23:15:40"),
      update_at: at("00:08:05"),
      label: labels,
      resources: { cpu: "16C", memory: "64G", gpu: "0", time_ratio: "95" },
      priority: 0,
    },
    object: {
      kind: "execution",
      apiVersion: "gene.kubedag/v1alpha1",
      metadata: {
        name,
        namespace: "gcs-prod",
        selfLink: `/apis/gene.kubedag/v1alpha1/namespaces/gcs-prod/executions/${name}`,
        uid: guid,
        resourceVersion: "30488120",
        creationTimestamp: tt("23:15:40"),
        labels,
        annotations: { "paas-iam.alpha.kubernetes.io/domain-id": GCS_DOMAIN, "paas-iam.alpha.kubernetes.io/project-id": GCS_PROJECT },
      },
      spec: {
        metadata: { labels, namespace: "gcs-prod" },
        actionName: "create",
        timeoutInMinutes: 720,
        onFailureStrategy: "DoNothing",
        objectData: b64(rnaYaml),
        location: "172.16.2.41",
      },
      status: {
        actionName: "create",
        progress: 100,
        objectStatus: { phase: "Succeeded", updateAt: at("00:08:05") },
        subObjectStatuses: sub,
        elementStatuses: elem,
      },
    },
    status: { node_number: 5, finished_node_number: 5, actual_node_status: actual },
    enterprise_project: { id: "0", name: "default" },
  };
}

// ---------------------------------------------------------------------------
// 3. AOM/COC workflow history (epoch milliseconds).
// ---------------------------------------------------------------------------
function workflowHistory() {
  const WF = "6d2f8a1c4e7b4093a5c1e8f2b7d04a69";
  const P = "0a4f3c1e9b7d4e2f8c6a5b3d1e9f7a2c";
  const ms = (iso) => Date.parse(iso);
  const EDIT = ms("2024-05-02T07:44:19Z");
  const pods = ["shop-api-6f8c9d7b54-q7lzk", "shop-api-6f8c9d7b54-vx2mn", "shop-api-6f8c9d7b54-8hr4t"];
  const workload = (extra) => ({
    app: "shop-api",
    code: "0",
    matchLabels: JSON.stringify({ app: "shop-api", version: "1.9.0" }),
    current_project: true,
    replicas: 3,
    cmdb_work_load_id: "wl-3e81c0d95b2a4f7e",
    type: "manual",
    name: "shop-api",
    namespace: "shop",
    cceWorkloadCluster: "cce-shop-prod",
    id: "9a7c1e02-3f4b-4d58-b6e1-0c2d8f7a5b93",
    cceWorkloadType: "deployments",
    ...extra,
  });
  // Each node: [node_id, begin, end|0, status, output]
  const node = (node_id, begin, end, status, output, fx) => ({
    node_id,
    begin_time: ms(begin),
    end_time: end ? ms(end) : 0,
    function_execution_id: fx,
    output: { success: [], fail: [], in_execution: [], not_performed: [], ...output },
    status,
  });
  const run = (id, status, begin, end, last, by, approvers, list, snap) => ({
    workflow_id: WF,
    execution_id: id,
    status,
    begin_time: ms(begin),
    end_time: end ? ms(end) : 0,
    last_update_time: ms(last),
    created_by: by,
    approve_user_name_list: approvers,
    execution_result_list: list,
    project_id: P,
    workflow_edit_time: EDIT,
    last_record_id_with_snapshot: snap,
  });
  const okRun = (id, day, by, fx, snap) =>
    run(id, "success", `${day}T02:00:03Z`, `${day}T02:07:41Z`, `${day}T02:07:41Z`, by, ["li.na"], [
      node("precheck-workload", `${day}T02:00:04Z`, `${day}T02:00:19Z`, "success", { success: [workload({ log: "Precheck passed: 3/3 replicas available.", availableReplicas: 3, execute_time: "14870", creationTimestamp: "2024-04-29T03:12:55Z" })] }, `${fx}01`),
      node("delete-workload-pod", `${day}T02:02:30Z`, `${day}T02:03:06Z`, "success", { success: [workload({ log: "Restart Success.", availableReplicas: 0, execute_time: "35505", creationTimestamp: " " })] }, `${fx}02`),
      node("check-pod-ready", `${day}T02:03:07Z`, `${day}T02:07:38Z`, "success", { success: [workload({ log: "All pods ready: 3/3.", availableReplicas: 3, execute_time: "271044", creationTimestamp: " " })] }, `${fx}03`),
      node("notify-result", `${day}T02:07:39Z`, `${day}T02:07:41Z`, "success", { success: [{ code: "0", log: "Message sent to SMN topic shop-ops-alerts.", execute_time: "1702" }] }, `${fx}04`),
    ], snap);

  const failed = run(
    "c3e91b07d25f4a86b1e0f7a4d9c2e5b8", "fail", "2024-05-13T08:21:07Z", "2024-05-13T08:33:12Z", "2024-05-13T08:33:12Z",
    "wang.lei", ["li.na"], [
      node("precheck-workload", "2024-05-13T08:21:08Z", "2024-05-13T08:21:22Z", "success", { success: [workload({ log: "Precheck passed: 3/3 replicas available.", availableReplicas: 3, execute_time: "13950", creationTimestamp: "2024-04-29T03:12:55Z" })] }, "fx-5b0e4d2a9c1701"),
      node("delete-workload-pod", "2024-05-13T08:26:51Z", "2024-05-13T08:27:29Z", "success", { success: [workload({ log: "Restart Success.", availableReplicas: 0, execute_time: "37812", creationTimestamp: " " })] }, "fx-5b0e4d2a9c1702"),
      node("check-pod-ready", "2024-05-13T08:27:30Z", "2024-05-13T08:33:11Z", "fail", {
        success: [],
        fail: [workload({
          code: "1",
          log: "Pod shop-api-6f8c9d7b54-q7lzk not ready after 300s: container shop-api in CrashLoopBackOff (last exit code 137, reason OOMKilled, restarts 5); 1/3 replicas available.",
          availableReplicas: 1,
          execute_time: "341220",
          creationTimestamp: " ",
          pods,
        })],
        not_performed: [],
      }, "fx-5b0e4d2a9c1703"),
    ], "snap-20240513082107-c3e91b07");

  const rerun = run(
    "8f4a2d6c1b9e4357a0c5d8e1f6b3a270", "success", "2024-05-13T09:05:40Z", "2024-05-13T09:12:02Z", "2024-05-13T09:12:02Z",
    "wang.lei", ["li.na", "zhao.min"], [
      node("precheck-workload", "2024-05-13T09:05:41Z", "2024-05-13T09:05:55Z", "success", { success: [workload({ log: "Precheck passed: 3/3 replicas available.", availableReplicas: 3, execute_time: "14102", creationTimestamp: "2024-05-13T08:58:03Z" })] }, "fx-72c19e0b4d5a01"),
      node("delete-workload-pod", "2024-05-13T09:07:12Z", "2024-05-13T09:07:47Z", "success", { success: [workload({ log: "Restart Success.", availableReplicas: 0, execute_time: "34977", creationTimestamp: " " })] }, "fx-72c19e0b4d5a02"),
      node("check-pod-ready", "2024-05-13T09:07:48Z", "2024-05-13T09:11:59Z", "success", { success: [workload({ log: "All pods ready: 3/3.", availableReplicas: 3, execute_time: "251330", creationTimestamp: " " })] }, "fx-72c19e0b4d5a03"),
      node("notify-result", "2024-05-13T09:12:00Z", "2024-05-13T09:12:02Z", "success", { success: [{ code: "0", log: "Message sent to SMN topic shop-ops-alerts.", execute_time: "1650" }] }, "fx-72c19e0b4d5a04"),
    ], "snap-20240513090540-8f4a2d6c");

  const running = run(
    "1e7b5c93f0a24d68b2c4e9d1a7f3b605", "running", "2024-05-14T02:00:03Z", 0, "2024-05-14T02:02:51Z",
    "scheduler", ["li.na"], [
      node("precheck-workload", "2024-05-14T02:00:04Z", "2024-05-14T02:00:18Z", "success", { success: [workload({ log: "Precheck passed: 3/3 replicas available.", availableReplicas: 3, execute_time: "14311", creationTimestamp: "2024-05-13T09:07:48Z" })] }, "fx-e03d8a61b27f01"),
      node("delete-workload-pod", "2024-05-14T02:02:31Z", 0, "running", { in_execution: [workload({ log: "Deleting pods 1/3 ...", availableReplicas: 2, execute_time: "20150", creationTimestamp: " " })] }, "fx-e03d8a61b27f02"),
    ], "snap-20240514020003-1e7b5c93");

  const r1 = okRun("a5d03f8e7c1b4e29b6f0d2c8e4a17b93", "2024-05-06", "scheduler", "fx-a19f3c0d7e2b", "snap-20240506020003-a5d03f8e");
  const r2 = okRun("4b8e1d6a0f3c4725a9e2b7c05d1f8e36", "2024-05-08", "scheduler", "fx-b28e4d1f8a3c", "snap-20240508020003-4b8e1d6a");
  const r3 = okRun("f29c7a04e6d14b38a1e5c0b9d3f6a782", "2024-05-10", "scheduler", "fx-c37d5e2a9b4d", "snap-20240510020003-f29c7a04");
  // Deliberately not sorted by time.
  return [r3, running, r1, failed, r2, rerun];
}

// ---------------------------------------------------------------------------
// ---------------------------------------------------------------------------
// 4. Dependency graphs (issue 11): a YAML-template AOS upgrade that fails in the
//    middle of a dependency chain, a create whose template has a cycle and a
//    dangling requirement, and a GCS execution whose objectData is a TOSCA
//    template (node_templates) rather than a genecontainer workflow.
// ---------------------------------------------------------------------------

// ledger-prod upgrade, 2024-05-14 08:00:05 → 08:12:10 (about twelve minutes). The
// node pool's upgrade fails after eight minutes (08:08:11); ledger-api, ledger-worker
// and ledger-reconcile waited for it and fail or are cancelled within seconds, and
// ledger-ingress (after ledger-api) is skipped. AOS gives them only an updateAt:
// before the graph, their spans started at the run start.
const LEDGER_DAY = "2024-05-14T";
const lt = (hms) => `${LEDGER_DAY}${hms}Z`;
const LEDGER_EXEC = "ledger-prod-3141592653";
const ledgerYaml = `# ledger-prod: CCE cluster and workloads, RDS for PostgreSQL
tosca_definitions_version: huaweicloud_tosca_version_1_0
description: ledger-prod — CCE cluster with a dedicated node pool, RDS, ELB
inputs:
  az: {default: cn-north-4a}
  api_image: {default: swr.cn-north-4.myhuaweicloud.com/ledger/ledger-api:3.2.0}
  worker_image: {default: swr.cn-north-4.myhuaweicloud.com/ledger/ledger-worker:3.2.0}
  node_flavor: {default: c7.2xlarge.4}
# shared labels, anchored once and aliased below
metadata_defaults: &labels
  team: ledger
  env: prod
node_templates:
  ledger-vpc:
    type: HuaweiCloud.VPC.VPC
    properties: {name: ledger-prod-vpc, cidr: 10.20.0.0/16}
  ledger-subnet:
    type: HuaweiCloud.VPC.Subnet
    properties:
      name: ledger-prod-subnet
      cidr: 10.20.1.0/24
      gateway: 10.20.1.1
      vpcId: {get_reference: ledger-vpc}
    requirements:
      - vpcId:
          node: ledger-vpc
          relationship: HuaweiCloud.Relationships.ContainedIn
  ledger-rds:
    type: HuaweiCloud.RDS.PostgreSQL
    properties:
      name: ledger-prod-pg
      version: "15"
      flavor: rds.pg.n1.2xlarge.2.ha
      volume: {type: ULTRAHIGH, size: 500}
      subnetId: {get_reference: ledger-subnet}
    requirements:
      - subnetId: {node: ledger-subnet}
  ledger-cluster:
    type: HuaweiCloud.CCE.Cluster
    properties:
      name: ledger-prod-cce
      version: v1.28
      flavor: cce.s2.medium
      vpcId: {get_reference: ledger-vpc}
      subnetId: {get_reference: ledger-subnet}
    requirements:
      - subnetId: {node: ledger-subnet}
  ledger-nodepool:
    type: HuaweiCloud.CCE.NodePool
    properties:
      name: ledger-prod-pool
      flavor: {get_input: node_flavor}
      initialNodeCount: 6
      labels: *labels
      clusterId: {get_reference: ledger-cluster}
    requirements:
      - cluster: {node: ledger-cluster}
  ledger-elb:
    type: HuaweiCloud.ELB.LoadBalancer
    properties:
      name: ledger-prod-elb
      subnetId: {get_reference: ledger-subnet}
    requirements:
      - subnetId: {node: ledger-subnet}
  ledger-api:
    type: HuaweiCloud.CCE.Deployment
    properties:
      k8sManifest:
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: ledger-api, namespace: ledger, labels: *labels}
        spec:
          replicas: 4
          template:
            spec:
              containers:
                - name: ledger-api
                  image: {get_input: api_image}
                  env:
                    - name: DB_HOST
                      value: {get_attribute: [ledger-rds, privateIps]}
    requirements:
      - nodePool: {node: ledger-nodepool}
  ledger-worker:
    type: HuaweiCloud.CCE.Deployment
    properties:
      k8sManifest:
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: ledger-worker, namespace: ledger, labels: *labels}
        spec:
          replicas: 6
          template:
            spec:
              containers:
                - name: ledger-worker
                  image: {get_input: worker_image}
                  env:
                    - name: DB_HOST
                      value: {get_attribute: [ledger-rds, privateIps]}
    requirements:
      - nodePool: {node: ledger-nodepool}
  ledger-reconcile:
    type: HuaweiCloud.CCE.CronJob
    properties:
      k8sManifest:
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: ledger-reconcile, namespace: ledger, labels: *labels}
        spec: {schedule: "*/10 * * * *"}
    requirements:
      - nodePool: {node: ledger-nodepool}
  ledger-ingress:
    type: HuaweiCloud.CCE.Ingress
    properties:
      k8sManifest:
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: ledger
          namespace: ledger
          annotations:
            kubernetes.io/elb.id: {get_reference: ledger-elb}
    requirements:
      - backend: {node: ledger-api}
  ledger-dns:
    type: HuaweiCloud.DNS.RecordSet
    properties:
      name: ledger.example.com.
      type: A
      records:
        - {get_attribute: [ledger-elb, vipAddress]}
outputs:
  ledger_vip: {value: {get_attribute: [ledger-elb, vipAddress]}}
`;

// element -> [phase, createAt|null, updateAt, reason?, message?]
const ledgerElements = [
  ["ledger-vpc", "Succeeded", "08:00:06", "08:00:09"],
  ["ledger-subnet", "Succeeded", "08:00:09", "08:00:13"],
  ["ledger-rds", "Succeeded", "08:00:13", "08:12:08"],
  ["ledger-cluster", "Succeeded", "08:00:13", "08:00:31"],
  ["ledger-nodepool", "Failed", "08:00:31", "08:08:11", "NodePoolUpgradeFailed",
    "节点池ledger-prod-pool升级失败: 6个节点中有2个未就绪(ECS.0118: 规格c7.2xlarge.4资源不足), 已超时 ## Node pool ledger-prod-pool upgrade failed: 2 of 6 nodes not ready (ECS.0118: flavor c7.2xlarge.4 sold out in cn-north-4a), timed out"],
  ["ledger-elb", "Succeeded", "08:00:13", "08:00:44"],
  ["ledger-api", "Failed", null, "08:08:13", "DependencyFailed",
    "依赖的元素(ledger-nodepool)执行失败 ## Dependency element(ledger-nodepool) failed"],
  ["ledger-worker", "Failed", null, "08:08:14", "DependencyFailed",
    "依赖的元素(ledger-nodepool)执行失败 ## Dependency element(ledger-nodepool) failed"],
  ["ledger-reconcile", "Cancelled", null, "08:08:15", "ActionCancelled",
    "其他元素执行失败, 元素(ledger-reconcile)的upgrade操作已取消 ## Action upgrade of element(ledger-reconcile) cancelled because another element failed"],
  ["ledger-ingress", "Skipped", null, "08:08:15", "DependencyNotSucceeded",
    "依赖的元素(ledger-api)未成功, 跳过执行 ## Skipped: dependency element(ledger-api) did not succeed"],
  ["ledger-dns", "Succeeded", null, "08:00:47"],
];

function ledgerUpgrade() {
  const sub = {};
  for (const [name, phase, createAt, updateAt, reason, message] of ledgerElements) {
    const s = { phase };
    if (reason) s.reason = reason;
    if (message) s.message = message;
    s.updateAt = lt(updateAt);
    s.subActionName = "upgrade";
    if (createAt) s.createAt = lt(createAt);
    sub[name] = s;
  }
  const labels = { "execution-hash": "3141592653", stackname: "ledger-prod", env: "prod", team: "ledger" };
  return {
    kind: "Execution",
    apiVersion: "paas/v1alpha1",
    metadata: {
      name: LEDGER_EXEC,
      namespace: PROJECT,
      selfLink: `/apis/paas/v1alpha1/namespaces/${PROJECT}/executions/${LEDGER_EXEC}`,
      uid: "9a7c3e51-11c2-11ef-8b4d-0255ac10003e",
      resourceVersion: "91022418",
      creationTimestamp: lt("08:00:05"),
      labels,
      enable: true,
    },
    spec: {
      metadata: { namespace: PROJECT, creationTimestamp: null, labels, enable: true },
      objectReference: { kind: "Stack", namespace: PROJECT, name: "ledger-prod", uid: "4d2f9b70-11c1-11ef-8b4d-0255ac10003e" },
      actionName: "upgrade",
      timeoutInMinutes: 60,
      onFailureStrategy: "DoNothing",
      disableStrategy: "Cancel",
      source: "User",
      subObjectNames: "",
      objectData: b64(ledgerYaml),
      location: "192.168.0.14",
    },
    status: {
      actionName: "upgrade",
      progress: 60,
      objectStatus: {
        phase: "Failed",
        reason: "UpgradeFailed",
        message: "堆栈ledger-prod变更失败, 失败的元素: ledger-nodepool, ledger-api, ledger-worker ## Stack ledger-prod upgrade failed, failed elements: ledger-nodepool, ledger-api, ledger-worker",
        updateAt: lt("08:12:10"),
      },
      subObjectStatuses: sub,
    },
  };
}

// orders-staging create: orders-app and orders-sidecar wait for each other (a
// requirement one way, a get_attribute the other), orders-config requires an
// element the template does not define (orders-cache), and orders-audit requires
// itself. AOS stops with orders-config Failed; the rest never start.
const ordersJson = {
  tosca_definitions_version: "huaweicloud_tosca_version_1_0",
  description: "orders-staging: app and sidecar, config map, gateway",
  node_templates: {
    "orders-vpc": { type: "HuaweiCloud.VPC.VPC", properties: { name: "orders-staging-vpc", cidr: "172.30.0.0/16" } },
    "orders-subnet": {
      type: "HuaweiCloud.VPC.Subnet",
      properties: { name: "orders-staging-subnet", cidr: "172.30.8.0/24", vpcId: { get_reference: "orders-vpc" } },
      requirements: [{ vpcId: { node: "orders-vpc" } }],
    },
    "orders-config": {
      type: "HuaweiCloud.CCE.ConfigMap",
      properties: { k8sManifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "orders", namespace: "orders" }, data: { CACHE_HOST: { get_attribute: ["orders-cache", "address"] } } } },
      requirements: [{ cache: { node: "orders-cache" } }],
    },
    "orders-app": {
      type: "HuaweiCloud.CCE.Deployment",
      properties: { k8sManifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "orders-app", namespace: "orders" }, spec: { replicas: 2 } } },
      requirements: [{ config: { node: "orders-config" } }, { sidecar: { node: "orders-sidecar" } }],
    },
    "orders-sidecar": {
      type: "HuaweiCloud.CCE.Deployment",
      properties: { k8sManifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "orders-sidecar", namespace: "orders" }, spec: { template: { spec: { containers: [{ name: "envoy", env: [{ name: "UPSTREAM", value: { get_attribute: ["orders-app", "clusterIP"] } }] }] } } } } },
      requirements: [{ subnet: { node: "orders-subnet" } }],
    },
    "orders-gateway": {
      type: "HuaweiCloud.ELB.LoadBalancer",
      properties: { name: "orders-staging-elb", subnetId: { get_reference: "orders-subnet" } },
      requirements: [{ backend: { node: "orders-app" } }],
    },
    "orders-audit": {
      type: "HuaweiCloud.LTS.Stream",
      properties: { name: "orders-audit" },
      requirements: [{ dependency: { node: "orders-audit" } }],
    },
  },
};

function ordersCycle() {
  const sub = {
    "orders-vpc": { phase: "Succeeded", updateAt: "2024-05-15T03:10:04Z", subActionName: "create", createAt: "2024-05-15T03:10:01Z" },
    "orders-subnet": { phase: "Succeeded", updateAt: "2024-05-15T03:10:09Z", subActionName: "create", createAt: "2024-05-15T03:10:04Z" },
    "orders-config": {
      phase: "Failed",
      reason: "ReferenceNotFound",
      message: "元素(orders-config)依赖的元素(orders-cache)不存在 ## Element(orders-config) requires element(orders-cache), which does not exist",
      updateAt: "2024-05-15T03:10:02Z",
      subActionName: "create",
    },
    "orders-app": { phase: "Pending", updateAt: "2024-05-15T03:10:00Z", subActionName: "create" },
    "orders-sidecar": { phase: "Pending", updateAt: "2024-05-15T03:10:00Z", subActionName: "create" },
    "orders-gateway": { phase: "Pending", updateAt: "2024-05-15T03:10:00Z", subActionName: "create" },
    "orders-audit": { phase: "Pending", updateAt: "2024-05-15T03:10:00Z", subActionName: "create" },
  };
  return {
    kind: "Execution",
    apiVersion: "paas/v1alpha1",
    metadata: { name: "orders-staging-2718281828", namespace: PROJECT, uid: "c1f0a7d2-1271-11ef-9e2c-0255ac10003e", creationTimestamp: "2024-05-15T03:10:00Z", labels: { stackname: "orders-staging", env: "staging" } },
    spec: { actionName: "create", timeoutInMinutes: 30, onFailureStrategy: "DoNothing", objectData: b64(JSON.stringify(ordersJson, null, 2)) },
    status: {
      actionName: "create",
      progress: 28,
      objectStatus: { phase: "Failed", reason: "CreateFailed", message: "堆栈orders-staging创建失败 ## Stack orders-staging create failed", updateAt: "2024-05-15T03:10:10Z" },
      subObjectStatuses: sub,
    },
  };
}

// A GCS execution whose objectData is a TOSCA template (node_templates, YAML) of
// GCS jobs: a variant-calling fan-out where one shard's job fails mid-way.
const gcsToscaYaml = `tosca_definitions_version: huaweicloud_tosca_version_1_0
description: tumor-normal somatic calling, per-chromosome shards
node_templates:
  align-tumor: {type: GCS.Job, properties: {tool: "bwa:0.7.17", cpu: 16C, memory: 32G}}
  align-normal: {type: GCS.Job, properties: {tool: "bwa:0.7.17", cpu: 16C, memory: 32G}}
  mutect2-chr1-11:
    type: GCS.Job
    properties: {tool: "gatk:4.4.0.0", input: [{get_attribute: [align-tumor, bam]}, {get_attribute: [align-normal, bam]}]}
  mutect2-chr12-22:
    type: GCS.Job
    properties: {tool: "gatk:4.4.0.0", input: [{get_attribute: [align-tumor, bam]}, {get_attribute: [align-normal, bam]}]}
  mutect2-chrXY:
    type: GCS.Job
    properties: {tool: "gatk:4.4.0.0", input: [{get_attribute: [align-tumor, bam]}, {get_attribute: [align-normal, bam]}]}
  merge-vcfs:
    type: GCS.Job
    properties: {tool: "gatk:4.4.0.0"}
    requirements:
      - shard: {node: mutect2-chr1-11}
      - shard: {node: mutect2-chr12-22}
      - shard: {node: mutect2-chrXY}
  filter-calls:
    type: GCS.Job
    properties: {tool: "gatk:4.4.0.0", vcf: {get_attribute: [merge-vcfs, vcf]}}
  annotate:
    type: GCS.Job
    properties: {tool: "vep:110"}
    requirements:
      - dependency: filter-calls
`;

function gcsTemplateFailed() {
  const day = "2024-05-16T";
  const at = (hms) => `${day}${hms}Z`;
  const name = "somatic-hcc1954-0516-010203";
  const guid = "7e3d9a21-4c8b-4f65-a0d2-91b8c6e4f310";
  // [node, phase, status text, createAt|null, updateAt]
  const nodes = [
    ["align-tumor", "Succeeded", "succeeded", "01:02:10", "01:49:37"],
    ["align-normal", "Succeeded", "succeeded", "01:02:10", "01:41:02"],
    ["mutect2-chr1-11", "Succeeded", "succeeded", "01:49:40", "02:31:55"],
    ["mutect2-chr12-22", "Failed", "failed", "01:49:40", "02:07:18"],
    ["mutect2-chrXY", "Succeeded", "succeeded", "01:49:40", "01:58:21"],
    ["merge-vcfs", "Cancelled", "cancelled", null, "02:31:57"],
    ["filter-calls", "Cancelled", "cancelled", null, "02:31:57"],
    ["annotate", "Cancelled", "cancelled", null, "02:31:57"],
  ];
  const sub = {};
  const actual = [];
  for (const [node, phase, status, start, end] of nodes) {
    const s = { phase, updateAt: at(end), subActionName: "create" };
    if (start) s.createAt = at(start);
    if (node === "mutect2-chr12-22") {
      s.reason = "JobFailed";
      s.message = "作业mutect2-chr12-22失败: 容器退出码137(OOMKilled) ## Job mutect2-chr12-22 failed: container exit code 137 (OOMKilled)";
    }
    sub[node] = s;
    actual.push({ name: node, status, sub_job_num: 1, finished_sub_job_num: status === "succeeded" ? 1 : 0 });
  }
  return {
    execution: {
      guid,
      name,
      namespace: "gcs-prod",
      project_id: GCS_PROJECT,
      domain_id: GCS_DOMAIN,
      description: "HCC1954 肿瘤-正常配对体细胞突变检测 / HCC1954 tumor-normal somatic calling",
      status: "failed",
      workflow_name: "somatic-mutect2",
      create_at: at("01:02:03"),
      update_at: at("02:32:00"),
    },
    object: {
      kind: "execution",
      apiVersion: "gene.kubedag/v1alpha1",
      metadata: { name, namespace: "gcs-prod", uid: guid, creationTimestamp: at("01:02:03") },
      spec: { actionName: "create", timeoutInMinutes: 720, onFailureStrategy: "DoNothing", objectData: b64(gcsToscaYaml) },
      status: {
        actionName: "create",
        progress: 50,
        objectStatus: { phase: "Failed", reason: "JobFailed", updateAt: at("02:32:00") },
        subObjectStatuses: sub,
      },
    },
    status: { node_number: 8, finished_node_number: 4, actual_node_status: actual },
  };
}

const files = {
  "aos-upgrade-failed.json": json(aosExecution()),
  "aos-upgrade-failed-events.json": json(aosEvents()),
  "gcs-running.json": json(gcsRunning()),
  "gcs-succeeded-map.json": json(gcsSucceededMap()),
  "workflow-history-failure.json": json(workflowHistory()),
  "aos-upgrade-yaml-chain.json": json(ledgerUpgrade()),
  "aos-create-cycle.json": json(ordersCycle()),
  "gcs-template-failed.json": json(gcsTemplateFailed()),
};

const check = process.argv.includes("--check");
let stale = 0;
for (const [name, text] of Object.entries(files)) {
  const path = join(here, name);
  if (check) {
    let old = "";
    try { old = readFileSync(path, "utf8"); } catch {}
    if (old !== text) { console.error(`stale: ${name}`); stale++; }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${name} (${Buffer.byteLength(text)} bytes)`);
  }
}
if (stale) process.exit(1);
