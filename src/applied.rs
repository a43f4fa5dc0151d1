//! Whether the LLM an update returned holds what the update sent.
//!
//! The update's field list is known to lag the server, so a field can be
//! accepted and ignored. Comparing the answer with the request finds that.

use crate::generated::types::{Llm, UpdateLlmRequest};

/// The wire names of the fields `sent` set whose values `llm` does not
/// hold. `secret` is never returned, so never compared; `url` is looked for
/// among `urls`.
pub(crate) fn not_applied(sent: &UpdateLlmRequest, llm: &Llm) -> Vec<&'static str> {
    let mut missing = Vec::new();
    let mut check = |name, applied: Option<bool>| {
        if applied == Some(false) {
            missing.push(name);
        }
    };

    check(
        "displayName",
        sent.display_name.as_ref().map(|v| *v == llm.display_name),
    );
    check(
        "description",
        sent.description
            .as_ref()
            .map(|v| llm.description.as_ref() == Some(v)),
    );
    check(
        "url",
        sent.url.as_ref().map(|v| {
            llm.urls
                .iter()
                .any(|u| u.url.as_deref().is_some_and(|u| same_url(u, v)))
        }),
    );
    check(
        "llmFormat",
        sent.llm_format
            .map(|v| llm.llm_format.as_str() == v.to_string()),
    );
    check(
        "modelName",
        sent.model_name
            .as_ref()
            .map(|v| llm.model_name.as_ref() == Some(v)),
    );
    check(
        "metadata",
        sent.metadata.as_ref().map(|sent| match &llm.metadata {
            None => sent.is_empty(),
            Some(held) if sent.is_empty() => held.is_empty(),
            // A server may merge rather than replace: every key sent must
            // come back with its value.
            Some(held) => sent
                .iter()
                .all(|(key, value)| held.get(key).is_some_and(|held| same_json(held, value))),
        }),
    );
    check(
        "reasoningEffort",
        sent.reasoning_effort.map(|v| {
            llm.reasoning_effort
                .as_ref()
                .is_some_and(|r| r.as_str() == v.to_string())
        }),
    );
    check(
        "reasoningFormat",
        sent.reasoning_format.map(|v| {
            llm.reasoning_format
                .as_ref()
                .is_some_and(|r| r.as_str() == v.to_string())
        }),
    );
    // A server may store a float in single precision.
    check(
        "temperature",
        sent.temperature.map(|v| {
            llm.temperature
                .is_some_and(|t| (t - v).abs() <= 1e-6 * v.abs().max(1.0))
        }),
    );
    check(
        "maxTokens",
        sent.max_tokens.map(|v| llm.max_tokens == Some(v)),
    );
    missing
}

/// Whether two URLs are the same once parsed (`https://a` and `https://a/`),
/// or differ only by a trailing `/`, which servers add and drop.
fn same_url(a: &str, b: &str) -> bool {
    let parsed = |s: &str| url::Url::parse(s.trim_end_matches('/')).ok();
    a == b || matches!((parsed(a), parsed(b)), (Some(a), Some(b)) if a == b)
}

/// JSON equality that takes numbers by value: a server written in
/// JavaScript returns `1.0` as `1`.
fn same_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}
