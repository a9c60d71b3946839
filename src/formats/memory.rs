//! The one pass over an input's bytes before parsing ([`census`]), and what
//! it tells:
//!
//! - what reading the input will need in wasm memory, by how each part of it
//!   will be read ([`check_memory`], for inputs over [`ESTIMATE_ABOVE`]):
//!   inputs that would not fit are refused as too_large instead of trapping
//!   (wasm32 has 4 GiB at most). The parse then checks the way it actually
//!   takes against the same estimates (`TopSeed` in `formats/read.rs`);
//! - how many entries each `subObjectStatuses` object has ([`Sizes`]), so the
//!   streamed readers allocate its element list at its final size (a `Vec`
//!   grown by doubling would briefly hold up to three times the elements).
//!
//! The pass runs at most once per read: before parsing for a large input (the
//! estimate needs it), else only when serde_json reads an object (the fast
//! paths guess sizes from the first entries instead: counting first took a
//! fifth of their time). Its counts are estimates and hints: a wrong one costs
//! memory or a cautious refusal, never a different result.

use super::streamed::Level;
use crate::error::{Error, ErrorCode};

/// What reading an input would need in memory, by how it is read (estimated
/// before parsing, see [`check_memory`]), and the budget.
#[derive(Debug, Clone, Copy)]
pub struct Memory {
    /// Read as an event list while parsing.
    pub events: u64,
    /// Read while parsing as a workflow history, or as an execution object
    /// whose large collections are read entry by entry.
    pub streamed: u64,
    /// Parsed into a whole `Value`.
    pub value: u64,
    /// At most this.
    pub budget: u64,
}

impl Default for Memory {
    /// No limit (an input too small to need an estimate).
    fn default() -> Self {
        Memory {
            events: 0,
            streamed: 0,
            value: 0,
            budget: u64::MAX,
        }
    }
}

/// Inputs larger than this have their parsed size estimated before parsing.
pub const ESTIMATE_ABOVE: usize = 64 << 20;

/// What the input's copy and its parsed form may take in wasm memory (wasm32
/// has 4 GiB at most; running out traps the module instead of failing cleanly).
pub const MEMORY_BUDGET: u64 = 3 << 30;

/// Bytes of wasm memory per value (token) parsed into a `serde_json::Value`:
/// payloads of very many tiny values (`[0,0,0,…]`) take 20–30 times their size.
const VALUE_COST: u64 = 96;

/// Bytes per entry of a `subObjectStatuses` object read while parsing: an
/// `Element` (160 bytes in wasm32, allocated at the final count) and its
/// strings' allocation overhead and name hash; the strings' bytes are counted
/// apart.
const SUB_COST: u64 = 256;

/// Bytes per run of a workflow history: a `Run` in a `Vec` grown by doubling.
const RUN_COST: u64 = 1024;

/// Bytes per node read while parsing (a GCS node, an object in a workflow
/// run's lists): an `Element` or node in a `Vec` grown by doubling (up to three
/// times its size while it grows), with allocation overhead.
const NODE_COST: u64 = 512;

/// How many members each `subObjectStatuses` object has, in payload order
/// (counted by [`census`]): capacity hints for the streamed readers
/// (`formats::streamed`). A payload may hold the same block twice (a
/// duplicate `status`): each is counted, and taken in order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Sizes {
    /// `$.status.subObjectStatuses`, last one first.
    top: Vec<usize>,
    /// `$.object.status.subObjectStatuses`, last one first.
    object: Vec<usize>,
}

impl Sizes {
    /// The size of the next `$.status.subObjectStatuses` (0: not known).
    pub fn next_top(&mut self) -> usize {
        self.top.pop().unwrap_or(0)
    }

    /// The size of the next `$.object.status.subObjectStatuses` (0: not known).
    pub fn next_object(&mut self) -> usize {
        self.object.pop().unwrap_or(0)
    }
}

