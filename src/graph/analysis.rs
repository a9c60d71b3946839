//! Depth, cycles, root causes and the critical path of a dependency graph
//! given as node indices and `(from, to)` pairs (from = the dependency). No
//! recursion: graphs of 100,000 nodes in one chain or one cycle are fine.
//!
//! - **Cycles**: the strongly connected components of more than one node, and
//!   nodes that depend on themselves (Tarjan's algorithm, iterative).
//! - **Depth**: the longest chain of dependencies above a node, counting a
//!   cycle as one step (so every node of a cycle has the same, finite depth).
//! - **Root causes**: a Failed node with no Failed node among its transitive
//!   dependencies. On a cycle every Failed node has the others above it, so
//!   there the one that failed first (by its failure time, then payload order)
//!   is the root cause when nothing Failed above the cycle explains it. They are
//!   listed by failure time (none last), then payload order. `affected`: its
//!   transitive dependents that did not succeed (Failed, Cancelled, Skipped,
//!   Pending, Running), nearest first, then in payload order. In pathological
//!   graphs at most [`MAX_ROOT_CAUSES`] are listed, and none more once their
//!   `affected` lists hold [`MAX_AFFECTED`] names in all.
//! - **Critical path**: from the node whose span ends last (an open span ends
//!   last), step to its dependency whose span ends last, until a node with no
//!   dependency that has a span (or one already on the path); listed first to
//!   last. Ties go to the earlier node (payload order).

use crate::phase::Phase;

/// Most root causes listed.
pub const MAX_ROOT_CAUSES: usize = 1000;

/// Most names in all `affected` lists together.
pub const MAX_AFFECTED: usize = 1_000_000;

/// What [`analyse`] finds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis {
    /// Per node.
    pub depth: Vec<u32>,
    /// Each cycle's nodes in index order; cycles by their first node.
    pub cycles: Vec<Vec<usize>>,
    /// Root causes and their affected nodes.
    pub root_causes: Vec<(usize, Vec<usize>)>,
    /// First to last.
    pub critical_path: Vec<usize>,
}

/// Adjacency lists, deduplicated and sorted, self-loops apart.
struct Adjacency {
    out: Vec<Vec<usize>>,
    into: Vec<Vec<usize>>,
    self_loop: Vec<bool>,
}

fn adjacency(n: usize, pairs: &[(usize, usize)]) -> Adjacency {
    let mut out = vec![Vec::new(); n];
    let mut into = vec![Vec::new(); n];
    let mut self_loop = vec![false; n];
    for &(a, b) in pairs {
        if a >= n || b >= n {
            continue;
        }
        if a == b {
            if let Some(s) = self_loop.get_mut(a) {
                *s = true;
            }
            continue;
        }
        if let Some(l) = out.get_mut(a) {
            l.push(b);
        }
        if let Some(l) = into.get_mut(b) {
            l.push(a);
        }
    }
    for l in out.iter_mut().chain(into.iter_mut()) {
        l.sort_unstable();
        l.dedup();
    }
    Adjacency {
        out,
        into,
        self_loop,
    }
}

/// Strongly connected components: each node's component, and the components
/// in topological order (dependencies first).
pub fn components(n: usize, out: &[Vec<usize>]) -> (Vec<usize>, Vec<Vec<usize>>) {
    const UNSEEN: usize = usize::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut comp = vec![UNSEEN; n];
    let mut comps: Vec<Vec<usize>> = Vec::new();
    let mut next = 0usize;
    // (node, position in its out list)
    let mut frames: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index.get(root) != Some(&UNSEEN) {
            continue;
        }
        frames.push((root, 0));
        while let Some(&(v, pos)) = frames.last() {
            if pos == 0 && index.get(v) == Some(&UNSEEN) {
                if let (Some(i), Some(l), Some(s)) =
                    (index.get_mut(v), low.get_mut(v), on_stack.get_mut(v))
                {
                    *i = next;
                    *l = next;
                    *s = true;
                }
                next += 1;
                stack.push(v);
            }
            let succ = out.get(v).and_then(|l| l.get(pos)).copied();
            match succ {
                Some(w) => {
                    if let Some(top) = frames.last_mut() {
                        top.1 += 1;
                    }
                    if index.get(w) == Some(&UNSEEN) {
                        frames.push((w, 0));
                    } else if on_stack.get(w) == Some(&true) {
                        let iw = index.get(w).copied().unwrap_or(0);
                        if let Some(l) = low.get_mut(v) {
                            *l = (*l).min(iw);
                        }
                    }
                }
                None => {
                    frames.pop();
                    let lv = low.get(v).copied().unwrap_or(0);
                    if let Some(&(parent, _)) = frames.last() {
                        if let Some(l) = low.get_mut(parent) {
                            *l = (*l).min(lv);
                        }
                    }
                    if index.get(v) == Some(&lv) {
                        let id = comps.len();
                        let mut members = Vec::new();
                        while let Some(w) = stack.pop() {
                            if let (Some(s), Some(c)) = (on_stack.get_mut(w), comp.get_mut(w)) {
                                *s = false;
                                *c = id;
                            }
                            members.push(w);
                            if w == v {
                                break;
                            }
                        }
                        members.sort_unstable();
                        comps.push(members);
                    }
                }
            }
        }
    }
    // Tarjan finishes a component after every component it reaches.
    let k = comps.len();
    comps.reverse();
    for c in comp.iter_mut() {
        *c = k.saturating_sub(1).saturating_sub(*c);
    }
    (comp, comps)
}

