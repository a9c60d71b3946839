//! `execution-events`: `GET /v1/executions/{execution_id}/events` (seed 003,
//! "查询execution事件").
//!
//! Reads an array of {involvedObject.name, reason, message, firstTimestamp,
//! lastTimestamp, count, type, elemType, elemId, actionName}; metadata is shown raw
//! only. reason ("中文##English") and message ("中文 ## English") are kept raw and split.
//!
//! Event lists are the large payloads (10⁵–10⁶ events), so they are read in one
//! pass straight from the bytes: each event is deserialized into its used members
//! (see `de`: no `serde_json::Value`, no copy of unescaped strings)
//! and folded into per-element accumulators; the normalized [`Event`] list is
//! built only when asked for (`events()`).
//!
//! Decisions (documented in docs/reference.md#timelines):
//! - An event is a failure when type is Warning or its English reason contains
//!   `Fail` or `Error`; else a start when the reason ends in `Start`; else a
//!   success when it contains `Success` or `Finish`; else "other".
//! - An element's phase is that of its latest start/success/failure event
//!   (by firstTimestamp, payload order breaking ties); "other" events do not change it.
//! - Spans run from a start event's firstTimestamp to the next success or failure
//!   event's; a finish with no start before it gets an inferred start. A second
//!   start while a span is open is a marker, not a new span.
//! - Markers: every event whose count is above 1, every failure, every "other" event.
//! - Events without elemId belong to the run: they become run-level markers.
//! - An element's type and action are the first elemType / actionName it has.

use super::de::{members, time, Field, ObjectOr, TimeOf};
use super::read::Detail;
use super::scan::{Scalar, Scan, Utf8};
use crate::bilingual;
use crate::error::WarningCode;
use crate::model::{Element, ElementSpan, Event, Marker, MarkerKind, Run};
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::Reader;
use serde::de::SeqAccess;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;

/// True when the array's first object looks like an execution event: it has
/// two of `reason`, `firstTimestamp`, `elemId` and `involvedObject` (read as
/// the fast path reads its first item, see `RawEvent::looks_like_an_event`).
pub fn matches(items: &[Value]) -> bool {
    matches!(items.first().map(Item::of), Some(ObjectOr::Object(e)) if e.looks_like_an_event())
}

/// Classifies an event from its type and English reason.
pub fn classify(event_type: Option<&str>, reason_en: &str) -> MarkerKind {
    classify_bytes(event_type.map(str::as_bytes), reason_en.as_bytes())
}

/// [`classify`] on the texts' bytes.
fn classify_bytes(event_type: Option<&[u8]>, reason_en: &[u8]) -> MarkerKind {
    if event_type.is_some_and(|t| t.eq_ignore_ascii_case(b"warning"))
        || has(reason_en, b"Fail")
        || has(reason_en, b"Error")
    {
        MarkerKind::Failure
    } else if reason_en.ends_with(b"Start") {
        MarkerKind::Start
    } else if has(reason_en, b"Success") || has(reason_en, b"Finish") {
        MarkerKind::Success
    } else {
        MarkerKind::Other
    }
}

/// `hay.contains(needle)`, for the short texts of one event: `str`'s
/// two-way searcher costs more to set up than such a text takes to scan
/// (measured in wasm, issue 12).
fn has(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    hay.windows(needle.len())
        .any(|w| w.first() == Some(&first) && w == needle)
}

/// `raw.split_once("##")`, found by its first `#` (see [`has`]).
fn split_hashes(raw: &str) -> Option<(&str, &str)> {
    let at = hashes(raw.as_bytes())?;
    Some((raw.get(..at)?, raw.get(at + 2..)?))
}

/// What follows the first `##` of a text's bytes.
fn split_hashes_bytes(raw: &[u8]) -> Option<&[u8]> {
    raw.get(hashes(raw)? + 2..)
}

