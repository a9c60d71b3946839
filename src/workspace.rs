//! A workspace joins several payloads of the same run: an AOS or GCS execution
//! and its event list, a workflow run and its detail, and successive snapshots of
//! one execution polled every few seconds.
//!
//! Decisions:
//! - Payloads join when they share a run key (`Run::join_keys`, which the summary
//!   hands out as `Run.joinKeys`): AOS metadata.name / uid, GCS
//!   execution.guid / name and object.metadata.name / uid, the events'
//!   involvedObject.name, a workflow run's execution_id. A run's id in the
//!   workspace is the id of the first status payload (execution, workflow run,
//!   RFS) that joined it, else of its first event list.
//! - Status payloads of one run are snapshots, ordered by their last update
//!   (then by the order they were added); the latest is the base of the summary.
//! - Events refine what the status lacks: an element with no start in the status
//!   takes its start from its events; an element without a reason takes the
//!   latest event's; markers come from events; elements only events know are
//!   added. A status phase and an events phase that disagree (status Succeeded,
//!   latest event a failure) are reported as a conflict, not resolved.
//! - Snapshots refine starts too: an element without a start that was Pending in
//!   one snapshot and had left Pending in the next starts at its updateAt in that
//!   next snapshot.
//! - Every span says where its start came from (`source`: status, events,
//!   snapshot, dependencies, inferred).
//! - `changes(run, since)` lists what changed from snapshot `since` (0-based) to
//!   each later one: the run's phase and progress and every element's phase.

use crate::model::{Element, Format, Model, Run};
use crate::phase::Phase;
use crate::summary::{summarize_run, RunSummary};
use crate::timeline::{self, Timeline};
use serde::Serialize;
use std::collections::HashMap;

/// One added payload.
#[derive(Debug, Clone)]
struct Source {
    name: String,
    model: Model,
}

/// A reference to a run of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Member {
    source: usize,
    run: usize,
}

/// Runs of several payloads that share a key.
#[derive(Debug, Clone, Default)]
struct Group {
    keys: Vec<String>,
    members: Vec<Member>,
}

/// Payloads joined into runs.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    sources: Vec<Source>,
    groups: Vec<Group>,
    /// Run key → group, so joining stays linear in the number of runs.
    by_key: HashMap<String, usize>,
}

/// What `add` returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Added {
    /// Index of the payload in the workspace.
    pub source: usize,
    /// Its name.
    pub name: String,
    /// Its format.
    pub format: Format,
    /// The workspace run ids its runs joined.
    pub runs: Vec<String>,
    /// Its warnings.
    pub warnings: Vec<crate::error::Warning>,
}

/// A payload's part in a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    /// Payload name.
    pub name: String,
    /// Its format.
    pub format: Format,
    /// `status` (an execution snapshot, workflow run, RFS events) or `events`.
    pub role: &'static str,
}

/// One entry of `runs()`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunEntry {
    /// Workspace run id.
    pub id: String,
    /// Name, if any.
    pub name: Option<String>,
    /// Overall phase of the merged run.
    pub phase: Phase,
    /// The payloads that joined it.
    pub sources: Vec<SourceRef>,
    /// Status snapshots.
    pub snapshots: usize,
}

/// A status phase and an events phase that disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// Element id.
    pub element: String,
    /// Phase the (latest) status gives.
    pub status_phase: Phase,
    /// Phase the latest event gives.
    pub events_phase: Phase,
    /// When the status last updated the element.
    pub status_at: Option<i64>,
    /// When the events last mentioned it.
    pub events_at: Option<i64>,
}

/// Progress in one snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressPoint {
    /// Snapshot index (0-based, in snapshot order).
    pub snapshot: usize,
    /// Its last update.
    pub at: Option<i64>,
    /// Run phase then.
    pub phase: Phase,
    /// Reported progress then.
    pub reported: Option<u8>,
    /// Derived progress then.
    pub derived: Option<u8>,
}

/// What `summary(run)` returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceSummary {
    /// The merged run's summary.
    pub run: RunSummary,
    /// The payloads that joined it.
    pub sources: Vec<SourceRef>,
    /// Status snapshots.
    pub snapshots: usize,
    /// Phases status and events disagree on.
    pub conflicts: Vec<Conflict>,
    /// Progress per snapshot.
    pub progress_history: Vec<ProgressPoint>,
}