fn did_not_succeed(p: Option<Phase>) -> bool {
    matches!(
        p,
        Some(Phase::Failed | Phase::Cancelled | Phase::Skipped | Phase::Pending | Phase::Running)
    )
}

/// Analyses a graph of `n` nodes. `phases`, `failed_at` (when a node failed)
/// and `ends` (when its last span ends; `i64::MAX` while open; None without a
/// span) are per node.
pub fn analyse(
    n: usize,
    pairs: &[(usize, usize)],
    phases: &[Option<Phase>],
    failed_at: &[Option<i64>],
    ends: &[Option<i64>],
) -> Analysis {
    let adj = adjacency(n, pairs);
    let (comp, comps) = components(n, &adj.out);
    let at = |v: &[Option<i64>], i: usize| v.get(i).copied().flatten();
    let failed = |i: usize| phases.get(i).copied().flatten() == Some(Phase::Failed);

    // Depth and "a Failed node above" per component, in topological order.
    let k = comps.len();
    let mut depth_c = vec![0u32; k];
    let mut failed_above = vec![false; k];
    for (c, members) in comps.iter().enumerate() {
        let d = depth_c.get(c).copied().unwrap_or(0);
        let above =
            failed_above.get(c).copied().unwrap_or(false) || members.iter().any(|&u| failed(u));
        for &u in members {
            for &v in adj.out.get(u).map(Vec::as_slice).unwrap_or(&[]) {
                let cv = comp.get(v).copied().unwrap_or(c);
                if cv == c {
                    continue;
                }
                if let Some(x) = depth_c.get_mut(cv) {
                    *x = (*x).max(d.saturating_add(1));
                }
                if above {
                    if let Some(x) = failed_above.get_mut(cv) {
                        *x = true;
                    }
                }
            }
        }
    }
    let depth = (0..n)
        .map(|i| {
            comp.get(i)
                .and_then(|&c| depth_c.get(c))
                .copied()
                .unwrap_or(0)
        })
        .collect();

    let mut cycles: Vec<Vec<usize>> = comps
        .iter()
        .filter(|m| {
            m.len() > 1
                || m.first()
                    .is_some_and(|&u| adj.self_loop.get(u) == Some(&true))
        })
        .cloned()
        .collect();
    cycles.sort_by_key(|m| m.first().copied());

    // Root causes.
    let failure_key = |i: usize| (at(failed_at, i).is_none(), at(failed_at, i), i);
    let mut roots: Vec<usize> = Vec::new();
    for (c, members) in comps.iter().enumerate() {
        if failed_above.get(c) == Some(&true) {
            continue;
        }
        if let Some(&first) = members
            .iter()
            .filter(|&&u| failed(u))
            .min_by_key(|&&u| failure_key(u))
        {
            roots.push(first);
        }
    }
    roots.sort_by_key(|&r| failure_key(r));
    roots.truncate(MAX_ROOT_CAUSES);
    let mut root_causes = Vec::with_capacity(roots.len());
    let mut seen = vec![usize::MAX; n];
    let mut listed = 0usize;
    for (stamp, &r) in roots.iter().enumerate() {
        if listed >= MAX_AFFECTED {
            break;
        }
        let mut affected = Vec::new();
        if let Some(s) = seen.get_mut(r) {
            *s = stamp;
        }
        let mut level = vec![r];
        while !level.is_empty() {
            let mut next_level = Vec::new();
            for &u in &level {
                for &v in adj.out.get(u).map(Vec::as_slice).unwrap_or(&[]) {
                    if let Some(s) = seen.get_mut(v) {
                        if *s != stamp {
                            *s = stamp;
                            next_level.push(v);
                        }
                    }
                }
            }
            next_level.sort_unstable();
            affected.extend(
                next_level
                    .iter()
                    .filter(|&&v| did_not_succeed(phases.get(v).copied().flatten())),
            );
            level = next_level;
        }
        affected.truncate(MAX_AFFECTED - listed);
        listed += affected.len();
        root_causes.push((r, affected));
    }

    // Critical path.
    let mut critical_path = Vec::new();
    let best = |candidates: &mut dyn Iterator<Item = usize>| {
        candidates
            .filter_map(|i| at(ends, i).map(|e| (e, i)))
            .min_by_key(|&(e, i)| (std::cmp::Reverse(e), i))
            .map(|(_, i)| i)
    };
    let mut on_path = vec![false; n];
    let mut cur = best(&mut (0..n));
    while let Some(c) = cur {
        critical_path.push(c);
        if let Some(o) = on_path.get_mut(c) {
            *o = true;
        }
        let deps = adj.into.get(c).map(Vec::as_slice).unwrap_or(&[]);
        cur = best(
            &mut deps
                .iter()
                .copied()
                .filter(|&d| on_path.get(d) == Some(&false)),
        );
    }
    critical_path.reverse();

    Analysis {
        depth,
        cycles,
        root_causes,
        critical_path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Phase::*;

    fn run(n: usize, pairs: &[(usize, usize)], phases: &[Phase], ends: &[Option<i64>]) -> Analysis {
        let p: Vec<Option<Phase>> = phases.iter().map(|&p| Some(p)).collect();
        let failed: Vec<Option<i64>> = ends.to_vec();
        analyse(n, pairs, &p, &failed, ends)
    }

    #[test]
    fn chain_depths_root_cause_and_critical_path() {
        // 0 -> 1 -> 2 -> 3, 0 -> 3; 4 alone.
        let a = run(
            5,
            &[(0, 1), (1, 2), (2, 3), (0, 3)],
            &[Succeeded, Failed, Failed, Cancelled, Succeeded],
            &[Some(10), Some(20), Some(21), Some(22), Some(5)],
        );
        assert_eq!(a.depth, vec![0, 1, 2, 3, 0]);
        assert!(a.cycles.is_empty());
        assert_eq!(a.root_causes, vec![(1, vec![2, 3])]);
        assert_eq!(a.critical_path, vec![0, 1, 2, 3]);
    }

    #[test]
    fn cycles_get_finite_depth_and_one_root_cause() {
        // 0 -> 1 -> 2 -> 1 (cycle {1, 2}), 2 -> 3, 3 -> 3 (self-loop).
        let a = run(
            4,
            &[(0, 1), (1, 2), (2, 1), (2, 3), (3, 3)],
            &[Succeeded, Failed, Failed, Skipped],
            &[Some(1), Some(9), Some(5), Some(10)],
        );
        assert_eq!(a.depth, vec![0, 1, 1, 2]);
        assert_eq!(a.cycles, vec![vec![1, 2], vec![3]]);
        // 2 failed first on the cycle: it is the root cause, 1 and 3 affected.
        assert_eq!(a.root_causes, vec![(2, vec![1, 3])]);
        assert_eq!(a.critical_path, vec![0, 1, 2, 3]);
    }

    #[test]
    fn affected_nearest_first_and_succeeded_passed_through() {
        // 0 fails; 1 succeeded anyway; 2 (under 1) and 3 (under 0) cancelled; 4 pending under 2.
        let a = run(
            5,
            &[(0, 1), (1, 2), (0, 3), (2, 4)],
            &[Failed, Succeeded, Cancelled, Cancelled, Pending],
            &[Some(1), Some(2), Some(3), Some(3), None],
        );
        assert_eq!(a.root_causes, vec![(0, vec![3, 2, 4])]);
    }

    #[test]
    fn two_independent_failures_in_time_order() {
        let a = run(
            3,
            &[(2, 1)],
            &[Failed, Failed, Failed],
            &[Some(9), Some(3), Some(1)],
        );
        assert_eq!(a.root_causes, vec![(2, vec![1]), (0, vec![])]);
    }

    #[test]
    fn critical_path_ties_and_open_spans() {
        // 2 is open (ends last); its dependencies 0 and 1 end together: 0 wins.
        let a = run(
            3,
            &[(0, 2), (1, 2)],
            &[Succeeded, Succeeded, Running],
            &[Some(5), Some(5), Some(i64::MAX)],
        );
        assert_eq!(a.critical_path, vec![0, 2]);
        // Nothing has a span: no path.
        let a = run(2, &[(0, 1)], &[Pending, Pending], &[None, None]);
        assert!(a.critical_path.is_empty());
        // A cycle does not loop forever.
        let a = run(
            2,
            &[(0, 1), (1, 0)],
            &[Succeeded, Succeeded],
            &[Some(1), Some(2)],
        );
        assert_eq!(a.critical_path, vec![0, 1]);
    }

    #[test]
    fn large_chain_and_ring_without_recursion() {
        let n = 100_000;
        let chain: Vec<(usize, usize)> = (1..n).map(|i| (i - 1, i)).collect();
        let phases = vec![Succeeded; n];
        let ends: Vec<Option<i64>> = (0..n as i64).map(Some).collect();
        let a = run(n, &chain, &phases, &ends);
        assert_eq!(a.depth.last(), Some(&(n as u32 - 1)));
        assert_eq!(a.critical_path.len(), n);
        let mut ring = chain.clone();
        ring.push((n - 1, 0));
        let a = run(n, &ring, &phases, &ends);
        assert_eq!(a.cycles.len(), 1);
        assert_eq!(a.cycles[0].len(), n);
        assert!(a.depth.iter().all(|&d| d == 0));
    }
}