/// Where the first `##` starts.
fn hashes(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = bytes.get(from..)?.iter().position(|&b| b == b'#') {
        let at = from + i;
        if bytes.get(at + 1) == Some(&b'#') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn kind_phase(kind: MarkerKind) -> Phase {
    match kind {
        MarkerKind::Start => Phase::Running,
        MarkerKind::Success => Phase::Succeeded,
        MarkerKind::Failure => Phase::Failed,
        MarkerKind::Other => Phase::Unknown,
    }
}

members! {
    /// An event's members the reader uses.
    struct RawEvent<'a> {
        reason = "reason", message = "message", event_type = "type", first = "firstTimestamp",
        last = "lastTimestamp", count = "count", elem_type = "elemType", elem_id = "elemId",
        action = "actionName", involved = "involvedObject" as ObjectOr<'a, Involved<'a>>,
    }

    /// `involvedObject`'s members the reader uses.
    struct Involved<'a> {
        name = "name",
    }
}

/// One array item: an event object's members, or something else to report.
type Item<'a> = ObjectOr<'a, RawEvent<'a>>;

impl RawEvent<'_> {
    /// Whether it has two of the members detection looks for (present, with
    /// any value): [`matches()`] on a `Value`, the fast path on the bytes.
    fn looks_like_an_event(&self) -> bool {
        let seen = [
            self.reason.is_some(),
            self.first.is_some(),
            self.elem_id.is_some(),
            self.involved.is_some(),
        ];
        seen.into_iter().filter(|&s| s).count() >= 2
    }
}

/// An event's used members as [`Builder::push`] reads them, each an `F`: a
/// [`Field`] (serde_json's path, from [`RawEvent`]) or a [`Scalar`] (the
/// scanner's: an event then takes a few words to move, not a `Value` a
/// member), made a [`Field`] where it is read.
struct EventOf<F> {
    reason: Option<F>,
    message: Option<F>,
    event_type: Option<F>,
    first: Option<TimeOf<F>>,
    last: Option<TimeOf<F>>,
    count: Option<F>,
    elem_type: Option<F>,
    elem_id: Option<F>,
    action: Option<F>,
    involved: Option<InvolvedOf<F>>,
}

impl<F> EventOf<F> {
    fn empty() -> Self {
        EventOf {
            reason: None,
            message: None,
            event_type: None,
            first: None,
            last: None,
            count: None,
            elem_type: None,
            elem_id: None,
            action: None,
            involved: None,
        }
    }
}

/// `involvedObject`: an object's `name`, or any other value.
enum InvolvedOf<F> {
    Object(Option<F>),
    Other(F),
}

/// A string member's text: as the scanner took it (made a `&str` only where
/// it is used as text, see [`Utf8`]) or as serde_json read it. Compared and
/// hashed by its bytes.
#[derive(Clone, Debug)]
enum Text<'a> {
    Utf8(Utf8<'a>),
    Str(Cow<'a, str>),
}

impl<'a> Text<'a> {
    const EMPTY: Text<'static> = Text::Str(Cow::Borrowed(""));

    fn bytes(&self) -> &[u8] {
        match self {
            Text::Utf8(t) => t.bytes(),
            Text::Str(s) => s.as_bytes(),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Text::Utf8(t) => t.as_str(),
            Text::Str(s) => s,
        }
    }

    fn into_cow(self) -> Cow<'a, str> {
        match self {
            Text::Utf8(t) => Cow::Borrowed(t.as_str()),
            Text::Str(s) => s,
        }
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes() == other.bytes()
    }
}

impl Eq for Text<'_> {}

impl std::hash::Hash for Text<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.bytes().hash(state);
    }
}

/// A used member's value: a [`Field`] (serde_json's path) or a [`Scalar`]
/// (the scanner's).
trait Member<'a>: Into<Field<'a>> + Sized {
    /// A string's text, else the member itself (small to return: not made
    /// a `Value` unless it has to be reported, see [`Builder::string`]).
    fn text(self) -> Result<Text<'a>, Self>;

    /// A number written as digits alone (what `Value::from(u64)` holds),
    /// read without making a `Value`.
    fn small(&self) -> Option<u64> {
        None
    }
}

impl<'a> Member<'a> for Field<'a> {
    fn text(self) -> Result<Text<'a>, Self> {
        match self {
            Field::Str(s) => Ok(Text::Str(s)),
            other => Err(other),
        }
    }
}

impl<'a> Member<'a> for Scalar<'a> {
    #[inline]
    fn text(self) -> Result<Text<'a>, Self> {
        match self {
            Scalar::Text(t) => Ok(Text::Utf8(t)),
            Scalar::Str(s) => Ok(Text::Str(s)),
            other => Err(other),
        }
    }

    fn small(&self) -> Option<u64> {
        match self {
            Scalar::U64(n) => Some(*n),
            _ => None,
        }
    }
}

