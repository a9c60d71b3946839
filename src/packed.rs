//! Events packed for the page: one slice of an event list as columns, so the
//! JS boundary hands over a few typed arrays and one string instead of an
//! object, or a string, per event (`Payload.eventsPacked`, the page's events
//! table).
//!
//! The layout is `PackedEvents` in src/types.d.ts, which www/js/engine/pack.js
//! `unpack` reads. The slice's texts (element, types, action, kind, phase and
//! the halves of reasons, each interned once; the halves of messages, which
//! seldom repeat, as they come) are listed in `texts`, which cross the
//! boundary joined into one string with the UTF-16 offsets
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
    /// The texts of the slice (see [`Text`]).
    pub texts: Vec<Text<'a>>,
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

/// One text of a slice: a string of its own, or a part of an earlier one (a
/// message's zh and en halves lie inside its raw text, so they cost no bytes
/// of their own in the joined string).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Text<'a> {
    /// A string of its own.
    Own(&'a str),
    /// Bytes `from..to` of text `of`, which is an `Own` one.
    Within {
        /// The text it lies in.
        of: usize,
        /// Its first byte there.
        from: usize,
        /// Its end there.
        to: usize,
    },
}

/// How many UTF-16 code units `s` takes (what JS's string indices count).
fn utf16_len(s: &str) -> u32 {
    let n = if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    };
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl PackedEvents<'_> {
    /// The own texts joined into one string, and where each text starts and
    /// ends in it in UTF-16 code units (what JS's `String.prototype.slice`
    /// counts): text `k` is `joined[starts[k]..ends[k]]` in UTF-16.
    pub fn joined(&self) -> (String, Vec<u32>, Vec<u32>) {
        let own = |t: &Text<'_>| match t {
            Text::Own(s) => s.len(),
            Text::Within { .. } => 0,
        };
        let mut out = String::with_capacity(self.texts.iter().map(own).sum());
        let mut starts: Vec<u32> = Vec::with_capacity(self.texts.len());
        let mut ends = Vec::with_capacity(self.texts.len());
        let mut at = 0u32;
        for t in &self.texts {
            let (start, end) = match *t {
                Text::Own(s) => {
                    out.push_str(s);
                    let start = at;
                    at = at.saturating_add(utf16_len(s));
                    (start, at)
                }
                Text::Within { of, from, to } => {
                    let base = starts.get(of).copied().unwrap_or(0);
                    match self.texts.get(of) {
                        Some(Text::Own(raw)) => {
                            let before = raw.get(..from).map_or(0, utf16_len);
                            let len = raw.get(from..to).map_or(0, utf16_len);
                            let start = base.saturating_add(before);
                            (start, start.saturating_add(len))
                        }
                        _ => (base, base),
                    }
                }
            };
            starts.push(start);
            ends.push(end);
        }
        (out, starts, ends)
    }
}

/// The texts of a slice: the short ones (elements, types, kinds, phases,
/// reasons) interned, each once; messages, which seldom repeat, appended as
/// they come (hashing each would cost more than it saves), their halves as
/// parts of them.
struct Table<'a> {
    items: Vec<Text<'a>>,
    index: HashMap<&'a str, i32, foldhash::fast::RandomState>,
}

impl<'a> Table<'a> {
    fn with_capacity(n: usize) -> Self {
        Table {
            items: Vec::new(),
            index: HashMap::with_capacity_and_hasher(n, foldhash::fast::RandomState::default()),
        }
    }

    fn add(&mut self, t: Text<'a>) -> i32 {
        let next = i32::try_from(self.items.len()).unwrap_or(i32::MAX);
        self.items.push(t);
        next
    }

    /// The index of `s` (interned), or −1 for none.
    fn text(&mut self, s: Option<&'a str>) -> i32 {
        let Some(s) = s else { return -1 };
        if let Some(&k) = self.index.get(s) {
            return k;
        }
        let k = self.add(Text::Own(s));
        self.index.insert(s, k);
        k
    }

