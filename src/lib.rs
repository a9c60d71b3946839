//! Reads the JSON a Huawei Cloud orchestration API returned about a run — an AOS
//! or GCS execution, its event list, a workflow's execution history, RFS stack
//! events, or an error body — into one normalized model, and gives that run back:
//! its phase and progress, the phase of every element, a timeline, the events, the
//! first failure, and the decoded template data (objectData).
//!
//! The same crate is compiled to WebAssembly for the npm package `execscope` and
//! the execscope page; this file (`src/lib.rs`) is the only one that knows about
//! JavaScript. From Rust, [`api`] is the API: bytes and [`api::Options`] in,
//! results or an [`error::Error`] out.
//!
//! ```rust
//! use execscope::api::{self, Options};
//! use execscope::phase::Phase;
//!
//! let payload = br#"{
//!   "kind": "Execution", "apiVersion": "paas/v1alpha1",
//!   "metadata": {"name": "trim-4074942376", "creationTimestamp": "2016-12-27T20:12:32Z"},
//!   "spec": {"actionName": "create", "objectData": "*****"},
//!   "status": {"progress": 100,
//!     "objectStatus": {"phase": "Succeeded", "updateAt": "2016-12-27T20:12:47Z"},
//!     "subObjectStatuses": {"hello-app": {"phase": "Succeeded", "updateAt": "2016-12-27T20:12:33Z"}}}
//! }"#;
//! let summary = api::summarize(payload, &Options::default())?;
//! let run = &summary.runs[0];
//! assert_eq!(run.phase, Phase::Succeeded);
//! assert_eq!(run.duration_ms, Some(15_000));
//! assert_eq!(run.progress.derived, Some(100));
//!
//! let timeline = api::timeline(payload, &Options::default())?;
//! assert!(timeline.lanes[0].spans[0].start_inferred);
//!
//! let decoded = execscope::objectdata::decode("*****")?;
//! assert_eq!(decoded.status, execscope::objectdata::Status::Redacted);
//! # Ok::<(), execscope::error::Error>(())
//! ```
//!
//! Only input that cannot be read at all is an error, with a stable
//! [`error::ErrorCode`] and a message that says what was expected, what was
//! found, and where; whatever is repaired or dropped is a [`error::Warning`] in
//! the result:
//!
//! ```rust
//! use execscope::{api, error::ErrorCode};
//! let err = api::summarize(b"{\"a\": 1\n \"b\": 2}", &Default::default()).unwrap_err();
//! assert_eq!(err.code, ErrorCode::InvalidJson);
//! assert_eq!(err.message, "expected `,` or `}` at line 2, column 2, found `\"`");
//! assert_eq!((err.line, err.column), (Some(2), Some(2)));
//! ```
//!
//! Nothing panics on any input: non-test code denies `unwrap`, `expect`, `panic!`
//! and indexing, and `unsafe` is forbidden.
//!
//! - The formats, the model and every rule (timeline, joins, comparison), the
//!   errors, warnings, options and limits: the [reference].
//! - The layers from bytes to pixels, and how to add a format: [architecture].
//! - Hostile input, limits and fuzzing: [robustness]. The JavaScript package:
//!   [javascript]. The project, the page and its screenshots: the [repository].
//!
#![doc = concat!("[reference]: ", env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/reference.md")]
#![doc = concat!("[architecture]: ", env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/architecture.md")]
#![doc = concat!("[robustness]: ", env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/robustness.md")]
#![doc = concat!("[javascript]: ", env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/javascript.md")]
#![doc = concat!("[repository]: ", env!("CARGO_PKG_REPOSITORY"))]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]
#![warn(missing_docs)]

/// The Rust examples of README.md, run as doc tests (`cargo test --doc`); not
/// part of the API. (The crate's own docs above stay free of the README's
/// relative links and screenshots, which docs.rs could not show.)
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The Rust examples of docs/reference.md, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../docs/reference.md")]
pub struct ReferenceDoctests;

pub mod api;
mod bilingual;
pub mod compare;
pub mod error;
pub mod export;
pub mod formats;
pub mod graph;
pub mod json;
pub mod model;
pub mod objectdata;
pub mod packed;
pub mod path;
pub mod phase;
pub mod reader;
pub mod summary;
pub mod time;
pub mod timeline;
pub mod view;
pub mod workspace;
pub mod yaml;