/// What one pass over the bytes finds (see [`census`]).
#[derive(Debug, Default)]
pub struct Census {
    /// The members of each `subObjectStatuses` object.
    pub sizes: Sizes,
    /// Every value (an object counts 3: a map and its entries).
    tokens: u64,
    /// Values outside the collections read while parsing.
    value_tokens: u64,
    /// `subObjectStatuses` entries.
    subs: u64,
    /// Nodes (GCS `actual_node_status` entries, objects in workflow run lists).
    nodes: u64,
    /// Bytes of the collections read while parsing (their strings are copied).
    streamed_bytes: u64,
    /// Values in the largest entry of those (parsed into a `Value`, then dropped).
    max_entry: u64,
    /// Values in a top-level array's first item (always parsed into a `Value`:
    /// it tells how the rest is read).
    first_item: Option<u64>,
    /// Items of a top-level array.
    items: u64,
}

impl Census {
    /// An entry of `values` values ends in a streamed collection of `kind`.
    fn entry_ends(&mut self, values: u64, kind: At) {
        self.max_entry = self.max_entry.max(values);
        if kind == At::TopArray && self.first_item.is_none() {
            self.first_item = Some(values);
        }
    }
}

/// Where the census is: the parts the streaming readers read while parsing
/// (`formats::streamed`, `workflow_executions::stream`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// An object on the way to a part read while parsing, or that part
    /// (found by the rule the parse follows, `Level::child`).
    In(Level),
    /// A top-level array (events or workflow runs, when streamed).
    TopArray,
    Other,
}

/// Counts, in one pass, the values of `input`, which of them sit in the
/// collections read while parsing, and the entries of each `subObjectStatuses`
/// object (keys compared as written: an escaped key counts as a plain value,
/// the cautious side). The bytes need not be valid JSON: broken text gives
/// counts the parse never uses (it fails).
pub fn census(input: &[u8]) -> Census {
    let mut c = Census::default();
    let mut at = [At::Other; 6];
    let mut depth = 0usize;
    let (mut key, mut expect_key): (&[u8], bool) = (&[], false);
    // The streamed collection being read: (depth inside it, what it is, start).
    let mut coll: Option<(usize, At, usize)> = None;
    let mut entry = 0u64;
    // Entries of the `subObjectStatuses` being read.
    let mut subs = 0usize;
    let mut i = 0;
    while let Some(&b) = input.get(i) {
        i += 1;
        if b == b'"' {
            let start = i;
            i = crate::json::string_end(input, i);
            if expect_key {
                key = input.get(start..i).unwrap_or_default();
                expect_key = false;
            }
            i += 1;
            continue;
        }
        let weight = match b {
            b'{' => 3,
            b'[' | b',' | b':' => 1,
            b'}' | b']' => 0,
            _ => continue,
        };
        c.tokens += weight;
        match coll {
            Some((d, kind, _)) if depth > d => {
                entry += weight;
                // Objects two levels into a workflow run: its nodes.
                if b == b'{' && kind == At::TopArray && depth == d + 2 {
                    c.nodes += 1;
                }
            }
            Some((d, kind, _)) if depth == d && (b == b',' || b == b':') => {
                c.entry_ends(entry, kind);
                entry = 0;
                let counts = b == b':' || matches!(kind, At::In(Level::Nodes) | At::TopArray);
                match kind {
                    At::In(Level::TopSubs | Level::ObjectSubs) if counts => subs += 1,
                    At::In(Level::Nodes) if counts => c.nodes += 1,
                    _ => {}
                }
            }
            Some(_) => {}
            None => c.value_tokens += weight,
        }
        match b {
            b'{' | b'[' => {
                // Deeper than `at` holds: nothing read while parsing is there.
                let parent = depth
                    .checked_sub(1)
                    .map(|d| at.get(d).copied().unwrap_or(At::Other));
                let here = match (parent, b) {
                    (None, b'{') => At::In(Level::Root),
                    (None, _) => At::TopArray,
                    (Some(At::In(p)), _) => {
                        let child = std::str::from_utf8(key).ok().and_then(|k| p.child(k));
                        match child {
                            // Only these are read while parsing when arrays;
                            // any other array is parsed as a plain value.
                            Some(level @ (Level::Nodes | Level::Unread)) => At::In(level),
                            Some(level) if b == b'{' => At::In(level),
                            _ => At::Other,
                        }
                    }
                    (Some(_), _) => At::Other,
                };
                let streamed = matches!(
                    here,
                    At::In(Level::TopSubs | Level::ObjectSubs | Level::Nodes | Level::Unread)
                        | At::TopArray
                );
                if coll.is_none() && streamed {
                    coll = Some((depth + 1, here, i));
                    entry = 0;
                    subs = 0;
                    if !matches!(here, At::In(Level::TopSubs | Level::ObjectSubs)) {
                        // An array's first item (or one too many: cautious).
                        match here {
                            At::In(Level::Nodes) => c.nodes += 1,
                            At::TopArray => c.items += 1,
                            _ => {}
                        }
                    }
                }
                if let Some(slot) = at.get_mut(depth) {
                    *slot = here;
                }
                depth += 1;
                expect_key = b == b'{';
                key = &[];
            }
            b'}' | b']' => {
                if let Some((d, kind, start)) = coll {
                    if depth == d {
                        c.entry_ends(entry, kind);
                        c.streamed_bytes += (i - start) as u64;
                        coll = None;
                        c.subs += subs as u64;
                        match kind {
                            At::In(Level::TopSubs) => c.sizes.top.push(subs),
                            At::In(Level::ObjectSubs) => c.sizes.object.push(subs),
                            _ => {}
                        }
                    }
                }
                depth = depth.saturating_sub(1);
                expect_key = false;
            }
            b',' => {
                if depth == 1 && coll.is_some_and(|(_, k, _)| k == At::TopArray) {
                    c.items += 1;
                }
                let here = depth.checked_sub(1).and_then(|d| at.get(d));
                expect_key = depth > at.len() || here.is_some_and(|h| *h != At::TopArray);
            }
            _ => {}
        }
    }
    // An unclosed collection (invalid JSON, refused by the parser anyway).
    if let Some((_, kind, start)) = coll {
        c.entry_ends(entry, kind);
        c.streamed_bytes += (input.len() - start) as u64;
        c.subs += subs as u64;
    }
    c.sizes.top.reverse();
    c.sizes.object.reverse();
    c
}

