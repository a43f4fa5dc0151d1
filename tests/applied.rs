//! Checking what an update applied, and rendering an update without sending
//! it.

mod support;

use anam_llms::{Error, SecretString, UpdateLlmFormat};
use httpmock::Method::PUT;
use httpmock::MockServer;
use serde_json::{Value, json};

/// A server answering the update of `llm-1` with `llm`.
async fn answering(llm: Value) -> MockServer {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(PUT).path("/v1/llms/llm-1");
            then.status(200).json_body(llm);
        })
        .await;
    server
}

#[tokio::test]
async fn should_fail_a_strict_update_the_server_ignored() {
    let server = answering(support::owned_llm()).await;

    let err = support::client(&server)
        .update_llm("llm-1")
        .display_name("Renamed")
        .model_name("gpt-4o")
        .llm_format(UpdateLlmFormat::Anthropic)
        .strict(true)
        .send()
        .await
        .unwrap_err();

    match &err {
        Error::NotApplied { fields, llm, .. } => {
            assert_eq!(fields, &["displayName", "llmFormat"]);
            assert_eq!(llm.display_name, "GPT-4o");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        err.to_string(),
        "the server did not apply `displayName`, `llmFormat`"
    );
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn should_pass_a_strict_update_the_server_applied() {
    let mut llm = support::owned_llm();
    llm["displayName"] = "Renamed".into();
    llm["llmFormat"] = "groq_openai".into();
    // Stored in single precision.
    llm["temperature"] = 0.30000001192092896.into();
    // Merged with what was there, and written back by a JavaScript server.
    llm["metadata"] = json!({ "team": "support", "kept": true, "weight": 1, "ratio": 100 });
    llm["urls"] = json!([{ "url": "https://api.groq.com/openai/v1/" }]);
    llm["reasoningEffort"] = "low".into();
    let server = answering(llm).await;

    support::client(&server)
        .update_llm("llm-1")
        .display_name("Renamed")
        .url("https://api.groq.com/openai/v1")
        .llm_format(UpdateLlmFormat::GroqOpenai)
        .temperature(0.3)
        .metadata(
            json!({ "team": "support", "weight": 1.0, "ratio": 1e2 })
                .as_object()
                .unwrap()
                .clone(),
        )
        .reasoning_effort(anam_llms::ReasoningEffortInput::Low)
        .secret(SecretString::from(support::UPSTREAM_SECRET))
        .strict(true)
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn should_make_every_update_strict_when_the_client_is() {
    let server = answering(support::owned_llm()).await;
    let client = anam_llms::Client::builder()
        .api_key(support::API_KEY)
        .base_url(server.base_url())
        .strict_updates(true)
        .build()
        .unwrap();

    let strict = client.update_llm("llm-1").max_tokens(1).send().await;
    let relaxed = client
        .update_llm("llm-1")
        .max_tokens(1)
        .strict(false)
        .send()
        .await;

    assert!(
        matches!(strict, Err(Error::NotApplied { ref fields, .. }) if fields == &["maxTokens"])
    );
    assert!(relaxed.is_ok());
}

#[tokio::test]
async fn should_render_a_dry_run_without_sending() {
    let server = MockServer::start_async().await;
    let any = support::catch_all(&server).await;

    let dry_run = support::client(&server)
        .update_llm("legacy id")
        .temperature(0.5)
        .secret(SecretString::from(support::UPSTREAM_SECRET))
        .dry_run()
        .await
        .unwrap();

    assert_eq!(dry_run.method(), "PUT");
    assert_eq!(
        dry_run.url(),
        format!("{}/v1/llms/legacy%20id", server.base_url())
    );
    let headers: Vec<(&str, &str)> = dry_run
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        headers,
        [
            ("accept", "application/json"),
            ("api-version", "1.0.0"),
            ("authorization", "Bearer [REDACTED]"),
            ("content-type", "application/json"),
            (
                "user-agent",
                concat!("anam-llms/", env!("CARGO_PKG_VERSION"))
            ),
        ]
    );
    assert_eq!(
        dry_run.body(),
        Some(&json!({ "secret": "[REDACTED]", "temperature": 0.5 }))
    );
    assert!(dry_run.to_string().starts_with(&format!(
        "PUT {}/v1/llms/legacy%20id\naccept: application/json\n",
        server.base_url()
    )));
    any.assert_calls_async(0).await;
}

#[tokio::test]
async fn should_refuse_a_dry_run_of_invalid_input() {
    let server = MockServer::start_async().await;

    let result = support::client(&server)
        .update_llm("..")
        .temperature(0.5)
        .dry_run()
        .await;

    assert!(matches!(
        result,
        Err(Error::InvalidInput { field: "id", .. })
    ));
}
