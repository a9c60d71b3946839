//! Compares two runs: two executions of the same stack, or two runs of the same
//! workflow. Per element the phase before and after and the duration change;
//! elements only in one run; the first element where the runs diverged; and
//! objectData / changedObjectData compared field by field as decoded JSON.
//!
//! Decisions: an element's duration is the sum of its closed spans (None when it
//! has none). Elements are listed in time order: by the earlier of their first
//! span starts in either run, elements without spans last, then by id. The
//! first divergence is the first element in that order whose phase differs or
//! that only one run has. JSON values are compared leaf by leaf (objects by key,
//! arrays by index) and at most 1000 differences are listed (`truncated` says
//! when there were more); texts that are not JSON are compared whole.

use crate::model::Run;
use crate::objectdata::{self, DataFormat, Status};
use crate::phase::Phase;
use crate::summary::{summarize_run, RunSummary};
use crate::timeline::{self, Lane};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// Most JSON differences listed.
pub const MAX_DIFFERENCES: usize = 1000;

/// Where an element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Presence {
    /// In both runs.
    Both,
    /// Only in the first run.
    A,
    /// Only in the second run.
    B,
}

/// One element compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementChange {
    /// Element id.
    pub id: String,
    /// In both, or only one.
    pub presence: Presence,
    /// Phase in the first run.
    pub phase_a: Option<Phase>,
    /// Phase in the second run.
    pub phase_b: Option<Phase>,
    /// Duration in the first run (ms).
    pub duration_a: Option<i64>,
    /// Duration in the second run (ms).
    pub duration_b: Option<i64>,
    /// durationB − durationA.
    pub duration_change: Option<i64>,
    /// The phase differs, or only one run has it.
    pub changed: bool,
}

/// One JSON difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// `$.inputs.region`, `$.list[2]`.
    pub path: String,
    /// added, removed or changed.
    pub change: &'static str,
    /// The value in the first run (absent when added).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a: Option<Value>,
    /// The value in the second run (absent when removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b: Option<Value>,
}

impl Difference {
    /// `v`, at `path`, is only in the second run.
    fn added(path: String, v: &Value) -> Self {
        Difference {
            path,
            change: "added",
            a: None,
            b: Some(v.clone()),
        }
    }

    /// `v`, at `path`, is only in the first run.
    fn removed(path: String, v: &Value) -> Self {
        Difference {
            path,
            change: "removed",
            a: Some(v.clone()),
            b: None,
        }
    }

    /// At `path`, `a` in the first run is `b` in the second.
    fn changed(path: String, a: Value, b: Value) -> Self {
        Difference {
            path,
            change: "changed",
            a: Some(a),
            b: Some(b),
        }
    }
}

/// objectData (or changedObjectData) compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataComparison {
    /// identical, different, or unavailable (missing, redacted or undecodable in either).
    pub status: &'static str,
    /// Leaf differences, when both are JSON.
    pub differences: Vec<Difference>,
    /// More than `MAX_DIFFERENCES` differences existed.
    pub truncated: bool,
}

/// What `compare` returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Summary of the first run.
    pub a: RunSummary,
    /// Summary of the second run.
    pub b: RunSummary,
    /// Every element of either run, in time order.
    pub elements: Vec<ElementChange>,
    /// Ids only the first run has.
    pub only_in_a: Vec<String>,
    /// Ids only the second run has.
    pub only_in_b: Vec<String>,
    /// The first element (in time order) where the runs differ.
    pub first_divergence: Option<ElementChange>,
    /// durationMs of b − durationMs of a.
    pub duration_change: Option<i64>,
    /// spec.objectData compared.
    pub object_data: DataComparison,
    /// spec.changedObjectData compared.
    pub changed_object_data: DataComparison,
}

impl DataComparison {
    /// No differences (yet), with `status`.
    fn none(status: &'static str) -> Self {
        DataComparison {
            status,
            differences: Vec::new(),
            truncated: false,
        }
    }
}

fn duration(lane: &Lane) -> Option<i64> {
    let closed: Vec<i64> = lane
        .spans
        .iter()
        .filter_map(|s| s.end.map(|e| e - s.start))
        .collect();
    (!closed.is_empty()).then(|| closed.iter().sum())
}

