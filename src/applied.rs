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
            Some(held) => sent.iter().all(|(key, value)| held.get(key) == Some(value)),
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

/// Whether two URLs are the same once parsed (`https://a` and `https://a/`).
fn same_url(a: &str, b: &str) -> bool {
    a == b || matches!((url::Url::parse(a), url::Url::parse(b)), (Ok(a), Ok(b)) if a == b)
}
