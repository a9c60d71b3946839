//! The dependency graph of one run: which element waited for which, the root
//! causes of a failure and what they took down, the critical path, and a
//! layered layout to draw it. Pure functions over the model; they cannot fail
//! (what the template gets wrong is a warning). docs/reference.md#dependency-graph
//! has the rules; docs/graph.md the design notes and measurements.
//!
//! - [`template`] reads the edges from the run's `spec.objectData`.
//! - [`analysis`]: depth, cycles, root causes, critical path.
//! - [`layout`]: the layered (Sugiyama) layout, with its own tests.
//!
//! Nodes are the run's elements in payload order (the first of two with the
//! same id), then the template's elements the run does not report, in
//! template order. Edges go from the dependency to the element that depends on
//! it, one per ordered pair, in the order the template first declares them.

pub mod analysis;
pub mod layout;
pub mod simplex;
pub mod template;

/// A small deterministic random source for the layout tests (xorshift64):
/// `rnd(m)` is below `m`.
#[cfg(test)]
fn test_random(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut s = seed;
    move |m| {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s % m.max(1)
    }
}

use crate::error::{Warning, WarningCode};
use crate::model::{Format, Run};
use crate::phase::Phase;
use crate::reader::quote;
use serde::Serialize;
use std::collections::HashMap;
pub use template::EdgeKind;
use template::Warnings;

/// What `graph` returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Graph {
    /// Every element of the run and of its template.
    pub nodes: Vec<Node>,
    /// Dependencies: `from` is the dependency, `to` the element waiting for it.
    pub edges: Vec<Edge>,
    /// Failed elements no Failed dependency explains, with what they took down.
    pub root_causes: Vec<RootCause>,
    /// Element ids from the first to the last step of the critical path.
    pub critical_path: Vec<String>,
    /// Cycles, unknown dependencies and an unreadable template.
    pub warnings: Vec<Warning>,
    /// Width of the drawing (graph units: CSS pixels at zoom 1).
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
}

/// One element.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// The element's id.
    pub id: String,
    /// The template's node type, else the type the payload gives, else None.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Its phase in the run; None for a template element the run does not report.
    pub phase: Option<Phase>,
    /// Longest chain of dependencies above it (a cycle counts as one step).
    pub depth: u32,
    /// Left edge of its box.
    pub x: f64,
    /// Top edge of its box.
    pub y: f64,
    /// Box width.
    pub width: f64,
    /// Box height.
    pub height: f64,
}

/// One dependency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// The dependency.
    pub from: String,
    /// The element that depends on it.
    pub to: String,
    /// `requirement` when a requirement declares the pair, else `reference`.
    pub kind: EdgeKind,
    /// The requirement's key, or the function (`get_reference` / `get_attribute`).
    pub name: String,
    /// The route to draw, from `from`'s box to `to`'s.
    pub points: Vec<Point>,
}

/// A point of a route.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    /// x.
    pub x: f64,
    /// y.
    pub y: f64,
}

/// A root cause and what it took down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RootCause {
    /// The Failed element.
    pub element: String,
    /// Its transitive dependents that did not succeed, nearest first.
    pub affected: Vec<String>,
}

/// A dependency between two nodes (indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawEdge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub name: String,
}

/// Nodes and edges, before analysis and layout.
pub(crate) struct Structure {
    pub ids: Vec<String>,
    pub kinds: Vec<Option<String>>,
    /// The run element of each node.
    pub element: Vec<Option<usize>>,
    pub edges: Vec<RawEdge>,
    /// Where the template's elements are (for cycle warnings).
    pub template_path: Option<String>,
    pub warnings: Warnings,
}

/// Where `spec.objectData` is in a payload of `format`.
fn object_data_path(format: Format) -> &'static [&'static str] {
    match format {
        Format::GcsExecution => &["object", "spec", "objectData"],
        _ => &["spec", "objectData"],
    }
}

/// The nodes and edges of `run` (read from a payload of `format`).
pub(crate) fn structure(run: &Run, format: Format) -> Structure {
    let mut warnings = Warnings::new();
    let base = object_data_path(format);
    let template = run
        .object_data
        .as_deref()
        .and_then(|text| template::read(text, base, &mut warnings));
    let mut ids: Vec<String> = Vec::with_capacity(run.elements.len());
    let mut kinds = Vec::with_capacity(run.elements.len());
    let mut element = Vec::with_capacity(run.elements.len());
    let mut index: HashMap<String, usize> = HashMap::with_capacity(run.elements.len());
    for (i, e) in run.elements.iter().enumerate() {
        if index.contains_key(&e.id) {
            continue;
        }
        index.insert(e.id.clone(), ids.len());
        ids.push(e.id.clone());
        kinds.push(e.kind.clone());
        element.push(Some(i));
    }
    let mut edges: Vec<RawEdge> = Vec::new();
    let template_path = template.as_ref().map(|t| t.path.clone());
    if let Some(t) = &template {
        for node in &t.nodes {
            if node.name.is_empty() {
                warnings.push(
                    WarningCode::InvalidValue,
                    "expected an element name, found an empty one; the element is left out".into(),
                    t.path.clone(),
                );
                continue;
            }
            match index.get(&node.name) {
                Some(&i) => {
                    if let (Some(k), Some(slot)) = (&node.kind, kinds.get_mut(i)) {
                        *slot = Some(k.clone());
                    }
                }
                None => {
                    index.insert(node.name.clone(), ids.len());
                    ids.push(node.name.clone());
                    kinds.push(node.kind.clone());
                    element.push(None);
                }
            }
        }
        let mut pair: HashMap<(usize, usize), usize> = HashMap::new();
        for node in &t.nodes {
            let Some(&to) = index.get(&node.name) else {
                continue;
            };
            for d in &node.dependencies {
                let Some(&from) = index.get(&d.target) else {
                    warnings.push(
                        WarningCode::UnknownDependency,
                        format!(
                            "expected {} of {} to name an element of the template or the run, found {}, which is neither",
                            if d.kind == EdgeKind::Requirement {
                                format!("the requirement {}", quote(&d.name))
                            } else {
                                format!("the {} function", d.name)
                            },
                            quote(&node.name),
                            quote(&d.target)
                        ),
                        d.path.clone(),
                    );
                    continue;
                };
                match pair.get(&(from, to)) {
                    Some(&at) => {
                        // A requirement names the pair even when a reference came first.
                        if let Some(e) = edges.get_mut(at) {
                            if e.kind == EdgeKind::Reference && d.kind == EdgeKind::Requirement {
                                e.kind = EdgeKind::Requirement;
                                e.name = d.name.clone();
                            }
                        }
                    }
                    None => {
                        pair.insert((from, to), edges.len());
                        edges.push(RawEdge {
                            from,
                            to,
                            kind: d.kind,
                            name: d.name.clone(),
                        });
                    }
                }
            }
        }
    }
    Structure {
        ids,
        kinds,
        element,
        edges,
        template_path,
        warnings,
    }
}

