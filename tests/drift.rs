//! The hand-written types that replace generated ones must say what the spec
//! says. Each failure names the schema and what to change.

mod support;

use anam_llms::{CreateLlmFormat, LlmFormat, ReasoningEffort, ReasoningFormat, UpstreamSecret};
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Map, Value};
use support::spec;

/// The hand-written type of each replaced schema: its known values, if it is
/// an enum, and the JSON Schema `schemars` derives for it.
fn hand_written(name: &str) -> (Option<&'static [&'static str]>, Value) {
    fn derived<T: JsonSchema>() -> Value {
        T::json_schema(&mut SchemaGenerator::default()).to_value()
    }
    match name {
        "LlmFormat" => (Some(LlmFormat::KNOWN_VALUES), derived::<LlmFormat>()),
        "ReasoningEffort" => (
            Some(ReasoningEffort::KNOWN_VALUES),
            derived::<ReasoningEffort>(),
        ),
        "ReasoningFormat" => (
            Some(ReasoningFormat::KNOWN_VALUES),
            derived::<ReasoningFormat>(),
        ),
        "UpstreamSecret" => (None, derived::<UpstreamSecret>()),
        "CreateLlmFormat" => (
            Some(CreateLlmFormat::KNOWN_VALUES),
            derived::<CreateLlmFormat>(),
        ),
        other => panic!(
            "`{other}` is listed as hand-written in tests/support/spec.rs, \
             but tests/drift.rs has no entry for it"
        ),
    }
}

/// The keywords that constrain values; descriptions and examples may differ.
fn constraints(schema: &Value) -> Map<String, Value> {
    schema
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(key, _)| {
            matches!(
                key.as_str(),
                "type" | "enum" | "format" | "writeOnly" | "nullable"
            )
        })
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

#[test]
fn should_know_exactly_the_values_the_spec_lists() {
    let spec = spec::openapi();
    let schemas = spec::schemas(&spec);

    for name in spec::HAND_WRITTEN {
        let (known, _) = hand_written(name);
        let Some(known) = known else { continue };
        let listed: Vec<&str> = schemas[*name]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("the `{name}` schema is no longer an enum"))
            .iter()
            .map(|v| v.as_str().expect("enum values are strings"))
            .collect();
        assert_eq!(
            known,
            listed.as_slice(),
            "the `{name}` schema in openapi/ lists other values than the `{name}` enum: \
             add or remove its variants in src/enums.rs, in the spec's order"
        );
    }
}

#[test]
fn should_derive_the_json_schema_the_spec_gives() {
    let spec = spec::openapi();
    let schemas = spec::schemas(&spec);

    for name in spec::HAND_WRITTEN {
        let in_spec = schemas
            .get(*name)
            .unwrap_or_else(|| panic!("the spec has no `{name}` schema any more"));
        let (_, derived) = hand_written(name);
        assert_eq!(
            constraints(&derived),
            constraints(in_spec),
            "the JSON Schema of the hand-written `{name}` differs from the spec's: \
             change the type in src/ (its variants, or its `JsonSchema` impl) to match openapi/"
        );
    }
}

#[test]
fn should_round_trip_each_known_value_of_each_open_enum() {
    fn check<T>(name: &str, known: &[&str])
    where
        T: serde::de::DeserializeOwned + serde::Serialize + std::fmt::Debug,
    {
        for value in known {
            let decoded: T = serde_json::from_value(Value::from(*value)).unwrap();
            assert_eq!(
                serde_json::to_value(&decoded).unwrap(),
                Value::from(*value),
                "`{name}` does not round-trip `{value}`"
            );
            assert!(
                !format!("{decoded:?}").starts_with("Unknown"),
                "`{name}`: `{value}` is unknown"
            );
        }
    }
    check::<LlmFormat>("LlmFormat", LlmFormat::KNOWN_VALUES);
    check::<ReasoningEffort>("ReasoningEffort", ReasoningEffort::KNOWN_VALUES);
    check::<ReasoningFormat>("ReasoningFormat", ReasoningFormat::KNOWN_VALUES);
}