/// What the unit tests of several modules share.
#[cfg(test)]
mod testing {
    /// The error `r` holds; the test fails, showing the value instead, when it
    /// holds none (for the tests of what a parser refuses).
    pub(crate) fn error_of<T: std::fmt::Debug, E>(r: Result<T, E>) -> E {
        match r {
            Err(e) => e,
            Ok(v) => unreachable!("expected an error, found {v:?}"),
        }
    }
}

use error::{Error, ErrorCode};
use js_sys::{Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    /// `string | Uint8Array`.
    #[wasm_bindgen(typescript_type = "string | Uint8Array")]
    pub type Input;
    /// `Options | undefined`.
    #[wasm_bindgen(typescript_type = "Options | undefined")]
    pub type JsOptions;
    /// Summary.
    #[wasm_bindgen(typescript_type = "Summary")]
    pub type JsSummary;
    /// Timeline.
    #[wasm_bindgen(typescript_type = "Timeline")]
    pub type JsTimeline;
    /// Event[].
    #[wasm_bindgen(typescript_type = "Event[]")]
    pub type JsEvents;
    /// DecodedObjectData.
    #[wasm_bindgen(typescript_type = "DecodedObjectData")]
    pub type JsDecoded;
    /// Format.
    #[wasm_bindgen(typescript_type = "Format")]
    pub type JsFormat;
    /// Graph.
    #[wasm_bindgen(typescript_type = "Graph")]
    pub type JsGraph;
}

/// `new TextEncoder().encode(input)` on a JS string, without first copying the
/// string into wasm memory.
fn encode_js_string(input: &JsValue) -> Result<Uint8Array, JsValue> {
    let encoder = web_sys::TextEncoder::new()?;
    let encode: js_sys::Function = Reflect::get(&encoder, &"encode".into())?.dyn_into()?;
    encode.call1(&encoder, input)?.dyn_into()
}

/// Turns an [`Error`] into a JS `Error` with `code` (and `line`, `column`, `offset`).
fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("ExecscopeError");
    let obj: &JsValue = err.as_ref();
    let _ = Reflect::set(obj, &"code".into(), &e.code.as_str().into());
    for (key, value) in [("line", e.line), ("column", e.column), ("offset", e.offset)] {
        if let Some(v) = value {
            let _ = Reflect::set(obj, &key.into(), &JsValue::from_f64(v as f64));
        }
    }
    err.into()
}

fn option_error(message: String) -> JsValue {
    js_error(&Error::new(ErrorCode::InvalidOption, message))
}

fn describe_js(v: &JsValue) -> String {
    match v.js_typeof().as_string().as_deref() {
        Some("string") => "a string".into(),
        Some("number") => format!("a number ({})", v.as_f64().unwrap_or(f64::NAN)),
        Some("object") if v.is_null() => "null".into(),
        Some(t) => format!("a value of type {t}"),
        None => "an unknown value".into(),
    }
}

/// Reads `options` (undefined, null or a plain object).
fn options(value: &JsValue) -> Result<api::Options, JsValue> {
    let mut out = api::Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(out);
    }
    if !value.is_object() {
        return Err(option_error(format!(
            "expected options to be an object or undefined, found {}",
            describe_js(value)
        )));
    }
    let get = |k: &str| Reflect::get(value, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let format = get("format");
    if !format.is_undefined() && !format.is_null() {
        let name = format.as_string().ok_or_else(|| {
            option_error(format!(
                "expected options.format to be a format name, found {}",
                describe_js(&format)
            ))
        })?;
        out.format = Some(model::Format::from_name(&name).ok_or_else(|| {
            option_error(format!(
                "expected options.format to be one of aos-execution, gcs-execution, execution-events, \
                 workflow-executions, rfs-stack-events, api-error, found {}",
                reader::quote(&name)
            ))
        })?);
    }
    let strict = get("strict");
    if !strict.is_undefined() && !strict.is_null() {
        out.strict = strict.as_bool().ok_or_else(|| {
            option_error(format!(
                "expected options.strict to be a boolean, found {}",
                describe_js(&strict)
            ))
        })?;
    }
    let max = get("maxBytes");
    if !max.is_undefined() && !max.is_null() {
        match max.as_f64() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= 4_294_967_295.0 => {
                out.max_bytes = n as usize
            }
            _ => {
                return Err(option_error(format!(
                    "expected options.maxBytes to be a whole number of bytes, found {}",
                    describe_js(&max)
                )))
            }
        }
    }
    let run = get("run");
    if !run.is_undefined() && !run.is_null() {
        out.run = Some(run.as_string().ok_or_else(|| {
            option_error(format!(
                "expected options.run to be a run id (string), found {}",
                describe_js(&run)
            ))
        })?);
    }
    Ok(out)
}