/// Compares run `a` with run `b`.
pub fn compare(a: &Run, b: &Run) -> Comparison {
    let ta = timeline::build(a);
    let tb = timeline::build(b);
    let index = |lanes: &[Lane]| -> HashMap<String, usize> {
        lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect()
    };
    let (ia, ib) = (index(&ta.lanes), index(&tb.lanes));
    let ids: BTreeSet<&String> = ia.keys().chain(ib.keys()).collect();
    let mut rows: Vec<(Option<i64>, ElementChange)> = ids
        .into_iter()
        .map(|id| {
            let la = ia.get(id).and_then(|&i| ta.lanes.get(i));
            let lb = ib.get(id).and_then(|&i| tb.lanes.get(i));
            let start = [la, lb]
                .iter()
                .flatten()
                .filter_map(|l| l.spans.first().map(|s| s.start))
                .min();
            let (da, db) = (la.and_then(duration), lb.and_then(duration));
            let presence = match (la, lb) {
                (Some(_), Some(_)) => Presence::Both,
                (Some(_), None) => Presence::A,
                _ => Presence::B,
            };
            let (pa, pb) = (la.map(|l| l.phase), lb.map(|l| l.phase));
            (
                start,
                ElementChange {
                    id: id.clone(),
                    presence,
                    phase_a: pa,
                    phase_b: pb,
                    duration_a: da,
                    duration_b: db,
                    duration_change: da.zip(db).map(|(a, b)| b - a),
                    changed: presence != Presence::Both || pa != pb,
                },
            )
        })
        .collect();
    rows.sort_by(|(sa, ea), (sb, eb)| (sa.is_none(), sa, &ea.id).cmp(&(sb.is_none(), sb, &eb.id)));
    let elements: Vec<ElementChange> = rows.into_iter().map(|(_, e)| e).collect();
    let only = |p: Presence| {
        elements
            .iter()
            .filter(|e| e.presence == p)
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    };
    let (sa, sb) = (summarize_run(a), summarize_run(b));
    Comparison {
        only_in_a: only(Presence::A),
        only_in_b: only(Presence::B),
        first_divergence: elements.iter().find(|e| e.changed).cloned(),
        duration_change: sa.duration_ms.zip(sb.duration_ms).map(|(a, b)| b - a),
        object_data: compare_data(a.object_data.as_deref(), b.object_data.as_deref()),
        changed_object_data: compare_data(
            a.changed_object_data.as_deref(),
            b.changed_object_data.as_deref(),
        ),
        elements,
        a: sa,
        b: sb,
    }
}

fn decoded(text: Option<&str>) -> Option<objectdata::Decoded> {
    let d = objectdata::decode_with_json(text?).ok()?;
    (d.status == Status::Decoded).then_some(d)
}

fn compare_data(a: Option<&str>, b: Option<&str>) -> DataComparison {
    let (Some(da), Some(db)) = (decoded(a), decoded(b)) else {
        return DataComparison::none("unavailable");
    };
    let mut out = DataComparison::none("identical");
    match (&da.json, &db.json) {
        // JSON or YAML (YAML parsed as JSON data): field by field.
        (Some(ja), Some(jb))
            if matches!(da.format, Some(DataFormat::Json | DataFormat::Yaml))
                && matches!(db.format, Some(DataFormat::Json | DataFormat::Yaml)) =>
        {
            diff(ja, jb, "$".to_string(), &mut out);
        }
        _ if da.text != db.text => out.differences.push(Difference::changed(
            "$".into(),
            Value::String(da.text),
            Value::String(db.text),
        )),
        _ => {}
    }
    if !out.differences.is_empty() {
        out.status = "different";
    }
    out
}

fn push(out: &mut DataComparison, d: Difference) {
    if out.differences.len() < MAX_DIFFERENCES {
        out.differences.push(d);
    } else {
        out.truncated = true;
    }
}

fn key_path(parent: &str, key: &str) -> String {
    let simple = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if simple {
        format!("{parent}.{key}")
    } else {
        format!("{parent}[{}]", Value::String(key.to_string()))
    }
}

