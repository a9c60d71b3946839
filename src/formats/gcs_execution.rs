//! `gcs-execution`: GCS `get_execution(execution_id)` (seed 002, "查询execution").
//!
//! Reads: execution {guid, name, status, workflow_name, create_at, update_at},
//! object {kind "execution", apiVersion gene.kubedag/v1alpha1, metadata {name, uid},
//! spec {actionName, timeoutInMinutes, objectData}, status {actionName, progress,
//! objectStatus, subObjectStatuses}}, status {node_number, finished_node_number,
//! actual_node_status} where actual_node_status is either a map keyed by node name
//! or an array of {name, status, ...}: both are accepted. Nodes that appear only in
//! actual_node_status become elements too; a node in both keeps the richer
//! subObjectStatuses entry (times, reason) and takes its phase from there.
//! object.status.subObjectStatuses and status.actual_node_status are read while
//! parsing, elementStatuses is parsed and dropped (see `streamed`).
//! inputs_json, outputs_json, elementStatuses and enterprise_project are shown raw only.
//! Run start: execution.create_at (else the earliest createAt); run end:
//! execution.update_at (else objectStatus.updateAt), once the phase is terminal.

use super::scan::Scan;
use super::{node_entry, status_object, streamed};
use crate::error::WarningCode;
use crate::model::{Element, Run};
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::{describe, RawPhase, Reader};
use serde::de::{MapAccess, SeqAccess};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

/// True when the object looks like a GCS get_execution response.
pub fn matches(o: &Map<String, Value>) -> bool {
    let execution_like = o.get("execution").is_some_and(Value::is_object);
    let object_like = o
        .get("object")
        .and_then(Value::as_object)
        .is_some_and(|ob| {
            ob.get("apiVersion")
                .and_then(Value::as_str)
                .is_some_and(|a| a.starts_with("gene.kubedag"))
                || ob.contains_key("status")
        });
    execution_like || object_like
}

/// Reads the response into one run. `subs`: `object.status.subObjectStatuses`,
/// `nodes`: `status.actual_node_status`, as read while parsing, if they were
/// (see `streamed`).
pub fn read(
    r: &mut Reader,
    o: &Map<String, Value>,
    subs: Option<status_object::Streamed>,
    nodes: Option<Nodes>,
) -> Run {
    let root = Path::ROOT;
    let mut run = Run::default();
    let mut own_phase = None;

    let ex_path = root.key("execution");
    if let Some(ex) = r.object(o, "execution", &root) {
        run.id = r
            .string(ex, "guid", &ex_path)
            .unwrap_or_default()
            .to_string();
        run.name = r.string(ex, "name", &ex_path).map(str::to_owned);
        if let Some(status) = r.string(ex, "status", &ex_path) {
            own_phase = Some(r.phase_text(status, &ex_path.key("status")));
        }
        run.started_at = r.time(ex, "create_at", &ex_path);
        run.updated_at = r.time(ex, "update_at", &ex_path);
        if run.name.is_none() {
            run.name = r.string(ex, "workflow_name", &ex_path).map(str::to_owned);
        }
    }

    let ob_path = root.key("object");
    let mut object_update = None;
    if let Some(ob) = r.object(o, "object", &root) {
        let meta_path = ob_path.key("metadata");
        if let Some(meta) = r.object(ob, "metadata", &ob_path) {
            if run.id.is_empty() {
                run.id = r
                    .string(meta, "uid", &meta_path)
                    .unwrap_or_default()
                    .to_string();
            }
            if run.name.is_none() {
                run.name = r.string(meta, "name", &meta_path).map(str::to_owned);
            }
        }
        let spec_path = ob_path.key("spec");
        if let Some(spec) = r.object(ob, "spec", &ob_path) {
            status_object::spec(r, spec, &spec_path, &mut run);
        }
        let st_path = ob_path.key("status");
        if let Some(st) = r.object(ob, "status", &ob_path) {
            let (phase, updated) = status_object::status(r, st, &st_path, subs, &mut run);
            own_phase = own_phase.or(phase);
            object_update = updated;
        }
    }

    let nodes_path = root.key("status");
    // The names are moved into the index while the nodes are merged, and
    // back after (not copied: a copy per element took 4% of the read). They
    // are unique here: a name seen twice sends the payload to the reading of
    // a plain `Value`, whose map keeps one.
    let mut index: HashMap<String, usize> = run
        .elements
        .iter_mut()
        .enumerate()
        .map(|(i, e)| (std::mem::take(&mut e.id), i))
        .collect();
    if let Some(st) = r.object(o, "status", &root) {
        let ans_path = nodes_path.key("actual_node_status");
        let merge = |(name, phase)| merge_node(&mut run.elements, &mut index, name, phase);
        match (nodes, st.get("actual_node_status")) {
            (Some(streamed), _) => {
                r.absorb(streamed.reader);
                streamed.nodes.into_iter().for_each(merge);
            }
            // Every object or array there was streamed (see `streamed`).
            (None, None | Some(Value::Null | Value::Object(_) | Value::Array(_))) => {}
            (None, Some(other)) => r.warn(
                WarningCode::WrongType,
                &ans_path,
                format!(
                    "expected a map keyed by node name or an array of nodes, found {}; ignored",
                    describe(other)
                ),
            ),
        }
    }

    for (name, i) in index {
        if let Some(e) = run.elements.get_mut(i) {
            e.id = name;
        }
    }
    run.keys = super::keys_at(
        o,
        &[
            "/execution/guid",
            "/execution/name",
            "/object/metadata/name",
            "/object/metadata/uid",
        ],
    );
    run.phase = own_phase.map(|p| (p.phase, p.raw));
    if run.updated_at.is_none() {
        run.updated_at = object_update;
    }
    if run.started_at.is_none() {
        run.started_at = run.elements.iter().filter_map(|e| e.started_at).min();
    }
    run.ended_at = r.ordered(
        run.started_at,
        run.updated_at,
        &root.key("execution").key("update_at"),
    );
    run
}

