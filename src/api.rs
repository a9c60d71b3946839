//! The Rust API: bytes in, results out, a thin facade over the read strategy
//! (`formats::read`) and the pure functions over the model. `src/lib.rs` wraps
//! these for JavaScript.

use crate::error::{Error, ErrorCode};
use crate::formats::{self, Detail};
use crate::graph::Graph;
use crate::json::{self, JsonOptions, DEFAULT_MAX_BYTES};
use crate::model::{Event, Format, Model, Run};
use crate::summary::{self, Summary};
use crate::timeline::{self, Timeline};

/// Options for every reading function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Skip detection and read as this format.
    pub format: Option<Format>,
    /// Reject repairs (trailing commas, BOM) as invalid_json.
    pub strict: bool,
    /// Input-size cap in bytes (default 512 MiB).
    pub max_bytes: usize,
    /// `timeline` of a workflow history: the execution_id to draw (default: newest).
    pub run: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: None,
            strict: false,
            max_bytes: DEFAULT_MAX_BYTES,
            run: None,
        }
    }
}

impl Options {
    fn json(&self) -> JsonOptions {
        JsonOptions {
            strict: self.strict,
            max_bytes: self.max_bytes,
        }
    }
}

/// Reads the input into the normalized model, with the normalized event list.
pub fn read(input: &[u8], options: &Options) -> Result<Model, Error> {
    read_model(input, options, true)
}

/// Reads the input into the normalized model without the event list (what
/// summaries, timelines and exports need; cheaper for large event lists).
pub fn read_lean(input: &[u8], options: &Options) -> Result<Model, Error> {
    read_model(input, options, false)
}

/// The timeline of run `run` (default the first — a workflow history's newest)
/// of a model already read.
pub fn timeline_of(model: &Model, run: Option<&str>) -> Result<Timeline, Error> {
    let options = Options {
        run: run.map(str::to_owned),
        ..Options::default()
    };
    Ok(match select_run(model, &options)? {
        Some(run) => timeline::build(run),
        None => Timeline {
            start: None,
            end: None,
            lanes: Vec::new(),
        },
    })
}

/// Every function reads through here: the read strategy is
/// [`formats::read`]'s. `keep_events` builds the normalized event list (only
/// `events()` needs it).
fn read_model(input: &[u8], options: &Options, keep_events: bool) -> Result<Model, Error> {
    formats::read(
        input,
        options.format,
        &options.json(),
        Detail::of(keep_events),
    )
}

/// Detects the input's format.
pub fn detect(input: &[u8], options: &Options) -> Result<Format, Error> {
    Ok(formats::read(input, options.format, &options.json(), Detail::Summary)?.format)
}

/// What a kept payload (`Payload` in lib.rs) reads when it is opened: the
/// model `summarize` reads, and whether it is already the whole model (without
/// the event list). It is, except for an event list read by the fast path:
/// [`Detail::Open`] then folds the events into only what the
/// summary needs (a third of the whole read), so the summary can be shown
/// before the whole model is read, once, with its events ([`read`]).
pub fn read_for_open(input: &[u8], options: &Options) -> Result<(Model, bool), Error> {
    let model = formats::read(input, options.format, &options.json(), Detail::Open)?;
    let whole = model.format != Format::ExecutionEvents;
    Ok((model, whole))
}

/// Summarizes the input.
pub fn summarize(input: &[u8], options: &Options) -> Result<Summary, Error> {
    let model = formats::read(input, options.format, &options.json(), Detail::Summary)?;
    Ok(summary::summarize(&model))
}

/// The run `options.run` names (default the first — for a workflow history the
/// newest), None when the payload has no runs.
fn select_run<'m>(model: &'m Model, options: &Options) -> Result<Option<&'m Run>, Error> {
    let Some(id) = &options.run else {
        return Ok(model.runs.first());
    };
    match model.runs.iter().find(|r| &r.id == id) {
        Some(run) => Ok(Some(run)),
        None => Err(Error::unknown_run(
            id,
            model.runs.iter().map(|r| r.id.as_str()),
        )),
    }
}

/// The timeline of one run (`options.run`, default the first — for a workflow
/// history the newest). A payload without runs gives an empty timeline.
pub fn timeline(input: &[u8], options: &Options) -> Result<Timeline, Error> {
    let model = read_model(input, options, false)?;
    Ok(match select_run(&model, options)? {
        Some(run) => timeline::build(run),
        None => Timeline {
            start: None,
            end: None,
            lanes: Vec::new(),
        },
    })
}

/// The dependency graph of one run (`options.run`, default the first): nodes
/// laid out, edges with routes, root causes, critical path (see [`crate::graph`]).
/// A payload without runs gives an empty graph.
pub fn graph(input: &[u8], options: &Options) -> Result<Graph, Error> {
    let model = read_model(input, options, false)?;
    Ok(graph_in(&model, select_run(&model, options)?))
}