/// What reading `input` needs in wasm memory, estimated in one pass over the
/// bytes, by how it is read (the parse picks the way from the first item or
/// the top-level type, then refuses to go on if that way does not fit):
///
/// - streamed (an execution object, a workflow history): the readers keep an
///   `Element` per entry of the collections they read while parsing (AOS/GCS
///   `subObjectStatuses`: [`SUB_COST`]; GCS nodes, the objects in a workflow
///   run's lists: [`NODE_COST`]) and a `Run` per workflow run ([`RUN_COST`]),
///   plus the strings copied from them (their bytes, once), and parse one entry
///   at a time into a `Value` (the largest entry at [`VALUE_COST`] a value);
///   the rest of an object is a `Value`;
/// - an event list: a little per event (more when `events()` keeps the
///   normalized list), and its first item as a `Value`;
/// - a whole `Value` (any other payload, a forced format that is not read
///   while parsing, an execution with a duplicate element name):
///   [`VALUE_COST`] a value.
///
/// Each includes the input's copy.
fn estimate(input: &[u8], c: &Census, keep_events: bool, budget: u64) -> Memory {
    let len = input.len() as u64;
    Memory {
        events: len
            .saturating_add(c.items.saturating_mul(if keep_events { 640 } else { 128 }))
            .saturating_add(c.first_item.unwrap_or(0).saturating_mul(VALUE_COST)),
        streamed: len
            .saturating_add(c.value_tokens.saturating_mul(VALUE_COST))
            .saturating_add(c.subs.saturating_mul(SUB_COST))
            .saturating_add(c.nodes.saturating_mul(NODE_COST))
            .saturating_add(c.items.saturating_mul(RUN_COST))
            .saturating_add(c.streamed_bytes)
            .saturating_add(c.max_entry.saturating_mul(VALUE_COST)),
        value: len.saturating_add(c.tokens.saturating_mul(VALUE_COST)),
        budget,
    }
}