impl<'a> From<RawEvent<'a>> for EventOf<Field<'a>> {
    fn from(e: RawEvent<'a>) -> Self {
        EventOf {
            reason: e.reason,
            message: e.message,
            event_type: e.event_type,
            first: e.first.map(TimeOf::Member),
            last: e.last.map(TimeOf::Member),
            count: e.count,
            elem_type: e.elem_type,
            elem_id: e.elem_id,
            action: e.action,
            involved: e.involved.map(|i| match i {
                ObjectOr::Object(Involved { name }) => InvolvedOf::Object(name),
                ObjectOr::Other(v) => InvolvedOf::Other(v),
            }),
        }
    }
}

/// One event as the element accumulator keeps it (strings borrowed from the input).
#[derive(Debug)]
struct Ev<'a> {
    at: Option<i64>,
    last: Option<i64>,
    seq: usize,
    kind: MarkerKind,
    count: u64,
    reason: Cow<'a, str>,
    message: Cow<'a, str>,
}

#[derive(Debug)]
struct Acc<'a> {
    id: Text<'a>,
    kind: Option<Cow<'a, str>>,
    action: Option<Cow<'a, str>>,
    /// Every event (not for [`Detail::Summary`]).
    evs: Vec<Ev<'a>>,
    /// For [`Detail::Summary`], folded as the events come: the latest
    /// start/success/failure event (the one `build_element` would find last
    /// after sorting by time and payload order), ...
    latest: Option<Latest<'a>>,
    /// ... the latest failure's time, and the last update.
    failed_at: Option<i64>,
    updated_at: Option<i64>,
}

/// The event that decides an element's phase, as [`Detail::Summary`] keeps it.
#[derive(Debug)]
struct Latest<'a> {
    at: Option<i64>,
    kind: MarkerKind,
    reason: Text<'a>,
    message: Text<'a>,
}

/// Folds events, one at a time, into the run.
pub struct Builder<'a> {
    r: Reader,
    detail: Detail,
    run_id: Option<Cow<'a, str>>,
    mixed_warned: bool,
    action: Option<Cow<'a, str>>,
    index: HashMap<Text<'a>, usize, foldhash::fast::RandomState>,
    elems: Vec<Acc<'a>>,
    events: Vec<Event>,
    event_count: usize,
    run_markers: Vec<Marker>,
    first_min: Option<i64>,
    time_max: Option<i64>,
}