/// One change between snapshots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The snapshot (0-based) where it is first seen.
    pub snapshot: usize,
    /// That snapshot's last update.
    pub at: Option<i64>,
    /// The element, or None for the run itself.
    pub element: Option<String>,
    /// `phase` or `progress`.
    pub field: &'static str,
    /// Before (None: absent).
    pub from: Option<String>,
    /// After (None: absent).
    pub to: Option<String>,
}

fn is_events(format: Format) -> bool {
    format == Format::ExecutionEvents
}

/// A merged run and where each element's start came from.
struct Merged {
    run: Run,
    start_source: HashMap<String, &'static str>,
    conflicts: Vec<Conflict>,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Self {
        Workspace::default()
    }

    /// Adds a read payload under `name` and joins its runs.
    pub fn add(&mut self, name: &str, model: Model) -> Added {
        let source = self.sources.len();
        let mut joined = Vec::new();
        for (run_index, run) in model.runs.iter().enumerate() {
            let keys = run.join_keys();
            let member = Member {
                source,
                run: run_index,
            };
            let found = keys.iter().find_map(|&k| self.by_key.get(k).copied());
            let group = match found {
                Some(i) => i,
                None => {
                    self.groups.push(Group::default());
                    self.groups.len() - 1
                }
            };
            if let Some(g) = self.groups.get_mut(group) {
                for k in keys {
                    if !g.keys.iter().any(|x| x == k) {
                        self.by_key.entry(k.to_string()).or_insert(group);
                        g.keys.push(k.to_string());
                    }
                }
                g.members.push(member);
            }
            joined.push(group);
        }
        let added = Added {
            source,
            name: name.to_string(),
            format: model.format,
            runs: Vec::new(),
            warnings: model.warnings.clone(),
        };
        self.sources.push(Source {
            name: name.to_string(),
            model,
        });
        Added {
            runs: joined.into_iter().map(|g| self.group_id(g)).collect(),
            ..added
        }
    }

    fn run_of(&self, m: Member) -> Option<(&Source, &Run)> {
        let source = self.sources.get(m.source)?;
        Some((source, source.model.runs.get(m.run)?))
    }

    fn group_id(&self, group: usize) -> String {
        let Some(g) = self.groups.get(group) else {
            return String::new();
        };
        let runs: Vec<(&Source, &Run)> = g.members.iter().filter_map(|&m| self.run_of(m)).collect();
        runs.iter()
            .find(|(s, _)| !is_events(s.model.format))
            .or(runs.first())
            .map(|(_, r)| r.id.clone())
            .unwrap_or_default()
    }

    fn group(&self, id: &str) -> Option<&Group> {
        (0..self.groups.len())
            .find(|&i| self.group_id(i) == id)
            .and_then(|i| self.groups.get(i))
    }

