//! Decoding the LLM object: the page's example, and what the server may send
//! beyond it.

mod support;

use anam_llms::{Error, Llm, LlmFormat, LlmUrl, ReasoningEffort, ReasoningFormat, StatusCode};
use chrono::{TimeZone, Utc};
use httpmock::Method::PUT;
use httpmock::MockServer;
use serde_json::{Value, json};

fn decode(value: Value) -> Llm {
    serde_json::from_value(value).expect("the LLM decodes")
}

#[test]
fn should_decode_every_field_of_the_page_example() {
    let llm = decode(support::page_example());

    assert_eq!(llm.id, "a7cf662c-2ace-4de1-a21e-ef0fbf144bb7");
    assert_eq!(llm.display_name, "GPT-4o");
    assert_eq!(
        llm.description.as_deref(),
        Some("OpenAI GPT-4o default configuration.")
    );
    assert_eq!(llm.llm_format, LlmFormat::Openai);
    assert_eq!(
        llm.urls,
        vec![LlmUrl {
            url: Some("https://api.openai.com/v1/chat/completions".into()),
            region: None,
        }]
    );
    assert_eq!(llm.model_name.as_deref(), Some("gpt-4o"));
    assert_eq!(llm.temperature, Some(0.7));
    assert_eq!(llm.max_tokens, Some(1024));
    assert_eq!(llm.deployment_name, None);
    assert_eq!(llm.api_version, None);
    assert_eq!(llm.metadata.as_ref().map(|m| m.len()), Some(0));
    assert_eq!(llm.display_tags, vec!["openai".to_string()]);
    assert!(llm.is_default);
    assert!(llm.is_global);
    assert_eq!(llm.is_zdr, Some(false));
    assert_eq!(llm.reasoning_effort, None);
    assert_eq!(llm.reasoning_format, None);
    assert_eq!(llm.created_by_organization_id, None);
    assert_eq!(
        llm.created_at,
        Utc.with_ymd_and_hms(2026, 4, 20, 10, 0, 0).unwrap()
    );
    assert_eq!(llm.updated_at, None);
}

#[test]
fn should_keep_an_unknown_llm_format_as_its_exact_string() {
    let mut value = support::page_example();
    value["llmFormat"] = "realtime_sts_v2".into();
    value["reasoningEffort"] = "extreme".into();
    value["reasoningFormat"] = "summarised".into();

    let llm = decode(value);

    assert!(!llm.llm_format.is_known());
    assert_eq!(llm.llm_format.as_str(), "realtime_sts_v2");
    assert_eq!(
        llm.reasoning_effort.as_ref().map(ReasoningEffort::as_str),
        Some("extreme")
    );
    assert_eq!(
        llm.reasoning_format.as_ref().map(ReasoningFormat::as_str),
        Some("summarised")
    );

    let encoded = serde_json::to_value(&llm).unwrap();
    assert_eq!(encoded["llmFormat"], "realtime_sts_v2");
    assert_eq!(encoded["reasoningEffort"], "extreme");
    assert_eq!(encoded["reasoningFormat"], "summarised");
}

#[test]
fn should_decode_known_reasoning_hints() {
    let mut value = support::page_example();
    value["reasoningEffort"] = "medium".into();
    value["reasoningFormat"] = "parsed".into();

    let llm = decode(value);

    assert_eq!(llm.reasoning_effort, Some(ReasoningEffort::Medium));
    assert_eq!(llm.reasoning_format, Some(ReasoningFormat::Parsed));
}

#[test]
fn should_decode_a_response_with_only_the_required_properties() {
    let llm = decode(json!({
        "id": "CUSTOMER_CLIENT_V1",
        "displayName": "Client-side LLM",
        "llmFormat": "none",
        "displayTags": [],
        "isDefault": true,
        "isGlobal": true,
        "createdAt": "2025-01-02T03:04:05Z"
    }));

    assert_eq!(llm.id, "CUSTOMER_CLIENT_V1");
    assert_eq!(llm.llm_format, LlmFormat::NoFormat);
    assert_eq!(llm.description, None);
    assert!(llm.urls.is_empty());
    assert_eq!(llm.model_name, None);
    assert_eq!(llm.temperature, None);
    assert_eq!(llm.max_tokens, None);
    assert_eq!(llm.metadata, None);
    assert_eq!(llm.is_zdr, None);
    assert_eq!(llm.updated_at, None);
    assert_eq!(
        llm.created_at,
        Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap()
    );
}

#[test]
fn should_decode_a_nanoid_organisation_and_ignore_unknown_properties() {
    let mut value = support::owned_llm();
    value["createdByOrganizationId"] = "V1StGXR8_Z5jdHi6B-myT".into();
    value["urls"] = json!([{ "url": "https://api.groq.com/openai/v1", "region": "default" }]);
    value["streamingRegions"] = json!(["eu-west-1"]);
    value["updatedAt"] = "2026-05-01T08:30:00.123456Z".into();

    let llm = decode(value);

    assert_eq!(
        llm.created_by_organization_id.as_deref(),
        Some("V1StGXR8_Z5jdHi6B-myT")
    );
    assert_eq!(llm.urls[0].region.as_deref(), Some("default"));
    assert_eq!(
        llm.updated_at.unwrap().timestamp_micros(),
        Utc.with_ymd_and_hms(2026, 5, 1, 8, 30, 0)
            .unwrap()
            .timestamp_micros()
            + 123_456
    );
}

#[test]
fn should_refuse_a_response_without_a_required_property() {
    let mut value = support::page_example();
    value.as_object_mut().unwrap().remove("id");

    let err = serde_json::from_value::<Llm>(value).unwrap_err();

    assert!(err.to_string().contains("missing field `id`"), "{err}");
}

#[tokio::test]
async fn should_report_an_undecodable_success_body_as_decode_with_its_status() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT).path("/v1/llms/llm-1");
            then.status(200)
                .header("content-type", "application/json")
                .body(r#"{"id": 17}"#);
        })
        .await;

    let err = support::client(&server)
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .unwrap_err();

    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert_eq!(err.status(), Some(StatusCode::OK));
    assert!(!err.is_retryable());
    mock.assert_calls_async(1).await;
}
