//! Layer assignment by the network simplex method (Gansner, Koutsofios, North
//! and Vo, "A technique for drawing directed graphs", 1993; dagre and Graphviz
//! `dot` use it): the layers that minimise the total length of the edges (so
//! the fewest dummy nodes), every edge at least one layer long. Iterative, no
//! recursion; deterministic (ties go to the lowest index).
//!
//! [`rank`] starts from any feasible ranking (the longest path), builds a tight
//! spanning tree, then repeatedly swaps a tree edge of negative cut value for
//! the non-tree edge of least slack across the same cut, until no cut value is
//! negative or `budget` swaps were made (the ranking is feasible after every
//! swap, so stopping early only gives a longer total). Each swap costs O(V + E).

/// Edges of one connected component, as local indices.
struct Component<'a> {
    n: usize,
    edges: &'a [(usize, usize)],
    /// Edge ids per node.
    incident: Vec<Vec<usize>>,
}

fn slack(rank: &[i64], (u, v): (usize, usize)) -> i64 {
    rank.get(v).copied().unwrap_or(0) - rank.get(u).copied().unwrap_or(0) - 1
}

/// The spanning tree: per node its parent edge, and postorder numbers.
struct Tree {
    in_tree: Vec<bool>,
    parent: Vec<Option<(usize, usize)>>,
    low: Vec<usize>,
    lim: Vec<usize>,
    /// Cut value of each node's parent edge.
    cut: Vec<i64>,
    /// Nodes in preorder from the root.
    preorder: Vec<usize>,
}

impl<'a> Component<'a> {
    fn new(n: usize, edges: &'a [(usize, usize)]) -> Self {
        let mut incident = vec![Vec::new(); n];
        for (e, &(u, v)) in edges.iter().enumerate() {
            if let Some(l) = incident.get_mut(u) {
                l.push(e);
            }
            if u != v {
                if let Some(l) = incident.get_mut(v) {
                    l.push(e);
                }
            }
        }
        Component { n, edges, incident }
    }

    fn other(&self, e: usize, x: usize) -> usize {
        match self.edges.get(e) {
            Some(&(u, v)) if u == x => v,
            Some(&(u, _)) => u,
            None => x,
        }
    }

    /// A spanning tree of tight edges, shifting subtrees to make edges tight.
    fn feasible_tree(&self, rank: &mut [i64]) -> Vec<bool> {
        let mut in_tree = vec![false; self.edges.len()];
        let mut node_in = vec![false; self.n];
        if self.n == 0 {
            return in_tree;
        }
        if let Some(x) = node_in.get_mut(0) {
            *x = true;
        }
        let mut size = 1;
        loop {
            // Grow along tight edges from every tree node.
            let mut stack: Vec<usize> = (0..self.n)
                .filter(|&x| node_in.get(x) == Some(&true))
                .collect();
            while let Some(x) = stack.pop() {
                for &e in self.incident.get(x).map(Vec::as_slice).unwrap_or(&[]) {
                    let y = self.other(e, x);
                    if node_in.get(y) == Some(&false)
                        && self.edges.get(e).is_some_and(|&uv| slack(rank, uv) == 0)
                    {
                        if let (Some(a), Some(b)) = (node_in.get_mut(y), in_tree.get_mut(e)) {
                            *a = true;
                            *b = true;
                        }
                        size += 1;
                        stack.push(y);
                    }
                }
            }
            if size >= self.n {
                return in_tree;
            }
            // The least-slack edge with one end in the tree.
            let mut best: Option<(i64, usize)> = None;
            for (e, &(u, v)) in self.edges.iter().enumerate() {
                let (iu, iv) = (node_in.get(u) == Some(&true), node_in.get(v) == Some(&true));
                if iu != iv {
                    let s = slack(rank, (u, v));
                    if best.is_none_or(|(bs, _)| s < bs) {
                        best = Some((s, e));
                    }
                }
            }
            let Some((s, e)) = best else {
                // Not connected: the caller passes one component.
                return in_tree;
            };
            let source_in = self
                .edges
                .get(e)
                .is_some_and(|&(u, _)| node_in.get(u) == Some(&true));
            let delta = if source_in { s } else { -s };
            for (x, r) in rank.iter_mut().enumerate() {
                if node_in.get(x) == Some(&true) {
                    *r += delta;
                }
            }
        }
    }

