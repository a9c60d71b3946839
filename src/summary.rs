//! The summary of a model: per run, the overall phase, progress (reported and
//! derived), phase counts, start/finish/duration, timeout and the first failure.
//! A pure function of the model; it cannot fail.

use crate::bilingual;
use crate::error::Warning;
use crate::model::{ApiError, Bilingual, Element, Format, Model, Run};
use crate::phase::Phase;
use serde::Serialize;

/// What `summarize` returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The detected (or forced) format.
    pub kind: Format,
    /// The runs (a workflow history: newest first).
    pub runs: Vec<RunSummary>,
    /// The id of the run `timeline`, `TimelineView` and `compare` use when no
    /// `options.run` names one: the first run (a workflow history's newest, by
    /// begin time); None without runs. Callers show "newest" from this, never
    /// from their own sort.
    pub newest_run: Option<String>,
    /// The error body, for `api-error`.
    pub api_error: Option<ApiError>,
    /// Repairs and dropped values.
    pub warnings: Vec<Warning>,
}

/// Progress as the payload reports it and as derived from the elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// The payload's own figure (0–100).
    pub reported: Option<u8>,
    /// floor(100 × done / total); None without elements.
    pub derived: Option<u8>,
    /// Elements Succeeded.
    pub done: usize,
    /// Elements in all.
    pub total: usize,
}

/// Element counts per phase; serialized with all seven phase names as keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[allow(non_snake_case)]
pub struct PhaseCounts {
    /// Pending elements.
    pub Pending: usize,
    /// Running elements.
    pub Running: usize,
    /// Succeeded elements.
    pub Succeeded: usize,
    /// Failed elements.
    pub Failed: usize,
    /// Cancelled elements.
    pub Cancelled: usize,
    /// Skipped elements.
    pub Skipped: usize,
    /// Unknown elements.
    pub Unknown: usize,
}

impl PhaseCounts {
    /// Counts the elements' phases.
    pub fn of(elements: &[Element]) -> Self {
        let mut c = PhaseCounts::default();
        for e in elements {
            *c.slot(e.phase) += 1;
        }
        c
    }

    fn slot(&mut self, phase: Phase) -> &mut usize {
        match phase {
            Phase::Pending => &mut self.Pending,
            Phase::Running => &mut self.Running,
            Phase::Succeeded => &mut self.Succeeded,
            Phase::Failed => &mut self.Failed,
            Phase::Cancelled => &mut self.Cancelled,
            Phase::Skipped => &mut self.Skipped,
            Phase::Unknown => &mut self.Unknown,
        }
    }

    /// The count for one phase.
    pub fn get(&self, phase: Phase) -> usize {
        let mut copy = *self;
        *copy.slot(phase)
    }
}

/// The failed element that failed first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FirstFailure {
    /// Element id.
    pub element: String,
    /// Its reason.
    pub reason: Option<String>,
    /// Its message.
    pub message: Option<String>,
    /// `reason` split into its Chinese and English halves (as events are).
    #[serde(rename = "reasonBi")]
    pub reason_bi: Option<Bilingual>,
    /// `message` split likewise.
    #[serde(rename = "messageBi")]
    pub message_bi: Option<Bilingual>,
    /// When it failed (epoch ms).
    pub at: Option<i64>,
}

/// One run's summary. See `Run` in types.d.ts for each field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunSummary {
    /// Run id.
    pub id: String,
    /// Human name.
    pub name: Option<String>,
    /// Action.
    pub action: Option<String>,
    /// Overall phase: the payload's own, else derived from the elements.
    pub phase: Phase,
    /// The payload's phase text; None when derived.
    pub raw_phase: Option<String>,
    /// The run's own reason (objectStatus.reason), if any.
    pub reason: Option<String>,
    /// The run's own message (objectStatus.message), if any.
    pub message: Option<String>,
    /// `reason` split into its Chinese and English halves.
    pub reason_bi: Option<Bilingual>,
    /// `message` split likewise.
    pub message_bi: Option<Bilingual>,
    /// Reported and derived progress.
    pub progress: Progress,
    /// Element counts per phase.
    pub phases: PhaseCounts,
    /// Start, epoch ms.
    pub started_at: Option<i64>,
    /// Finish, epoch ms, once the phase is terminal.
    pub finished_at: Option<i64>,
    /// finishedAt − startedAt.
    pub duration_ms: Option<i64>,
    /// Last change reported.
    pub updated_at: Option<i64>,
    /// spec.timeoutInMinutes.
    pub timeout_minutes: Option<u64>,
    /// Whether the run took longer than its timeout.
    pub timed_out: Option<bool>,
    /// The first failure.
    pub first_failure: Option<FirstFailure>,
    /// Who started it.
    pub created_by: Option<String>,
    /// Events read for this run.
    pub event_count: usize,
    /// Elements in this run.
    pub element_count: usize,
    /// spec.objectData as written.
    pub object_data: Option<String>,
    /// spec.changedObjectData as written.
    pub changed_object_data: Option<String>,
    /// The keys a `Workspace` joins this run on (`Run::join_keys`).
    pub join_keys: Vec<String>,
}

