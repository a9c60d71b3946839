// Tests of bench/graph.mjs: the crossing counter the dagre comparison rests on,
// and the generator's determinism. `npm test` in bench/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomDag, crossings, graphPayload } from "./graph.mjs";

const route = (from, to, ...pts) => ({ from, to, points: pts.map(([x, y]) => ({ x, y })) });

test("two edges that cross once count once, even across buckets", () => {
  assert.equal(crossings([route("a", "b", [0, 0], [300, 300]), route("c", "d", [0, 300], [300, 0])]), 1);
  assert.equal(crossings([route("a", "b", [0, 0], [100, 0], [200, 100]), route("c", "d", [0, 100], [100, 100], [200, 0])]), 1);
});

test("parallel, touching or node-sharing edges do not count", () => {
  assert.equal(crossings([route("a", "b", [0, 0], [100, 0]), route("c", "d", [0, 10], [100, 10])]), 0);
  assert.equal(crossings([route("a", "b", [0, 0], [100, 100]), route("a", "d", [0, 100], [100, 0])]), 0);
  assert.equal(crossings([route("a", "b", [0, 0], [100, 100]), route("c", "d", [100, 100], [200, 0])]), 0);
});

test("randomDag is deterministic, acyclic and has every node past the first layer fed", () => {
  const a = randomDag(300, 7);
  assert.deepEqual(a, randomDag(300, 7));
  assert.notDeepEqual(a.edges, randomDag(300, 8).edges);
  assert.ok(a.edges.every(([u, v]) => u < v), "edges go from lower to higher index (layers are sorted)");
  const fed = new Set(a.edges.map(([, v]) => v));
  assert.ok(fed.size > 250);
  const payload = JSON.parse(graphPayload(a));
  assert.equal(Object.keys(payload.status.subObjectStatuses).length, 300);
});