fn opt_min(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn opt_max(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

impl<'a> Builder<'a> {
    /// A builder whose warnings continue `r`'s, building what `detail` says.
    pub fn new(r: Reader, detail: Detail) -> Self {
        Builder {
            r,
            detail,
            run_id: None,
            mixed_warned: false,
            action: None,
            index: HashMap::default(),
            elems: Vec::new(),
            events: Vec::new(),
            event_count: 0,
            run_markers: Vec::new(),
            first_min: None,
            time_max: None,
        }
    }

    #[inline]
    fn string<F: Member<'a>>(&mut self, f: Option<F>, path: &Path<'_>) -> Option<Text<'a>> {
        match f?.text() {
            Ok(t) => Some(t),
            Err(other) => {
                self.not_text(other.into(), path);
                None
            }
        }
    }

    /// `count` as `Reader::count_value` reads it, 1 when absent or refused.
    fn count(&mut self, f: Field<'a>, path: &Path<'_>) -> u64 {
        let v = match f {
            Field::Other(Value::Null) => return 1,
            Field::Other(v) => v,
            Field::Str(s) => Value::String(s.into_owned()),
        };
        self.r
            .count_value(&v, path, u64::from(u32::MAX))
            .unwrap_or(1)
    }

    /// A string member that is not a string: warned about as
    /// `Reader::string_value` does (null is absent, no warning).
    #[cold]
    fn not_text(&mut self, f: Field<'a>, path: &Path<'_>) {
        self.r.string_value(&f.into_value(), path);
    }

    fn push_item(&mut self, i: usize, item: Item<'a>) {
        let p = Path::ROOT.index(i);
        match item {
            ObjectOr::Object(e) => self.push(i, EventOf::from(e), &p),
            ObjectOr::Other(v) => self.r.warn(
                WarningCode::WrongType,
                &p,
                format!("expected an event object, found {}; ignored", v.describe()),
            ),
        }
    }

    fn push<F: Member<'a>>(&mut self, i: usize, e: EventOf<F>, p: &Path<'_>) {
        let reason = self
            .string(e.reason, &p.key("reason"))
            .unwrap_or(Text::EMPTY);
        let message = self
            .string(e.message, &p.key("message"))
            .unwrap_or(Text::EMPTY);
        let event_type = self.string(e.event_type, &p.key("type"));
        let first = time(&mut self.r, e.first, p, "firstTimestamp");
        let last = time(&mut self.r, e.last, p, "lastTimestamp");
        let last = self.r.ordered(first, last, &p.key("lastTimestamp"));
        let count = match e.count {
            None => 1,
            Some(c) => match c.small().filter(|&n| n <= u64::from(u32::MAX)) {
                Some(n) => n,
                None => self.count(c.into(), &p.key("count")),
            },
        };
        // An empty elemId names no element: the event belongs to the run.
        let element = self
            .string(e.elem_id, &p.key("elemId"))
            .filter(|id| !id.bytes().is_empty());
        let elem_type = self.string(e.elem_type, &p.key("elemType"));
        let action = self.string(e.action, &p.key("actionName"));
        let io_path = p.key("involvedObject");
        match e.involved {
            Some(InvolvedOf::Object(name)) => {
                if let Some(name) = self.string(name, &io_path.key("name")) {
                    match &self.run_id {
                        None => self.run_id = Some(name.into_cow()),
                        Some(id) if id.as_bytes() != name.bytes() && !self.mixed_warned => {
                            self.mixed_warned = true;
                            let message = format!(
                                "expected every event to belong to {}, found {}; all events are shown as one run",
                                crate::reader::quote(id),
                                crate::reader::quote(name.as_str())
                            );
                            self.r
                                .warn(WarningCode::MixedRuns, &io_path.key("name"), message);
                        }
                        Some(_) => {}
                    }
                }
            }
            Some(InvolvedOf::Other(v)) => {
                let v: Field<'a> = v.into();
                if !v.is_null() {
                    self.r.warn(
                        WarningCode::WrongType,
                        &io_path,
                        format!("expected an object, found {}; ignored", v.describe()),
                    );
                }
            }
            None => {}
        }
        if self.action.is_none() {
            self.action = action.clone().map(Text::into_cow);
        }
        let kind = match english_bytes(reason.bytes()) {
            Some(en) => classify_bytes(event_type.as_ref().map(Text::bytes), en),
            None => classify_bytes(
                event_type.as_ref().map(Text::bytes),
                english(reason.as_str()).as_bytes(),
            ),
        };
        let at = first.or(last);
        self.first_min = opt_min(self.first_min, first);
        self.time_max = opt_max(self.time_max, opt_max(first, last));
        self.event_count += 1;
        if self.detail == Detail::Events {
            self.events.push(Event {
                element: element.as_ref().map(|t| t.as_str().to_owned()),
                elem_type: elem_type.as_ref().map(|t| t.as_str().to_owned()),
                event_type: event_type.as_ref().map(|t| t.as_str().to_owned()),
                reason: bilingual::split(reason.as_str()),
                message: bilingual::split(message.as_str()),
                first_timestamp: first,
                last_timestamp: last,
                count,
                action: action.as_ref().map(|t| t.as_str().to_owned()),
                kind,
                phase: kind_phase(kind),
            });
        }
        let Some(element) = element else {
            if let (Some(at), false) = (at, self.detail == Detail::Summary) {
                self.run_markers.push(Marker {
                    at,
                    kind,
                    text: english(reason.as_str()).to_string(),
                    count,
                });
            }
            return;
        };
        let slot = match self.index.get(&element) {
            Some(&slot) => slot,
            None => {
                let slot = self.elems.len();
                self.index.insert(element.clone(), slot);
                self.elems.push(Acc {
                    id: element,
                    kind: None,
                    action: None,
                    evs: Vec::new(),
                    latest: None,
                    failed_at: None,
                    updated_at: None,
                });
                slot
            }
        };
        if let Some(acc) = self.elems.get_mut(slot) {
            if self.detail == Detail::Summary {
                // Sorted by (time, payload order), this event comes after
                // every earlier one whose time is not later.
                if kind != MarkerKind::Other && acc.latest.as_ref().is_none_or(|l| l.at <= at) {
                    acc.latest = Some(Latest {
                        at,
                        kind,
                        reason,
                        message,
                    });
                }
                if kind == MarkerKind::Failure && at.is_some() {
                    acc.failed_at = opt_max(acc.failed_at, at);
                }
                acc.updated_at = opt_max(acc.updated_at, opt_max(at, last));
                return;
            }
            if acc.kind.is_none() {
                acc.kind = elem_type.map(Text::into_cow);
            }
            if acc.action.is_none() {
                acc.action = action.map(Text::into_cow);
            }
            acc.evs.push(Ev {
                at,
                last,
                seq: i,
                kind,
                count,
                reason: reason.into_cow(),
                message: message.into_cow(),
            });
        }
    }

    /// The run, and the reader with every warning.
    pub fn finish(self) -> (Run, Reader) {
        let mut run = Run {
            id: self.run_id.map(Cow::into_owned).unwrap_or_default(),
            action: self.action.map(Cow::into_owned),
            started_at: self.first_min,
            updated_at: self.time_max,
            ended_at: self.time_max,
            events: self.events,
            run_markers: self.run_markers,
            ..Run::default()
        };
        run.elements = if self.detail == Detail::Summary {
            self.elems.into_iter().map(summary_element).collect()
        } else {
            self.elems.into_iter().map(build_element).collect()
        };
        run.event_count = self.event_count;
        run.keys = vec![run.id.clone()];
        (run, self.r)
    }
}

