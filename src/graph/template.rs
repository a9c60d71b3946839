//! The dependencies a run's template declares: `spec.objectData` decoded
//! ([`crate::objectdata`]), parsed as JSON or YAML ([`crate::yaml`]), read as
//!
//! - a TOSCA template (AOS, and GCS when it holds one): `node_templates` at the
//!   top (Huawei's AOS layout) or under `topology_template` (TOSCA's). Each
//!   entry is an element; it depends on another element
//!   - explicitly, by a requirement: `requirements: [{<name>: {node: <element>,
//!     relationship?: <type>}}]`, or the short form `{<name>: <element>}`; the
//!     edge's name is `<name>`. A `get_reference`/`get_attribute` inside a
//!     requirement is a requirement too (`{vpcId: {get_reference: my-vpc}}`).
//!     A map of requirements instead of a list is read the same way.
//!   - implicitly, by `{get_reference: <element>}` (or `[<element>]`, as
//!     Huawei's docs write it) or `{get_attribute: [<element>, <attribute>, …]}`
//!     anywhere inside its `properties`, however deep, also inside the
//!     arguments of other functions (`concat`, `get_in_map`); the edge's name is
//!     the function. A function is a map with that one key, as TOSCA writes it.
//!     `get_input`, `get_in_map` and `concat` themselves create no edge, nor do
//!     TOSCA's `SELF`, `SOURCE`, `TARGET` and `HOST` in place of a name.
//! - a GCS workflow (genecontainer): `workflow: {<job>: {depends: [{target:
//!   <job>, type: whole}]}}`; each target is a requirement named `depends`.
//!
//! Element names are text; a YAML key such as `1:` is `"1"` (see
//! [`crate::yaml`]) and a `node: 1` names it too. Names of any other type are
//! skipped with a `wrong_type` warning. What cannot be read at all — objectData
//! that is not base64, not JSON or YAML, over a YAML limit, or holds neither
//! `node_templates` nor `workflow` — gives no dependencies and one
//! `invalid_template` warning; a redacted (`*****`) or empty objectData gives
//! none and no warning. Warning paths continue from `spec.objectData` into the
//! decoded template as if it were written in place:
//! `$.spec.objectData.node_templates['shop-api'].requirements[0].database.node`.

use crate::error::{Warning, WarningCode};
use crate::objectdata::{self, DataFormat, Status};
use crate::path::{render_segments, Segment};
use crate::reader::{describe, quote};
use serde_json::{Map, Value};

/// `"requirement"` or `"reference"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    /// Declared by a requirement (or a GCS `depends`).
    Requirement,
    /// Implied by `get_reference` / `get_attribute` in the properties.
    Reference,
}

/// One dependency as the template states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    /// The element depended on (may not exist).
    pub target: String,
    /// How it is declared.
    pub kind: EdgeKind,
    /// The requirement's name, `depends`, or the function.
    pub name: String,
    /// Where, rendered.
    pub path: String,
}

/// One element of the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateNode {
    /// Its name (the `node_templates` / `workflow` key).
    pub name: String,
    /// Its `type`, when text.
    pub kind: Option<String>,
    /// What it depends on, in template order.
    pub dependencies: Vec<Dependency>,
}

/// A template read: its elements in template order, and where they are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Template {
    /// The elements.
    pub nodes: Vec<TemplateNode>,
    /// The path of the collection of elements (`$.spec.objectData.node_templates`).
    pub path: String,
}

/// An owned path segment inside the template.
#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Renders `base` (the objectData's path) followed by `rest`.
fn render(base: &[&str], rest: &[Seg]) -> String {
    let mut segments = vec![Segment::Root];
    segments.extend(base.iter().map(|k| Segment::Key(k)));
    segments.extend(rest.iter().map(|s| match s {
        Seg::Key(k) => Segment::Key(k),
        Seg::Index(i) => Segment::Index(*i),
    }));
    render_segments(&segments)
}

/// Collects warnings (capped like the readers').
pub(crate) struct Warnings {
    pub list: Vec<Warning>,
    pub suppressed: usize,
}