/// Reads the optional options argument of every export.
fn read_options(options: Option<JsOptions>) -> Result<api::Options, JsValue> {
    self::options(&options.map(JsValue::from).unwrap_or(JsValue::UNDEFINED))
}

/// Calls `f` with the input's bytes, copied into wasm memory once, after the size
/// cap is checked. A string is encoded to UTF-8 by the browser's `TextEncoder`
/// first (outside wasm memory), so string and Uint8Array input take the same path
/// and give identical results.
fn with_input<T>(
    input: &JsValue,
    options: &api::Options,
    f: impl FnOnce(&[u8]) -> Result<T, Error>,
) -> Result<T, JsValue> {
    f(&owned_input(input, options)?).map_err(|e| js_error(&e))
}

/// The input's bytes copied into wasm memory once (a string encoded as UTF-8
/// first), its size checked against `options.max_bytes`.
fn owned_input(input: &JsValue, options: &api::Options) -> Result<Vec<u8>, JsValue> {
    let encoded;
    let bytes = if let Some(bytes) = input.dyn_ref::<Uint8Array>() {
        bytes
    } else if let Some(text) = input.dyn_ref::<js_sys::JsString>() {
        // UTF-8 takes at least one byte per UTF-16 unit: refuse before encoding.
        json::check_size(text.length() as usize, options.max_bytes).map_err(|e| js_error(&e))?;
        encoded = encode_js_string(input)?;
        &encoded
    } else {
        return Err(js_error(&Error::new(
            ErrorCode::InvalidOption,
            format!(
                "expected the input to be a string or a Uint8Array, found {}",
                describe_js(input)
            ),
        )));
    };
    json::check_size(bytes.length() as usize, options.max_bytes).map_err(|e| js_error(&e))?;
    Ok(bytes.to_vec())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// A function of the Rust API over one input: the options read, then `f`
/// over the input's bytes (see `with_input`).
fn call<T>(
    input: &Input,
    options: Option<JsOptions>,
    f: impl FnOnce(&[u8], &api::Options) -> Result<T, Error>,
) -> Result<T, JsValue> {
    let opts = read_options(options)?;
    with_input(input, &opts, |b| f(b, &opts))
}

/// [`call`], its result handed to JavaScript as plain data typed `R`.
fn call_js<T: Serialize, R: JsCast>(
    input: &Input,
    options: Option<JsOptions>,
    f: impl FnOnce(&[u8], &api::Options) -> Result<T, Error>,
) -> Result<R, JsValue> {
    Ok(to_js(&call(input, options, f)?)?.unchecked_into())
}

/// Summarizes a payload (string or Uint8Array): the format, every run with its
/// phase, progress, times and first failure, and the warnings.
#[wasm_bindgen]
pub fn summarize(input: &Input, options: Option<JsOptions>) -> Result<JsSummary, JsValue> {
    call_js(input, options, api::summarize)
}

/// The timeline of one run: a lane per element with spans and markers.
#[wasm_bindgen]
pub fn timeline(input: &Input, options: Option<JsOptions>) -> Result<JsTimeline, JsValue> {
    call_js(input, options, api::timeline)
}

/// The dependency graph of one run (`options.run`): nodes laid out, edges with
/// routes, root causes with what they took down, the critical path, warnings.
#[wasm_bindgen]
pub fn graph(input: &Input, options: Option<JsOptions>) -> Result<JsGraph, JsValue> {
    call_js(input, options, api::graph)
}

/// The events of an execution-events payload, normalized ([] for other formats).
#[wasm_bindgen]
pub fn events(input: &Input, options: Option<JsOptions>) -> Result<JsEvents, JsValue> {
    call_js(input, options, api::events)
}

/// The detected format of a payload.
#[wasm_bindgen]
pub fn detect(input: &Input, options: Option<JsOptions>) -> Result<JsFormat, JsValue> {
    let format = call(input, options, api::detect)?;
    Ok(JsValue::from_str(format.as_str()).unchecked_into())
}

/// The payload as strict JSON text (BOM skipped, trailing commas removed), for `JSON.parse`.
#[wasm_bindgen(js_name = rawJson)]
pub fn raw_json(input: &Input, options: Option<JsOptions>) -> Result<String, JsValue> {
    call(input, options, api::raw_json)
}

/// Compares two runs (each payload's `options.run`, default its first/newest):
/// per element phase before and after, duration change, elements only in one, the
/// first divergence, and objectData compared field by field.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    a: &Input,
    b: &Input,
    options_a: Option<JsOptions>,
    options_b: Option<JsOptions>,
) -> Result<JsValue, JsValue> {
    let (oa, ob) = (read_options(options_a)?, read_options(options_b)?);
    let bytes_a = with_input(a, &oa, |bytes| Ok(bytes.to_vec()))?;
    let comparison = with_input(b, &ob, |bytes| api::compare(&bytes_a, &oa, bytes, &ob))?;
    to_js(&comparison)
}

