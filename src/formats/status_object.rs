//! The k8s-style status block AOS and GCS executions share:
//! `status {actionName, progress, objectStatus {phase, reason, message, updateAt},
//! subObjectStatuses {element: {phase, message, reason, updateAt, createAt, subActionName}}}`.
//!
//! `subObjectStatuses` is the large part of an execution (10⁴–10⁵ elements), so
//! it is read while the payload is parsed ([`stream_subs`], called by place from
//! `streamed`): each entry is parsed into its used members (`sub_entry`), read
//! into an [`Element`], and dropped.

use super::scan::Scan;
use super::{streamed, sub_entry};
use crate::model::{Element, Run};
use crate::path::Path;
use crate::reader::{RawPhase, Reader};
use serde::de::MapAccess;
use serde_json::{Map, Value};
use std::hash::BuildHasher;

/// Reads the status block both AOS and GCS have (at `path`): actionName,
/// progress, objectStatus's reason and message, and subObjectStatuses
/// (`subs`: as read while parsing, see [`sub_object_statuses`]) into `run`;
/// returns objectStatus's phase and updateAt, which each format ranks
/// differently.
pub fn status(
    r: &mut Reader,
    status: &Map<String, Value>,
    path: &Path<'_>,
    subs: Option<Streamed>,
    run: &mut Run,
) -> (Option<RawPhase>, Option<i64>) {
    if let Some(action) = r.string(status, "actionName", path) {
        run.action = Some(action.to_string());
    }
    run.progress = r.progress(status, "progress", path);
    let mut own = (None, None);
    if let Some(o) = r.object(status, "objectStatus", path) {
        let p = path.key("objectStatus");
        let phase = r.phase(o, "phase", &p);
        run.reason = r.string(o, "reason", &p).map(str::to_owned);
        run.message = r.string(o, "message", &p).map(str::to_owned);
        own = (phase, r.time(o, "updateAt", &p));
    }
    run.elements = sub_object_statuses(r, status, path, subs);
    own
}

/// Reads the execution `spec` fields both AOS and GCS have: actionName,
/// timeoutInMinutes, objectData, changedObjectData.
pub fn spec(r: &mut Reader, spec: &Map<String, Value>, path: &Path<'_>, run: &mut Run) {
    run.action = r.string(spec, "actionName", path).map(str::to_owned);
    run.timeout_minutes = r.count(spec, "timeoutInMinutes", path, 1_000_000_000);
    run.object_data = r.string(spec, "objectData", path).map(str::to_owned);
    run.changed_object_data = r.string(spec, "changedObjectData", path).map(str::to_owned);
}

/// Reads `subObjectStatuses` into elements, in payload order. `streamed`: what
/// was read of it while the payload was parsed (see `streamed`: every object
/// there is, whether from the bytes or from a `Value`); anything else there is
/// warned about by type.
fn sub_object_statuses(
    r: &mut Reader,
    status: &Map<String, Value>,
    path: &Path<'_>,
    streamed: Option<Streamed>,
) -> Vec<Element> {
    if r.object(status, "subObjectStatuses", path).is_none() {
        return Vec::new();
    }
    let Some(streamed) = streamed else {
        return Vec::new();
    };
    r.absorb(streamed.reader);
    streamed.elements
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
    map: A,
    subs_path: &Path<'_>,
    size: usize,
) -> Result<Streamed, A::Error> {
    let mut out = Streamed {
        elements: Vec::with_capacity(size),
        reader: Reader::new(),
        duplicate: false,
    };
    let (elements, r) = (&mut out.elements, &mut out.reader);
    out.duplicate = streamed::entries(map, size, |name, entry: sub_entry::Entry<'de>| {
        elements.push(sub_entry::element(r, &name, entry, subs_path, false))
    })?;
    if out.duplicate {
        out.elements = Vec::new();
    }
    out.elements.shrink_to_fit();
    Ok(out)
}

/// The fast path's [`stream_subs`] (see `scan`): a `subObjectStatuses` object
/// (at nesting `depth`) read from the bytes where it lies, entry by entry into
/// the same elements. `None` on anything the scanner gives up on (see
/// `sub_entry::fast`) and on a name seen twice (compared by hash, the hashes
/// sorted once at the end, which took less time than a hash set: a rare
/// collision only sends the payload to serde_json). `size`: how many entries
/// it likely has, or 0 for a guess from the first entries' length (a wrong
/// guess costs only memory). `lean`: elements for the summary alone (see
/// `sub_entry::element`).
pub(super) fn fast_subs(
    s: &mut Scan<'_>,
    subs_path: &Path<'_>,
    size: usize,
    depth: usize,
    lean: bool,
) -> Option<Streamed> {
    let mut elements = Vec::with_capacity(size);
    let mut reader = Reader::new();
    let hasher = foldhash::fast::RandomState::default();
    let mut hashes: Vec<u64> = Vec::with_capacity(size);
    // How many entries the size guess is taken from.
    const SAMPLE: usize = 64;
    let left = s.remaining();
    s.object(|s, name| {
        hashes.push(hasher.hash_one(name));
        let name = std::str::from_utf8(name).ok()?;
        let entry = sub_entry::fast(s, depth + 1)?;
        elements.push(sub_entry::element(
            &mut reader,
            name,
            entry,
            subs_path,
            lean,
        ));
        if elements.len() == SAMPLE && size == 0 {
            // No count: guess from the first entries' mean length (at least
            // 64 bytes each), as if the rest of the input were entries like them.
            let mean = (left.saturating_sub(s.remaining()) / SAMPLE).max(64);
            let guess = s.remaining() / mean;
            elements.reserve(guess);
            hashes.reserve(guess);
        }
        Some(())
    })?;
    // Names seen twice: the names' hashes sorted, equal neighbours.
    hashes.sort_unstable();
    if hashes.windows(2).any(|w| w.first() == w.get(1)) {
        return None;
    }
    drop(hashes);
    elements.shrink_to_fit();
    Some(Streamed {
        elements,
        reader,
        duplicate: false,
    })
}
