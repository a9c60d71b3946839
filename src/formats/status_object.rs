//! The k8s-style status block AOS and GCS executions share:
//! `status {actionName, progress, objectStatus {phase, reason, message, updateAt},
//! subObjectStatuses {element: {phase, message, reason, updateAt, createAt, subActionName}}}`.
//!
//! `subObjectStatuses` is the large part of an execution (10⁴–10⁵ elements), so
//! it is read while the payload is parsed ([`stream_subs`], called by place from
//! `streamed`): each entry is parsed into borrowed fields (`sub_entry`), read
//! into an [`Element`] with the same warnings as [`element`] gives, and dropped.

use super::sub_entry;
use crate::model::{Element, Run};
use crate::path::Path;
use crate::reader::{RawPhase, Reader};
use serde::de::MapAccess;
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::hash::BuildHasher;

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

/// Reads `subObjectStatuses` into elements, in payload order. `streamed` is
/// what was read of it while parsing (see `streamed`), if it was.
pub fn sub_object_statuses(
    r: &mut Reader,
    status: &Map<String, Value>,
    path: &Path<'_>,
    streamed: Option<Streamed>,
) -> Vec<Element> {
    let Some(subs) = r.object(status, "subObjectStatuses", path) else {
        return Vec::new();
    };
    if let Some(streamed) = streamed {
        r.absorb(streamed.reader);
        return streamed.elements;
    }
    let subs_path = path.key("subObjectStatuses");
    let mut elements = Vec::new();
    for (name, value) in subs {
        elements.push(entry(r, name, value, &subs_path));
    }
    elements
}

/// Reads one entry of `subObjectStatuses` (at `subs_path`).
fn entry(r: &mut Reader, name: &str, value: &Value, subs_path: &Path<'_>) -> Element {
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
        return Element {
            id: name.to_string(),
            ..Element::default()
        };
    };
    element(r, name, o, &p)
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

/// A `subObjectStatuses` object read while the payload was parsed: its
/// elements, and the warnings reading them gave (spliced in by
/// [`sub_object_statuses`] where the format reader reaches it).
#[derive(Debug)]
pub struct Streamed {
    elements: Vec<Element>,
    reader: Reader,
    /// An element name came twice. A `Value` keeps the first one's place with
    /// the last one's content (and only its warnings): the caller parses the
    /// payload again as a plain value instead.
    pub duplicate: bool,
}

/// Reads a `subObjectStatuses` object (at `subs_path`) entry by entry: each
/// entry's value is parsed, read into an element, and dropped. `size`: how
/// many entries it likely has (the element list's capacity; a wrong guess
/// costs only memory).
pub fn stream_subs<'de, A: MapAccess<'de>>(
    mut map: A,
    subs_path: &Path<'_>,
    size: usize,
) -> Result<Streamed, A::Error> {
    let mut out = Streamed {
        elements: Vec::with_capacity(size),
        reader: Reader::new(),
        duplicate: false,
    };
    // Hashes of the names seen: a repeat (or, rarely, a collision) means the
    // payload is read again as a plain value, which is always right.
    let hasher = foldhash::fast::RandomState::default();
    let mut seen: HashSet<u64, foldhash::fast::RandomState> =
        HashSet::with_capacity_and_hasher(size, foldhash::fast::RandomState::default());
    while let Some(name) = map.next_key::<String>()? {
        let value = map.next_value::<sub_entry::Entry<'de>>()?;
        if out.duplicate {
            continue;
        }
        if !seen.insert(hasher.hash_one(name.as_str())) {
            out.duplicate = true;
            out.elements = Vec::new();
            continue;
        }
        out.elements
            .push(sub_entry::element(&mut out.reader, name, value, subs_path));
    }
    out.elements.shrink_to_fit();
    Ok(out)
}