impl Warnings {
    pub fn new() -> Self {
        Warnings {
            list: Vec::new(),
            suppressed: 0,
        }
    }

    pub fn push(&mut self, code: WarningCode, message: String, path: String) {
        if self.list.len() >= crate::reader::MAX_WARNINGS {
            self.suppressed += 1;
        } else {
            self.list.push(Warning {
                code,
                message,
                path,
            });
        }
    }

    pub fn finish(mut self) -> Vec<Warning> {
        if self.suppressed > 0 {
            self.list.push(Warning::too_many(
                crate::reader::MAX_WARNINGS,
                self.suppressed,
            ));
        }
        self.list
    }
}

/// The names TOSCA uses for "this node" or the relationship's ends: no edge.
fn is_keyword(name: &str) -> bool {
    matches!(name, "SELF" | "SOURCE" | "TARGET" | "HOST")
}

/// An element name: text, or a number as written (a YAML `1:` key is `"1"`).
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads the template in `object_data` (the text of `spec.objectData`, found
/// at `base`). None when there is no template to read.
pub(crate) fn read(object_data: &str, base: &[&str], w: &mut Warnings) -> Option<Template> {
    let here = || render(base, &[]);
    let decoded = match objectdata::decode(object_data) {
        Ok(d) => d,
        Err(e) => {
            w.push(
                WarningCode::InvalidTemplate,
                format!(
                    "expected a base64 template, found text that does not decode: {}",
                    e.message
                ),
                here(),
            );
            return None;
        }
    };
    if decoded.status != Status::Decoded {
        return None;
    }
    let value = match decoded.format {
        Some(DataFormat::Json) => match serde_json::from_str::<Value>(&decoded.text) {
            Ok(v) => v,
            Err(e) => {
                w.push(
                    WarningCode::InvalidTemplate,
                    format!(
                        "expected a json template nested at most 128 levels deep, found {} at line {}, column {} of the decoded text",
                        if e.to_string().starts_with("recursion limit") {
                            "deeper nesting"
                        } else {
                            "a value that does not parse"
                        },
                        e.line(),
                        e.column()
                    ),
                    here(),
                );
                return None;
            }
        },
        Some(DataFormat::Yaml) => match crate::yaml::parse(&decoded.text) {
            Ok(v) => v,
            Err(e) => {
                w.push(
                    WarningCode::InvalidTemplate,
                    format!("{} of the decoded text", e.message),
                    here(),
                );
                return None;
            }
        },
        Some(DataFormat::Text) | Some(DataFormat::Binary) | None => {
            w.push(
                WarningCode::InvalidTemplate,
                format!(
                    "expected a json or yaml template, found {}",
                    if decoded.format == Some(DataFormat::Binary) {
                        "binary data"
                    } else {
                        "plain text"
                    }
                ),
                here(),
            );
            return None;
        }
    };
    let root = match &value {
        Value::Object(o) => o,
        other => {
            w.push(
                WarningCode::InvalidTemplate,
                format!(
                    "expected a template object with node_templates or workflow, found {}",
                    describe(other)
                ),
                here(),
            );
            return None;
        }
    };
    if let Some(nodes) = root.get("node_templates") {
        return tosca(nodes, base, vec![Seg::Key("node_templates".into())], w);
    }
    if let Some(nodes) = root
        .get("topology_template")
        .and_then(Value::as_object)
        .and_then(|t| t.get("node_templates"))
    {
        let at = vec![
            Seg::Key("topology_template".into()),
            Seg::Key("node_templates".into()),
        ];
        return tosca(nodes, base, at, w);
    }
    if let Some(jobs) = root.get("workflow") {
        return genecontainer(jobs, base, w);
    }
    let keys: Vec<String> = root.keys().take(8).map(|k| quote(k)).collect();
    w.push(
        WarningCode::InvalidTemplate,
        format!(
            "expected a template with node_templates (tosca) or workflow (gcs), found an object with the keys {}{}",
            if keys.is_empty() { "none".to_string() } else { keys.join(", ") },
            if root.len() > 8 { ", …" } else { "" }
        ),
        here(),
    );
    None
}

/// `v` as the object of named entries a template lists, and the template to
/// fill from them; else warned (`expected`: what it should be).
fn entries<'v>(
    v: &'v Value,
    expected: &str,
    base: &[&str],
    at: &[Seg],
    w: &mut Warnings,
) -> Option<(&'v Map<String, Value>, Template)> {
    let Some(o) = v.as_object() else {
        w.push(
            WarningCode::InvalidTemplate,
            format!("expected {expected}, found {}", describe(v)),
            render(base, at),
        );
        return None;
    };
    let template = Template {
        nodes: Vec::with_capacity(o.len()),
        path: render(base, at),
    };
    Some((o, template))
}

