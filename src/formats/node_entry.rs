//! One node of GCS `status.actual_node_status` (an array item or a map
//! entry), parsed straight from the bytes into its `name` and `status` (see
//! `de`), then read into a name and a phase.

use super::de::{members, phase, string, Fast, Field, ObjectOr};
use super::scan::Scan;
use crate::error::WarningCode;
use crate::path::Path;
use crate::reader::{RawPhase, Reader};

members! {
    /// The members of a node object the readers use.
    pub(super) struct Members<'a> {
        name = "name", status = "status",
    }
}

/// A node as parsed: an object's members, or any other value (a text is the
/// map form's phase).
pub(super) type Node<'a> = ObjectOr<'a, Members<'a>>;

/// An item of the array form (at `p`): its name and phase, or None (warned)
/// when it is not an object.
pub(super) fn list_node(
    r: &mut Reader,
    node: Node<'_>,
    p: &Path<'_>,
) -> Option<(String, Option<RawPhase>)> {
    match node {
        ObjectOr::Object(m) => {
            let name = string(r, m.name, p, "name").unwrap_or_default();
            Some((name, phase(r, m.status, p, "status")))
        }
        ObjectOr::Other(found) => wrong(r, &found, p, "a node object with name and status"),
    }
}

/// An entry of the map form (at `p`): its phase, or None (warned) when it is
/// neither an object nor a text.
pub(super) fn named_node(r: &mut Reader, node: Node<'_>, p: &Path<'_>) -> Option<Option<RawPhase>> {
    match node {
        ObjectOr::Object(m) => Some(phase(r, m.status, p, "status")),
        ObjectOr::Other(Field::Str(s)) => Some(Some(r.phase_text(&s, p))),
        ObjectOr::Other(found) => wrong(r, &found, p, "a node status object or text"),
    }
}

/// Warns that the node at `p` is `found`, not `expected`.
fn wrong<T>(r: &mut Reader, found: &Field<'_>, p: &Path<'_>, expected: &str) -> Option<T> {
    r.warn(
        WarningCode::WrongType,
        p,
        format!("expected {expected}, found {}; ignored", found.describe()),
    );
    None
}

/// The fast path (see `scan`): one node read from the bytes where it lies (at
/// nesting `depth`), its `name` and `status` taken as they are (`Members`'s
/// [`Fast`], from the same `members!` list), the other members skipped. `None` on anything the scanner gives up on, and on an
/// array or object as `name` or `status`.
pub(super) fn fast<'a>(s: &mut Scan<'a>, depth: usize) -> Option<Node<'a>> {
    s.object_or(depth, |s| Members::fast(s, depth))
}