/// The English half of a bilingual text, else the whole (trimmed) text.
fn english(raw: &str) -> &str {
    match split_hashes(raw) {
        Some((_, en)) if !en.trim().is_empty() => en.trim(),
        _ => raw,
    }
}

/// [`english`] on a text's bytes, when it can be told without making the
/// text a `&str`: `None` when trimming would have to look at a character
/// that is not ASCII (it may be Unicode white space).
fn english_bytes(raw: &[u8]) -> Option<&[u8]> {
    // `char::is_whitespace` on ASCII (`u8::is_ascii_whitespace` leaves out
    // the vertical tab).
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let Some(en) = split_hashes_bytes(raw) else {
        return Some(raw);
    };
    let Some(start) = en.iter().position(|b| !space(b)) else {
        // Only ASCII white space: trimmed empty.
        return Some(raw);
    };
    let end = en.iter().rposition(|b| !space(b))?;
    if en.get(start)? >= &0x80 || en.get(end)? >= &0x80 {
        return None;
    }
    en.get(start..=end)
}

/// Cuts spans, markers and the phase of one element from its events.
fn build_element(mut acc: Acc<'_>) -> Element {
    acc.evs.sort_by_key(|e| (e.at, e.seq));
    let mut element = Element {
        id: acc.id.into_cow().into_owned(),
        kind: acc.kind.map(Cow::into_owned),
        action: acc.action.map(Cow::into_owned),
        ..Element::default()
    };
    let mut open: Option<i64> = None;
    let mut latest: Option<&Ev<'_>> = None;
    for event in &acc.evs {
        let Some(at) = event.at else {
            // No time at all: it still sets the phase, but cannot be placed.
            if event.kind != MarkerKind::Other {
                latest = Some(event);
            }
            continue;
        };
        let as_marker = event.count > 1
            || matches!(event.kind, MarkerKind::Failure | MarkerKind::Other)
            || (event.kind == MarkerKind::Start && open.is_some());
        if as_marker {
            element.markers.push(Marker {
                at,
                kind: event.kind,
                text: english(&event.reason).to_string(),
                count: event.count,
            });
        }
        match event.kind {
            MarkerKind::Start => {
                if open.is_none() {
                    open = Some(at);
                }
            }
            MarkerKind::Success | MarkerKind::Failure => {
                element.spans.push(ElementSpan {
                    start: open.take(),
                    end: Some(at),
                    phase: kind_phase(event.kind),
                });
                if event.kind == MarkerKind::Failure {
                    element.failed_at = Some(at);
                }
            }
            MarkerKind::Other => {}
        }
        if event.kind != MarkerKind::Other {
            latest = Some(event);
        }
    }
    element.updated_at = acc
        .evs
        .iter()
        .map(|e| opt_max(e.at, e.last))
        .max()
        .flatten();
    if let Some(event) = latest {
        element.phase = kind_phase(event.kind);
        element.reason = Some(event.reason.clone().into_owned());
        element.message = Some(event.message.clone().into_owned());
    }
    element.close_event_spans(open);
    element
}

