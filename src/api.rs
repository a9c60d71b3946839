//! The Rust API: bytes in, results out. `src/lib.rs` wraps these for JavaScript.

use crate::error::{Error, ErrorCode};
use crate::formats;
use crate::json::{self, JsonOptions, DEFAULT_MAX_BYTES};
use crate::model::{Event, Format, Model, Run};
use crate::reader::Reader;
use crate::summary::{self, Summary};
use crate::timeline::{self, Timeline};
use serde_json::Value;

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

fn format_of(value: &Value, options: &Options) -> Result<Format, Error> {
    let Some(forced) = options.format else {
        return formats::detect(value);
    };
    let array_format = matches!(forced, Format::ExecutionEvents | Format::WorkflowExecutions);
    let fits = if array_format {
        value.is_array()
    } else {
        value.is_object()
    };
    if fits {
        Ok(forced)
    } else {
        Err(Error::new(
            ErrorCode::UnknownFormat,
            format!(
                "expected {} for options.format {}, found {}",
                if array_format {
                    "an array"
                } else {
                    "an object"
                },
                crate::reader::quote(forced.as_str()),
                crate::reader::describe(value)
            ),
        ))
    }
}

/// Reads the input into the normalized model, with the normalized event list.
pub fn read(input: &[u8], options: &Options) -> Result<Model, Error> {
    read_model(input, options, true)
}

/// Reads the input in one pass: event lists stream into the model, everything
/// else is parsed into a value, detected and read. `keep_events` builds the
/// normalized event list (only `events()` needs it).
fn read_model(input: &[u8], options: &Options, keep_events: bool) -> Result<Model, Error> {
    use crate::formats::execution_events::{Top, TopSeed};
    use serde::de::DeserializeSeed;
    let events = match options.format {
        Some(Format::ExecutionEvents) => Some(true),
        Some(_) => Some(false),
        None => None,
    };
    let mut warnings = Vec::new();
    let top = json::parse_with(input, &options.json(), &mut warnings, |bytes| {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let top = TopSeed {
            events,
            keep_events,
        }
        .deserialize(&mut de)?;
        de.end()?;
        Ok(top)
    })?;
    match top {
        Top::Events(events) => {
            let (run, r) = *events;
            warnings.extend(r.warnings);
            Ok(Model {
                format: Format::ExecutionEvents,
                runs: vec![run],
                api_error: None,
                warnings,
            })
        }
        Top::Value(value) => {
            let format = format_of(&value, options)?;
            let mut reader = Reader::new();
            reader.warnings = warnings;
            Ok(formats::read(&value, format, reader))
        }
    }
}

/// Detects the input's format.
pub fn detect(input: &[u8], options: &Options) -> Result<Format, Error> {
    Ok(read_model(input, options, false)?.format)
}

/// Summarizes the input.
pub fn summarize(input: &[u8], options: &Options) -> Result<Summary, Error> {
    Ok(summary::summarize(&read_model(input, options, false)?))
}

/// The run `options.run` names (default the first — for a workflow history the
/// newest), None when the payload has no runs.
fn select_run<'m>(model: &'m Model, options: &Options) -> Result<Option<&'m Run>, Error> {
    let Some(id) = &options.run else {
        return Ok(model.runs.first());
    };
    match model.runs.iter().find(|r| &r.id == id) {
        Some(run) => Ok(Some(run)),
        None => {
            let known: Vec<&str> = model.runs.iter().take(5).map(|r| r.id.as_str()).collect();
            Err(Error::new(
                ErrorCode::UnknownRun,
                format!(
                    "expected options.run to name a run in the payload ({}), found {}",
                    if known.is_empty() {
                        "it has none".to_string()
                    } else {
                        format!("such as {}", known.join(", "))
                    },
                    crate::reader::quote(id)
                ),
            ))
        }
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
