//! The k8s-style status block AOS and GCS executions share:
//! `status {actionName, progress, objectStatus {phase, reason, message, updateAt},
//! subObjectStatuses {element: {phase, message, reason, updateAt, createAt, subActionName}}}`.

use crate::model::{Element, Run};
use crate::path::Path;
use crate::reader::{RawPhase, Reader};
use serde_json::{Map, Value};

/// `objectStatus`: the run's own phase and when it was last updated.
#[derive(Debug, Default)]
pub struct ObjectStatus {
    /// phase.
    pub phase: Option<RawPhase>,
    /// reason.
    pub reason: Option<String>,
    /// message.
    pub message: Option<String>,
    /// updateAt.
    pub update_at: Option<i64>,
}

/// Reads `objectStatus`.
pub fn object_status(r: &mut Reader, status: &Map<String, Value>, path: &Path<'_>) -> ObjectStatus {
    let Some(o) = r.object(status, "objectStatus", path) else {
        return ObjectStatus::default();
    };
    let p = path.key("objectStatus");
    ObjectStatus {
        phase: r.phase(o, "phase", &p),
        reason: r.string(o, "reason", &p).map(str::to_owned),
        message: r.string(o, "message", &p).map(str::to_owned),
        update_at: r.time(o, "updateAt", &p),
    }
}

/// Reads the execution `spec` fields both AOS and GCS have: actionName,
/// timeoutInMinutes, objectData, changedObjectData.
pub fn spec(r: &mut Reader, spec: &Map<String, Value>, path: &Path<'_>, run: &mut Run) {
    run.action = r.string(spec, "actionName", path).map(str::to_owned);
    run.timeout_minutes = r.count(spec, "timeoutInMinutes", path, 1_000_000_000);
    run.object_data = r.string(spec, "objectData", path).map(str::to_owned);
    run.changed_object_data = r.string(spec, "changedObjectData", path).map(str::to_owned);
}

/// Reads `subObjectStatuses` into elements, in payload order.
pub fn sub_object_statuses(
    r: &mut Reader,
    status: &Map<String, Value>,
    path: &Path<'_>,
) -> Vec<Element> {
    let Some(subs) = r.object(status, "subObjectStatuses", path) else {
        return Vec::new();
    };
    let subs_path = path.key("subObjectStatuses");
    let mut elements = Vec::new();
    for (name, value) in subs {
        let p = subs_path.key(name);
        let Value::Object(o) = value else {
            if !value.is_null() {
                r.warn(
                    crate::error::WarningCode::WrongType,
                    &p,
                    format!(
                        "expected an object with phase and updateAt, found {}; element kept without status",
                        crate::reader::describe(value)
                    ),
                );
            }
            elements.push(Element {
                id: name.clone(),
                ..Element::default()
            });
            continue;
        };
        elements.push(element(r, name, o, &p));
    }
    elements
}

/// Reads one `SubActionStatus`.
pub fn element(r: &mut Reader, name: &str, o: &Map<String, Value>, p: &Path<'_>) -> Element {
    let phase = r.phase(o, "phase", p);
    let created = r.time(o, "createAt", p);
    let updated = r.time(o, "updateAt", p);
    let updated = r.ordered(created, updated, &p.key("updateAt"));
    let (phase, raw_phase) = match phase {
        Some(rp) => (rp.phase, Some(rp.raw)),
        None => (crate::phase::Phase::Unknown, None),
    };
    Element {
        id: name.to_string(),
        label: None,
        kind: r.string(o, "type", p).map(str::to_owned),
        phase,
        raw_phase,
        reason: r.string(o, "reason", p).map(str::to_owned),
        message: r.string(o, "message", p).map(str::to_owned),
        action: r.string(o, "subActionName", p).map(str::to_owned),
        started_at: created,
        updated_at: updated,
        failed_at: if phase == crate::phase::Phase::Failed {
            updated
        } else {
            None
        },
        spans: Vec::new(),
        markers: Vec::new(),
    }
}
