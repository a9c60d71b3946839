//! Bilingual texts: the events API writes reasons as "中文##English" and messages
//! as "中文 ## English". Both halves are kept with the raw text.
//!
//! Every bilingual text the core hands out is split here, with one rule: event
//! reasons and messages (`Event.reason`), a run's own reason and message and its
//! first failure's (`Run.reasonBi`, `FirstFailure.reasonBi`), a lane's
//! (`Lane.reasonBi`). The page only picks a half; it never splits.

use crate::model::Bilingual;
use serde::Serialize;

/// A split text borrowing from the raw one (serialized like [`Bilingual`]); a
/// lane's halves are split while it is serialized, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BilingualRef<'a> {
    /// As written.
    pub raw: &'a str,
    /// The Chinese half.
    pub zh: Option<&'a str>,
    /// The English half.
    pub en: Option<&'a str>,
}

/// Splits at the first `##`, trimming both halves. Without a separator the whole
/// text is the Chinese half when it holds CJK characters, else the English half.
pub fn split_ref(raw: &str) -> BilingualRef<'_> {
    let some = |s: &'_ str| -> bool { !s.is_empty() };
    if let Some((zh, en)) = raw.split_once("##") {
        let (zh, en) = (zh.trim(), en.trim());
        return BilingualRef {
            raw,
            zh: some(zh).then_some(zh),
            en: some(en).then_some(en),
        };
    }
    let text = raw.trim();
    let cjk = text.chars().any(is_cjk);
    BilingualRef {
        raw,
        zh: (cjk && some(text)).then_some(text),
        en: (!cjk && some(text)).then_some(text),
    }
}

/// [`split_ref`], owned.
pub fn split(raw: &str) -> Bilingual {
    let b = split_ref(raw);
    Bilingual {
        raw: b.raw.to_string(),
        zh: b.zh.map(str::to_string),
        en: b.en.map(str::to_string),
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_reason_and_message() {
        let r = split("执行成功##SuccessfulFinish");
        assert_eq!(r.zh.as_deref(), Some("执行成功"));
        assert_eq!(r.en.as_deref(), Some("SuccessfulFinish"));
        let m = split("元素(job-a-init)执行create成功. ## Element(job-a-init) execute Action: create successfully");
        assert_eq!(m.zh.as_deref(), Some("元素(job-a-init)执行create成功."));
        assert_eq!(
            m.en.as_deref(),
            Some("Element(job-a-init) execute Action: create successfully")
        );
        assert_eq!(split("ActionStart").en.as_deref(), Some("ActionStart"));
        assert_eq!(split("启动").zh.as_deref(), Some("启动"));
        assert_eq!(split("").en, None);
    }

    #[test]
    fn the_borrowed_split_is_the_owned_one() {
        for raw in [
            "执行失败##FailedFinish",
            " 启动 ",
            "Pod failed",
            "##en",
            "zh##",
            "",
            "a##b##c",
        ] {
            let b = split_ref(raw);
            let o = split(raw);
            assert_eq!(
                (b.raw, b.zh, b.en),
                (o.raw.as_str(), o.zh.as_deref(), o.en.as_deref())
            );
        }
        // No separator: CJK makes the whole (trimmed) text the Chinese half.
        assert_eq!(split_ref(" 镜像拉取失败 ").zh, Some("镜像拉取失败"));
        assert_eq!(split_ref(" 镜像拉取失败 ").en, None);
    }
}