/// An element as [`Detail::Summary`] builds it: what `build_element` gives
/// for its phase and last update, and, when it failed, its id, failure time,
/// reason and message; nothing else (the summary reads no more).
fn summary_element(acc: Acc<'_>) -> Element {
    let mut element = Element {
        updated_at: acc.updated_at,
        ..Element::default()
    };
    if let Some(latest) = acc.latest {
        element.phase = kind_phase(latest.kind);
        if element.phase == Phase::Failed {
            element.id = acc.id.into_cow().into_owned();
            element.failed_at = acc.failed_at;
            element.reason = Some(latest.reason.into_cow().into_owned());
            element.message = Some(latest.message.into_cow().into_owned());
        }
    }
    element
}

/// Reads an event list while it is parsed: `first` is the item already parsed
/// into a `Value` (for detection), read by the same reader, `seq` the rest,
/// each item read straight from the bytes.
pub fn stream<'de, A: SeqAccess<'de>>(
    first: Option<Value>,
    mut seq: A,
    keep_events: bool,
) -> Result<(Run, Reader), A::Error> {
    let mut r = Reader::new();
    if first.is_none() {
        r.warn(
            WarningCode::EmptyPayload,
            &Path::ROOT,
            "expected at least one event, found an empty array".into(),
        );
    }
    let mut b = Builder::new(r, Detail::of(keep_events));
    if let Some(first) = first {
        b.push_item(0, ObjectOr::owned(first));
    }
    let mut i = 1;
    while let Some(item) = seq.next_element::<Item<'de>>()? {
        b.push_item(i, item);
        i += 1;
    }
    Ok(b.finish())
}

/// The fast path (see `scan`): an event list read from the bytes where they
/// lie, each event's used members taken as they are, every other member
/// skipped without building anything, and folded by the same [`Builder`].
/// `None` (then `read.rs` reads the bytes through serde_json, which gives the
/// same result or today's exact error) on anything the scanner does not read
/// exactly as serde_json would, and on anything but a non-empty array of
/// objects whose first looks like an event (or any, when `forced`): an
/// empty list, an item or `involvedObject` of another type, an array or
/// object where a used member's scalar is expected.
pub fn fast(bytes: &[u8], forced: bool, keep_events: bool) -> Option<(Run, Reader)> {
    fast_as(bytes, forced, Detail::of(keep_events))
}

/// [`fast`], building what `detail` says.
pub(super) fn fast_as(bytes: &[u8], forced: bool, detail: Detail) -> Option<(Run, Reader)> {
    let mut s = Scan::new(bytes);
    if s.peek()? != b'[' {
        return None;
    }
    let mut b = Builder::new(Reader::new(), detail);
    // Room for an element per kilobyte (events take about half of one), so
    // that the index is rarely rehashed (which hashes every name again).
    b.index.reserve((bytes.len() / 1024).min(1 << 20));
    s.array(|s, i| {
        let (event, seen) = fast_event(s)?;
        if i == 0 && !forced && seen.count_ones() < 2 {
            return None;
        }
        b.push(i, event, &Path::ROOT.index(i));
        Some(())
    })?;
    s.end()?;
    (b.event_count > 0).then(|| b.finish())
}

/// Which of an event's used members a key names.
#[derive(Clone, Copy)]
enum Slot {
    Reason,
    Message,
    Type,
    First,
    Last,
    Count,
    ElemType,
    ElemId,
    Action,
    Involved,
    Other,
}