    /// Status snapshots of a group, in snapshot order, and its event runs.
    fn parts<'w>(&'w self, g: &Group) -> (Vec<&'w Run>, Vec<&'w Run>) {
        let mut snapshots: Vec<(usize, &Run)> = Vec::new();
        let mut events = Vec::new();
        for (seq, &m) in g.members.iter().enumerate() {
            if let Some((s, r)) = self.run_of(m) {
                if is_events(s.model.format) {
                    events.push(r);
                } else {
                    snapshots.push((seq, r));
                }
            }
        }
        snapshots.sort_by_key(|(seq, r)| (r.updated_at.is_some(), r.updated_at, *seq));
        (snapshots.into_iter().map(|(_, r)| r).collect(), events)
    }

    fn sources_of(&self, g: &Group) -> Vec<SourceRef> {
        let mut out: Vec<SourceRef> = Vec::new();
        for &m in &g.members {
            if let Some(s) = self.sources.get(m.source) {
                let r = SourceRef {
                    name: s.name.clone(),
                    format: s.model.format,
                    role: if is_events(s.model.format) {
                        "events"
                    } else {
                        "status"
                    },
                };
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        }
        out
    }

    fn merged(&self, g: &Group) -> Option<Merged> {
        let (snapshots, events) = self.parts(g);
        let latest_events = events.last().copied();
        let Some(&base) = snapshots.last() else {
            let run = latest_events?.clone();
            let start_source = run
                .elements
                .iter()
                .filter(|e| e.started_at.is_some())
                .map(|e| (e.id.clone(), "events"))
                .collect();
            return Some(Merged {
                run,
                start_source,
                conflicts: Vec::new(),
            });
        };
        let mut run = base.clone();
        let mut start_source: HashMap<String, &'static str> = run
            .elements
            .iter()
            .filter(|e| e.started_at.is_some())
            .map(|e| (e.id.clone(), "status"))
            .collect();
        // Polling: the first snapshot where an element had left Pending.
        let by_id: Vec<HashMap<&str, &Element>> = if snapshots.len() > 1 {
            snapshots
                .iter()
                .map(|s| s.elements.iter().map(|e| (e.id.as_str(), e)).collect())
                .collect()
        } else {
            Vec::new()
        };
        for e in run.elements.iter_mut().filter(|e| e.started_at.is_none()) {
            let mut was_pending = false;
            for (snap, index) in snapshots.iter().zip(&by_id) {
                let Some(se) = index.get(e.id.as_str()) else {
                    continue;
                };
                if se.phase == Phase::Pending {
                    was_pending = true;
                } else if was_pending {
                    if let Some(at) = se.updated_at.or(snap.updated_at) {
                        e.started_at = Some(at);
                        start_source.insert(e.id.clone(), "snapshot");
                    }
                    break;
                } else {
                    break;
                }
            }
        }
        let mut conflicts = Vec::new();
        if let Some(ev) = latest_events {
            let by_id: HashMap<&str, &Element> =
                ev.elements.iter().map(|e| (e.id.as_str(), e)).collect();
            for e in run.elements.iter_mut() {
                let Some(x) = by_id.get(e.id.as_str()) else {
                    continue;
                };
                if e.started_at.is_none() {
                    if let Some(start) = x.started_at {
                        e.started_at = Some(start);
                        start_source.insert(e.id.clone(), "events");
                    }
                }
                if e.reason.is_none() && e.message.is_none() {
                    e.reason = x.reason.clone();
                    e.message = x.message.clone();
                }
                e.markers = x.markers.clone();
                if e.phase != Phase::Unknown
                    && x.phase != Phase::Unknown
                    && e.phase != x.phase
                    && (e.phase.is_terminal() || x.phase.is_terminal())
                {
                    conflicts.push(Conflict {
                        element: e.id.clone(),
                        status_phase: e.phase,
                        events_phase: x.phase,
                        status_at: e.updated_at,
                        events_at: x.updated_at,
                    });
                }
            }
            let known: std::collections::HashSet<String> =
                run.elements.iter().map(|e| e.id.clone()).collect();
            for x in &ev.elements {
                if !known.contains(&x.id) {
                    let mut x = x.clone();
                    // Shown as a status element: one span from its first start.
                    x.spans.clear();
                    if x.started_at.is_some() {
                        start_source.insert(x.id.clone(), "events");
                    }
                    run.elements.push(x);
                }
            }
            run.run_markers.extend(ev.run_markers.iter().cloned());
            run.event_count = 0;
        }
        Some(Merged {
            run,
            start_source,
            conflicts,
        })
    }

    /// Every run in the workspace, in the order first added.
    pub fn runs(&self) -> Vec<RunEntry> {
        (0..self.groups.len())
            .filter_map(|i| {
                let g = self.groups.get(i)?;
                let merged = self.merged(g)?;
                let summary = summarize_run(&merged.run);
                Some(RunEntry {
                    id: self.group_id(i),
                    name: summary.name,
                    phase: summary.phase,
                    sources: self.sources_of(g),
                    snapshots: self.parts(g).0.len(),
                })
            })
            .collect()
    }

    /// The merged summary of run `id`.
    pub fn summary(&self, id: &str) -> Option<WorkspaceSummary> {
        let g = self.group(id)?;
        let merged = self.merged(g)?;
        let (snapshots, _) = self.parts(g);
        let mut run = summarize_run(&merged.run);
        run.id = id.to_string();
        Some(WorkspaceSummary {
            run,
            sources: self.sources_of(g),
            snapshots: snapshots.len(),
            conflicts: merged.conflicts,
            progress_history: snapshots
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let s = summarize_run(r);
                    ProgressPoint {
                        snapshot: i,
                        at: r.updated_at,
                        phase: s.phase,
                        reported: s.progress.reported,
                        derived: s.progress.derived,
                    }
                })
                .collect(),
        })
    }

    /// The merged timeline of run `id`; every span says where its start came from.
    pub fn timeline(&self, id: &str) -> Option<Timeline> {
        let merged = self.merged(self.group(id)?)?;
        let mut t = timeline::build(&merged.run);
        for lane in &mut t.lanes {
            let source = merged.start_source.get(&lane.id).copied();
            for span in &mut lane.spans {
                span.source = Some(match span.source {
                    Some(from_dependencies) => from_dependencies,
                    None if span.start_inferred => "inferred",
                    None => source.unwrap_or("status"),
                });
            }
        }
        Some(t)
    }

    /// The dependency graph of run `id`: the merged elements (status and
    /// events), with the edges of the status payload's template.
    pub fn graph(&self, id: &str) -> Option<crate::graph::Graph> {
        let g = self.group(id)?;
        let merged = self.merged(g)?;
        let format = g
            .members
            .iter()
            .filter_map(|&m| self.sources.get(m.source))
            .map(|s| s.model.format)
            .find(|&f| !is_events(f))
            .unwrap_or(Format::ExecutionEvents);
        Some(crate::graph::build(&merged.run, format))
    }

    /// What changed from snapshot `since` to each later snapshot of run `id`.
    pub fn changes(&self, id: &str, since: usize) -> Option<Vec<Change>> {
        let (snapshots, _) = self.parts(self.group(id)?);
        let mut out = Vec::new();
        for (k, pair) in snapshots.windows(2).enumerate().skip(since) {
            let [before, after] = pair else { continue };
            let snapshot = k + 1;
            let at = after.updated_at;
            let (sb, sa) = (summarize_run(before), summarize_run(after));
            if sb.phase != sa.phase {
                out.push(Change {
                    snapshot,
                    at,
                    element: None,
                    field: "phase",
                    from: Some(sb.phase.as_str().into()),
                    to: Some(sa.phase.as_str().into()),
                });
            }
            if sb.progress.reported != sa.progress.reported {
                out.push(Change {
                    snapshot,
                    at,
                    element: None,
                    field: "progress",
                    from: sb.progress.reported.map(|p| p.to_string()),
                    to: sa.progress.reported.map(|p| p.to_string()),
                });
            }
            let old: HashMap<&str, Phase> = before
                .elements
                .iter()
                .map(|e| (e.id.as_str(), e.phase))
                .collect();
            for e in &after.elements {
                let from = old.get(e.id.as_str()).copied();
                if from != Some(e.phase) {
                    out.push(Change {
                        snapshot,
                        at: e.updated_at.or(at),
                        element: Some(e.id.clone()),
                        field: "phase",
                        from: from.map(|p| p.as_str().into()),
                        to: Some(e.phase.as_str().into()),
                    });
                }
            }
        }
        Some(out)
    }

    /// Names of the payloads added, in order.
    pub fn source_names(&self) -> Vec<String> {
        self.sources.iter().map(|s| s.name.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{self, Options};

    fn model(bytes: &[u8]) -> Model {
        api::read(bytes, &Options::default()).unwrap_or_else(|e| unreachable!("{e}"))
    }

    #[test]
    fn execution_and_its_events_make_one_run() {
        let mut w = Workspace::new();
        let a = w.add(
            "exec.json",
            model(include_bytes!("../samples/aos-upgrade-failed.json")),
        );
        let b = w.add(
            "events.json",
            model(include_bytes!("../samples/aos-upgrade-failed-events.json")),
        );
        assert_eq!(a.runs, b.runs);
        let runs = w.runs();
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].sources.len(), 2);
        let id = &runs[0].id;
        let s = w.summary(id).unwrap_or_else(|| unreachable!());
        assert_eq!(s.run.phase, Phase::Failed);
        // The events say Warning (failure) where the status says Cancelled.
        assert!(s
            .conflicts
            .iter()
            .any(|c| c.status_phase == Phase::Cancelled && c.events_phase == Phase::Failed));
        let t = w.timeline(id).unwrap_or_else(|| unreachable!());
        let from_events = t
            .lanes
            .iter()
            .flat_map(|l| &l.spans)
            .filter(|s| s.source == Some("events"))
            .count();
        assert!(from_events > 0, "events refine inferred starts");
        assert!(t.lanes.iter().any(|l| !l.markers.is_empty()));
    }

    /// `Run.joinKeys` is the rule itself: for every pair of samples, their runs
    /// share a key exactly when a workspace of the two joins them into one run.
    #[test]
    fn summary_join_keys_say_which_payloads_join() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut read: Vec<(String, Model)> = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| unreachable!("{e}")) {
            let path = entry.unwrap_or_else(|e| unreachable!("{e}")).path();
            let name = path.file_name().map(|n| n.to_string_lossy().to_string());
            let Some(name) = name.filter(|n| n.ends_with(".json") && n != "index.json") else {
                continue;
            };
            let bytes = std::fs::read(&path).unwrap_or_else(|e| unreachable!("{e}"));
            if let Ok(m) = api::read(&bytes, &Options::default()) {
                read.push((name, m));
            }
        }
        read.sort_by(|a, b| a.0.cmp(&b.0));
        assert!(read.len() >= 6, "the samples are there");
        let mut joined_pairs = 0;
        for (i, (na, ma)) in read.iter().enumerate() {
            for (nb, mb) in read.iter().skip(i + 1) {
                let keys = |m: &Model| -> Vec<String> {
                    crate::summary::summarize(m)
                        .runs
                        .into_iter()
                        .flat_map(|r| r.join_keys)
                        .collect()
                };
                let (ka, kb) = (keys(ma), keys(mb));
                let share = ka.iter().any(|k| kb.contains(k));
                let mut w = Workspace::new();
                w.add(na, ma.clone());
                w.add(nb, mb.clone());
                let joined = w.runs().iter().any(|r| r.sources.len() == 2);
                assert_eq!(share, joined, "{na} + {nb}: keys {ka:?} / {kb:?}");
                joined_pairs += usize::from(joined);
            }
        }
        assert!(
            joined_pairs >= 1,
            "some samples join (an execution and its events)"
        );
    }

    fn snapshot(progress: u8, updated: &str, a: &str, b: &str) -> Vec<u8> {
        format!(
            r#"{{"kind": "Execution", "metadata": {{"name": "poll-1"}},
               "status": {{"progress": {progress}, "objectStatus": {{"phase": "Running", "updateAt": "{updated}"}},
               "subObjectStatuses": {{"a": {{"phase": "{a}", "updateAt": "{updated}"}}, "b": {{"phase": "{b}", "updateAt": "{updated}"}}}}}}}}"#
        )
        .into_bytes()
    }

    #[test]
    fn polling_builds_starts_progress_and_changes() {
        let mut w = Workspace::new();
        w.add(
            "t0",
            model(&snapshot(0, "2024-01-01T00:00:00Z", "Pending", "Pending")),
        );
        w.add(
            "t1",
            model(&snapshot(30, "2024-01-01T00:00:05Z", "Running", "Pending")),
        );
        w.add(
            "t2",
            model(&snapshot(
                60,
                "2024-01-01T00:00:10Z",
                "Succeeded",
                "Running",
            )),
        );
        let runs = w.runs();
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].snapshots, 3);
        let s = w.summary("poll-1").unwrap_or_else(|| unreachable!());
        let reported: Vec<Option<u8>> = s.progress_history.iter().map(|p| p.reported).collect();
        assert_eq!(reported, vec![Some(0), Some(30), Some(60)]);
        let t = w.timeline("poll-1").unwrap_or_else(|| unreachable!());
        let a = t
            .lanes
            .iter()
            .find(|l| l.id == "a")
            .unwrap_or_else(|| unreachable!());
        assert_eq!(a.spans[0].source, Some("snapshot"));
        assert_eq!(a.spans[0].start, 1_704_067_205_000);
        let changes = w.changes("poll-1", 0).unwrap_or_default();
        let of_a: Vec<(usize, Option<&str>)> = changes
            .iter()
            .filter(|c| c.element.as_deref() == Some("a"))
            .map(|c| (c.snapshot, c.to.as_deref()))
            .collect();
        assert_eq!(of_a, vec![(1, Some("Running")), (2, Some("Succeeded"))]);
        assert_eq!(w.changes("poll-1", 1).unwrap_or_default().len(), 3);
        assert!(w.summary("nope").is_none());
    }
}