/// The normalized model (summary, timeline, elements, events per run) as JSON text.
#[wasm_bindgen(js_name = exportJson)]
pub fn export_json(input: &Input, options: Option<JsOptions>) -> Result<String, JsValue> {
    call(input, options, api::export_json)
}

/// The elements of every run as CSV text (RFC 4180, formula-guarded).
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(input: &Input, options: Option<JsOptions>) -> Result<String, JsValue> {
    call(input, options, api::export_csv)
}

/// The timelines in the Chrome Trace Event format (JSON text) for Perfetto or chrome://tracing.
#[wasm_bindgen(js_name = exportTrace)]
pub fn export_trace(input: &Input, options: Option<JsOptions>) -> Result<String, JsValue> {
    call(input, options, api::export_trace)
}

/// Decodes a base64 objectData / changedObjectData text.
#[wasm_bindgen(js_name = decodeObjectData)]
pub fn decode_object_data(text: &str) -> Result<JsDecoded, JsValue> {
    let mut decoded = objectdata::decode(text).map_err(|e| js_error(&e))?;
    let yaml = objectdata::parse_yaml(&mut decoded);
    let value = to_js(&decoded)?;
    // JSON.parse creates own properties only: a "__proto__" key stays data.
    // A YAML value crosses as JSON text for the same reason.
    let json = match (decoded.format, yaml) {
        (Some(objectdata::DataFormat::Json), _) => Some(decoded.text),
        (_, Some(v)) => serde_json::to_string(&v).ok(),
        _ => None,
    };
    if let Some(json) = json {
        let parsed = js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL);
        let _ = Reflect::set(&value, &"json".into(), &parsed);
    }
    Ok(value.unchecked_into())
}

/// Splits a bilingual text ("中文##English") the way the core splits event reasons
/// and messages: `{raw, zh, en}`, both halves trimmed; without a `##` the whole
/// text is the Chinese half when it holds CJK characters, else the English half.
/// For the texts the summary and the timeline return as written (a run's or an
/// element's reason and message), so callers never re-derive the rule.
#[wasm_bindgen(js_name = splitBilingual, unchecked_return_type = "Bilingual")]
pub fn split_bilingual(text: &str) -> Result<JsValue, JsValue> {
    to_js(&bilingual::split(text))
}

/// What the bits of a `TimelineView.frame` cell mean (`view.rs`): the masks, and
/// the phases in index order (the low bits hold that index + 1; the filter's
/// phase mask is `1 << index`). The page and the CLI read these instead of
/// copying them.
#[wasm_bindgen(js_name = frameBits, unchecked_return_type = "FrameBits")]
pub fn frame_bits() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct FrameBits {
        phase: u8,
        inferred: u8,
        open: u8,
        marker: u8,
        failure: u8,
        phases: Vec<&'static str>,
    }
    to_js(&FrameBits {
        phase: view::CELL_PHASE,
        inferred: view::CELL_INFERRED,
        open: view::CELL_OPEN,
        marker: view::CELL_MARKER,
        failure: view::CELL_FAILURE,
        phases: phase::Phase::ALL.iter().map(|p| p.as_str()).collect(),
    })
}