/// `status.actual_node_status` read while the payload was parsed (see
/// `streamed`): each node's name and phase, in payload order, and the
/// warnings reading them gave.
#[derive(Debug, Default)]
pub struct Nodes {
    nodes: Vec<(String, Option<RawPhase>)>,
    reader: Reader,
    /// A node name came twice in the map form (see `status_object::Streamed`).
    pub duplicate: bool,
}

/// Reads an actual_node_status array item by item.
pub fn stream_node_list<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Nodes, A::Error> {
    let root = Path::ROOT;
    let status = root.key("status");
    let ans_path = status.key("actual_node_status");
    let mut out = Nodes::default();
    let mut i = 0;
    while let Some(item) = seq.next_element::<node_entry::Node<'de>>()? {
        if let Some(node) = node_entry::list_node(&mut out.reader, item, &ans_path.index(i)) {
            out.nodes.push(node);
        }
        i += 1;
    }
    Ok(out)
}

/// Reads an actual_node_status map entry by entry.
pub fn stream_node_map<'de, A: MapAccess<'de>>(map: A) -> Result<Nodes, A::Error> {
    let root = Path::ROOT;
    let status = root.key("status");
    let ans_path = status.key("actual_node_status");
    let mut out = Nodes::default();
    let (nodes, r) = (&mut out.nodes, &mut out.reader);
    out.duplicate = streamed::entries(map, 0, |name, node: node_entry::Node<'de>| {
        if let Some(phase) = node_entry::named_node(r, node, &ans_path.key(&name)) {
            nodes.push((name, phase));
        }
    })?;
    if out.duplicate {
        out.nodes = Vec::new();
    }
    Ok(out)
}

/// The fast path's [`stream_node_list`] and [`stream_node_map`] (see `scan`):
/// `actual_node_status` (at nesting `depth`, the cursor at its `[` or `{`)
/// read from the bytes where it lies into the same nodes. `None` on anything
/// the scanner gives up on (see `node_entry::fast`) and on a name seen twice
/// in the map form.
pub(super) fn fast_nodes(s: &mut Scan<'_>, depth: usize) -> Option<Nodes> {
    let root = Path::ROOT;
    let status = root.key("status");
    let ans_path = status.key("actual_node_status");
    let mut out = Nodes::default();
    let (nodes, r) = (&mut out.nodes, &mut out.reader);
    if s.peek()? == b'[' {
        s.array(|s, i| {
            let node = node_entry::fast(s, depth + 1)?;
            if let Some(node) = node_entry::list_node(r, node, &ans_path.index(i)) {
                nodes.push(node);
            }
            Some(())
        })?;
        return Some(out);
    }
    let hasher = foldhash::fast::RandomState::default();
    let mut seen: HashSet<u64, foldhash::fast::RandomState> =
        HashSet::with_hasher(foldhash::fast::RandomState::default());
    s.object(|s, name| {
        if !seen.insert(hasher.hash_one(name)) {
            return None;
        }
        let name = std::str::from_utf8(name).ok()?.to_owned();
        let node = node_entry::fast(s, depth + 1)?;
        if let Some(phase) = node_entry::named_node(r, node, &ans_path.key(&name)) {
            nodes.push((name, phase));
        }
        Some(())
    })?;
    Some(out)
}

/// Adds a node seen only in actual_node_status, or fills in the phase of one
/// whose subObjectStatuses entry had none.
fn merge_node(
    elements: &mut Vec<Element>,
    index: &mut HashMap<String, usize>,
    name: String,
    phase: Option<RawPhase>,
) {
    if let Some(existing) = index.get(&name).and_then(|&i| elements.get_mut(i)) {
        if existing.raw_phase.is_none() {
            if let Some(phase) = phase {
                existing.phase = phase.phase;
                existing.raw_phase = Some(phase.raw);
            }
        }
        return;
    }
    index.insert(name, elements.len());
    let (phase, raw_phase) = match phase {
        Some(p) => (p.phase, Some(p.raw)),
        None => (Phase::Unknown, None),
    };
    // Its name is in the index (see `read`).
    elements.push(Element {
        phase,
        raw_phase,
        ..Element::default()
    });
}
