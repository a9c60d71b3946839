//! YAML text → [`serde_json::Value`], within limits, for a YAML `spec.objectData`
//! (AOS templates are usually YAML): the objectData view's tree and the
//! dependency graph's template both read it.
//!
//! # The crate, and why this loader is ours
//!
//! Measured on 2026-12-05 (rustc 1.95, wasm32 release `opt-level = "z"`, LTO,
//! wasm-bindgen 0.2.130 then wasm-opt -Oz with the Makefile's flags; a scratch
//! cdylib whose one export parses a text into a `serde_json::Value` and prints
//! it, against the same cdylib with serde_json alone, 24,217 B gzip -9):
//!
//! | crate | wasm delta, gzip -9 | alias bomb (9 × 10 aliases) | 100,000-deep block nesting (`- - - … x`) | 100,000-deep flow nesting | 50 MiB scalar |
//! |---|---|---|---|---|---|
//! | serde-saphyr 2.2.0 (`deserialize` only) | +175,603 B | refused (node budget), 309 ms | refused (depth 64) | refused | ok, 244 ms |
//! | saphyr 0.3.4 (its `Yaml` loader) | +57,617 B | refused (alias budget), 18 ms | **stack overflow** (abort; a trap in wasm) | refused (flow depth 256) | ok, 2.1 s |
//! | yaml-rust2 0.13.2 | +45,298 B | **no limit**: killed after 60 s | **stack overflow** | refused (flow depth 256) | ok, 1.3 s |
//! | saphyr-parser 0.3.4 events + this loader (+ saphyr's scalar resolution) | +40,026 B | refused (alias budget), 22 ms | refused (depth 128), 0.1 ms | refused (flow depth 256) | ok, 1.8 s |
//!
//! (Native release builds, one process per case; the scalar times include
//! building the 50 MiB `Value`.) In execscope itself (`make pkg`, gzip -9) the
//! chosen parser and loader add 25,145 B: 253,182 B against 228,037 B for the
//! same commit with `parse` stubbed out. Invalid UTF-8 never reaches a YAML parser
//! here: objectData whose decoded bytes are not UTF-8 is `binary`
//! ([`crate::objectdata`]), and all three crates take `&str`.
//!
//! serde-saphyr is the most defensive (budgets for everything) but costs
//! 175 KB gzip, almost doubling the module (granit-parser, its error
//! rendering with annotate-snippets). saphyr's and yaml-rust2's tree loaders
//! recurse, so a 100,000-deep block sequence — one line of `- - - …` —
//! overflows the stack, and yaml-rust2 expands aliases without any limit. So
//! the chosen crate is **saphyr-parser 0.3.4**, saphyr's event parser (an
//! explicit state machine: no recursion, flow nesting capped at 256), with
//! **saphyr 0.3.4** only for its YAML 1.2 core-schema scalar resolution
//! ([`saphyr::Scalar::parse_from_cow_and_metadata`]), and this loader, which
//! builds the value iteratively and applies the limits below. Both are pinned
//! exactly in Cargo.toml.
//!
//! # Limits and rules
//!
//! - Nesting: at most [`MAX_DEPTH`] (128) collections deep, like the JSON
//!   reader; deeper is an error at that line and column.
//! - Size: at most [`MAX_NODES`] nodes (scalars and collections, aliases
//!   counted as the nodes they expand to).
//! - Aliases: expanding `*name` copies the anchored value; all expansions
//!   together may copy at most [`MAX_ALIAS_NODES`] nodes (a "billion laughs"
//!   stops there). An alias to an anchor that is not complete yet (inside its
//!   own anchored value) or not defined is an error.
//! - Scalars: YAML 1.2 core schema (`null`/`~`/empty, `true`/`false`,
//!   integers including `0x`/`0o`, floats); quoted scalars are strings. A
//!   float JSON cannot hold (`.inf`, `.nan`) and an integer too large for i64
//!   and f64 stay text as written.
//! - Keys become text: a scalar key as written (`1:` → `"1"`, `~:` → `"~"`), a
//!   collection key as its compact JSON (`[a, b]:` → `"[\"a\",\"b\"]"`). A key
//!   that appears twice keeps the last value, in the first one's place, as
//!   `JSON.parse` does.
//! - Only the first document of a stream is read; an empty stream is `null`.
//! - Errors are sentences with 1-based line and column:
//!   `expected ..., found ... at line L, column C`.

use saphyr::{Scalar, ScalarStyle};
use saphyr_parser::{Event, Parser, ScanError};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashMap;

/// Deepest nesting of collections accepted (the JSON reader's limit too).
pub const MAX_DEPTH: usize = 128;

/// Most nodes (scalars and collections, alias expansions included) in one document.
pub const MAX_NODES: usize = 1_000_000;

/// Most nodes all alias expansions of one document may copy together.
pub const MAX_ALIAS_NODES: usize = 100_000;