/// A timeline kept inside wasm, drawn window by window: one byte per lane per
/// pixel column (the cell bits: docs/reference.md, "Payload and TimelineView"), so
/// a frame costs the same at a million spans as at ten thousand.
#[wasm_bindgen]
pub struct TimelineView {
    view: view::View,
}

impl TimelineView {
    /// The view of `timeline` (kept inside wasm).
    fn of(timeline: timeline::Timeline) -> TimelineView {
        TimelineView {
            view: view::View::new(timeline),
        }
    }

    /// The visible lanes `from..to` (fewer when the filter keeps fewer): what
    /// `labels`, `ids` and `lanePhases` read one column of.
    fn visible_lanes(&self, from: u32, to: u32) -> impl Iterator<Item = &timeline::Lane> {
        (from..to).map_while(|i| self.view.visible_lane(i as usize))
    }
}

#[wasm_bindgen]
impl TimelineView {
    /// Reads the payload and builds the timeline of one run (`options.run`).
    #[wasm_bindgen(constructor)]
    pub fn new(input: &Input, options: Option<JsOptions>) -> Result<TimelineView, JsValue> {
        let opts = read_options(options)?;
        let timeline = with_input(input, &opts, |b| api::timeline(b, &opts))?;
        Ok(TimelineView::of(timeline))
    }

    /// Earliest time (epoch ms), or undefined.
    #[wasm_bindgen(getter)]
    pub fn start(&self) -> Option<f64> {
        self.view.timeline().start.map(|t| t as f64)
    }

    /// Latest time (epoch ms), or undefined.
    #[wasm_bindgen(getter)]
    pub fn end(&self) -> Option<f64> {
        self.view.timeline().end.map(|t| t as f64)
    }

    /// All lanes.
    #[wasm_bindgen(getter, js_name = laneCount)]
    pub fn lane_count(&self) -> u32 {
        self.view.timeline().lanes.len() as u32
    }

    /// Lanes the filter keeps.
    #[wasm_bindgen(getter, js_name = visibleCount)]
    pub fn visible_count(&self) -> u32 {
        self.view.visible_count() as u32
    }

    /// Keeps lanes whose phase bit (`1 << index` in Pending, Running, Succeeded,
    /// Failed, Cancelled, Skipped, Unknown order) is in `phaseMask` and whose
    /// text contains `text`. Returns the visible count.
    pub fn filter(&mut self, phase_mask: u8, text: &str) -> u32 {
        self.view.filter(phase_mask, text) as u32
    }

    /// Labels of visible lanes `from..to`.
    pub fn labels(&self, from: u32, to: u32) -> Vec<String> {
        self.visible_lanes(from, to)
            .map(|lane| lane.label.clone())
            .collect()
    }

    /// Ids of visible lanes `from..to`.
    pub fn ids(&self, from: u32, to: u32) -> Vec<String> {
        self.visible_lanes(from, to)
            .map(|lane| lane.id.clone())
            .collect()
    }

    /// Phase index of each visible lane `from..to`.
    #[wasm_bindgen(js_name = lanePhases)]
    pub fn lane_phases(&self, from: u32, to: u32) -> Vec<u8> {
        self.visible_lanes(from, to)
            .map(|lane| lane.phase.index() as u8)
            .collect()
    }

    /// The visible lane `index` as a `Lane` object (for details), or undefined.
    #[wasm_bindgen(js_name = lane, unchecked_return_type = "Lane | undefined")]
    pub fn lane(&self, index: u32) -> Result<JsValue, JsValue> {
        match self.view.visible_lane(index as usize) {
            Some(lane) => to_js(lane),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The visible index of the lane with id `id`, or undefined.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, id: &str) -> Option<u32> {
        (0..self.view.visible_count())
            .find(|&i| self.view.visible_lane(i).is_some_and(|l| l.id == id))
            .map(|i| i as u32)
    }

    /// One byte per column per visible lane `laneFrom..laneTo` for times `t0..t1`.
    pub fn frame(&self, t0: f64, t1: f64, columns: u32, lane_from: u32, lane_to: u32) -> Vec<u8> {
        self.view.frame(t0, t1, columns, lane_from, lane_to)
    }

    /// What is at time `t` in visible lane `row` (within `toleranceMs`):
    /// `{lane, span, marker}` or undefined.
    #[wasm_bindgen(unchecked_return_type = "Hit | undefined")]
    pub fn hit(&self, row: u32, t: f64, tolerance_ms: f64) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct HitOut<'a> {
            lane: &'a timeline::Lane,
            span: Option<&'a timeline::Span>,
            marker: Option<&'a model::Marker>,
        }
        match self.view.hit(row, t, tolerance_ms) {
            Some(h) => to_js(&HitOut {
                lane: h.lane,
                span: h.span,
                marker: h.marker,
            }),
            None => Ok(JsValue::UNDEFINED),
        }
    }
}