/// The dependency graph of run `run` (default the first) of a model already read.
pub fn graph_of(model: &Model, run: Option<&str>) -> Result<Graph, Error> {
    let options = Options {
        run: run.map(str::to_owned),
        ..Options::default()
    };
    Ok(graph_in(model, select_run(model, &options)?))
}

fn graph_in(model: &Model, run: Option<&Run>) -> Graph {
    match run {
        Some(run) => crate::graph::build(run, model.format),
        None => crate::graph::build(&Run::default(), model.format),
    }
}

/// Compares run `options_a.run` of `a` with run `options_b.run` of `b`.
pub fn compare(
    a: &[u8],
    options_a: &Options,
    b: &[u8],
    options_b: &Options,
) -> Result<crate::compare::Comparison, Error> {
    let (ma, mb) = (
        read_model(a, options_a, false)?,
        read_model(b, options_b, false)?,
    );
    let no_run = |which: &str| {
        Error::new(
            ErrorCode::UnknownRun,
            format!("expected the {which} payload to hold a run to compare, found none (an error body or an empty list)"),
        )
    };
    let ra = select_run(&ma, options_a)?.ok_or_else(|| no_run("first"))?;
    let rb = select_run(&mb, options_b)?.ok_or_else(|| no_run("second"))?;
    Ok(crate::compare::compare(ra, rb))
}

/// The events of an execution-events payload ([] for other formats), in payload order.
pub fn events(input: &[u8], options: &Options) -> Result<Vec<Event>, Error> {
    let model = read(input, options)?;
    Ok(model.runs.into_iter().flat_map(|r| r.events).collect())
}

/// The input as strict JSON text: BOM skipped, trailing commas blanked.
pub fn raw_json(input: &[u8], options: &Options) -> Result<String, Error> {
    let mut warnings = Vec::new();
    let bytes = json::repaired(input, &options.json(), &mut warnings)?;
    String::from_utf8(bytes.into_owned()).map_err(|e| {
        let mut err = Error::new(
            ErrorCode::InvalidJson,
            format!(
                "expected utf-8 text, found an invalid byte at offset {}",
                e.utf8_error().valid_up_to()
            ),
        );
        err.offset = Some(e.utf8_error().valid_up_to());
        err
    })
}

/// The normalized model as pretty JSON text (see [`crate::export::model_json`]).
pub fn export_json(input: &[u8], options: &Options) -> Result<String, Error> {
    let model = read(input, options)?;
    Ok(serde_json::to_string_pretty(&crate::export::model_json(&model)).unwrap_or_default())
}

/// The elements of every run as CSV (see [`crate::export::elements_csv`]).
pub fn export_csv(input: &[u8], options: &Options) -> Result<String, Error> {
    Ok(crate::export::elements_csv(&read_model(
        input, options, false,
    )?))
}

/// The timelines as Chrome Trace Event JSON text (see [`crate::export::chrome_trace`]).
pub fn export_trace(input: &[u8], options: &Options) -> Result<String, Error> {
    let model = read_model(input, options, false)?;
    Ok(serde_json::to_string(&crate::export::chrome_trace(&model)).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Summary.newestRun` names the run `timeline` (and `compare`, `TimelineView`)
    /// draw when no run is named: the page marks "newest" from it.
    #[test]
    fn newest_run_is_the_default_run() {
        let history = include_bytes!("../samples/workflow-history-failure.json");
        let o = Options::default();
        let s = summarize(history, &o).unwrap_or_else(|e| unreachable!("{e}"));
        assert!(s.runs.len() > 1);
        let newest = s.newest_run.clone().unwrap_or_else(|| unreachable!());
        let begins: Vec<Option<i64>> = s.runs.iter().map(|r| r.started_at).collect();
        let latest = begins.iter().flatten().max().copied();
        let run = s.runs.iter().find(|r| r.id == newest);
        assert_eq!(
            run.and_then(|r| r.started_at),
            latest,
            "the newest begins last"
        );
        let named = Options {
            run: Some(newest),
            ..Options::default()
        };
        let by_default = timeline(history, &o).unwrap_or_else(|e| unreachable!("{e}"));
        let by_name = timeline(history, &named).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(by_default, by_name);
        let error = include_bytes!("../samples/seed-api-error-401.json");
        let none = summarize(error, &o).unwrap_or_else(|e| unreachable!("{e}"));
        assert!(none.runs.is_empty());
        assert_eq!(none.newest_run, None);
    }

    #[test]
    fn warnings_are_capped() {
        let payload = format!("[{{\"execution_id\": \"a\"}}{}]", ", 1".repeat(5000));
        let s = summarize(payload.as_bytes(), &Options::default())
            .unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(s.warnings.len(), crate::reader::MAX_WARNINGS + 1);
        let last = s.warnings.last().map(|w| (w.code, w.message.clone()));
        assert_eq!(
            last,
            Some((
                crate::error::WarningCode::TooManyWarnings,
                "expected at most 1000 warnings, found 4000 more; they are not listed".to_string()
            ))
        );
    }
}