/// Why a YAML text gave no value: a sentence, and where (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// `expected ..., found ... at line L, column C`.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn error(what: &str, line: usize, column: usize) -> YamlError {
    YamlError {
        message: format!("{what} at line {line}, column {column}"),
        line,
        column,
    }
}

fn scan_error(e: &ScanError) -> YamlError {
    let m = e.marker();
    error(
        &format!("expected yaml, found a syntax error ({})", e.info()),
        m.line(),
        m.col() + 1,
    )
}

/// An open collection.
enum Frame {
    Seq {
        items: Vec<Value>,
        anchor: usize,
    },
    Map {
        map: Map<String, Value>,
        key: Option<String>,
        anchor: usize,
    },
}

struct Loader {
    stack: Vec<Frame>,
    anchors: HashMap<usize, Value>,
    nodes: usize,
    alias_nodes: usize,
    root: Option<Value>,
}

/// Counts the nodes of `v`, stopping once the count passes `limit`.
fn count_nodes(v: &Value, limit: usize) -> usize {
    let mut count = 0;
    let mut todo = vec![v];
    while let Some(v) = todo.pop() {
        count += 1;
        if count > limit {
            break;
        }
        match v {
            Value::Array(a) => todo.extend(a.iter()),
            Value::Object(o) => todo.extend(o.values()),
            _ => {}
        }
    }
    count
}

/// A scalar's value in the core schema (JSON cannot hold some: kept as text).
fn scalar(text: Cow<'_, str>, style: ScalarStyle, tag: Option<&Cow<'_, saphyr::Tag>>) -> Value {
    if style != ScalarStyle::Plain {
        return Value::String(text.into_owned());
    }
    let raw = text.to_string();
    match Scalar::parse_from_cow_and_metadata(text, style, tag) {
        Some(Scalar::Null) => Value::Null,
        Some(Scalar::Boolean(b)) => Value::Bool(b),
        Some(Scalar::Integer(i)) => Value::from(i),
        Some(Scalar::FloatingPoint(f)) => {
            serde_json::Number::from_f64(f.into_inner()).map_or(Value::String(raw), Value::Number)
        }
        Some(Scalar::String(s)) => Value::String(s.into_owned()),
        None => Value::String(raw),
    }
}

/// The text a key becomes.
fn key_text(v: Value) -> String {
    match v {
        Value::String(s) => s,
        other => serde_json::to_string(&other).unwrap_or_default(),
    }
}

impl Loader {
    /// Adds a finished value to the open collection (or makes it the root).
    /// `raw` is a scalar's text as written, the key it makes.
    fn push(&mut self, value: Value, raw: Option<String>, anchor: usize) {
        if anchor > 0 {
            self.anchors.insert(anchor, value.clone());
        }
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(value);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(value),
            Some(Frame::Map { map, key, .. }) => match key.take() {
                None => *key = Some(raw.unwrap_or_else(|| key_text(value))),
                Some(k) => {
                    map.insert(k, value);
                }
            },
        }
    }

    fn count(&mut self, line: usize, column: usize) -> Result<(), YamlError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(error(
                &format!("expected at most {MAX_NODES} yaml nodes, found more"),
                line,
                column,
            ));
        }
        Ok(())
    }

    fn open(&mut self, frame: Frame, line: usize, column: usize) -> Result<(), YamlError> {
        self.count(line, column)?;
        if self.stack.len() >= MAX_DEPTH {
            return Err(error(
                &format!(
                    "expected yaml nested at most {MAX_DEPTH} levels deep, found deeper nesting"
                ),
                line,
                column,
            ));
        }
        self.stack.push(frame);
        Ok(())
    }

    fn alias(&mut self, id: usize, line: usize, column: usize) -> Result<(), YamlError> {
        let Some(value) = self.anchors.get(&id) else {
            return Err(error(
                "expected an alias to name a complete anchor before it, found one that does not",
                line,
                column,
            ));
        };
        let left = MAX_ALIAS_NODES.saturating_sub(self.alias_nodes);
        let n = count_nodes(value, left);
        if n > left {
            return Err(error(
                &format!(
                    "expected aliases to expand to at most {MAX_ALIAS_NODES} nodes in all, found more (an alias bomb?)"
                ),
                line,
                column,
            ));
        }
        self.alias_nodes += n;
        self.nodes += n;
        if self.nodes > MAX_NODES {
            return Err(error(
                &format!("expected at most {MAX_NODES} yaml nodes, found more"),
                line,
                column,
            ));
        }
        let value = value.clone();
        self.push(value, None, 0);
        Ok(())
    }
}