/// A payload read once and kept inside wasm: its summary, timelines, views and
/// events without reading it again (a 100 MB event list takes a second to read).
///
/// Opening it ([`api::read_for_open`]) reads, for an event list, only what
/// the summary needs, so the summary is there at once; the whole model, with
/// the event list, is then read on the first call that needs it (`timeline`,
/// `view`, `graph`, `eventsPacked`), and never again. Any other payload is
/// read whole at once. `Payload.readWhole` reads an event list whole at once
/// too, for callers that will need more than its summary.
#[wasm_bindgen]
pub struct Payload {
    bytes: Vec<u8>,
    options: api::Options,
    format: model::Format,
    summary: summary::Summary,
    /// The whole model (its runs without their events), once read.
    model: Option<model::Model>,
    /// The event list, from the read of the whole model until `eventsPacked`
    /// has handed it over.
    events: Option<Vec<model::Event>>,
}

impl Payload {
    /// A payload of `model` (read from `bytes`): kept when it is `whole`,
    /// with its event list when `events` (else they are read when asked).
    fn of(
        bytes: Vec<u8>,
        options: api::Options,
        model: model::Model,
        whole: bool,
        events: bool,
    ) -> Payload {
        let summary = summary::summarize(&model);
        let format = model.format;
        let (model, list) = split_events(model);
        Payload {
            bytes,
            options,
            format,
            summary,
            model: whole.then_some(model),
            events: events.then_some(list),
        }
    }

    /// The whole model, read on first use (with the event list, kept in `events`).
    fn model(&mut self) -> Result<&model::Model, JsValue> {
        let model = match self.model.take() {
            Some(model) => model,
            None => {
                let m = api::read(&self.bytes, &self.options).map_err(|e| js_error(&e))?;
                let (m, events) = split_events(m);
                self.events = Some(events);
                m
            }
        };
        Ok(self.model.insert(model))
    }

    /// The timeline of run `run` (default the first) of the whole model.
    fn timeline_of(&mut self, run: Option<&str>) -> Result<timeline::Timeline, JsValue> {
        api::timeline_of(self.model()?, run).map_err(|e| js_error(&e))
    }
}

/// A model and its runs' event lists apart (only `eventsPacked` reads them).
fn split_events(mut m: model::Model) -> (model::Model, Vec<model::Event>) {
    let events = m
        .runs
        .iter_mut()
        .flat_map(|r| std::mem::take(&mut r.events));
    let events = events.collect();
    (m, events)
}

#[wasm_bindgen]
impl Payload {
    /// Reads the payload (string or Uint8Array) with the usual options.
    #[wasm_bindgen(constructor)]
    pub fn new(input: &Input, options: Option<JsOptions>) -> Result<Payload, JsValue> {
        let options = read_options(options)?;
        let bytes = owned_input(input, &options)?;
        let (model, whole) = api::read_for_open(&bytes, &options).map_err(|e| js_error(&e))?;
        Ok(Payload::of(bytes, options, model, whole, whole))
    }

    /// Reads the payload's whole model at once, where `new Payload` reads an
    /// event list's summary first and the whole model on the first call that
    /// needs it (two reads): for callers that will ask for a timeline, graph
    /// or the events anyway, as the command line does. `events`: keep the
    /// normalized event list too, for `events()` and `eventsPacked` (default
    /// false: they read it when asked, and the model is read without it).
    #[wasm_bindgen(js_name = readWhole)]
    pub fn read_whole(
        input: &Input,
        options: Option<JsOptions>,
        events: Option<bool>,
    ) -> Result<Payload, JsValue> {
        let options = read_options(options)?;
        let bytes = owned_input(input, &options)?;
        let keep = events.unwrap_or(false);
        let model = match keep {
            true => api::read(&bytes, &options),
            false => api::read_lean(&bytes, &options),
        };
        let model = model.map_err(|e| js_error(&e))?;
        // Only an event list has events to read again.
        let keep = keep || model.format != model::Format::ExecutionEvents;
        Ok(Payload::of(bytes, options, model, true, keep))
    }