impl Slot {
    /// The member at the cursor's key, its key consumed: the keys written
    /// as is matched where they lie (length and words, see
    /// [`Scan::literal_key`]), any other read and compared as
    /// [`Scan::object`] gives it.
    fn key(s: &mut Scan<'_>) -> Option<Slot> {
        let known = match s.key_start()? {
            b'r' if s.literal_key(b"\"reason\"") => Some(Slot::Reason),
            b'm' if s.literal_key(b"\"message\"") => Some(Slot::Message),
            b'm' if s.literal_key(b"\"metadata\"") => Some(Slot::Other),
            b't' if s.literal_key(b"\"type\"") => Some(Slot::Type),
            b'f' if s.literal_key(b"\"firstTimestamp\"") => Some(Slot::First),
            b'l' if s.literal_key(b"\"lastTimestamp\"") => Some(Slot::Last),
            b'c' if s.literal_key(b"\"count\"") => Some(Slot::Count),
            b'e' if s.literal_key(b"\"elemType\"") => Some(Slot::ElemType),
            b'e' if s.literal_key(b"\"elemId\"") => Some(Slot::ElemId),
            b'a' if s.literal_key(b"\"actionName\"") => Some(Slot::Action),
            b'i' if s.literal_key(b"\"involvedObject\"") => Some(Slot::Involved),
            _ => None,
        };
        if known.is_some() {
            return known;
        }
        Some(match &*s.key()? {
            b"reason" => Slot::Reason,
            b"message" => Slot::Message,
            b"type" => Slot::Type,
            b"firstTimestamp" => Slot::First,
            b"lastTimestamp" => Slot::Last,
            b"count" => Slot::Count,
            b"elemType" => Slot::ElemType,
            b"elemId" => Slot::ElemId,
            b"actionName" => Slot::Action,
            b"involvedObject" => Slot::Involved,
            _ => Slot::Other,
        })
    }
}

/// One event object (array item, depth 1); with which of the members
/// [`matches`] looks for it has, one bit each. Read as [`Scan::object`]
/// reads an object, the keys matched by [`Slot::key`].
fn fast_event<'a>(s: &mut Scan<'a>) -> Option<(EventOf<Scalar<'a>>, u8)> {
    let mut e = EventOf::empty();
    let mut seen = 0u8;
    s.eat(b'{')?;
    if s.eat(b'}').is_some() {
        return Some((e, seen));
    }
    loop {
        let slot = Slot::key(s)?;
        s.eat(b':')?;
        match slot {
            Slot::Reason => {
                seen |= 1;
                e.reason = Some(s.scalar()?);
            }
            Slot::First => {
                seen |= 2;
                e.first = Some(fast_time(s)?);
            }
            Slot::ElemId => {
                seen |= 4;
                e.elem_id = Some(s.scalar()?);
            }
            Slot::Involved => {
                seen |= 8;
                e.involved = Some(fast_involved(s)?);
            }
            Slot::Message => e.message = Some(s.scalar()?),
            Slot::Type => e.event_type = Some(s.scalar()?),
            Slot::Last => e.last = Some(fast_time(s)?),
            Slot::Count => e.count = Some(s.scalar()?),
            Slot::ElemType => e.elem_type = Some(s.scalar()?),
            Slot::Action => e.action = Some(s.scalar()?),
            Slot::Other => s.skip(2)?,
        }
        if s.eat(b',').is_none() {
            s.eat(b'}')?;
            return Some((e, seen));
        }
    }
}

/// A time member: read where it lies when [`Scan::time`] reads it, else
/// taken as any other member.
fn fast_time<'a>(s: &mut Scan<'a>) -> Option<TimeOf<Scalar<'a>>> {
    Some(match s.time() {
        Some(ms) => TimeOf::Millis(ms),
        None => TimeOf::Member(s.scalar()?),
    })
}

