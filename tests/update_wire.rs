//! What an update puts on the wire: method, path, headers and exact body.

mod support;

use anam_llms::{
    Client, LlmFormat, ReasoningEffortInput, ReasoningFormatInput, SecretString, UpdateLlmFormat,
};
use httpmock::Method::PUT;
use httpmock::MockServer;
use serde_json::json;
use support::{API_KEY, PAGE_LLM_ID, UPSTREAM_SECRET};

#[tokio::test]
async fn should_send_the_page_example_update_and_return_the_llm() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT)
                .path(format!("/v1/llms/{PAGE_LLM_ID}"))
                .header("authorization", format!("Bearer {API_KEY}"))
                .header("content-type", "application/json")
                .header("accept", "application/json")
                // progenitor sends the spec's `info.version` on every request.
                .header("api-version", "1.0.0")
                .header(
                    "user-agent",
                    concat!("anam-llms/", env!("CARGO_PKG_VERSION")),
                )
                .json_body(json!({ "temperature": 0.5 }));
            then.status(200).json_body(support::owned_llm());
        })
        .await;

    let llm = support::client(&server)
        .update_llm(PAGE_LLM_ID)
        .temperature(0.5)
        .send()
        .await
        .unwrap();

    mock.assert_calls_async(1).await;
    assert_eq!(llm.id, PAGE_LLM_ID);
    assert_eq!(llm.display_name, "GPT-4o");
    assert_eq!(llm.llm_format, LlmFormat::Openai);
    assert!(!llm.is_default);
}

#[tokio::test]
async fn should_send_every_field_under_its_wire_name() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT).path("/v1/llms/llm-1").json_body(json!({
                "displayName": "Support bot",
                "description": "Answers billing questions.",
                "url": "https://example.openai.azure.com/openai/deployments/gpt4o",
                "llmFormat": "azure_openai",
                "modelName": "gpt-4o",
                "secret": UPSTREAM_SECRET,
                "metadata": { "region": "westeurope", "retries": 2 },
                "reasoningEffort": "high",
                "reasoningFormat": "hidden",
                "temperature": 0.25,
                "maxTokens": 2048
            }));
            then.status(200).json_body(support::owned_llm());
        })
        .await;

    let metadata = json!({ "region": "westeurope", "retries": 2 });
    support::client(&server)
        .update_llm("llm-1")
        .display_name("Support bot")
        .description("Answers billing questions.")
        .url("https://example.openai.azure.com/openai/deployments/gpt4o")
        .llm_format(UpdateLlmFormat::AzureOpenai)
        .model_name("gpt-4o")
        .secret(SecretString::from(UPSTREAM_SECRET))
        .metadata(metadata.as_object().unwrap().clone())
        .reasoning_effort(ReasoningEffortInput::High)
        .reasoning_format(ReasoningFormatInput::Hidden)
        .temperature(0.25)
        .max_tokens(2048)
        .send()
        .await
        .unwrap();

    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_send_only_the_fields_set() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT)
                .path("/v1/llms/llm-1")
                .json_body(json!({ "modelName": "gpt-4o-mini", "maxTokens": 0 }));
            then.status(200).json_body(support::owned_llm());
        })
        .await;

    let client = support::client(&server);
    let update = client
        .update_llm("llm-1")
        .model_name("gpt-4o-mini")
        .max_tokens(0);
    assert_eq!(
        serde_json::to_value(update.body().unwrap()).unwrap(),
        json!({ "modelName": "gpt-4o-mini", "maxTokens": 0 })
    );
    update.send().await.unwrap();

    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_send_empty_metadata_as_an_empty_object() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT)
                .path("/v1/llms/llm-1")
                .json_body(json!({ "metadata": {} }));
            then.status(200).json_body(support::owned_llm());
        })
        .await;

    support::client(&server)
        .update_llm("llm-1")
        .metadata(serde_json::Map::new())
        .send()
        .await
        .unwrap();

    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_put_the_id_in_the_path_percent_encoded() {
    let cases = [
        ("CUSTOMER_CLIENT_V1", "/v1/llms/CUSTOMER_CLIENT_V1"),
        ("legacy id?x#y%zé", "/v1/llms/legacy%20id%3Fx%23y%25z%C3%A9"),
        ("...", "/v1/llms/..."),
    ];
    let server = MockServer::start_async().await;
    let client = support::client(&server);

    for (id, path) in cases {
        let mock = support::owned_llm_at(&server, path).await;
        client.update_llm(id).temperature(1.0).send().await.unwrap();
        mock.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn should_keep_a_base_url_path_stem_and_ignore_a_trailing_slash() {
    let server = MockServer::start_async().await;
    let mock = support::owned_llm_at(&server, "/anam/v1/llms/llm-1").await;

    let client = Client::builder()
        .api_key(API_KEY)
        .base_url(format!("{}/anam/", server.base_url()))
        .user_agent("billing-service/3.1")
        .build()
        .unwrap();
    assert_eq!(client.base_url(), format!("{}/anam", server.base_url()));

    let custom_agent = server
        .mock_async(|when, then| {
            when.method(PUT)
                .path("/anam/v1/llms/llm-2")
                .header("user-agent", "billing-service/3.1");
            then.status(200).json_body(support::owned_llm());
        })
        .await;
    client
        .update_llm("llm-1")
        .temperature(0.1)
        .send()
        .await
        .unwrap();
    client
        .update_llm("llm-2")
        .temperature(0.1)
        .send()
        .await
        .unwrap();

    mock.assert_calls_async(1).await;
    custom_agent.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_reach_the_generated_client_with_the_same_credentials() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT)
                .path("/v1/llms/llm-1")
                .header("authorization", format!("Bearer {API_KEY}"))
                .json_body(json!({ "displayName": "Raw" }));
            then.status(200).json_body(support::owned_llm());
        })
        .await;

    let client = support::client(&server);
    let body = anam_llms::UpdateLlmRequest {
        display_name: Some("Raw".into()),
        ..Default::default()
    };
    let response = client.generated().update_llm("llm-1", &body).await.unwrap();

    assert_eq!(response.status(), 200);
    assert_eq!(response.into_inner().display_name, "GPT-4o");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_send_the_url_in_its_normal_form() {
    let server = MockServer::start_async().await;
    let client = support::client(&server);
    let cases = [
        (
            "https://bücher.example/chat completions",
            "https://xn--bcher-kva.example/chat%20completions",
        ),
        ("HTTPS://API.OpenAI.com", "https://api.openai.com/"),
        (
            "http://[::1]:8080/v1?model=a%20b",
            "http://[::1]:8080/v1?model=a%20b",
        ),
    ];

    for (given, sent) in cases {
        let mock = server
            .mock_async(|when, then| {
                when.method(PUT)
                    .path("/v1/llms/llm-1")
                    .json_body(json!({ "url": sent }));
                then.status(200).json_body(support::owned_llm());
            })
            .await;
        client.update_llm("llm-1").url(given).send().await.unwrap();
        mock.assert_calls_async(1).await;
        mock.delete_async().await;
    }
}