    /// The detected (or forced) format.
    #[wasm_bindgen(getter)]
    pub fn format(&self) -> JsFormat {
        JsValue::from_str(self.format.as_str()).unchecked_into()
    }

    /// The summary, as `summarize` returns it.
    pub fn summary(&self) -> Result<JsSummary, JsValue> {
        Ok(to_js(&self.summary)?.unchecked_into())
    }

    /// The timeline of run `run` (default the first: a workflow history's newest).
    pub fn timeline(&mut self, run: Option<String>) -> Result<JsTimeline, JsValue> {
        Ok(to_js(&self.timeline_of(run.as_deref())?)?.unchecked_into())
    }

    /// The timeline of run `run` as a `TimelineView` for drawing.
    pub fn view(&mut self, run: Option<String>) -> Result<TimelineView, JsValue> {
        Ok(TimelineView::of(self.timeline_of(run.as_deref())?))
    }

    /// The dependency graph of run `run` (default the first).
    pub fn graph(&mut self, run: Option<String>) -> Result<JsGraph, JsValue> {
        let g = api::graph_of(self.model()?, run.as_deref()).map_err(|e| js_error(&e))?;
        Ok(to_js(&g)?.unchecked_into())
    }

    /// The normalized events ([] for formats other than event lists).
    pub fn events(&self) -> Result<JsEvents, JsValue> {
        let events = match &self.events {
            Some(events) => to_js(events)?,
            None => to_js(&api::events(&self.bytes, &self.options).map_err(|e| js_error(&e))?)?,
        };
        Ok(events.unchecked_into())
    }

    /// Events `from..from + count` packed as columns (`PackedEvents` in
    /// types.d.ts; `packed.rs`): what the page's events table asks for in
    /// slices. The list comes from the read of the whole model (or, once it
    /// has been handed over, is read again) and is kept until the slice that
    /// reaches its end has been handed over (wasm memory never shrinks, but
    /// the allocator reuses it).
    #[wasm_bindgen(js_name = eventsPacked, unchecked_return_type = "PackedEvents")]
    pub fn events_packed(&mut self, from: u32, count: u32) -> Result<JsValue, JsValue> {
        self.model()?;
        let events = match self.events.take() {
            Some(events) => events,
            None => api::events(&self.bytes, &self.options).map_err(|e| js_error(&e))?,
        };
        let p = packed::pack(&events, from as usize, count as usize);
        let out = packed_to_js(&p)?;
        let done = (from as usize).saturating_add(count as usize) >= events.len();
        if !done {
            self.events = Some(events);
        }
        Ok(out)
    }
}

/// A packed slice as the JS object `PackedEvents`: the columns as typed
/// arrays, the texts as one string (`packed.rs`).
fn packed_to_js(p: &packed::PackedEvents<'_>) -> Result<JsValue, JsValue> {
    let set = |o: &js_sys::Object, k: &str, v: &JsValue| Reflect::set(o, &k.into(), v).map(drop);
    let i32s = |v: &[i32]| JsValue::from(js_sys::Int32Array::from(v));
    let f64s = |v: &[f64]| JsValue::from(js_sys::Float64Array::from(v));
    let cols = js_sys::Object::new();
    set(&cols, "element", &i32s(&p.element))?;
    set(&cols, "elemType", &i32s(&p.elem_type))?;
    set(&cols, "type", &i32s(&p.event_type))?;
    set(&cols, "action", &i32s(&p.action))?;
    set(&cols, "kind", &i32s(&p.kind))?;
    set(&cols, "phase", &i32s(&p.phase))?;
    set(&cols, "reason", &i32s(&p.reason))?;
    set(&cols, "msgRaw", &i32s(&p.msg_raw))?;
    set(&cols, "msgZh", &i32s(&p.msg_zh))?;
    set(&cols, "msgEn", &i32s(&p.msg_en))?;
    set(&cols, "first", &f64s(&p.first))?;
    set(&cols, "last", &f64s(&p.last))?;
    set(&cols, "count", &f64s(&p.count))?;
    let (text, starts, ends) = p.joined();
    let o = js_sys::Object::new();
    set(&o, "total", &JsValue::from(p.total as f64))?;
    set(&o, "n", &JsValue::from(p.element.len() as f64))?;
    set(&o, "text", &JsValue::from_str(&text))?;
    set(&o, "starts", &js_sys::Uint32Array::from(&starts[..]).into())?;
    set(&o, "ends", &js_sys::Uint32Array::from(&ends[..]).into())?;
    set(&o, "reasons", &i32s(&p.reasons))?;
    set(&o, "cols", &cols)?;
    Ok(o.into())
}