impl TemplateNode {
    /// A node named `name`, with no type or dependencies yet.
    fn named(name: &str) -> Self {
        TemplateNode {
            name: name.to_owned(),
            kind: None,
            dependencies: Vec::new(),
        }
    }
}

fn tosca(nodes: &Value, base: &[&str], at: Vec<Seg>, w: &mut Warnings) -> Option<Template> {
    let (nodes, mut out) = entries(
        nodes,
        "node_templates to be an object of elements",
        base,
        &at,
        w,
    )?;
    for (name, body) in nodes {
        let mut node = TemplateNode::named(name);
        if let Value::Object(body) = body {
            let mut here = at.clone();
            here.push(Seg::Key(name.clone()));
            node.kind = body.get("type").and_then(Value::as_str).map(str::to_owned);
            if let Some(reqs) = body.get("requirements") {
                let mut p = here.clone();
                p.push(Seg::Key("requirements".into()));
                requirements(reqs, base, p, &mut node.dependencies, w);
            }
            if let Some(props) = body.get("properties") {
                let mut p = here.clone();
                p.push(Seg::Key("properties".into()));
                functions(props, base, p, None, &mut node.dependencies, w);
            }
        }
        out.nodes.push(node);
    }
    Some(out)
}

/// `requirements`: a list of one-key maps (or one map of them), each map's
/// requirements read by [`requirement`]. `null` holds none, in the list or in
/// place of it; anything else is warned.
fn requirements(
    reqs: &Value,
    base: &[&str],
    at: Vec<Seg>,
    out: &mut Vec<Dependency>,
    w: &mut Warnings,
) {
    let (maps, expected) = match reqs {
        Value::Array(items) => {
            let item_at = |i| [at.as_slice(), &[Seg::Index(i)]].concat();
            let items = items.iter().enumerate();
            let maps: Vec<_> = items.map(|(i, item)| (item, item_at(i))).collect();
            (maps, "a requirement {name: {node: element}}")
        }
        _ => (vec![(reqs, at)], "requirements to be a list"),
    };
    for (map, p) in maps {
        match map {
            Value::Object(m) => {
                for (name, value) in m {
                    requirement(name, value, base, p.clone(), out, w);
                }
            }
            Value::Null => {}
            other => w.push(
                WarningCode::WrongType,
                format!("expected {expected}, found {}", describe(other)),
                render(base, &p),
            ),
        }
    }
}

fn requirement(
    name: &String,
    value: &Value,
    base: &[&str],
    mut p: Vec<Seg>,
    out: &mut Vec<Dependency>,
    w: &mut Warnings,
) {
    p.push(Seg::Key(name.clone()));
    match value {
        // The short form: `- host: my-server`.
        Value::String(_) | Value::Number(_) => {
            if let Some(target) = name_of(value) {
                out.push(Dependency {
                    target,
                    kind: EdgeKind::Requirement,
                    name: name.clone(),
                    path: render(base, &p),
                });
            }
        }
        Value::Object(m) if m.contains_key("node") => {
            p.push(Seg::Key("node".into()));
            let node = m.get("node").unwrap_or(&Value::Null);
            match name_of(node) {
                Some(target) => out.push(Dependency {
                    target,
                    kind: EdgeKind::Requirement,
                    name: name.clone(),
                    path: render(base, &p),
                }),
                None if node.is_null() => {}
                None => w.push(
                    WarningCode::WrongType,
                    format!(
                        "expected the requirement's node to be an element name, found {}",
                        describe(node)
                    ),
                    render(base, &p),
                ),
            }
        }
        // `{vpcId: {get_reference: my-vpc}}`, `{cluster: {get_input: id}}`, ...
        other => functions(other, base, p, Some(name), out, w),
    }
}