    /// Parents, low/lim postorder numbers, preorder and cut values of `in_tree`.
    fn tree(&self, in_tree: &[bool]) -> Tree {
        let n = self.n;
        let mut t = Tree {
            in_tree: in_tree.to_vec(),
            parent: vec![None; n],
            low: vec![0; n],
            lim: vec![0; n],
            cut: vec![0; n],
            preorder: Vec::with_capacity(n),
        };
        let mut seen = vec![false; n];
        let mut next = 1usize;
        // (node, position in its incident list, low so far)
        let mut frames: Vec<(usize, usize, usize)> = vec![(0, 0, 1)];
        if let Some(s) = seen.get_mut(0) {
            *s = true;
        }
        t.preorder.push(0);
        while let Some(&(x, i, low)) = frames.last() {
            let step = self.incident.get(x).and_then(|l| l.get(i)).copied();
            match step {
                Some(e) => {
                    if let Some(f) = frames.last_mut() {
                        f.1 += 1;
                    }
                    let y = self.other(e, x);
                    if in_tree.get(e) == Some(&true) && seen.get(y) == Some(&false) {
                        if let (Some(s), Some(p)) = (seen.get_mut(y), t.parent.get_mut(y)) {
                            *s = true;
                            *p = Some((x, e));
                        }
                        t.preorder.push(y);
                        frames.push((y, 0, next));
                    }
                }
                None => {
                    frames.pop();
                    if let (Some(l), Some(m)) = (t.low.get_mut(x), t.lim.get_mut(x)) {
                        *l = low;
                        *m = next;
                    }
                    next += 1;
                }
            }
        }
        // Cut values, children before parents (reverse preorder).
        for &c in t.preorder.iter().rev() {
            let Some((p, pe)) = t.parent.get(c).copied().flatten() else {
                continue;
            };
            let child_is_tail = self.edges.get(pe).is_some_and(|&(u, _)| u == c);
            let mut cut = 1i64;
            for &e in self.incident.get(c).map(Vec::as_slice).unwrap_or(&[]) {
                if e == pe {
                    continue;
                }
                let Some(&(u, v)) = self.edges.get(e) else {
                    continue;
                };
                if u == v {
                    continue;
                }
                let is_out = u == c;
                let other = if is_out { v } else { u };
                let points_to_head = is_out == child_is_tail;
                cut += if points_to_head { 1 } else { -1 };
                if t.in_tree.get(e) == Some(&true) && other != p {
                    // `other` is a child of `c` in the tree.
                    let oc = t.cut.get(other).copied().unwrap_or(0);
                    cut += if points_to_head { -oc } else { oc };
                }
            }
            if let Some(x) = t.cut.get_mut(c) {
                *x = cut;
            }
        }
        t
    }

    /// Ranks from the root along tree edges.
    fn ranks_from_tree(&self, t: &Tree, rank: &mut [i64]) {
        for &c in &t.preorder {
            let Some((p, e)) = t.parent.get(c).copied().flatten() else {
                continue;
            };
            let rp = rank.get(p).copied().unwrap_or(0);
            let child_is_tail = self.edges.get(e).is_some_and(|&(u, _)| u == c);
            if let Some(r) = rank.get_mut(c) {
                *r = if child_is_tail { rp - 1 } else { rp + 1 };
            }
        }
    }
}