/// For each element of `run` (by index), the elements it depends on (by
/// index; itself and template-only elements left out). What the timeline uses.
pub(crate) fn element_dependencies(run: &Run) -> Vec<Vec<usize>> {
    if run.object_data.is_none() {
        return vec![Vec::new(); run.elements.len()];
    }
    dependencies_of(&structure(run, Format::AosExecution), run.elements.len())
}

fn dependencies_of(s: &Structure, elements: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); elements];
    for e in &s.edges {
        let from = s.element.get(e.from).copied().flatten();
        let to = s.element.get(e.to).copied().flatten();
        if let (Some(from), Some(to)) = (from, to) {
            if from != to {
                if let Some(list) = out.get_mut(to) {
                    list.push(from);
                }
            }
        }
    }
    out
}

/// The graph of `run`, read from a payload of `format`.
pub fn build(run: &Run, format: Format) -> Graph {
    let s = structure(run, format);
    let timeline = crate::timeline::build_with(run, &dependencies_of(&s, run.elements.len()));
    let n = s.ids.len();
    // When each node's last span ends (open: ends last), for the critical path.
    let lane_of: HashMap<&str, &crate::timeline::Lane> =
        timeline.lanes.iter().map(|l| (l.id.as_str(), l)).collect();
    let ends: Vec<Option<i64>> = s
        .ids
        .iter()
        .map(|id| {
            let lane = lane_of.get(id.as_str())?;
            let last = lane.spans.last()?;
            Some(last.end.unwrap_or(i64::MAX))
        })
        .collect();
    let phases: Vec<Option<Phase>> = s
        .element
        .iter()
        .map(|e| e.and_then(|i| run.elements.get(i)).map(|e| e.phase))
        .collect();
    let failed_at: Vec<Option<i64>> = s
        .element
        .iter()
        .map(|e| {
            e.and_then(|i| run.elements.get(i))
                .and_then(|e| e.failed_at.or(e.updated_at))
        })
        .collect();
    let pairs: Vec<(usize, usize)> = s.edges.iter().map(|e| (e.from, e.to)).collect();
    let a = analysis::analyse(n, &pairs, &phases, &failed_at, &ends);
    let mut warnings = s.warnings;
    for cycle in &a.cycles {
        let names: Vec<String> = cycle
            .iter()
            .take(20)
            .filter_map(|&i| s.ids.get(i))
            .map(|id| quote(id))
            .collect();
        let more = cycle.len().saturating_sub(20);
        warnings.push(
            WarningCode::DependencyCycle,
            format!(
                "expected dependencies without a cycle, found {}: {}{}",
                if cycle.len() == 1 {
                    "an element that depends on itself".to_string()
                } else {
                    format!("a cycle through {} elements", cycle.len())
                },
                names.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ),
            s.template_path.clone().unwrap_or_else(|| "$".into()),
        );
    }
    let drawn = layout::layout(n, &pairs);
    let name = |i: usize| s.ids.get(i).cloned().unwrap_or_default();
    let nodes = (0..n)
        .map(|i| {
            let b = drawn.boxes.get(i).copied().unwrap_or_default();
            Node {
                id: name(i),
                kind: s.kinds.get(i).cloned().flatten(),
                phase: phases.get(i).copied().flatten(),
                depth: a.depth.get(i).copied().unwrap_or(0),
                x: b.x,
                y: b.y,
                width: b.width,
                height: b.height,
            }
        })
        .collect();
    let edges = s
        .edges
        .iter()
        .enumerate()
        .map(|(k, e)| Edge {
            from: name(e.from),
            to: name(e.to),
            kind: e.kind,
            name: e.name.clone(),
            points: drawn.routes.get(k).cloned().unwrap_or_default(),
        })
        .collect();
    Graph {
        nodes,
        edges,
        root_causes: a
            .root_causes
            .iter()
            .map(|(r, affected)| RootCause {
                element: name(*r),
                affected: affected.iter().map(|&i| name(i)).collect(),
            })
            .collect(),
        critical_path: a.critical_path.iter().map(|&i| name(i)).collect(),
        warnings: warnings.finish(),
        width: drawn.width,
        height: drawn.height,
    }
}
