//! JSONPath-like locations (`$.status.subObjectStatuses['hello-app'].phase`),
//! built as a linked list on the stack and rendered only when a warning needs them.

/// One step from the parent value.
#[derive(Debug, Clone, Copy)]
pub enum Segment<'a> {
    /// The document root, `$`.
    Root,
    /// An object member.
    Key(&'a str),
    /// An array element.
    Index(usize),
}

/// A location in the payload: a segment and the location of its parent.
#[derive(Debug, Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

impl<'a> Path<'a> {
    /// `$`.
    pub const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
    };

    /// The member `key` of the value at `self`.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    /// The element `index` of the array at `self`.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// Renders the path: identifiers as `.name`, other keys as `['name']`, indices as `[3]`.
    pub fn render(&self) -> String {
        let mut segments = Vec::new();
        let mut at = Some(self);
        while let Some(p) = at {
            segments.push(p.segment);
            at = p.parent;
        }
        segments.reverse();
        render_segments(&segments)
    }
}

/// Renders a path given as its segments from the root (as [`Path::render`]
/// does): for paths built from owned parts, such as inside a decoded template.
pub fn render_segments(segments: &[Segment<'_>]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Root => out.push('$'),
            Segment::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
            Segment::Key(k) if is_identifier(k) => {
                out.push('.');
                out.push_str(k);
            }
            Segment::Key(k) => {
                out.push_str("['");
                for c in k.chars() {
                    match c {
                        '\'' => out.push_str("\\'"),
                        '\\' => out.push_str("\\\\"),
                        c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                        c => out.push(c),
                    }
                }
                out.push_str("']");
            }
        }
    }
    out
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_keys_and_indices() {
        let root = Path::ROOT;
        let a = root.key("status");
        let b = a.key("subObjectStatuses");
        let c = b.key("hello-app");
        let d = c.key("phase");
        assert_eq!(d.render(), "$.status.subObjectStatuses['hello-app'].phase");
        let e = root.index(3);
        let f = e.key("end_time");
        assert_eq!(f.render(), "$[3].end_time");
        let g = root.key("it's");
        assert_eq!(g.render(), "$['it\\'s']");
    }
}