/// Improves the feasible ranking `rank` of one connected component with
/// `edges` (local indices `< n`, each `rank[v] >= rank[u] + 1`) toward the least
/// total edge length, making at most `budget` swaps.
pub fn rank(n: usize, edges: &[(usize, usize)], rank: &mut [i64], budget: usize) {
    if n < 2 || edges.is_empty() {
        return;
    }
    let c = Component::new(n, edges);
    let in_tree = c.feasible_tree(rank);
    let mut t = c.tree(&in_tree);
    for _ in 0..budget {
        // Leave: the first tree edge (by child node) with a negative cut value.
        let Some(child) = (0..n).find(|&x| {
            t.parent.get(x).is_some_and(Option::is_some) && t.cut.get(x).is_some_and(|&v| v < 0)
        }) else {
            break;
        };
        let Some((_, leave)) = t.parent.get(child).copied().flatten() else {
            break;
        };
        // The child's subtree is one side of the cut; the entering edge is the
        // non-tree edge of least slack crossing it the other way round.
        let (Some(&low), Some(&lim)) = (t.low.get(child), t.lim.get(child)) else {
            break;
        };
        let below = |x: usize| t.lim.get(x).is_some_and(|&l| low <= l && l <= lim);
        let leave_into_subtree = c.edges.get(leave).is_some_and(|&(_, v)| v == child);
        let mut enter: Option<(i64, usize)> = None;
        for (e, &(u, v)) in c.edges.iter().enumerate() {
            if t.in_tree.get(e) == Some(&true) || u == v {
                continue;
            }
            let opposite = if leave_into_subtree {
                below(u) && !below(v)
            } else {
                !below(u) && below(v)
            };
            if opposite {
                let s = slack(rank, (u, v));
                if enter.is_none_or(|(bs, _)| s < bs) {
                    enter = Some((s, e));
                }
            }
        }
        let Some((_, enter)) = enter else {
            break;
        };
        let mut in_tree = t.in_tree.clone();
        if let Some(x) = in_tree.get_mut(leave) {
            *x = false;
        }
        if let Some(x) = in_tree.get_mut(enter) {
            *x = true;
        }
        t = c.tree(&in_tree);
        c.ranks_from_tree(&t, rank);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(rank: &[i64], edges: &[(usize, usize)]) -> i64 {
        edges.iter().map(|&(u, v)| rank[v] - rank[u]).sum()
    }

    fn feasible(rank: &[i64], edges: &[(usize, usize)]) -> bool {
        edges.iter().all(|&(u, v)| rank[v] - rank[u] >= 1)
    }

    #[test]
    fn pulls_a_source_next_to_its_target() {
        // 0 -> 1 -> 2 -> 3, and 4 -> 3: longest path puts 4 at 0 (span 3).
        let edges = [(0, 1), (1, 2), (2, 3), (4, 3)];
        let mut r = vec![0, 1, 2, 3, 0];
        rank(5, &edges, &mut r, 100);
        assert!(feasible(&r, &edges));
        assert_eq!(total(&r, &edges), 4);
    }

    #[test]
    fn balances_a_diamond_with_a_long_side() {
        // 0 -> 1 -> 2 -> 3 -> 4; 0 -> 5 -> 4; 5 -> 6 (a leaf).
        let edges = [(0, 1), (1, 2), (2, 3), (3, 4), (0, 5), (5, 4), (5, 6)];
        let mut r = vec![0, 1, 2, 3, 4, 1, 2];
        let before = total(&r, &edges);
        rank(7, &edges, &mut r, 100);
        assert!(feasible(&r, &edges));
        assert!(total(&r, &edges) <= before);
        // The chain is 4 long, 0 -> 5 -> 4 spans 4 wherever 5 is, 5 -> 6 one: 9.
        assert_eq!(total(&r, &edges), 9);
    }

    #[test]
    fn random_graphs_are_never_worse_and_stay_feasible() {
        let mut rnd = super::super::test_random(7);
        for _ in 0..50 {
            let n = 2 + rnd(40) as usize;
            let mut edges = Vec::new();
            for v in 1..n {
                edges.push((rnd(v as u64) as usize, v));
                if rnd(2) == 0 {
                    edges.push((rnd(v as u64) as usize, v));
                }
            }
            // Longest path.
            let mut r = vec![0i64; n];
            for v in 0..n {
                for &(a, b) in &edges {
                    if b == v {
                        r[v] = r[v].max(r[a] + 1);
                    }
                }
            }
            let before = total(&r, &edges);
            rank(n, &edges, &mut r, 10_000);
            assert!(feasible(&r, &edges), "{edges:?} {r:?}");
            assert!(total(&r, &edges) <= before);
        }
    }
}
