//! A layered (Sugiyama-style) layout, left to right: dependencies in earlier
//! columns, arrows pointing right, boxes of one size. Deterministic (the same
//! graph always gives the same drawing, natively and in wasm), no recursion.
//!
//! 1. **Cycles** are broken by reversing the edges a depth-first search (nodes
//!    in index order) finds going back up its stack; a reversed edge is drawn
//!    backwards along its route, its ends 6 units below the centre line so a
//!    pair `a → b`, `b → a` shows as two arrows. A self-loop is a small loop on
//!    the right of its box.
//! 2. **Layers**: longest path from the sources, then every node with more
//!    edges out than in moves as far right as its successors allow (shorter
//!    edges; sources sit next to what they feed). Up to [`SIMPLEX_LIMIT`]
//!    nodes with edges, the network simplex method ([`super::simplex`], as
//!    dagre and Graphviz do) then minimises the total edge length, so the
//!    fewest dummy nodes (at most one swap per [`SIMPLEX_EDGES_PER_SWAP`]
//!    edges); above, the promoted longest path stays: the first switch to a
//!    simpler method.
//! 3. **Dummy nodes** split an edge spanning several layers, one per layer
//!    crossed, so long edges are routed between the boxes.
//! 4. **Crossing reduction**: an initial order by depth-first search, then
//!    sweeps down and up the layers sorting each by the barycenter of its
//!    neighbours in the layer before (nodes without any keep their place),
//!    each sweep followed by the *transpose* heuristic (swap neighbours while
//!    that removes crossings); crossings are counted exactly (accumulator tree,
//!    O(E log V)) after every sweep, the best order kept, and the sweeps stop
//!    after eight without improvement (at most [`MAX_SWEEPS`]). Above
//!    [`TRANSPOSE_LIMIT`] nodes (dummies included) transpose is skipped and at
//!    most [`MAX_SWEEPS_LARGE`] sweeps run: the second switch to a simpler
//!    method, as Argo and Dagster make above a few hundred nodes.
//! 5. **Coordinates**: columns [`NODE_WIDTH`] + [`RANK_GAP`] apart; within a
//!    column, each sweep moves every node as close as it can to the mean of
//!    its neighbours' centres in the column before, keeping the order and the
//!    gaps ([`NODE_GAP`], [`DUMMY_GAP`] next to a dummy): per column that is an
//!    isotonic regression, solved exactly by pool-adjacent-violators (dummies
//!    weigh more, so long edges run straight).
//! 6. **Routes**: from the middle of the right side of the dependency's box,
//!    through each dummy (straight across its column), to the middle of the
//!    left side of the dependent's box.
//!
//! Nodes without any edge (all of them for formats without a template) are
//! not a column of thousands: they are laid out in a grid, rows of roughly a
//! 16:9 block, below the layered part. Coordinates are rounded to 0.1.

use super::Point;

/// Box width (graph units: CSS pixels at zoom 1).
pub const NODE_WIDTH: f64 = 200.0;
/// Box height.
pub const NODE_HEIGHT: f64 = 44.0;
/// Space between columns, where edges bend.
pub const RANK_GAP: f64 = 72.0;
/// Space between boxes in a column.
pub const NODE_GAP: f64 = 16.0;
/// Space next to a dummy node (an edge passing through the column).
pub const DUMMY_GAP: f64 = 8.0;
/// Most sweeps of crossing reduction.
pub const MAX_SWEEPS: usize = 64;
/// Most sweeps above [`TRANSPOSE_LIMIT`] nodes.
pub const MAX_SWEEPS_LARGE: usize = 8;
/// Above this many nodes (dummies included) the transpose heuristic is skipped.
pub const TRANSPOSE_LIMIT: usize = 4000;
/// Up to this many nodes with edges, layers come from the network simplex
/// ([`super::simplex`]); above, from the longest path with promotion.
pub const SIMPLEX_LIMIT: usize = 1500;
/// Network simplex makes at most one swap per this many edges of a component
/// (each swap costs O(V + E)): a cap on the work that keeps 1,000 nodes within
/// the 100 ms layout target. The crossings the capped layering leads to are
/// compared with dagre's in `make bench` (BENCHMARKS.md, "Dependency graph layout").
pub const SIMPLEX_EDGES_PER_SWAP: usize = 4;
/// Offset of a reversed edge's ends from the centre line.
const REVERSED_OFFSET: f64 = 6.0;
/// How far a self-loop reaches right of its box.
const LOOP_REACH: f64 = 16.0;
/// Coordinate rounds of the coordinate assignment (each a sweep down and up).
const COORDINATE_ROUNDS: usize = 4;

