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

/// Inputs larger than this have their parsed size estimated before parsing.
const ESTIMATE_ABOVE: usize = 64 << 20;

/// What the input's copy and its parsed form may take in wasm memory (wasm32
/// has 4 GiB at most; running out traps the module instead of failing cleanly).
const MEMORY_BUDGET: u64 = 3 << 30;

/// Estimates, in one pass over the bytes, what parsing will allocate, and fails
/// with too_large when it would not fit in `budget`. Payloads of very many tiny
/// values (`[0,0,0,…]`) take 20–30 times their size once parsed; event lists,
/// read in one streaming pass, only a little per event (more when `events()`
/// keeps the normalized list).
fn check_memory(input: &[u8], keep_events: bool, budget: u64) -> Result<(), Error> {
    let (mut tokens, mut items, mut depth) = (0u64, 0u64, 0u32);
    let (mut in_string, mut escaped) = (false, false);
    for &b in input {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                // An object costs far more than its bytes (a map and its entries).
                tokens += if b == b'{' { 3 } else { 1 };
                if depth == 1 {
                    items += 1;
                }
                depth = depth.saturating_add(1);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' | b':' => tokens += 1,
            _ => {}
        }
    }
    let head = input.get(..4096).unwrap_or(input);
    let starts_array = head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    let events = starts_array
        && (has(b"\"involvedObject\"") || has(b"\"firstTimestamp\"") || has(b"\"elemId\""));
    let parsed = if events {
        items.saturating_mul(if keep_events { 640 } else { 128 })
    } else {
        tokens.saturating_mul(96)
    };
    let needed = parsed.saturating_add(input.len() as u64);
    if needed > budget {
        return Err(Error::new(
            ErrorCode::TooLarge,
            format!(
                "expected a payload whose parsed form fits in wasm memory ({} MiB), found {} bytes \
                 holding about {} values, which would need about {} MiB",
                budget >> 20,
                input.len(),
                tokens,
                needed >> 20
            ),
        ));
    }
    Ok(())
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

/// Reads the input in one pass: event lists stream into the model, everything
/// else is parsed into a value, detected and read. `keep_events` builds the
/// normalized event list (only `events()` needs it).
fn read_model(input: &[u8], options: &Options, keep_events: bool) -> Result<Model, Error> {
    use crate::formats::execution_events::{Top, TopSeed};
    use serde::de::DeserializeSeed;
    json::check_size(input.len(), options.max_bytes)?;
    if input.len() > ESTIMATE_ABOVE {
        check_memory(input, keep_events, MEMORY_BUDGET)?;
    }
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
            warnings.extend(r.into_warnings());
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn memory_estimate_rejects_many_tiny_values_but_not_event_lists() {
        let tiny = format!("[{}0]", "0,".repeat(100_000));
        let e = check_memory(tiny.as_bytes(), false, 1 << 20).err();
        assert_eq!(e.map(|e| e.code), Some(ErrorCode::TooLarge));
        let event = r#"{"involvedObject": {"name": "x"}, "reason": "启动##ActionStart", "message": "a fairly long message about what happened to the element, as the API writes it", "firstTimestamp": "2024-01-01T00:00:00Z", "lastTimestamp": "2024-01-01T00:00:00Z", "count": 1, "type": "Normal", "elemType": "KubeDAG.job", "elemId": "job-a", "actionName": "create"}"#;
        let events = format!("[{}]", vec![event; 2000].join(","));
        assert!(check_memory(events.as_bytes(), false, 4 * events.len() as u64).is_ok());
        // The same bytes as generic JSON (not an event list) cost more per value.
        let generic = events
            .replace("involvedObject", "involvedThing")
            .replace("firstTimestamp", "firstTime")
            .replace("elemId", "elem");
        assert!(check_memory(generic.as_bytes(), false, 2 * generic.len() as u64).is_err());
    }
}