/// Derives the overall phase from element phases: any Running or Pending →
/// Running; else any Failed → Failed; else any Cancelled → Cancelled; else all
/// Succeeded or Skipped (at least one Succeeded) → Succeeded; else Unknown.
pub fn derive_phase(counts: &PhaseCounts) -> Phase {
    if counts.Running > 0 || counts.Pending > 0 {
        Phase::Running
    } else if counts.Failed > 0 {
        Phase::Failed
    } else if counts.Cancelled > 0 {
        Phase::Cancelled
    } else if counts.Succeeded > 0 && counts.Unknown == 0 {
        Phase::Succeeded
    } else {
        Phase::Unknown
    }
}

/// The overall phase of a run and its raw text (None when derived).
pub fn run_phase(run: &Run) -> (Phase, Option<String>) {
    match &run.phase {
        Some((phase, raw)) => (*phase, Some(raw.clone())),
        None => (derive_phase(&PhaseCounts::of(&run.elements)), None),
    }
}

/// The failed element with the earliest failure time (elements without one come
/// last, in payload order).
pub fn first_failure(run: &Run) -> Option<FirstFailure> {
    run.elements
        .iter()
        .enumerate()
        .filter(|(_, e)| e.phase == Phase::Failed)
        .min_by_key(|(i, e)| (e.failed_at.is_none(), e.failed_at, *i))
        .map(|(_, e)| FirstFailure {
            element: e.id.clone(),
            reason: e.reason.clone(),
            message: e.message.clone(),
            reason_bi: split(&e.reason),
            message_bi: split(&e.message),
            at: e.failed_at,
        })
}

fn split(text: &Option<String>) -> Option<Bilingual> {
    text.as_deref().map(bilingual::split)
}

/// Summarizes one run.
pub fn summarize_run(run: &Run) -> RunSummary {
    let phases = PhaseCounts::of(&run.elements);
    let (phase, raw_phase) = run_phase(run);
    let total = run.elements.len();
    let done = phases.Succeeded;
    let derived = (total > 0).then(|| ((100 * done) / total) as u8);
    let finished_at = if phase.is_terminal() {
        run.ended_at
    } else {
        None
    };
    let duration_ms = match (run.started_at, finished_at) {
        (Some(s), Some(f)) if f >= s => Some(f - s),
        _ => None,
    };
    let timed_out = match (run.timeout_minutes, run.started_at) {
        (Some(minutes), Some(start)) => finished_at
            .or(run.updated_at)
            .map(|end| (end - start) > (minutes as i64).saturating_mul(60_000)),
        _ => None,
    };
    RunSummary {
        id: run.id.clone(),
        name: run.name.clone(),
        action: run.action.clone(),
        phase,
        raw_phase,
        reason: run.reason.clone(),
        message: run.message.clone(),
        reason_bi: split(&run.reason),
        message_bi: split(&run.message),
        progress: Progress {
            reported: run.progress,
            derived,
            done,
            total,
        },
        phases,
        started_at: run.started_at,
        finished_at,
        duration_ms,
        updated_at: run.updated_at,
        timeout_minutes: run.timeout_minutes,
        timed_out,
        first_failure: first_failure(run),
        created_by: run.created_by.clone(),
        event_count: run.event_count,
        element_count: total,
        object_data: run.object_data.clone(),
        changed_object_data: run.changed_object_data.clone(),
        join_keys: run.join_keys().into_iter().map(str::to_string).collect(),
    }
}

/// Summarizes a model.
pub fn summarize(model: &Model) -> Summary {
    Summary {
        kind: model.format,
        runs: model.runs.iter().map(summarize_run).collect(),
        newest_run: model.runs.first().map(|r| r.id.clone()),
        api_error: model.api_error.clone(),
        warnings: model.warnings.clone(),
    }
}