/// Parses the first YAML document of `text` into a value (see the module docs).
pub fn parse(text: &str) -> Result<Value, YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut l = Loader {
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        alias_nodes: 0,
        root: None,
    };
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| scan_error(&e))?;
        let (line, column) = (span.start.line(), span.start.col() + 1);
        match event {
            Event::DocumentEnd => break,
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) => {}
            Event::Alias(id) => l.alias(id, line, column)?,
            Event::Scalar(text, style, anchor, tag) => {
                l.count(line, column)?;
                let is_key = matches!(l.stack.last(), Some(Frame::Map { key: None, .. }));
                let raw = is_key.then(|| text.to_string());
                let v = scalar(text, style, tag.as_ref());
                l.push(v, raw, anchor);
            }
            Event::SequenceStart(anchor, _) => l.open(
                Frame::Seq {
                    items: Vec::new(),
                    anchor,
                },
                line,
                column,
            )?,
            Event::MappingStart(anchor, _) => l.open(
                Frame::Map {
                    map: Map::new(),
                    key: None,
                    anchor,
                },
                line,
                column,
            )?,
            Event::SequenceEnd | Event::MappingEnd => {
                let (value, anchor) = match l.stack.pop() {
                    Some(Frame::Seq { items, anchor }) => (Value::Array(items), anchor),
                    Some(Frame::Map { map, anchor, .. }) => (Value::Object(map), anchor),
                    None => continue,
                };
                l.push(value, None, anchor);
            }
        }
    }
    Ok(l.root.unwrap_or(Value::Null))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::error_of;
    use serde_json::json;

    fn ok(text: &str) -> Value {
        parse(text).unwrap_or_else(|e| unreachable!("{e}"))
    }

    fn err(text: &str) -> YamlError {
        error_of(parse(text))
    }

    #[test]
    fn core_schema_scalars() {
        let v = ok("a: 1\nb: -2.5\nc: true\nd: ~\ne: null\nf:\ng: '1'\nh: 0x1f\ni: .inf\nj: hello world\nk: \"q\"\nl: 99999999999999999999999\n");
        assert_eq!(
            v,
            json!({"a": 1, "b": -2.5, "c": true, "d": null, "e": null, "f": null, "g": "1",
                   "h": 31, "i": ".inf", "j": "hello world", "k": "q", "l": 1e23})
        );
    }

    #[test]
    fn keys_become_text_in_order_and_duplicates_keep_the_last() {
        let v = ok("z: 1\n1: one\ntrue: t\n~: n\n[a, b]: seq\nz: 2\n");
        assert_eq!(
            serde_json::to_string(&v).unwrap_or_default(),
            r#"{"z":2,"1":"one","true":"t","~":"n","[\"a\",\"b\"]":"seq"}"#
        );
    }

    #[test]
    fn aliases_expand_and_tags_resolve() {
        let v = ok(
            "base: &b {x: 1, y: [1, 2]}\ncopy: *b\nn: !!str 12\nm: !!int 7\ncustom: !Ref thing\n",
        );
        assert_eq!(
            v,
            json!({"base": {"x": 1, "y": [1, 2]}, "copy": {"x": 1, "y": [1, 2]},
                   "n": "12", "m": 7, "custom": "thing"})
        );
    }

    #[test]
    fn first_document_only_and_empty_is_null() {
        assert_eq!(ok("---\na: 1\n---\nb: 2\n"), json!({"a": 1}));
        assert_eq!(ok(""), Value::Null);
        assert_eq!(ok("# just a comment\n"), Value::Null);
        assert_eq!(ok("- a\n- b\n"), json!(["a", "b"]));
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let e = err("a: 1\nb: [1, 2\n");
        assert!(
            e.message.starts_with("expected yaml, found a syntax error"),
            "{e}"
        );
        assert!(e.line >= 2, "{e:?}");
        let e = err("a: *nope\n");
        assert!(e.message.starts_with("expected yaml"), "{e}");
        assert_eq!((e.line, e.column), (1, 4));
        // An alias inside its own anchor is not complete yet.
        assert!(err("a: &a [1, *a]\n")
            .message
            .starts_with("expected an alias"));
    }

    #[test]
    fn alias_bomb_stops_at_the_budget() {
        let mut s = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for w in names.windows(2) {
            if let [p, n] = w {
                let refs = vec![format!("*{p}"); 10].join(",");
                s.push_str(&format!("{n}: &{n} [{refs}]\n"));
            }
        }
        let e = err(&s);
        assert!(e.message.contains("alias bomb"), "{e}");
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let block = format!("{}x\n", "- ".repeat(100_000));
        assert!(err(&block).message.contains("nested at most 128"), "block");
        let flow = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(err(&flow).message.starts_with("expected yaml"), "flow");
        let maps = format!("{}1{}", "{a: ".repeat(100_000), "}".repeat(100_000));
        assert!(err(&maps).message.starts_with("expected yaml"), "flow maps");
        // 128 is fine.
        let fine = format!("{}x\n", "- ".repeat(128));
        assert!(parse(&fine).is_ok());
        assert!(parse(&format!("{}x\n", "- ".repeat(129))).is_err());
    }

    #[test]
    fn node_budget() {
        let many = "- 1\n".repeat(MAX_NODES);
        assert!(err(&many).message.contains("yaml nodes"));
        assert!(parse(&"- 1\n".repeat(MAX_NODES - 1)).is_ok());
    }
}