/// `involvedObject` (depth 2): an object's `name`, or a scalar.
fn fast_involved<'a>(s: &mut Scan<'a>) -> Option<InvolvedOf<Scalar<'a>>> {
    match s.peek()? {
        b'{' => {
            let mut name = None;
            s.eat(b'{')?;
            if s.eat(b'}').is_some() {
                return Some(InvolvedOf::Object(name));
            }
            loop {
                // As `Slot::key`: `name` matched where it lies, else compared.
                let is_name = match s.key_start()? {
                    b'n' if s.literal_key(b"\"name\"") => true,
                    b'n' if s.literal_key(b"\"namespace\"") => false,
                    _ => &*s.key()? == b"name",
                };
                s.eat(b':')?;
                if is_name {
                    name = Some(s.scalar()?);
                } else {
                    s.skip(3)?;
                }
                if s.eat(b',').is_none() {
                    s.eat(b'}')?;
                    return Some(InvolvedOf::Object(name));
                }
            }
        }
        b'[' => None,
        _ => Some(InvolvedOf::Other(s.scalar()?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path's key matching ([`Slot::key`], written out for speed)
    /// knows exactly [`RawEvent`]'s members, written as is or escaped.
    #[test]
    fn the_fast_keys_are_raw_event_s_members() {
        let slot = |text: &str| {
            let mut s = Scan::new(text.as_bytes());
            s.eat(b'{')?;
            Slot::key(&mut s)
        };
        for key in RawEvent::KEYS {
            for text in [
                format!("{{\"{key}\":1}}"),
                format!("{{\"\\u{:04x}{}\":1}}", key.as_bytes()[0], &key[1..]),
            ] {
                assert!(!matches!(slot(&text), Some(Slot::Other) | None), "{text}");
            }
        }
        for other in ["metadata", "reasons", "Reason", "name", "elemid", ""] {
            assert!(
                matches!(slot(&format!("{{\"{other}\":1}}")), Some(Slot::Other)),
                "{other}"
            );
        }
        assert_eq!(RawEvent::KEYS.len(), 10);
    }

    /// Two of the four members, present with any value (null, another
    /// type), as `contains_key` would count them.
    #[test]
    fn matches_counts_the_members_present() {
        let first = |text: &str| -> Vec<Value> {
            serde_json::from_str(text).unwrap_or_else(|e| unreachable!("{e}"))
        };
        for (text, event) in [
            (r#"[{"reason": null, "elemId": 1}]"#, true),
            (r#"[{"involvedObject": [1], "firstTimestamp": {}}]"#, true),
            (r#"[{"re\u0061son": "a", "elemId": "b", "x": [[1]]}]"#, true),
            (
                r#"[{"reason": "a", "message": "m", "type": "Normal"}]"#,
                false,
            ),
            (r#"[{"execution_id": "e", "reason": "r"}]"#, false),
            (r#"[3, {"reason": "a", "elemId": "b"}]"#, false),
            ("[[]]", false),
            ("[]", false),
        ] {
            assert_eq!(matches(&first(text)), event, "{text}");
        }
    }

    #[test]
    fn has_and_split_hashes_are_contains_and_split_once() {
        let texts = [
            "",
            "#",
            "##",
            "###",
            "a#b##c",
            "启动##ActionStart",
            "a # b ## c ## d",
            "Fai",
            "xFail",
            "FailFail",
            "执行失败##ActionFailed",
            "SuccessfulFinish",
            "Erro",
            "中Error文",
        ];
        for t in texts {
            assert_eq!(split_hashes(t), t.split_once("##"), "{t:?}");
            for needle in ["Fail", "Error", "Success", "Finish", "#", ""] {
                assert_eq!(
                    has(t.as_bytes(), needle.as_bytes()),
                    t.contains(needle),
                    "{t:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn english_bytes_is_english_or_gives_up() {
        let texts = [
            "",
            "##",
            "a##",
            "##b",
            "启动##ActionStart",
            "启动## ActionStart ",
            "启动##\tActionStart\x0B",
            "启动##\x0B\x0C\r\n ",
            "启动##\u{3000}ActionStart",
            "启动##ActionStart\u{a0}",
            "启动##\u{85}",
            "启动## 失败 ",
            "启动## x失败y ",
            "a # b ## c ## d",
            "no hashes at all ",
        ];
        for t in texts {
            let want = english(t);
            match english_bytes(t.as_bytes()) {
                Some(got) => assert_eq!(got, want.as_bytes(), "{t:?}"),
                // Only where a character that is not ASCII lies at an end.
                None => {
                    let en = t
                        .split_once("##")
                        .map(|(_, en)| en.trim_matches([' ', '\t', '\n', '\x0B', '\x0C', '\r']));
                    let ends = en.and_then(|en| en.chars().next().zip(en.chars().last()));
                    assert!(
                        ends.is_some_and(|(a, z)| !a.is_ascii() || !z.is_ascii()),
                        "{t:?}"
                    );
                }
            }
            for event_type in [None, Some("Warning"), Some("normal")] {
                assert_eq!(
                    classify_bytes(event_type.map(str::as_bytes), english(t).as_bytes()),
                    classify(event_type, english(t)),
                );
            }
        }
    }
}