/// A box.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// A laid-out graph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Drawing {
    /// Per node.
    pub boxes: Vec<Rect>,
    /// Per input pair, its route (empty for a pair naming no node).
    pub routes: Vec<Vec<Point>>,
    /// Bounding box of everything drawn.
    pub width: f64,
    /// Bounding box height.
    pub height: f64,
    /// Edge crossings between adjacent layers in the order chosen (dummies included).
    pub crossings: u64,
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The layered part, in virtual nodes (real ones first, then dummies).
struct Layered {
    layer: Vec<usize>,
    dummy: Vec<bool>,
    /// Neighbours in the layer before / after.
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
    /// Nodes of each layer, in order.
    order: Vec<Vec<usize>>,
    /// Position of each node in its layer.
    pos: Vec<usize>,
}

impl Layered {
    fn set_positions(&mut self) {
        for layer in &self.order {
            for (i, &v) in layer.iter().enumerate() {
                if let Some(p) = self.pos.get_mut(v) {
                    *p = i;
                }
            }
        }
    }

    fn p(&self, v: usize) -> usize {
        self.pos.get(v).copied().unwrap_or(0)
    }

    /// Crossings between layer `l` and `l + 1` (accumulator tree).
    fn crossings_between(&self, l: usize, tree: &mut Vec<u64>) -> u64 {
        let (Some(upper), Some(lower)) = (self.order.get(l), self.order.get(l + 1)) else {
            return 0;
        };
        let mut ends: Vec<usize> = Vec::new();
        for &u in upper {
            let mut mine: Vec<usize> = self
                .down
                .get(u)
                .map(|d| d.iter().map(|&v| self.p(v)).collect())
                .unwrap_or_default();
            mine.sort_unstable();
            ends.extend(mine);
        }
        let size = lower.len().next_power_of_two().max(1);
        tree.clear();
        tree.resize(2 * size, 0);
        let mut total = 0u64;
        for &e in &ends {
            let mut i = e + size;
            if let Some(t) = tree.get_mut(i) {
                *t += 1;
            }
            while i > 1 {
                if i % 2 == 0 {
                    total += tree.get(i + 1).copied().unwrap_or(0);
                }
                i /= 2;
                if let Some(t) = tree.get_mut(i) {
                    *t += 1;
                }
            }
        }
        total
    }

    fn crossings(&self) -> u64 {
        let mut tree = Vec::new();
        (0..self.order.len().saturating_sub(1))
            .map(|l| self.crossings_between(l, &mut tree))
            .sum()
    }

    /// Reorders layer `l` by the barycenter of its neighbours in `fixed`
    /// (`true`: the layer before). Nodes without neighbours keep their slot.
    fn sort_layer(&mut self, l: usize, from_above: bool) {
        let Some(layer) = self.order.get(l) else {
            return;
        };
        let mut keyed: Vec<(f64, usize, usize)> = Vec::new();
        let mut free: Vec<usize> = Vec::new();
        for (slot, &v) in layer.iter().enumerate() {
            let ns = if from_above {
                self.up.get(v)
            } else {
                self.down.get(v)
            };
            match ns {
                Some(ns) if !ns.is_empty() => {
                    let sum: usize = ns.iter().map(|&u| self.p(u)).sum();
                    keyed.push((sum as f64 / ns.len() as f64, slot, v));
                }
                _ => free.push(slot),
            }
        }
        if keyed.is_empty() {
            return;
        }
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut next = Vec::with_capacity(layer.len());
        let mut sorted = keyed.iter().map(|k| k.2);
        let mut free_it = free.iter().peekable();
        for slot in 0..layer.len() {
            if free_it.peek() == Some(&&slot) {
                free_it.next();
                if let Some(&v) = layer.get(slot) {
                    next.push(v);
                }
            } else if let Some(v) = sorted.next() {
                next.push(v);
            }
        }
        if let Some(o) = self.order.get_mut(l) {
            *o = next;
        }
        if let Some(layer) = self.order.get(l) {
            for (i, &v) in layer.iter().enumerate() {
                if let Some(p) = self.pos.get_mut(v) {
                    *p = i;
                }
            }
        }
    }

