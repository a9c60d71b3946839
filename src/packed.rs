//! Events packed for the page: one slice of an event list as columns, so the
//! JS boundary hands over a few typed arrays and one string instead of an
//! object, or a string, per event (`Payload.eventsPacked`, the page's events
//! table).
//!
//! The layout is `PackedEvents` in src/types.d.ts, which www/js/engine/pack.js
//! `unpack` reads. Every text of the slice (element, types, action, kind,
//! phase, the halves of reasons and messages) is interned once into `texts`,
//! which cross the boundary joined into one string with the UTF-16 offsets
//! where each ends ([`PackedEvents::joined`]): one string decoded for the
//! whole slice, where a string per text cost a `TextDecoder` call each and a
//! structured clone each on the way to the page. Per event the columns hold
//! a text index (−1 for none) for the element, its type, the event type, the
//! action, the kind, the phase and the message's raw, zh and en halves; an
//! index into `reasons` (each distinct reason once per slice, as three text
//! indices: raw, zh, en); the timestamps and count as numbers (NaN for none).

use crate::model::{Bilingual, Event};
use std::collections::HashMap;

/// One slice of events, packed (see the module doc). Borrows from the events.
#[derive(Debug, Default, PartialEq)]
pub struct PackedEvents<'a> {
    /// Events in the whole list.
    pub total: usize,
    /// Distinct texts of the slice.
    pub texts: Vec<&'a str>,
    /// Per distinct reason of the slice, the text indices of its raw, zh and
    /// en halves (−1 for none), one after the other.
    pub reasons: Vec<i32>,
    /// Per event: element, elemType, type, action, kind, phase, and the
    /// message's halves (indices into `texts`, −1 for none).
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
    pub msg_raw: Vec<i32>,
    /// See `element`.
    pub msg_zh: Vec<i32>,
    /// See `element`.
    pub msg_en: Vec<i32>,
    /// Per event, the index of its reason (into `reasons`, three apart).
    pub reason: Vec<i32>,
    /// firstTimestamp, epoch ms (NaN for none).
    pub first: Vec<f64>,
    /// lastTimestamp, epoch ms (NaN for none).
    pub last: Vec<f64>,
    /// count.
    pub count: Vec<f64>,
}

impl PackedEvents<'_> {
    /// `texts` joined into one string, and where each ends in it in UTF-16
    /// code units (what JS's `String.prototype.slice` counts): text `k` is
    /// `joined[ends[k - 1]..ends[k]]` in UTF-16 (from 0 for `k = 0`).
    pub fn joined(&self) -> (String, Vec<u32>) {
        let mut out = String::with_capacity(self.texts.iter().map(|t| t.len()).sum());
        let mut ends = Vec::with_capacity(self.texts.len());
        let mut at = 0u32;
        for t in &self.texts {
            out.push_str(t);
            let units = if t.is_ascii() {
                t.len()
            } else {
                t.chars().map(char::len_utf16).sum()
            };
            at = at.saturating_add(u32::try_from(units).unwrap_or(u32::MAX));
            ends.push(at);
        }
        (out, ends)
    }
}

/// Interns the texts of a slice.
#[derive(Default)]
struct Table<'a> {
    items: Vec<&'a str>,
    index: HashMap<&'a str, i32>,
}

impl<'a> Table<'a> {
    fn with_capacity(n: usize) -> Self {
        Table {
            items: Vec::new(),
            index: HashMap::with_capacity(n),
        }
    }

    /// The index of `s`, or −1 for none.
    fn text(&mut self, s: Option<&'a str>) -> i32 {
        let Some(s) = s else { return -1 };
        let next = i32::try_from(self.items.len()).unwrap_or(i32::MAX);
        *self.index.entry(s).or_insert_with(|| {
            self.items.push(s);
            next
        })
    }
}

/// The text indices of a bilingual text's raw, zh and en halves.
fn halves<'a>(texts: &mut Table<'a>, b: &'a Bilingual) -> (i32, i32, i32) {
    let raw = texts.text(Some(&b.raw));
    (
        raw,
        texts.text(b.zh.as_deref()),
        texts.text(b.en.as_deref()),
    )
}

