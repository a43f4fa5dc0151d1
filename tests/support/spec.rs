//! The OpenAPI document as the tests read it: loaded with `openapiv3`,
//! walked for operations and examples, and turned into JSON Schema for a
//! validator. Every spec-derived check starts here, so that a change to the
//! spec changes what is checked.

use openapiv3::{OpenAPI, ReferenceOr};
use serde_json::{Map, Value, json};

/// The document the crate is generated from.
pub const PATH: &str = "openapi/anam-llms.json";

/// The component schemas whose Rust types are written by hand instead of
/// generated, and so must be compared with the spec by a test.
pub const HAND_WRITTEN: &[&str] = &[
    "LlmFormat",
    "ReasoningEffort",
    "ReasoningFormat",
    "UpstreamSecret",
    "CreateLlmFormat",
];

/// The hand-written enums that accept values the spec does not list.
pub const OPEN_ENUMS: &[&str] = &["LlmFormat", "ReasoningEffort", "ReasoningFormat"];

/// The document, parsed by `openapiv3`.
pub fn openapi() -> OpenAPI {
    let text = std::fs::read_to_string(PATH).expect("the spec is readable");
    serde_json::from_str(&text).expect("the spec is an OpenAPI document")
}

/// The component schemas as JSON, keyed by name.
pub fn schemas(spec: &OpenAPI) -> Map<String, Value> {
    let schemas = &spec
        .components
        .as_ref()
        .expect("the spec has components")
        .schemas;
    match serde_json::to_value(schemas).unwrap() {
        Value::Object(map) => map,
        _ => unreachable!("schemas serialize as a map"),
    }
}

/// The name of the component schema a `$ref` points at.
pub fn ref_name(reference: &str) -> &str {
    reference
        .strip_prefix("#/components/schemas/")
        .unwrap_or_else(|| panic!("`{reference}` is not a component schema reference"))
}

/// Follows `$ref`s from `schema` to the schema they name, returning it with
/// the name of the last component schema passed through.
pub fn resolve<'a>(
    schemas: &'a Map<String, Value>,
    mut schema: &'a Value,
) -> (&'a Value, Option<&'a str>) {
    let mut name = None;
    while let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let target = ref_name(reference);
        schema = schemas
            .get(target)
            .unwrap_or_else(|| panic!("`{reference}` names no schema"));
        name = Some(target);
    }
    (schema, name)
}

/// A JSON body an operation sends or receives: which schema it follows and
/// the examples the spec gives for it.
pub struct Body {
    /// Where the body is, for messages: `updateLlm request`, `updateLlm 200`.
    pub at: String,
    /// The component schema the body refers to.
    pub schema: String,
    /// The spec's examples, by name.
    pub examples: Vec<(String, Value)>,
}

/// Every JSON request and response body of every operation.
pub fn bodies(spec: &OpenAPI) -> Vec<Body> {
    let mut bodies = Vec::new();
    for (_, _, operation) in spec.operations() {
        let id = operation.operation_id.as_deref().unwrap_or("?");
        if let Some(body) = &operation.request_body {
            let body = item(spec, body, |c| &c.request_bodies);
            bodies.extend(json_body(spec, format!("{id} request"), &body.content));
        }
        for (status, response) in &operation.responses.responses {
            let response = item(spec, response, |c| &c.responses);
            bodies.extend(json_body(spec, format!("{id} {status}"), &response.content));
        }
    }
    bodies
}

fn item<'a, T>(
    spec: &'a OpenAPI,
    value: &'a ReferenceOr<T>,
    pick: impl Fn(&'a openapiv3::Components) -> &'a indexmap::IndexMap<String, ReferenceOr<T>>,
) -> &'a T {
    match value {
        ReferenceOr::Item(item) => item,
        ReferenceOr::Reference { reference } => {
            let name = reference.rsplit('/').next().unwrap();
            match pick(spec.components.as_ref().unwrap()).get(name) {
                Some(ReferenceOr::Item(item)) => item,
                _ => panic!("`{reference}` names nothing"),
            }
        }
    }
}

fn json_body(
    spec: &OpenAPI,
    at: String,
    content: &indexmap::IndexMap<String, openapiv3::MediaType>,
) -> Option<Body> {
    let media = content.get("application/json")?;
    let schema = match media.schema.as_ref()? {
        ReferenceOr::Reference { reference } => ref_name(reference).to_owned(),
        ReferenceOr::Item(_) => panic!("{at}: name the body schema as a component"),
    };
    let mut examples: Vec<(String, Value)> = media
        .examples
        .iter()
        .map(|(name, example)| {
            let example = item(spec, example, |c| &c.examples);
            let value = example
                .value
                .clone()
                .unwrap_or_else(|| panic!("{at}: `{name}` has no value"));
            (name.clone(), value)
        })
        .collect();
    if let Some(example) = &media.example {
        examples.push(("example".into(), example.clone()));
    }
    Some(Body {
        at,
        schema,
        examples,
    })
}

/// The component schema `name` as a JSON Schema (2020-12) document, with the
/// OpenAPI 3.0 dialect translated: `nullable: true` becomes a `null` type,
/// and references point into `$defs`.
pub fn json_schema(schemas: &Map<String, Value>, name: &str) -> Value {
    let defs: Map<String, Value> = schemas
        .iter()
        .map(|(key, schema)| (key.clone(), translate(schema)))
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": defs,
        "$ref": format!("#/$defs/{name}"),
    })
}

fn translate(schema: &Value) -> Value {
    let Value::Object(object) = schema else {
        return schema.clone();
    };
    let mut out = Map::new();
    for (key, value) in object {
        let value = match (key.as_str(), value) {
            ("nullable" | "example" | "examples", _) => continue,
            ("$ref", Value::String(reference)) => format!("#/$defs/{}", ref_name(reference)).into(),
            ("properties", Value::Object(properties)) => Value::Object(
                properties
                    .iter()
                    .map(|(name, schema)| (name.clone(), translate(schema)))
                    .collect(),
            ),
            ("items" | "additionalProperties" | "not", _) => translate(value),
            ("allOf" | "anyOf" | "oneOf", Value::Array(schemas)) => {
                Value::Array(schemas.iter().map(translate).collect())
            }
            _ => value.clone(),
        };
        out.insert(key.clone(), value);
    }

    if object.get("nullable") != Some(&Value::Bool(true)) {
        return Value::Object(out);
    }
    match out.remove("type") {
        Some(ty) => {
            out.insert("type".into(), json!([ty, "null"]));
            if let Some(Value::Array(values)) = out.get_mut("enum") {
                values.push(Value::Null);
            }
            Value::Object(out)
        }
        None => json!({ "anyOf": [out, { "type": "null" }] }),
    }
}