    /// Crossings among the edges of `v` and `w` (to both neighbouring layers)
    /// with `v` placed before `w`.
    fn pair_crossings(&self, v: usize, w: usize) -> (u64, u64) {
        let mut before = 0u64;
        let mut after = 0u64;
        for side in [&self.up, &self.down] {
            let mut a: Vec<usize> = side
                .get(v)
                .map(|l| l.iter().map(|&u| self.p(u)).collect())
                .unwrap_or_default();
            let mut b: Vec<usize> = side
                .get(w)
                .map(|l| l.iter().map(|&u| self.p(u)).collect())
                .unwrap_or_default();
            if a.is_empty() || b.is_empty() {
                continue;
            }
            a.sort_unstable();
            b.sort_unstable();
            // v before w crosses where a > b; w before v where a < b.
            let (mut j, mut k) = (0usize, 0usize);
            for &x in &a {
                while b.get(j).is_some_and(|&y| y < x) {
                    j += 1;
                }
                while b.get(k).is_some_and(|&y| y <= x) {
                    k += 1;
                }
                before += j as u64;
                after += (b.len() - k) as u64;
            }
        }
        (before, after)
    }

    /// Swaps neighbours in each layer while that removes crossings.
    fn transpose(&mut self) {
        for _ in 0..8 {
            let mut improved = false;
            for l in 0..self.order.len() {
                let len = self.order.get(l).map_or(0, Vec::len);
                for i in 0..len.saturating_sub(1) {
                    let (Some(&v), Some(&w)) = (
                        self.order.get(l).and_then(|o| o.get(i)),
                        self.order.get(l).and_then(|o| o.get(i + 1)),
                    ) else {
                        continue;
                    };
                    let (vw, wv) = self.pair_crossings(v, w);
                    if wv < vw {
                        if let Some(o) = self.order.get_mut(l) {
                            o.swap(i, i + 1);
                        }
                        if let Some(p) = self.pos.get_mut(v) {
                            *p = i + 1;
                        }
                        if let Some(p) = self.pos.get_mut(w) {
                            *p = i;
                        }
                        improved = true;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }
}

/// Weighted isotonic regression of `target - offset` (pool adjacent
/// violators), returned with the offsets added back: the positions closest to
/// `target` that keep `y[i + 1] - y[i] >= offset[i + 1] - offset[i]`.
fn place(target: &[f64], weight: &[f64], offset: &[f64]) -> Vec<f64> {
    // Blocks: (weighted sum, weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(target.len());
    for ((&t, &w), &o) in target.iter().zip(weight).zip(offset) {
        blocks.push((w * (t - o), w, 1));
        while blocks.len() >= 2 {
            let n = blocks.len();
            let (Some(&b), Some(&a)) = (blocks.get(n - 1), blocks.get(n - 2)) else {
                break;
            };
            if a.0 / a.1 <= b.0 / b.1 {
                break;
            }
            blocks.truncate(n - 2);
            blocks.push((a.0 + b.0, a.1 + b.1, a.2 + b.2));
        }
    }
    let mut out = Vec::with_capacity(target.len());
    for (sum, w, count) in blocks {
        for _ in 0..count {
            out.push(sum / w);
        }
    }
    for (y, o) in out.iter_mut().zip(offset) {
        *y += o;
    }
    out
}

/// Lays out `n` nodes with the dependencies `pairs` (`(from, to)`: `from` left).
pub fn layout(n: usize, pairs: &[(usize, usize)]) -> Drawing {
    let mut out = Drawing {
        boxes: vec![Rect::default(); n],
        routes: vec![Vec::new(); pairs.len()],
        ..Drawing::default()
    };
    // Distinct edges between distinct nodes; which pairs use each.
    let mut edge_of_pair: Vec<Option<usize>> = vec![None; pairs.len()];
    let mut edges: Vec<(usize, usize)> = Vec::new();
    {
        let mut seen: std::collections::HashMap<(usize, usize), usize> =
            std::collections::HashMap::new();
        for (k, &(a, b)) in pairs.iter().enumerate() {
            if a >= n || b >= n || a == b {
                continue;
            }
            let e = *seen.entry((a, b)).or_insert_with(|| {
                edges.push((a, b));
                edges.len() - 1
            });
            if let Some(slot) = edge_of_pair.get_mut(k) {
                *slot = Some(e);
            }
        }
    }
    let mut connected = vec![false; n];
    for &(a, b) in &edges {
        if let Some(c) = connected.get_mut(a) {
            *c = true;
        }
        if let Some(c) = connected.get_mut(b) {
            *c = true;
        }
    }
    let mut layered_height = 0.0f64;
    let mut layered_width = 0.0f64;
    let mut layer_count = 0usize;
    let mut edge_routes: Vec<Vec<Point>> = vec![Vec::new(); edges.len()];
    if !edges.is_empty() {
        let (h, w, layers, crossings) = layered(n, &edges, &mut out.boxes, &mut edge_routes);
        layered_height = h;
        layered_width = w;
        layer_count = layers;
        out.crossings = crossings;
    }
    // The grid of nodes without edges.
    let isolated: Vec<usize> = (0..n)
        .filter(|&v| connected.get(v) == Some(&false))
        .collect();
    let mut grid_bottom = layered_height;
    let mut grid_right = 0.0f64;
    if !isolated.is_empty() {
        let pitch_x = NODE_WIDTH + RANK_GAP;
        let pitch_y = NODE_HEIGHT + NODE_GAP;
        let m = isolated.len() as f64;
        let cols = ((m * pitch_y * 16.0 / (pitch_x * 9.0)).sqrt().ceil() as usize)
            .max(layer_count.min(isolated.len()))
            .max(1);
        let top = if edges.is_empty() {
            0.0
        } else {
            layered_height + 2.0 * NODE_GAP
        };
        for (i, &v) in isolated.iter().enumerate() {
            let (row, col) = (i / cols, i % cols);
            if let Some(b) = out.boxes.get_mut(v) {
                *b = Rect {
                    x: col as f64 * pitch_x,
                    y: round(top + row as f64 * pitch_y),
                    width: NODE_WIDTH,
                    height: NODE_HEIGHT,
                };
                grid_bottom = grid_bottom.max(b.y + NODE_HEIGHT);
                grid_right = grid_right.max(b.x + NODE_WIDTH);
            }
        }
    }
    out.width = layered_width.max(grid_right);
    out.height = grid_bottom.max(layered_height);
    // Routes per pair; self-loops on the right of their box.
    for (k, &(a, b)) in pairs.iter().enumerate() {
        let route = match edge_of_pair.get(k).copied().flatten() {
            Some(e) => edge_routes.get(e).cloned().unwrap_or_default(),
            None if a == b && a < n => {
                let r = out.boxes.get(a).copied().unwrap_or_default();
                let (right, cy) = (r.x + r.width, r.y + r.height / 2.0);
                out.width = out.width.max(right + LOOP_REACH);
                vec![
                    Point {
                        x: right,
                        y: round(cy - 8.0),
                    },
                    Point {
                        x: right + LOOP_REACH,
                        y: round(cy - 8.0),
                    },
                    Point {
                        x: right + LOOP_REACH,
                        y: round(cy + 8.0),
                    },
                    Point {
                        x: right,
                        y: round(cy + 8.0),
                    },
                ]
            }
            None => Vec::new(),
        };
        if let Some(slot) = out.routes.get_mut(k) {
            *slot = route;
        }
    }
    out
}

/// Runs [`super::simplex::rank`] on each weakly connected component of `dag`,
/// starting from `layer`; each component then starts at layer 0.
fn simplex_layers(n: usize, dag: &[(usize, usize)], layer: &mut [usize]) {
    // Union-find over the edges.
    let mut up: Vec<usize> = (0..n).collect();
    fn find(up: &mut [usize], mut x: usize) -> usize {
        while let Some(&p) = up.get(x) {
            if p == x {
                break;
            }
            let gp = up.get(p).copied().unwrap_or(p);
            if let Some(slot) = up.get_mut(x) {
                *slot = gp;
            }
            x = gp;
        }
        x
    }
    for &(a, b) in dag {
        let (ra, rb) = (find(&mut up, a), find(&mut up, b));
        if ra != rb {
            if let Some(slot) = up.get_mut(ra.max(rb)) {
                *slot = ra.min(rb);
            }
        }
    }
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    let mut comp_edges: std::collections::BTreeMap<usize, Vec<(usize, usize)>> =
        std::collections::BTreeMap::new();
    for &(a, b) in dag {
        let r = find(&mut up, a);
        comp_edges.entry(r).or_default().push((a, b));
    }
    for v in 0..n {
        let r = find(&mut up, v);
        if comp_edges.contains_key(&r) {
            members.entry(r).or_default().push(v);
        }
    }
    let mut local = vec![0usize; n];
    for (r, nodes) in &members {
        for (i, &v) in nodes.iter().enumerate() {
            if let Some(x) = local.get_mut(v) {
                *x = i;
            }
        }
        let edges: Vec<(usize, usize)> = comp_edges
            .get(r)
            .map(|es| {
                es.iter()
                    .map(|&(a, b)| {
                        (
                            local.get(a).copied().unwrap_or(0),
                            local.get(b).copied().unwrap_or(0),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut rank: Vec<i64> = nodes
            .iter()
            .map(|&v| layer.get(v).copied().unwrap_or(0) as i64)
            .collect();
        let budget = edges.len() / SIMPLEX_EDGES_PER_SWAP;
        super::simplex::rank(nodes.len(), &edges, &mut rank, budget);
        let min = rank.iter().copied().min().unwrap_or(0);
        for (&v, &r) in nodes.iter().zip(&rank) {
            if let Some(x) = layer.get_mut(v) {
                *x = usize::try_from(r - min).unwrap_or(0);
            }
        }
    }
}

/// Lays out the nodes that have edges; returns (height, width, layers, crossings).
fn layered(
    n: usize,
    edges: &[(usize, usize)],
    boxes: &mut [Rect],
    routes: &mut [Vec<Point>],
) -> (f64, f64, usize, u64) {
    // 1. Cycles: reverse the edges a DFS finds going back up its stack.
    let mut out_adj: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (e, &(a, b)) in edges.iter().enumerate() {
        if let Some(l) = out_adj.get_mut(a) {
            l.push((b, e));
        }
    }
    for l in out_adj.iter_mut() {
        l.sort_unstable();
    }
    let mut reversed = vec![false; edges.len()];
    {
        // 0 unseen, 1 on the stack, 2 done.
        let mut state = vec![0u8; n];
        let mut frames: Vec<(usize, usize)> = Vec::new();
        for root in 0..n {
            if state.get(root) != Some(&0) {
                continue;
            }
            frames.push((root, 0));
            if let Some(s) = state.get_mut(root) {
                *s = 1;
            }
            while let Some(&(v, i)) = frames.last() {
                match out_adj.get(v).and_then(|l| l.get(i)).copied() {
                    Some((w, e)) => {
                        if let Some(top) = frames.last_mut() {
                            top.1 += 1;
                        }
                        match state.get(w) {
                            Some(0) => {
                                if let Some(s) = state.get_mut(w) {
                                    *s = 1;
                                }
                                frames.push((w, 0));
                            }
                            Some(1) => {
                                if let Some(r) = reversed.get_mut(e) {
                                    *r = true;
                                }
                            }
                            _ => {}
                        }
                    }
                    None => {
                        if let Some(s) = state.get_mut(v) {
                            *s = 2;
                        }
                        frames.pop();
                    }
                }
            }
        }
    }
    let dag: Vec<(usize, usize)> = edges
        .iter()
        .zip(&reversed)
        .map(|(&(a, b), &r)| if r { (b, a) } else { (a, b) })
        .collect();
    // 2. Layers: longest path, then nodes with more edges out than in move right.
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &dag {
        if let Some(l) = succ.get_mut(a) {
            l.push(b);
        }
        if let Some(l) = pred.get_mut(b) {
            l.push(a);
        }
    }
    let mut indeg: Vec<usize> = pred.iter().map(Vec::len).collect();
    let mut topo: Vec<usize> = (0..n).filter(|&v| indeg.get(v) == Some(&0)).collect();
    let mut head = 0;
    while let Some(&v) = topo.get(head) {
        head += 1;
        for &w in succ.get(v).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(d) = indeg.get_mut(w) {
                *d -= 1;
                if *d == 0 {
                    topo.push(w);
                }
            }
        }
    }
    let mut layer = vec![0usize; n];
    for &v in &topo {
        let l = pred
            .get(v)
            .map(|p| {
                p.iter()
                    .map(|&u| layer.get(u).copied().unwrap_or(0) + 1)
                    .max()
                    .unwrap_or(0)
            })
            .unwrap_or(0);
        if let Some(x) = layer.get_mut(v) {
            *x = l;
        }
    }
    for &v in topo.iter().rev() {
        let (o, i) = (
            succ.get(v).map_or(0, Vec::len),
            pred.get(v).map_or(0, Vec::len),
        );
        if o > i {
            let target = succ
                .get(v)
                .and_then(|s| s.iter().map(|&w| layer.get(w).copied().unwrap_or(0)).min())
                .unwrap_or(0)
                .saturating_sub(1);
            if let Some(x) = layer.get_mut(v) {
                if target > *x {
                    *x = target;
                }
            }
        }
    }
    // Network simplex (fewest dummy nodes) per connected component, from the
    // ranking above, up to SIMPLEX_LIMIT nodes with edges.
    let with_edges = (0..n)
        .filter(|&v| {
            succ.get(v).is_some_and(|l| !l.is_empty()) || pred.get(v).is_some_and(|l| !l.is_empty())
        })
        .count();
    if with_edges <= SIMPLEX_LIMIT {
        simplex_layers(n, &dag, &mut layer);
    }
    let has_edge: Vec<bool> = (0..n)
        .map(|v| {
            succ.get(v).is_some_and(|l| !l.is_empty()) || pred.get(v).is_some_and(|l| !l.is_empty())
        })
        .collect();
    let layers = layer.iter().copied().max().unwrap_or(0) + 1;
    // 3. Dummy nodes: virtual nodes n.. on every layer an edge crosses.
    let mut g = Layered {
        layer: layer.clone(),
        dummy: vec![false; n],
        up: vec![Vec::new(); n],
        down: vec![Vec::new(); n],
        order: vec![Vec::new(); layers],
        pos: vec![0; n],
    };
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(dag.len());
    for &(a, b) in &dag {
        let (la, lb) = (
            layer.get(a).copied().unwrap_or(0),
            layer.get(b).copied().unwrap_or(0),
        );
        let mut chain = vec![a];
        for l in la + 1..lb {
            let d = g.layer.len();
            g.layer.push(l);
            g.dummy.push(true);
            g.up.push(Vec::new());
            g.down.push(Vec::new());
            g.pos.push(0);
            chain.push(d);
        }
        chain.push(b);
        for w in chain.windows(2) {
            if let [u, v] = w {
                if let Some(l) = g.down.get_mut(*u) {
                    l.push(*v);
                }
                if let Some(l) = g.up.get_mut(*v) {
                    l.push(*u);
                }
            }
        }
        chains.push(chain);
    }
    let total = g.layer.len();
    // 4. Initial order: depth-first from the nodes by (layer, index).
    {
        let mut starts: Vec<usize> = (0..n).filter(|&v| has_edge.get(v) == Some(&true)).collect();
        starts.sort_by_key(|&v| (layer.get(v).copied().unwrap_or(0), v));
        let mut seen = vec![false; total];
        let mut stack: Vec<usize> = Vec::new();
        for s in starts {
            if seen.get(s) == Some(&true) {
                continue;
            }
            stack.push(s);
            while let Some(v) = stack.pop() {
                if seen.get(v) == Some(&true) {
                    continue;
                }
                if let Some(x) = seen.get_mut(v) {
                    *x = true;
                }
                let l = g.layer.get(v).copied().unwrap_or(0);
                if let Some(o) = g.order.get_mut(l) {
                    o.push(v);
                }
                if let Some(d) = g.down.get(v) {
                    stack.extend(d.iter().rev().filter(|&&w| seen.get(w) == Some(&false)));
                }
            }
        }
    }
    g.set_positions();
    // 5. Crossing reduction.
    let large = total > TRANSPOSE_LIMIT;
    let max_sweeps = if large { MAX_SWEEPS_LARGE } else { MAX_SWEEPS };
    if !large {
        g.transpose();
    }
    let mut best = g.order.clone();
    let mut best_crossings = g.crossings();
    let mut since_best = 0;
    for sweep in 0..max_sweeps {
        if best_crossings == 0 || since_best >= 8 {
            break;
        }
        if sweep % 2 == 0 {
            for l in 1..layers {
                g.sort_layer(l, true);
            }
        } else {
            for l in (0..layers.saturating_sub(1)).rev() {
                g.sort_layer(l, false);
            }
        }
        if !large {
            g.transpose();
        }
        let c = g.crossings();
        if c < best_crossings {
            best_crossings = c;
            best = g.order.clone();
            since_best = 0;
        } else {
            since_best += 1;
        }
    }
    g.order = best;
    g.set_positions();
    // 6. Coordinates within each column.
    let size = |v: usize| {
        if g.dummy.get(v) == Some(&true) {
            0.0
        } else {
            NODE_HEIGHT
        }
    };
    let gap = |a: usize, b: usize| {
        if g.dummy.get(a) == Some(&true) || g.dummy.get(b) == Some(&true) {
            DUMMY_GAP
        } else {
            NODE_GAP
        }
    };
    let mut y = vec![0.0f64; total];
    let mut offsets: Vec<Vec<f64>> = Vec::with_capacity(layers);
    for layer in &g.order {
        let mut o = Vec::with_capacity(layer.len());
        let mut at = 0.0;
        let mut prev: Option<usize> = None;
        for &v in layer {
            if let Some(p) = prev {
                at += (size(p) + size(v)) / 2.0 + gap(p, v);
            } else {
                at = size(v) / 2.0;
            }
            o.push(at);
            prev = Some(v);
        }
        for (&v, &c) in layer.iter().zip(&o) {
            if let Some(slot) = y.get_mut(v) {
                *slot = c;
            }
        }
        offsets.push(o);
    }
    let weight = |v: usize| {
        if g.dummy.get(v) == Some(&true) {
            4.0
        } else {
            1.0
        }
    };
    let align = |l: usize, sides: &[bool], y: &mut Vec<f64>| {
        let (Some(layer), Some(off)) = (g.order.get(l), offsets.get(l)) else {
            return;
        };
        let mut target = Vec::with_capacity(layer.len());
        let mut w = Vec::with_capacity(layer.len());
        for &v in layer {
            let mut sum = 0.0;
            let mut count = 0usize;
            for &from_above in sides {
                let ns = if from_above {
                    g.up.get(v)
                } else {
                    g.down.get(v)
                };
                for &u in ns.map(Vec::as_slice).unwrap_or(&[]) {
                    sum += y.get(u).copied().unwrap_or(0.0);
                    count += 1;
                }
            }
            let current = y.get(v).copied().unwrap_or(0.0);
            target.push(if count > 0 {
                sum / count as f64
            } else {
                current
            });
            w.push(if count > 0 { weight(v) } else { 0.01 });
        }
        let placed = place(&target, &w, off);
        for (&v, &c) in layer.iter().zip(&placed) {
            if let Some(slot) = y.get_mut(v) {
                *slot = c;
            }
        }
    };
    for _ in 0..COORDINATE_ROUNDS {
        for l in 1..layers {
            align(l, &[true], &mut y);
        }
        for l in (0..layers.saturating_sub(1)).rev() {
            align(l, &[false], &mut y);
        }
    }
    for l in 0..layers {
        align(l, &[true, false], &mut y);
    }
    let placed: Vec<usize> = g.order.iter().flatten().copied().collect();
    let top = placed
        .iter()
        .map(|&v| y.get(v).copied().unwrap_or(0.0) - size(v) / 2.0)
        .fold(f64::INFINITY, f64::min);
    let top = if top.is_finite() { top } else { 0.0 };
    let mut height = 0.0f64;
    for &v in &placed {
        if let Some(c) = y.get_mut(v) {
            *c = round(*c - top);
            height = height.max(*c + size(v) / 2.0);
        }
    }
    let column = |l: usize| l as f64 * (NODE_WIDTH + RANK_GAP);
    for v in (0..n).filter(|&v| has_edge.get(v) == Some(&true)) {
        let l = layer.get(v).copied().unwrap_or(0);
        if let (Some(b), Some(&c)) = (boxes.get_mut(v), y.get(v)) {
            *b = Rect {
                x: column(l),
                y: round(c - NODE_HEIGHT / 2.0),
                width: NODE_WIDTH,
                height: NODE_HEIGHT,
            };
        }
    }
    // 7. Routes.
    for (e, chain) in chains.iter().enumerate() {
        let rev = reversed.get(e) == Some(&true);
        let shift = if rev { REVERSED_OFFSET } else { 0.0 };
        let mut pts = Vec::with_capacity(chain.len() * 2);
        let last = chain.len().saturating_sub(1);
        for (i, &v) in chain.iter().enumerate() {
            let l = g.layer.get(v).copied().unwrap_or(0);
            let c = y.get(v).copied().unwrap_or(0.0);
            if i == 0 {
                pts.push(Point {
                    x: column(l) + NODE_WIDTH,
                    y: round(c + shift),
                });
            } else if i == last {
                pts.push(Point {
                    x: column(l),
                    y: round(c + shift),
                });
            } else {
                pts.push(Point { x: column(l), y: c });
                pts.push(Point {
                    x: column(l) + NODE_WIDTH,
                    y: c,
                });
            }
        }
        if rev {
            pts.reverse();
        }
        if let Some(slot) = routes.get_mut(e) {
            *slot = pts;
        }
    }
    let width = column(layers.saturating_sub(1)) + NODE_WIDTH;
    (height, width, layers, best_crossings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(d: &Drawing) -> bool {
        for (i, a) in d.boxes.iter().enumerate() {
            for b in d.boxes.iter().skip(i + 1) {
                if a.x < b.x + b.width
                    && b.x < a.x + a.width
                    && a.y < b.y + b.height
                    && b.y < a.y + a.height
                {
                    return true;
                }
            }
        }
        false
    }

    #[test]
    fn chain_goes_left_to_right_in_a_straight_line() {
        let d = layout(3, &[(0, 1), (1, 2)]);
        let xs: Vec<f64> = d.boxes.iter().map(|b| b.x).collect();
        assert_eq!(xs, vec![0.0, 272.0, 544.0]);
        assert!(d.boxes.iter().all(|b| b.y == 0.0));
        assert_eq!(
            d.routes[0],
            vec![Point { x: 200.0, y: 22.0 }, Point { x: 272.0, y: 22.0 }]
        );
        assert_eq!((d.width, d.height), (744.0, 44.0));
        assert_eq!(d.crossings, 0);
    }

    #[test]
    fn long_edges_get_dummies_and_a_twisted_pair_untwists() {
        // 0 -> 1 -> 2 and 0 -> 2: the long edge passes column 1 beside node 1.
        let d = layout(3, &[(0, 1), (1, 2), (0, 2)]);
        assert_eq!(d.routes[2].len(), 4);
        assert_eq!(d.routes[2][1].x, 272.0);
        assert_eq!(d.routes[2][2].x, 472.0);
        assert!(!overlaps(&d));
        // K2,2 given crossed: 0 -> 3, 1 -> 2 with 2, 3 in that order.
        let d = layout(4, &[(0, 3), (1, 2), (0, 2), (1, 3)]);
        assert_eq!(d.crossings, 1, "K2,2 always has one crossing");
        let d = layout(4, &[(0, 3), (1, 2)]);
        assert_eq!(d.crossings, 0);
    }

    #[test]
    fn cycles_and_self_loops_are_drawn() {
        let d = layout(3, &[(0, 1), (1, 2), (2, 0), (1, 1), (1, 0)]);
        assert!(!overlaps(&d));
        // 2 -> 0 runs backwards: it starts at 2's box and ends at 0's.
        let r = &d.routes[2];
        let (b0, b2) = (d.boxes[0], d.boxes[2]);
        assert_eq!(r.first().map(|p| p.x), Some(b2.x));
        assert_eq!(r.last().map(|p| p.x), Some(b0.x + b0.width));
        // The self-loop sits right of its box.
        assert_eq!(d.routes[3].len(), 4);
        assert_eq!(d.routes[3][0].x, d.boxes[1].x + 200.0);
        // 1 -> 0 and 0 -> 1 do not lie on each other.
        assert_ne!(d.routes[0], {
            let mut r = d.routes[4].clone();
            r.reverse();
            r
        });
    }

    #[test]
    fn isolated_nodes_make_a_grid() {
        let d = layout(16, &[]);
        let cols = d.boxes.iter().filter(|b| b.y == 0.0).count();
        assert_eq!(cols, 3);
        assert!(!overlaps(&d));
        let d = layout(5, &[(0, 1)]);
        assert!(d.boxes[2].y > d.boxes[0].y + NODE_HEIGHT);
        assert!(!overlaps(&d));
    }

    #[test]
    fn deterministic_and_no_overlap_on_a_random_dag() {
        let mut rnd = super::super::test_random(42);
        let n = 300;
        let mut pairs = Vec::new();
        for v in 10..n {
            for _ in 0..1 + rnd(2) {
                let u = rnd(v as u64) as usize;
                pairs.push((u, v));
            }
        }
        let a = layout(n, &pairs);
        let b = layout(n, &pairs);
        assert_eq!(a, b);
        assert!(!overlaps(&a));
        for (k, &(u, v)) in pairs.iter().enumerate() {
            let r = &a.routes[k];
            assert_eq!(
                r.first().map(|p| p.x),
                Some(a.boxes[u].x + NODE_WIDTH),
                "edge {k}"
            );
            assert_eq!(r.last().map(|p| p.x), Some(a.boxes[v].x), "edge {k}");
            assert!(
                r.windows(2).all(|w| w[0].x <= w[1].x),
                "edge {k} runs left to right"
            );
        }
    }

    #[test]
    fn place_keeps_order_and_gaps() {
        let y = place(&[10.0, 10.0, 10.0], &[1.0, 1.0, 1.0], &[0.0, 60.0, 120.0]);
        assert_eq!(y, vec![-50.0, 10.0, 70.0]);
        let y = place(&[0.0, 500.0], &[1.0, 1.0], &[0.0, 60.0]);
        assert_eq!(y, vec![0.0, 500.0]);
    }
}