/// Payloads of the same run joined into one: an execution and its events, a
/// workflow run and its detail, successive snapshots of a polled execution.
#[wasm_bindgen]
pub struct Workspace {
    inner: workspace::Workspace,
}

impl Workspace {
    /// What the workspace gave for `run_id`, or the `unknown_run` error that
    /// lists the runs it knows (`None`: no run has that id).
    fn found<T>(&self, run_id: &str, found: Option<T>) -> Result<T, JsValue> {
        found.ok_or_else(|| {
            let runs = self.inner.runs();
            js_error(&Error::unknown_run(
                run_id,
                runs.iter().map(|r| r.id.as_str()),
            ))
        })
    }
}

#[wasm_bindgen]
impl Workspace {
    /// An empty workspace.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Workspace {
        Workspace {
            inner: workspace::Workspace::new(),
        }
    }

    /// Reads a payload and joins its runs with those already added. Returns
    /// `{source, name, format, runs, warnings}`.
    #[wasm_bindgen(unchecked_return_type = "Added")]
    pub fn add(
        &mut self,
        input: &Input,
        name: &str,
        options: Option<JsOptions>,
    ) -> Result<JsValue, JsValue> {
        let opts = read_options(options)?;
        let model = with_input(input, &opts, |b| api::read(b, &opts))?;
        to_js(&self.inner.add(name, model))
    }

    /// Every run: `{id, name, phase, sources, snapshots}`.
    #[wasm_bindgen(unchecked_return_type = "WorkspaceRun[]")]
    pub fn runs(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.runs())
    }

    /// The merged summary of a run, with its sources, conflicts and progress history.
    #[wasm_bindgen(unchecked_return_type = "WorkspaceSummary")]
    pub fn summary(&self, run_id: &str) -> Result<JsValue, JsValue> {
        to_js(&self.found(run_id, self.inner.summary(run_id))?)
    }

    /// The merged timeline of a run; each span's `source` says where its start came from.
    #[wasm_bindgen(unchecked_return_type = "Timeline")]
    pub fn timeline(&self, run_id: &str) -> Result<JsValue, JsValue> {
        to_js(&self.found(run_id, self.inner.timeline(run_id))?)
    }

    /// The merged timeline as a `TimelineView` for drawing.
    #[wasm_bindgen(js_name = timelineView)]
    pub fn timeline_view(&self, run_id: &str) -> Result<TimelineView, JsValue> {
        Ok(TimelineView::of(
            self.found(run_id, self.inner.timeline(run_id))?,
        ))
    }

    /// The dependency graph of a run: merged elements, the status payload's template.
    #[wasm_bindgen(unchecked_return_type = "Graph")]
    pub fn graph(&self, run_id: &str) -> Result<JsValue, JsValue> {
        to_js(&self.found(run_id, self.inner.graph(run_id))?)
    }

    /// What changed from snapshot `since` (0-based) to each later snapshot.
    #[wasm_bindgen(unchecked_return_type = "Change[]")]
    pub fn changes(&self, run_id: &str, since: u32) -> Result<JsValue, JsValue> {
        to_js(&self.found(run_id, self.inner.changes(run_id, since as usize))?)
    }

    /// Names of the payloads added, in order.
    #[wasm_bindgen(js_name = sourceNames)]
    pub fn source_names(&self) -> Vec<String> {
        self.inner.source_names()
    }
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace::new()
    }
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