fn diff(a: &Value, b: &Value, path: String, out: &mut DataComparison) {
    if out.truncated {
        return;
    }
    match (a, b) {
        (Value::Object(oa), Value::Object(ob)) => {
            for (k, va) in oa {
                let p = key_path(&path, k);
                match ob.get(k) {
                    Some(vb) => diff(va, vb, p, out),
                    None => push(out, Difference::removed(p, va)),
                }
            }
            for (k, vb) in ob {
                if !oa.contains_key(k) {
                    push(out, Difference::added(key_path(&path, k), vb));
                }
            }
        }
        (Value::Array(xa), Value::Array(xb)) => {
            for i in 0..xa.len().max(xb.len()) {
                let p = format!("{path}[{i}]");
                match (xa.get(i), xb.get(i)) {
                    (Some(va), Some(vb)) => diff(va, vb, p, out),
                    (Some(va), None) => push(out, Difference::removed(p, va)),
                    (None, Some(vb)) => push(out, Difference::added(p, vb)),
                    (None, None) => {}
                }
            }
        }
        (va, vb) if va != vb => push(out, Difference::changed(path, va.clone(), vb.clone())),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{self, Options};
    use base64::Engine;

    fn run(json: &str) -> Run {
        let m =
            api::read(json.as_bytes(), &Options::default()).unwrap_or_else(|e| unreachable!("{e}"));
        m.runs.into_iter().next().unwrap_or_default()
    }

    fn aos(name: &str, data: &str, subs: &str) -> String {
        let encoded = base64::engine::general_purpose::STANDARD.encode(data);
        format!(
            r#"{{"kind": "Execution", "metadata": {{"name": "{name}"}}, "spec": {{"objectData": "{encoded}"}},
               "status": {{"objectStatus": {{"phase": "Failed"}}, "subObjectStatuses": {{{subs}}}}}}}"#
        )
    }

    #[test]
    fn elements_phases_durations_and_divergence() {
        let a = run(&aos(
            "a",
            r#"{"replicas": 2, "image": "v1", "tags": ["x"]}"#,
            r#""db": {"phase": "Succeeded", "createAt": "2024-01-01T00:00:00Z", "updateAt": "2024-01-01T00:01:00Z"},
               "app": {"phase": "Succeeded", "createAt": "2024-01-01T00:01:00Z", "updateAt": "2024-01-01T00:02:00Z"},
               "old": {"phase": "Succeeded", "createAt": "2024-01-01T00:02:00Z", "updateAt": "2024-01-01T00:03:00Z"}"#,
        ));
        let b = run(&aos(
            "b",
            r#"{"replicas": 3, "image": "v1", "tags": ["x", "y"], "new key": true}"#,
            r#""db": {"phase": "Succeeded", "createAt": "2024-01-02T00:00:00Z", "updateAt": "2024-01-02T00:02:00Z"},
               "app": {"phase": "Failed", "createAt": "2024-01-02T00:02:00Z", "updateAt": "2024-01-02T00:02:30Z"},
               "extra": {"phase": "Pending"}"#,
        ));
        let c = compare(&a, &b);
        let ids: Vec<&str> = c.elements.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids[0], "db");
        assert_eq!(c.elements[0].duration_change, Some(60_000));
        assert_eq!(c.only_in_a, vec!["old".to_string()]);
        assert_eq!(c.only_in_b, vec!["extra".to_string()]);
        let first = c.first_divergence.unwrap_or_else(|| unreachable!());
        assert_eq!(
            (first.id.as_str(), first.phase_a, first.phase_b),
            ("app", Some(Phase::Succeeded), Some(Phase::Failed))
        );
        assert_eq!(c.object_data.status, "different");
        let paths: Vec<&str> = c
            .object_data
            .differences
            .iter()
            .map(|d| d.path.as_str())
            .collect();
        assert_eq!(paths, vec!["$.replicas", "$.tags[1]", "$[\"new key\"]"]);
        assert_eq!(c.changed_object_data.status, "unavailable");
    }

    #[test]
    fn identical_runs_do_not_diverge() {
        let a = run(&aos("a", "{}", r#""x": {"phase": "Succeeded"}"#));
        let c = compare(&a, &a);
        assert!(c.first_divergence.is_none());
        assert_eq!(c.object_data.status, "identical");
    }
}