/// Fails with too_large when no way of reading `input` (whose [`census`] is
/// `c`) fits in `budget` (see [`estimate`]); otherwise gives the estimates,
/// for the parse to check the way it takes.
pub fn check_memory(
    input: &[u8],
    c: &Census,
    keep_events: bool,
    budget: u64,
) -> Result<Memory, Error> {
    let m = estimate(input, c, keep_events, budget);
    let least = if input.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        m.events.min(m.streamed).min(m.value)
    } else {
        m.streamed.min(m.value)
    };
    if least > budget {
        return Err(too_large(input.len(), least, budget));
    }
    Ok(m)
}

/// The too_large error for an input whose parsed form would need `needed` bytes.
pub fn too_large(len: usize, needed: u64, budget: u64) -> Error {
    Error::new(
        ErrorCode::TooLarge,
        format!(
            "expected a payload whose parsed form fits in wasm memory ({} MiB), found {len} bytes \
             which would need about {} MiB",
            budget >> 20,
            needed >> 20
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_estimate_rejects_many_tiny_values_but_not_event_lists() {
        let tiny = format!("[{}0]", "0,".repeat(100_000));
        let e = check_memory(tiny.as_bytes(), &census(tiny.as_bytes()), false, 1 << 20).err();
        assert_eq!(e.map(|e| e.code), Some(ErrorCode::TooLarge));
        let event = r#"{"involvedObject": {"name": "x"}, "reason": "启动##ActionStart", "message": "a fairly long message about what happened to the element, as the API writes it", "firstTimestamp": "2024-01-01T00:00:00Z", "lastTimestamp": "2024-01-01T00:00:00Z", "count": 1, "type": "Normal", "elemType": "KubeDAG.job", "elemId": "job-a", "actionName": "create"}"#;
        let events = format!("[{}]", vec![event; 2000].join(","));
        let m = check_memory(
            events.as_bytes(),
            &census(events.as_bytes()),
            false,
            4 * events.len() as u64,
        );
        // As a whole Value (what the parse builds for an array it does not
        // stream) the same bytes cost more: the parse would refuse to.
        assert!(m.is_ok_and(|m| m.events <= m.budget && m.value > m.budget));
    }

    #[test]
    fn memory_estimate_counts_streamed_entries_not_their_values() {
        let entry = r#""web-obs-bucket-0000": {"phase": "Succeeded", "updateAt": "2024-06-19T16:18:55Z", "subActionName": "rollback", "createAt": "2024-06-19T16:18:53Z"}"#;
        let aos = format!(
            r#"{{"kind":"Execution","metadata":{{"name":"a"}},"status":{{"subObjectStatuses":{{{}}}}}}}"#,
            vec![entry; 10_000].join(",")
        );
        let c = census(aos.as_bytes());
        assert_eq!((c.subs, c.nodes, c.items), (10_000, 0, 0));
        assert!(c.value_tokens < 20 && c.max_entry < 20, "{c:?}");
        let m = estimate(aos.as_bytes(), &census(aos.as_bytes()), false, 0);
        assert!(m.streamed < 4 * aos.len() as u64 && m.value > 8 * aos.len() as u64);
        // Tiny entries each cost an element: refused when they would not fit.
        let tiny = format!(
            r#"{{"status":{{"subObjectStatuses":{{{}"z":0}}}}}}"#,
            r#""a":0,"#.repeat(100_000)
        );
        assert_eq!(census(tiny.as_bytes()).subs, 100_001);
        assert!(
            estimate(tiny.as_bytes(), &census(tiny.as_bytes()), false, 0).streamed
                > 100_000 * SUB_COST
        );
        assert!(check_memory(tiny.as_bytes(), &census(tiny.as_bytes()), false, 16 << 20).is_err());
        // One huge entry is parsed into a Value: counted as such.
        let huge = format!(
            r#"{{"status":{{"subObjectStatuses":{{"a":[{}0]}}}}}}"#,
            "0,".repeat(100_000)
        );
        assert!(census(huge.as_bytes()).max_entry >= 100_000);
        assert!(check_memory(huge.as_bytes(), &census(huge.as_bytes()), false, 4 << 20).is_err());
        // The same outside a streamed part, or under an escaped key, too.
        for text in [
            format!(r#"{{"status":{{"other":[{}0]}}}}"#, "0,".repeat(100_000)),
            tiny.replace("subObjectStatuses", "subObject\\u0053tatuses"),
        ] {
            let c = census(text.as_bytes());
            assert!(c.value_tokens >= 100_000, "{c:?}");
        }
        // GCS nodes and workflow runs' nodes.
        let nodes = r#"{"status":{"actual_node_status":[{"a":1},{"b":2},{"c":3}]}}"#;
        assert_eq!(census(nodes.as_bytes()).nodes, 3);
        let wf = r#"[{"execution_id":"x","execution_result_list":[{"node_id":"a"},{"node_id":"b"}]},{"execution_id":"y"}]"#;
        let c = census(wf.as_bytes());
        assert_eq!((c.items, c.nodes, c.first_item), (2, 2, Some(13)));
        // A top-level array's first item is parsed into a Value whatever the
        // array turns out to be.
        let zeros = "0,".repeat(100_000);
        for text in [
            format!("[[{zeros}0]]"),
            format!(r#"[{{"execution_id":"x","l":[{zeros}0]}}]"#),
        ] {
            let m = estimate(text.as_bytes(), &census(text.as_bytes()), false, 0);
            assert!(
                m.events.min(m.streamed).min(m.value) > 100_000 * VALUE_COST / 2
                    || m.streamed > 100_000 * VALUE_COST,
                "{m:?}"
            );
        }
    }

    fn sizes(text: &str) -> (Vec<usize>, Vec<usize>) {
        let mut sizes = census(text.as_bytes()).sizes;
        sizes.top.reverse();
        sizes.object.reverse();
        (sizes.top, sizes.object)
    }

    #[test]
    fn counts_the_members_of_each_sub_object_statuses() {
        let aos = r#"{"kind":"Execution","status":{"a":{"subObjectStatuses":{"x":1}},
            "subObjectStatuses":{"a:b":{"phase":"x","m":[{"c":1},"d,e"]},"b\"":null, "c" : [1,2]},
            "elementStatuses":{"z":{}}}}"#;
        assert_eq!(sizes(aos), (vec![3], vec![]));
        let gcs = r#"{"object":{"status":{"subObjectStatuses":{}}},"status":{"subObjectStatuses":{"a":1}},
            "status":{"subObjectStatuses":{"a":1,"b":2}},"x":{"status":{"subObjectStatuses":{"q":1}}}}"#;
        assert_eq!(sizes(gcs), (vec![1, 2], vec![0]));
        let mut taken = census(gcs.as_bytes()).sizes;
        let order = [taken.next_top(), taken.next_top(), taken.next_top()];
        assert_eq!(
            (order, taken.next_object(), taken.next_object()),
            ([1, 2, 0], 0, 0)
        );
        // Not objects there, escaped keys, arrays, places deeper than the
        // pass follows and broken text give no counts.
        for text in [
            r#"{"status":{"subObjectStatuses":[1,2]}}"#,
            r#"{"status":["subObjectStatuses",{"a":1}]}"#,
            r#"{"st\u0061tus":{"subObjectStatuses":{"a":1}}}"#,
            r#"[{"status":{"subObjectStatuses":{"a":1}}}]"#,
            r#"{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"status":{"subObjectStatuses":{"a":1}}}}}}}}}}"#,
            r#"{"status":{"subObjectStatuses":{"a":1"#,
            "\"",
            "",
        ] {
            assert_eq!(sizes(text), (vec![], vec![]), "{text}");
        }
        // An array deeper than the pass follows is no top-level array.
        let deep = r#"{"a":{"b":{"c":{"d":{"e":{"f":{"g":[{"x":1},{"y":2}]}}}}}}}"#;
        let c = census(deep.as_bytes());
        assert_eq!(
            (c.items, c.nodes, c.first_item, c.max_entry),
            (0, 0, None, 0)
        );
    }
}