/// Events `from..from + count` of `events` (clamped to the list), packed.
pub fn pack(events: &[Event], from: usize, count: usize) -> PackedEvents<'_> {
    let slice = events.get(from..).unwrap_or_default();
    let slice = slice.get(..count).unwrap_or(slice);
    let n = slice.len();
    let mut texts = Table::with_capacity(256);
    let mut reasons: HashMap<&str, i32> = HashMap::with_capacity(64);
    let mut p = PackedEvents {
        total: events.len(),
        element: Vec::with_capacity(n),
        elem_type: Vec::with_capacity(n),
        event_type: Vec::with_capacity(n),
        action: Vec::with_capacity(n),
        kind: Vec::with_capacity(n),
        phase: Vec::with_capacity(n),
        msg_raw: Vec::with_capacity(n),
        msg_zh: Vec::with_capacity(n),
        msg_en: Vec::with_capacity(n),
        reason: Vec::with_capacity(n),
        first: Vec::with_capacity(n),
        last: Vec::with_capacity(n),
        count: Vec::with_capacity(n),
        ..PackedEvents::default()
    };
    let ms = |t: Option<i64>| t.map_or(f64::NAN, |t| t as f64);
    for e in slice {
        p.element.push(texts.text(e.element.as_deref()));
        p.elem_type.push(texts.text(e.elem_type.as_deref()));
        p.event_type.push(texts.text(e.event_type.as_deref()));
        p.action.push(texts.text(e.action.as_deref()));
        p.kind.push(texts.text(Some(e.kind.as_str())));
        p.phase.push(texts.text(Some(e.phase.as_str())));
        let (raw, zh, en) = halves(&mut texts, &e.message);
        p.msg_raw.push(raw);
        p.msg_zh.push(zh);
        p.msg_en.push(en);
        let next = i32::try_from(p.reasons.len() / 3).unwrap_or(i32::MAX);
        let reason = *reasons.entry(&e.reason.raw).or_insert_with(|| {
            let (raw, zh, en) = halves(&mut texts, &e.reason);
            p.reasons.extend([raw, zh, en]);
            next
        });
        p.reason.push(reason);
        p.first.push(ms(e.first_timestamp));
        p.last.push(ms(e.last_timestamp));
        p.count.push(e.count as f64);
    }
    p.texts = texts.items;
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{events, Options};

    const EVENTS: &[u8] = include_bytes!("../samples/aos-upgrade-failed-events.json");

    /// Text `k` cut out of the joined string by its UTF-16 ends, as the page does.
    fn cut(p: &PackedEvents<'_>, k: i32) -> Option<String> {
        let (joined, ends) = p.joined();
        let k = usize::try_from(k).ok()?;
        let units: Vec<u16> = joined.encode_utf16().collect();
        let from = if k == 0 { 0 } else { ends[k - 1] as usize };
        Some(String::from_utf16(&units[from..ends[k] as usize]).unwrap())
    }

    #[test]
    fn a_slice_reads_back_as_the_events() {
        let all = events(EVENTS, &Options::default()).unwrap();
        assert!(all.len() > 4);
        let p = pack(&all, 2, 3);
        assert_eq!(
            (p.total, p.element.len(), p.msg_raw.len()),
            (all.len(), 3, 3)
        );
        let text = |k: i32| cut(&p, k);
        let bi = |raw: i32, zh: i32, en: i32| Bilingual {
            raw: text(raw).unwrap(),
            zh: text(zh),
            en: text(en),
        };
        for (i, e) in all[2..5].iter().enumerate() {
            assert_eq!(text(p.element[i]), e.element);
            assert_eq!(text(p.elem_type[i]), e.elem_type);
            assert_eq!(text(p.event_type[i]), e.event_type);
            assert_eq!(text(p.action[i]), e.action);
            assert_eq!(text(p.kind[i]).as_deref(), Some(e.kind.as_str()));
            assert_eq!(text(p.phase[i]).as_deref(), Some(e.phase.as_str()));
            let r = p.reason[i] as usize * 3;
            let reason = bi(p.reasons[r], p.reasons[r + 1], p.reasons[r + 2]);
            assert_eq!(reason, e.reason);
            assert_eq!(bi(p.msg_raw[i], p.msg_zh[i], p.msg_en[i]), e.message);
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
        let mut distinct = p.texts.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), p.texts.len());
    }

    #[test]
    fn texts_end_where_utf16_counts() {
        let p = PackedEvents {
            texts: vec!["ab", "", "部署失败", "😀x", "é"],
            ..PackedEvents::default()
        };
        let (joined, ends) = p.joined();
        assert_eq!(joined, "ab部署失败😀xé");
        assert_eq!(ends, [2, 2, 6, 9, 10]);
        assert_eq!(cut(&p, 3).as_deref(), Some("😀x"));
        assert_eq!(cut(&p, 1).as_deref(), Some(""));
        assert_eq!(cut(&p, -1), None);
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
