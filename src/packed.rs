//! Events packed for the page: one slice of an event list as columns, so the
//! JS boundary hands over a few typed arrays and string tables instead of an
//! object per event (`Payload.eventsPacked`, the page's events table).
//!
//! The layout is `PackedEvents` in www/js/types.d.ts, which www/js/engine/pack.js
//! `unpack` reads: per event an index into `strings` (or −1 for none) for the
//! element, its type, the event type, the action, the kind and the phase; an
//! index into `reasons` (each distinct reason once per slice, split); the
//! timestamps and count as numbers (NaN for none); the message split, as three
//! parallel lists. Repeated texts (elements, types, reasons) cross the boundary
//! once per slice.

use crate::model::{Bilingual, Event};
use std::collections::HashMap;

/// One slice of events, packed (see the module doc). Borrows from the events.
#[derive(Debug, Default, PartialEq)]
pub struct PackedEvents<'a> {
    /// Events in the whole list.
    pub total: usize,
    /// Distinct short texts of the slice.
    pub strings: Vec<&'a str>,
    /// Distinct reasons of the slice.
    pub reasons: Vec<&'a Bilingual>,
    /// Per event: element, elemType, type, action, kind, phase (indices into
    /// `strings`, −1 for none) and reason (index into `reasons`).
    pub element: Vec<i32>,
    /// See `element`.
    pub elem_type: Vec<i32>,
    /// See `element`.
    pub event_type: Vec<i32>,
    /// See `element`.
    pub action: Vec<i32>,
    /// See `element`.
    pub kind: Vec<i32>,
    /// See `element`.
    pub phase: Vec<i32>,
    /// See `element`.
    pub reason: Vec<i32>,
    /// firstTimestamp, epoch ms (NaN for none).
    pub first: Vec<f64>,
    /// lastTimestamp, epoch ms (NaN for none).
    pub last: Vec<f64>,
    /// count.
    pub count: Vec<f64>,
    /// The messages.
    pub messages: Vec<&'a Bilingual>,
}

/// Interns the short texts of a slice.
#[derive(Default)]
struct Table<'a, T: ?Sized> {
    items: Vec<&'a T>,
    index: HashMap<&'a str, i32>,
}

impl<'a, T: ?Sized> Table<'a, T> {
    fn with_capacity(n: usize) -> Self {
        Table {
            items: Vec::new(),
            index: HashMap::with_capacity(n),
        }
    }

    fn add(&mut self, key: &'a str, item: &'a T) -> i32 {
        let next = i32::try_from(self.items.len()).unwrap_or(i32::MAX);
        *self.index.entry(key).or_insert_with(|| {
            self.items.push(item);
            next
        })
    }
}

impl<'a> Table<'a, str> {
    /// The index of `s`, or −1 for none.
    fn text(&mut self, s: Option<&'a str>) -> i32 {
        s.map_or(-1, |s| self.add(s, s))
    }
}

/// Events `from..from + count` of `events` (clamped to the list), packed.
pub fn pack(events: &[Event], from: usize, count: usize) -> PackedEvents<'_> {
    let slice = events.get(from..).unwrap_or_default();
    let slice = slice.get(..count).unwrap_or(slice);
    let n = slice.len();
    let mut strings: Table<'_, str> = Table::with_capacity(64);
    let mut reasons: Table<'_, Bilingual> = Table::with_capacity(64);
    let mut p = PackedEvents {
        total: events.len(),
        element: Vec::with_capacity(n),
        elem_type: Vec::with_capacity(n),
        event_type: Vec::with_capacity(n),
        action: Vec::with_capacity(n),
        kind: Vec::with_capacity(n),
        phase: Vec::with_capacity(n),
        reason: Vec::with_capacity(n),
        first: Vec::with_capacity(n),
        last: Vec::with_capacity(n),
        count: Vec::with_capacity(n),
        messages: Vec::with_capacity(n),
        ..PackedEvents::default()
    };
    let ms = |t: Option<i64>| t.map_or(f64::NAN, |t| t as f64);
    for e in slice {
        p.element.push(strings.text(e.element.as_deref()));
        p.elem_type.push(strings.text(e.elem_type.as_deref()));
        p.event_type.push(strings.text(e.event_type.as_deref()));
        p.action.push(strings.text(e.action.as_deref()));
        p.kind.push(strings.text(Some(e.kind.as_str())));
        p.phase.push(strings.text(Some(e.phase.as_str())));
        p.reason.push(reasons.add(&e.reason.raw, &e.reason));
        p.first.push(ms(e.first_timestamp));
        p.last.push(ms(e.last_timestamp));
        p.count.push(e.count as f64);
        p.messages.push(&e.message);
    }
    p.strings = strings.items;
    p.reasons = reasons.items;
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{events, Options};

    const EVENTS: &[u8] = include_bytes!("../samples/aos-upgrade-failed-events.json");

    #[test]
    fn a_slice_reads_back_as_the_events() {
        let all = events(EVENTS, &Options::default()).unwrap();
        assert!(all.len() > 4);
        let p = pack(&all, 2, 3);
        assert_eq!(
            (p.total, p.element.len(), p.messages.len()),
            (all.len(), 3, 3)
        );
        let text = |k: i32| usize::try_from(k).ok().map(|k| p.strings[k]);
        for (i, e) in all[2..5].iter().enumerate() {
            assert_eq!(text(p.element[i]), e.element.as_deref());
            assert_eq!(text(p.elem_type[i]), e.elem_type.as_deref());
            assert_eq!(text(p.event_type[i]), e.event_type.as_deref());
            assert_eq!(text(p.action[i]), e.action.as_deref());
            assert_eq!(text(p.kind[i]), Some(e.kind.as_str()));
            assert_eq!(text(p.phase[i]), Some(e.phase.as_str()));
            assert_eq!(p.reasons[p.reason[i] as usize], &e.reason);
            assert_eq!(p.messages[i], &e.message);
            let ms = |t: Option<i64>| t.map(|t| t as f64);
            assert_eq!(
                (!p.first[i].is_nan()).then_some(p.first[i]),
                ms(e.first_timestamp)
            );
            assert_eq!(
                (!p.last[i].is_nan()).then_some(p.last[i]),
                ms(e.last_timestamp)
            );
            assert_eq!(p.count[i], e.count as f64);
        }
        // Each text once per slice.
        let mut distinct = p.strings.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), p.strings.len());
    }

    #[test]
    fn slices_past_the_end_are_clamped() {
        let all = events(EVENTS, &Options::default()).unwrap();
        assert_eq!(pack(&all, all.len() - 1, 10).element.len(), 1);
        assert_eq!(pack(&all, all.len() + 7, 10).element.len(), 0);
        assert_eq!(pack(&all, usize::MAX, usize::MAX).element.len(), 0);
        assert_eq!(pack(&[], 0, 5), PackedEvents::default());
    }
}