/// Finds `get_reference` / `get_attribute` anywhere in `value` (iteratively).
/// `requirement`: the requirement they are in (then they are requirements).
fn functions(
    value: &Value,
    base: &[&str],
    at: Vec<Seg>,
    requirement: Option<&String>,
    out: &mut Vec<Dependency>,
    w: &mut Warnings,
) {
    let mut todo: Vec<(&Value, Vec<Seg>)> = vec![(value, at)];
    while let Some((v, p)) = todo.pop() {
        match v {
            Value::Object(m) => {
                if m.len() == 1 {
                    if let Some((f, args)) = m.iter().next() {
                        if f == "get_reference" || f == "get_attribute" {
                            let mut fp = p.clone();
                            fp.push(Seg::Key(f.clone()));
                            let (target, tp) = match args {
                                Value::Array(a) => {
                                    let mut ap = fp.clone();
                                    ap.push(Seg::Index(0));
                                    (a.first(), ap)
                                }
                                other => (Some(other), fp.clone()),
                            };
                            match target.and_then(name_of) {
                                Some(t) if is_keyword(&t) => {}
                                Some(t) => out.push(Dependency {
                                    target: t,
                                    kind: if requirement.is_some() {
                                        EdgeKind::Requirement
                                    } else {
                                        EdgeKind::Reference
                                    },
                                    name: requirement.cloned().unwrap_or_else(|| f.clone()),
                                    path: render(base, &tp),
                                }),
                                // A nested function as the name ({get_input: x}): not knowable.
                                None if target.is_some_and(Value::is_object) => {}
                                None => w.push(
                                    WarningCode::WrongType,
                                    format!(
                                        "expected {f} to name an element, found {}",
                                        target
                                            .map_or_else(|| "an empty list".to_string(), describe)
                                    ),
                                    render(base, &tp),
                                ),
                            }
                            continue;
                        }
                    }
                }
                // Document order: pushed in reverse.
                for (k, child) in m.iter().rev() {
                    if matches!(child, Value::Object(_) | Value::Array(_)) {
                        let mut cp = p.clone();
                        cp.push(Seg::Key(k.clone()));
                        todo.push((child, cp));
                    }
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate().rev() {
                    if matches!(child, Value::Object(_) | Value::Array(_)) {
                        let mut cp = p.clone();
                        cp.push(Seg::Index(i));
                        todo.push((child, cp));
                    }
                }
            }
            _ => {}
        }
    }
}

/// A GCS workflow: `workflow: {job: {type, depends: [{target, type}]}}`.
fn genecontainer(jobs: &Value, base: &[&str], w: &mut Warnings) -> Option<Template> {
    let at = vec![Seg::Key("workflow".into())];
    let (jobs, mut out) = entries(jobs, "workflow to be an object of jobs", base, &at, w)?;
    for (name, body) in jobs {
        let mut node = TemplateNode::named(name);
        if let Value::Object(body) = body {
            node.kind = body.get("type").and_then(Value::as_str).map(str::to_owned);
            let mut p = at.clone();
            p.push(Seg::Key(name.clone()));
            p.push(Seg::Key("depends".into()));
            depends(body, base, p, &mut node.dependencies, w);
        }
        out.nodes.push(node);
    }
    Some(out)
}

fn depends(
    body: &Map<String, Value>,
    base: &[&str],
    at: Vec<Seg>,
    out: &mut Vec<Dependency>,
    w: &mut Warnings,
) {
    let Some(list) = body.get("depends") else {
        return;
    };
    let items: Vec<(Vec<Seg>, &Value)> = match list {
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let mut p = at.clone();
                p.push(Seg::Index(i));
                (p, v)
            })
            .collect(),
        Value::Null => Vec::new(),
        other => vec![(at.clone(), other)],
    };
    for (mut p, item) in items {
        let target = match item {
            Value::Object(m) => {
                p.push(Seg::Key("target".into()));
                m.get("target")
            }
            // `depends: [a, b]`: the short form some templates use.
            other => Some(other),
        };
        match target.and_then(name_of) {
            Some(t) => out.push(Dependency {
                target: t,
                kind: EdgeKind::Requirement,
                name: "depends".into(),
                path: render(base, &p),
            }),
            None => w.push(
                WarningCode::WrongType,
                format!(
                    "expected depends to name a job (target), found {}",
                    target.map_or_else(|| "none".to_string(), describe)
                ),
                render(base, &p),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    fn read_text(text: &str) -> (Option<Template>, Vec<Warning>) {
        let mut w = Warnings::new();
        let t = read(&b64(text), &["spec", "objectData"], &mut w);
        (t, w.finish())
    }

    fn deps(t: &Template) -> Vec<(String, String, EdgeKind, String)> {
        t.nodes
            .iter()
            .flat_map(|n| {
                n.dependencies
                    .iter()
                    .map(|d| (n.name.clone(), d.target.clone(), d.kind, d.name.clone()))
            })
            .collect()
    }

    #[test]
    fn yaml_requirements_and_references() {
        let yaml = r#"
tosca_definitions_version: huaweicloud_tosca_version_1_0
node_templates:
  my-vpc:
    type: HuaweiCloud.VPC.VPC
    properties: {name: {get_input: name}}
  my-subnet:
    type: HuaweiCloud.VPC.Subnet
    properties:
      vpcId: {get_reference: my-vpc}
      nested:
        - list: [{x: {get_attribute: [my-db, address]}}]
      joined: {concat: ["http://", {get_attribute: [my-elb, vip]}, ":80"]}
      self: {get_attribute: [SELF, id]}
      dynamic: {get_attribute: [{get_input: which}, id]}
      mapped: {get_in_map: [regionMap, {get_input: region}, flavor]}
    requirements:
      - vpcId:
          node: my-vpc
          relationship: HuaweiCloud.Relationships.ContainedIn
      - dependency: my-db
      - cluster: {get_input: cluster_id}
      - records: {get_reference: [my-elb]}
  my-db: {type: HuaweiCloud.RDS.MySQL}
  my-elb: {}
"#;
        let (t, w) = read_text(yaml);
        let t = t.unwrap_or_else(|| unreachable!("{w:?}"));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(t.path, "$.spec.objectData.node_templates");
        let names: Vec<&str> = t.nodes.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["my-vpc", "my-subnet", "my-db", "my-elb"]);
        assert_eq!(t.nodes[1].kind.as_deref(), Some("HuaweiCloud.VPC.Subnet"));
        let r = EdgeKind::Requirement;
        let f = EdgeKind::Reference;
        let s = |a: &str| a.to_string();
        assert_eq!(
            deps(&t),
            vec![
                (s("my-subnet"), s("my-vpc"), r, s("vpcId")),
                (s("my-subnet"), s("my-db"), r, s("dependency")),
                (s("my-subnet"), s("my-elb"), r, s("records")),
                (s("my-subnet"), s("my-vpc"), f, s("get_reference")),
                (s("my-subnet"), s("my-db"), f, s("get_attribute")),
                (s("my-subnet"), s("my-elb"), f, s("get_attribute")),
            ]
        );
        let paths: Vec<&str> = t.nodes[1]
            .dependencies
            .iter()
            .map(|d| d.path.as_str())
            .collect();
        assert_eq!(
            paths,
            [
                "$.spec.objectData.node_templates['my-subnet'].requirements[0].vpcId.node",
                "$.spec.objectData.node_templates['my-subnet'].requirements[1].dependency",
                "$.spec.objectData.node_templates['my-subnet'].requirements[3].records.get_reference[0]",
                "$.spec.objectData.node_templates['my-subnet'].properties.vpcId.get_reference",
                "$.spec.objectData.node_templates['my-subnet'].properties.nested[0].list[0].x.get_attribute[0]",
                "$.spec.objectData.node_templates['my-subnet'].properties.joined.concat[1].get_attribute[0]",
            ]
        );
    }

    #[test]
    fn json_topology_template_and_gcs_workflow() {
        let json = r#"{"topology_template": {"node_templates": {"a": {}, "b": {"requirements": [{"host": {"node": "a"}}]}}}}"#;
        let (t, w) = read_text(json);
        assert!(w.is_empty());
        let t = t.unwrap_or_default();
        assert_eq!(t.path, "$.spec.objectData.topology_template.node_templates");
        assert_eq!(deps(&t).len(), 1);
        let gcs = "version: genecontainer_0_1\nworkflow:\n  a: {type: GCS.Job}\n  b:\n    type: GCS.Job\n    depends:\n      - target: a\n        type: whole\n  c: {depends: [a, {target: b}]}\n";
        let (t, w) = read_text(gcs);
        assert!(w.is_empty(), "{w:?}");
        let t = t.unwrap_or_default();
        let s = |a: &str| a.to_string();
        let r = EdgeKind::Requirement;
        assert_eq!(
            deps(&t),
            vec![
                (s("b"), s("a"), r, s("depends")),
                (s("c"), s("a"), r, s("depends")),
                (s("c"), s("b"), r, s("depends")),
            ]
        );
        assert_eq!(
            t.nodes[1].dependencies[0].path,
            "$.spec.objectData.workflow.b.depends[0].target"
        );
    }

    #[test]
    fn what_gives_no_template() {
        for (text, warns) in [("*****", false), ("", false), ("not base64!", true)] {
            let mut w = Warnings::new();
            assert!(read(text, &["spec", "objectData"], &mut w).is_none());
            assert_eq!(!w.finish().is_empty(), warns, "{text}");
        }
        for text in [
            "plain words here",
            "{\"a\": 1}",
            "a: [1, 2\n",
            "[1, 2]",
            "key: value\n",
        ] {
            let (t, w) = read_text(text);
            assert!(t.is_none(), "{text}");
            assert_eq!(w.len(), 1, "{text}: {w:?}");
            assert_eq!(w[0].code, WarningCode::InvalidTemplate);
            assert!(w[0].message.starts_with("expected"), "{}", w[0].message);
            assert_eq!(w[0].path, "$.spec.objectData");
        }
        let deep = format!(
            "{{\"node_templates\": {}1{}}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        let (t, w) = read_text(&deep);
        assert!(t.is_none());
        assert!(w[0].message.contains("deeper nesting"), "{:?}", w[0]);
    }

    #[test]
    fn odd_names_and_shapes() {
        let yaml = "node_templates:\n  1: {}\n  a:\n    requirements:\n      - x: {node: 1}\n      - y: {node: [b]}\n      - 7\n    properties: {p: {get_attribute: []}, q: {get_reference: true}}\n";
        let (t, w) = read_text(yaml);
        let t = t.unwrap_or_default();
        assert_eq!(t.nodes[0].name, "1");
        assert_eq!(
            deps(&t),
            vec![("a".into(), "1".into(), EdgeKind::Requirement, "x".into())]
        );
        let codes: Vec<(WarningCode, &str)> = w.iter().map(|w| (w.code, w.path.as_str())).collect();
        assert_eq!(
            codes,
            vec![
                (
                    WarningCode::WrongType,
                    "$.spec.objectData.node_templates.a.requirements[1].y.node"
                ),
                (
                    WarningCode::WrongType,
                    "$.spec.objectData.node_templates.a.requirements[2]"
                ),
                (
                    WarningCode::WrongType,
                    "$.spec.objectData.node_templates.a.properties.p.get_attribute[0]"
                ),
                (
                    WarningCode::WrongType,
                    "$.spec.objectData.node_templates.a.properties.q.get_reference"
                ),
            ]
        );
    }
}
