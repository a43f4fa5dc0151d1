//! Input the client refuses sends nothing, and leaves the update intact.

mod support;

use anam_llms::{Error, SecretString};
use httpmock::MockServer;
use serde_json::json;

/// Asserts that `result` is `InvalidInput` for `field` and returns the
/// reason.
fn refused<T: std::fmt::Debug>(result: Result<T, Error>, field: &str) -> String {
    match result {
        Err(Error::InvalidInput {
            field: got, reason, ..
        }) => {
            assert_eq!(got, field, "{reason}");
            reason
        }
        other => panic!("expected invalid `{field}`, got {other:?}"),
    }
}

#[tokio::test]
async fn should_refuse_ids_that_would_address_another_resource() {
    let server = MockServer::start_async().await;
    let any = support::catch_all(&server).await;
    let client = support::client(&server);

    for id in [
        "", ".", "..", "a/b", "../other", "a\\..", "a\nb", "a\u{7f}b", "a\u{85}b", "\t",
    ] {
        let reason = refused(client.update_llm(id).temperature(0.5).send().await, "id");
        assert!(!reason.is_empty(), "{id:?}");
    }

    any.assert_calls_async(0).await;
}

#[tokio::test]
async fn should_refuse_an_update_that_sets_nothing() {
    let server = MockServer::start_async().await;
    let any = support::catch_all(&server).await;

    let reason = refused(
        support::client(&server).update_llm("llm-1").send().await,
        "body",
    );

    assert_eq!(
        reason,
        "the update sets no field, so it would change nothing"
    );
    any.assert_calls_async(0).await;
}

#[tokio::test]
async fn should_refuse_a_temperature_that_is_not_finite() {
    let server = MockServer::start_async().await;
    let any = support::catch_all(&server).await;
    let client = support::client(&server);

    for temperature in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let update = client.update_llm("llm-1").temperature(temperature);
        refused(update.send().await, "temperature");
        refused(update.body(), "temperature");
    }

    any.assert_calls_async(0).await;
}

#[tokio::test]
async fn should_refuse_a_url_that_is_not_absolute_http() {
    let server = MockServer::start_async().await;
    let any = support::catch_all(&server).await;
    let client = support::client(&server);

    for url in [
        "",
        "api.openai.com/v1",
        "/v1/chat/completions",
        "ftp://files.example/model",
        "mailto:ops@example.com",
        "file:///etc/passwd",
        "https://",
        " https://api.openai.com/v1",
        "https://api.example/100%",
        "https://api.example/a|b",
        "https://api.example/[v1]",
        "https://exa\tmple.com",
        "https://ex\nample.com/p",
        "https:///nohost",
        "https:example.com",
        "http:/example.com",
        "https://example.com\\@evil.test",
    ] {
        refused(client.update_llm("llm-1").url(url).send().await, "url");
    }

    any.assert_calls_async(0).await;
}

#[tokio::test]
async fn should_refuse_a_url_with_credentials_without_quoting_them() {
    let server = MockServer::start_async().await;
    let any = support::catch_all(&server).await;

    let url = format!("https://bot:{}@llm.example/v1", support::UPSTREAM_SECRET);
    let result = support::client(&server)
        .update_llm("llm-1")
        .url(url)
        .send()
        .await;

    let reason = refused(result, "url");
    assert!(reason.contains("`secret`"), "{reason}");
    assert!(!reason.contains(support::UPSTREAM_SECRET));
    any.assert_calls_async(0).await;
}

#[tokio::test]
async fn should_keep_a_refused_update_for_fixing_and_sending() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.path("/v1/llms/llm-1").json_body(json!({
                "secret": support::UPSTREAM_SECRET,
                "temperature": 0.4
            }));
            then.status(200).json_body(support::owned_llm());
        })
        .await;
    let client = support::client(&server);

    let update = client
        .update_llm("llm-1")
        .secret(SecretString::from(support::UPSTREAM_SECRET))
        .temperature(f64::NAN);
    refused(update.send().await, "temperature");
    mock.assert_calls_async(0).await;

    let fixed = update.temperature(0.4);
    fixed.send().await.unwrap();
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_refuse_an_empty_secret() {
    let server = MockServer::start_async().await;
    let any = support::catch_all(&server).await;
    let client = support::client(&server);

    for secret in ["", "  "] {
        let update = client
            .update_llm("llm-1")
            .secret(SecretString::from(secret));
        let reason = refused(update.send().await, "secret");
        assert!(
            reason.contains("replace the stored credential with nothing"),
            "{reason}"
        );
    }

    any.assert_calls_async(0).await;
}
