//! `aos-execution`: AOS `GET /v2/stacks/{stack_id}/actions/{action_id}`
//! (seeds 000/001, "查询堆栈执行记录").
//!
//! Reads: kind, apiVersion, metadata {name, uid, creationTimestamp, labels.stackname},
//! spec {actionName, timeoutInMinutes, objectData, changedObjectData, objectReference.name},
//! status {actionName, progress, objectStatus, subObjectStatuses} (see `status_object`).
//! subObjectStatuses is read while parsing, elementStatuses parsed and dropped (see `streamed`).
//! Run start: the earliest of metadata.creationTimestamp and any createAt.
//! Run end: objectStatus.updateAt, once the phase is terminal.

use super::status_object;
use crate::model::Run;
use crate::path::Path;
use crate::reader::Reader;
use serde_json::{Map, Value};

/// True when the object looks like an AOS execution.
pub fn matches(o: &Map<String, Value>) -> bool {
    let kind = o.get("kind").and_then(Value::as_str);
    let api = o.get("apiVersion").and_then(Value::as_str).unwrap_or("");
    (kind == Some("Execution") && !api.starts_with("gene.kubedag"))
        || api.starts_with("paas/")
        || (kind.is_none()
            && o.get("status").and_then(Value::as_object).is_some_and(|s| {
                s.contains_key("subObjectStatuses") || s.contains_key("objectStatus")
            })
            && !o.contains_key("execution"))
}

/// Reads the execution into one run. `subs`: `status.subObjectStatuses` as
/// read while parsing, if it was (see `streamed`).
pub fn read(r: &mut Reader, o: &Map<String, Value>, subs: Option<status_object::Streamed>) -> Run {
    let root = Path::ROOT;
    let mut run = Run::default();

    let meta_path = root.key("metadata");
    let mut created = None;
    if let Some(meta) = r.object(o, "metadata", &root) {
        run.id = r
            .string(meta, "name", &meta_path)
            .unwrap_or_default()
            .to_string();
        created = r.time(meta, "creationTimestamp", &meta_path);
        if run.id.is_empty() {
            run.id = r
                .string(meta, "uid", &meta_path)
                .unwrap_or_default()
                .to_string();
        }
        let labels_path = meta_path.key("labels");
        if let Some(labels) = r.object(meta, "labels", &meta_path) {
            run.name = r
                .string(labels, "stackname", &labels_path)
                .map(str::to_owned);
        }
    }

    let spec_path = root.key("spec");
    if let Some(spec) = r.object(o, "spec", &root) {
        status_object::spec(r, spec, &spec_path, &mut run);
        let ref_path = spec_path.key("objectReference");
        if let Some(reference) = r.object(spec, "objectReference", &spec_path) {
            if let Some(name) = r.string(reference, "name", &ref_path) {
                run.name = Some(name.to_string());
            }
        }
    }

    let status_path = root.key("status");
    if let Some(status) = r.object(o, "status", &root) {
        let (phase, updated) = status_object::status(r, status, &status_path, subs, &mut run);
        run.phase = phase.map(|p| (p.phase, p.raw));
        run.updated_at = updated;
    }

    run.keys = super::keys_at(o, &["/metadata/name", "/metadata/uid"]);
    run.started_at = run
        .elements
        .iter()
        .filter_map(|e| e.started_at)
        .chain(created)
        .min();
    run.ended_at = r.ordered(
        run.started_at,
        run.updated_at,
        &status_path.key("objectStatus").key("updateAt"),
    );
    run
}