    /// A message's halves: raw appended, zh and en as parts of it where they
    /// lie in it (the core's split trims them out of it), else appended too.
    fn message(&mut self, b: &'a Bilingual) -> (i32, i32, i32) {
        let of = self.items.len();
        let raw = self.add(Text::Own(&b.raw));
        let mut after = 0;
        let mut part = |t: &mut Self, half: Option<&'a str>| -> i32 {
            let Some(h) = half else { return -1 };
            match b.raw.get(after..).and_then(|rest| rest.find(h)) {
                Some(at) => {
                    let from = after + at;
                    after = from + h.len();
                    t.add(Text::Within {
                        of,
                        from,
                        to: after,
                    })
                }
                None => t.add(Text::Own(h)),
            }
        };
        let zh = part(self, b.zh.as_deref());
        let en = part(self, b.en.as_deref());
        (raw, zh, en)
    }
}

/// Events `from..from + count` of `events` (clamped to the list), packed.
pub fn pack(events: &[Event], from: usize, count: usize) -> PackedEvents<'_> {
    let slice = events.get(from..).unwrap_or_default();
    let slice = slice.get(..count).unwrap_or(slice);
    let n = slice.len();
    let mut texts = Table::with_capacity(256);
    let mut reasons: HashMap<&str, i32, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(64, foldhash::fast::RandomState::default());
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
        let (raw, zh, en) = texts.message(&e.message);
        p.msg_raw.push(raw);
        p.msg_zh.push(zh);
        p.msg_en.push(en);
        let next = i32::try_from(p.reasons.len() / 3).unwrap_or(i32::MAX);
        let reason = *reasons.entry(&e.reason.raw).or_insert_with(|| {
            let b = &e.reason;
            let (raw, zh, en) = (
                texts.text(Some(&b.raw)),
                texts.text(b.zh.as_deref()),
                texts.text(b.en.as_deref()),
            );
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

    /// Text `k` cut out of the joined string by its UTF-16 offsets, as the page does.
    fn cut(p: &PackedEvents<'_>, k: i32) -> Option<String> {
        let (joined, starts, ends) = p.joined();
        let k = usize::try_from(k).ok()?;
        let units: Vec<u16> = joined.encode_utf16().collect();
        Some(String::from_utf16(&units[starts[k] as usize..ends[k] as usize]).unwrap())
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
        // Each short text once per slice (the messages are appended as they come).
        let messages: Vec<i32> = [&p.msg_raw, &p.msg_zh, &p.msg_en]
            .into_iter()
            .flatten()
            .copied()
            .collect();
        let mut short: Vec<Text<'_>> = (0..p.texts.len())
            .filter(|&k| !messages.contains(&(k as i32)))
            .map(|k| p.texts[k])
            .collect();
        let n = short.len();
        short.sort_unstable();
        short.dedup();
        assert_eq!(short.len(), n);
        assert!(n >= 4, "{n}");
    }

    #[test]
    fn texts_start_and_end_where_utf16_counts() {
        let p = PackedEvents {
            texts: vec![
                Text::Own("ab"),
                Text::Own(""),
                Text::Own("部署失败😀 ## Deploy failed"),
                Text::Within {
                    of: 2,
                    from: 0,
                    to: 16,
                },
                Text::Within {
                    of: 2,
                    from: 20,
                    to: 33,
                },
                Text::Own("é"),
            ],
            ..PackedEvents::default()
        };
        let (joined, starts, ends) = p.joined();
        assert_eq!(joined, "ab部署失败😀 ## Deploy failedé");
        assert_eq!(starts, [0, 2, 2, 2, 12, 25]);
        assert_eq!(ends, [2, 2, 25, 8, 25, 26]);
        assert_eq!(cut(&p, 3).as_deref(), Some("部署失败😀"));
        assert_eq!(cut(&p, 4).as_deref(), Some("Deploy failed"));
        assert_eq!(cut(&p, 1).as_deref(), Some(""));
        assert_eq!(cut(&p, -1), None);
    }

    #[test]
    fn a_message_s_halves_are_parts_of_it() {
        let all = events(EVENTS, &Options::default()).unwrap();
        let p = pack(&all, 0, all.len());
        let mut within = 0;
        for (i, e) in all.iter().enumerate() {
            for (k, half) in [(p.msg_zh[i], &e.message.zh), (p.msg_en[i], &e.message.en)] {
                assert_eq!(cut(&p, k), *half);
                if let Some(Text::Within { of, .. }) = usize::try_from(k).ok().map(|k| p.texts[k]) {
                    assert_eq!(of as i32, p.msg_raw[i]);
                    within += 1;
                }
            }
        }
        assert!(within > 10, "{within}");
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
