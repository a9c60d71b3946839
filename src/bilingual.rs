//! Bilingual texts: the events API writes reasons as "中文##English" and messages
//! as "中文 ## English". Both halves are kept with the raw text.

use crate::model::Bilingual;

/// Splits at the first `##`, trimming both halves. Without a separator the whole
/// text is the Chinese half when it holds CJK characters, else the English half.
pub fn split(raw: &str) -> Bilingual {
    if let Some((zh, en)) = raw.split_once("##") {
        let zh = zh.trim();
        let en = en.trim();
        return Bilingual {
            raw: raw.to_string(),
            zh: (!zh.is_empty()).then(|| zh.to_string()),
            en: (!en.is_empty()).then(|| en.to_string()),
        };
    }
    let text = raw.trim();
    let cjk = text.chars().any(is_cjk);
    Bilingual {
        raw: raw.to_string(),
        zh: (cjk && !text.is_empty()).then(|| text.to_string()),
        en: (!cjk && !text.is_empty()).then(|| text.to_string()),
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
}
