//! Every error status and body shape maps to an error a caller can act on,
//! with the status kept.

mod support;

use std::time::Duration;

use anam_llms::{ApiErrorKind, Client, Error, RetryPolicy, StatusCode};
use httpmock::Method::PUT;
use httpmock::MockServer;
use serde_json::json;

/// Sends an update to a server answering `status` with `body` and
/// `content_type`, and returns the error.
async fn error_for(status: u16, content_type: &str, body: &str) -> Error {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT).path("/v1/llms/llm-1");
            then.status(status)
                .header("content-type", content_type)
                .body(body);
        })
        .await;

    let err = support::client(&server)
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .expect_err("an error status is an error");
    mock.assert_calls_async(1).await;
    err
}

const DOCUMENTED: [(u16, ApiErrorKind, bool); 7] = [
    (400, ApiErrorKind::BadRequest, false),
    (401, ApiErrorKind::Unauthorized, false),
    (403, ApiErrorKind::Forbidden, false),
    (404, ApiErrorKind::NotFound, false),
    (429, ApiErrorKind::RateLimited, true),
    (500, ApiErrorKind::ServerError, true),
    (503, ApiErrorKind::ServerError, true),
];

#[tokio::test]
async fn should_map_each_documented_status_with_a_json_body() {
    for (status, kind, retryable) in DOCUMENTED {
        let body = json!({ "error": "Cause", "message": format!("text for {status}") });
        let err = error_for(status, "application/json", &body.to_string()).await;

        let api = err
            .api_error()
            .unwrap_or_else(|| panic!("{status}: {err:?}"));
        assert_eq!(api.status().as_u16(), status);
        assert_eq!(api.kind(), kind);
        assert_eq!(api.error(), Some("Cause"));
        assert_eq!(api.message(), Some(format!("text for {status}").as_str()));
        assert_eq!(api.raw_body(), None);
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(err.api_kind(), Some(kind));
        assert_eq!(err.is_retryable(), retryable, "{status}");
        assert_eq!(
            err.to_string(),
            format!("api error {status} ({kind}): Cause: text for {status}")
        );
    }
}

#[tokio::test]
async fn should_keep_the_status_of_an_html_error_body() {
    let html = "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>";
    for (status, kind, retryable) in DOCUMENTED {
        let err = error_for(status, "text/html", html).await;

        let api = err
            .api_error()
            .unwrap_or_else(|| panic!("{status}: {err:?}"));
        assert_eq!(api.status().as_u16(), status);
        assert_eq!(api.kind(), kind);
        assert_eq!(api.message(), None);
        assert_eq!(api.raw_body(), Some(html));
        assert_eq!(err.is_retryable(), retryable);
        assert_eq!(err.to_string(), format!("api error {status} ({kind})"));
    }
}

#[tokio::test]
async fn should_keep_the_status_of_an_empty_error_body() {
    for (status, kind, _) in DOCUMENTED {
        let err = error_for(status, "application/json", "").await;

        let api = err
            .api_error()
            .unwrap_or_else(|| panic!("{status}: {err:?}"));
        assert_eq!(api.status().as_u16(), status);
        assert_eq!(api.kind(), kind);
        assert_eq!(api.raw_body(), None);
        assert_eq!(api.body(), None);
    }
}

#[tokio::test]
async fn should_map_undocumented_statuses() {
    let cases = [
        (408, ApiErrorKind::Other, true),
        (409, ApiErrorKind::Other, false),
        (502, ApiErrorKind::ServerError, true),
        (504, ApiErrorKind::ServerError, true),
        (501, ApiErrorKind::ServerError, false),
    ];
    for (status, kind, retryable) in cases {
        let err = error_for(status, "text/html", "<html>bad gateway</html>").await;

        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(err.api_kind(), Some(kind), "{status}");
        assert_eq!(err.is_retryable(), retryable, "{status}");
    }
}

#[tokio::test]
async fn should_read_the_message_of_an_undocumented_json_status() {
    let err = error_for(502, "application/json", r#"{"message":"upstream down"}"#).await;

    assert_eq!(err.api_error().unwrap().message(), Some("upstream down"));
    assert_eq!(
        err.to_string(),
        "api error 502 (server error): upstream down"
    );
}

#[tokio::test]
async fn should_say_why_a_default_llm_cannot_be_modified() {
    let body = json!({ "error": "Forbidden", "message": "Default LLMs cannot be modified" });
    let err = error_for(403, "application/json", &body.to_string()).await;

    assert_eq!(err.api_kind(), Some(ApiErrorKind::Forbidden));
    assert_eq!(
        err.to_string(),
        "api error 403 (forbidden): Forbidden: Default LLMs cannot be modified"
    );
}

#[tokio::test]
async fn should_keep_validation_details() {
    let body = json!({
        "error": "Bad Request",
        "message": "Validation failed",
        "summary": "temperature: expected number",
        "details": [{ "path": ["temperature"], "message": "Expected number", "code": "invalid_type" }],
        "requestId": "req_123"
    });
    let err = error_for(400, "application/json", &body.to_string()).await;

    let detail = &err.api_error().unwrap().body().unwrap().details[0];
    assert_eq!(detail.path, vec![json!("temperature")]);
    assert_eq!(detail.code.as_deref(), Some("invalid_type"));
    assert_eq!(
        err.api_error().unwrap().body().unwrap().summary.as_deref(),
        Some("temperature: expected number")
    );
}

#[tokio::test]
async fn should_read_a_message_given_as_a_list() {
    let body = json!({ "statusCode": 400, "message": ["url must be a URL", "name is empty"] });
    let err = error_for(400, "application/json", &body.to_string()).await;

    let api = err.api_error().unwrap();
    assert_eq!(api.message(), Some("url must be a URL; name is empty"));
    assert!(api.raw_body().unwrap().contains("statusCode"));
}

#[tokio::test]
async fn should_not_follow_a_redirect() {
    let server = MockServer::start_async().await;
    let target = server
        .mock_async(|when, then| {
            when.path("/elsewhere");
            then.status(200).json_body(support::owned_llm());
        })
        .await;
    let redirect = server
        .mock_async(|when, then| {
            when.method(PUT).path("/v1/llms/llm-1");
            then.status(307)
                .header("location", server.url("/elsewhere"));
        })
        .await;

    let err = support::client(&server)
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .unwrap_err();

    assert_eq!(err.status(), Some(StatusCode::TEMPORARY_REDIRECT));
    assert_eq!(err.api_kind(), Some(ApiErrorKind::Other));
    redirect.assert_calls_async(1).await;
    target.assert_calls_async(0).await;
}

#[tokio::test]
async fn should_report_a_refused_connection_as_transport() {
    let client = support::client_at(support::refused_base_url(), RetryPolicy::none());

    let err = client
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .unwrap_err();

    assert!(
        matches!(err, Error::Transport { status: None, .. }),
        "{err:?}"
    );
    assert!(err.is_retryable());
    assert_eq!(
        err.to_string(),
        "the request failed in transport: cannot connect"
    );
    assert!(std::error::Error::source(&err).is_some());
}

#[tokio::test]
async fn should_report_a_slow_answer_as_a_timeout() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(PUT);
            then.status(200)
                .delay(Duration::from_secs(3))
                .json_body(support::owned_llm());
        })
        .await;
    let client = Client::builder()
        .api_key(support::API_KEY)
        .base_url(server.base_url())
        .timeout(Duration::from_millis(200))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();

    let started = std::time::Instant::now();
    let err = client
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .unwrap_err();

    assert!(err.is_timeout(), "{err:?}");
    assert!(err.is_retryable());
    assert_eq!(
        err.to_string(),
        "the request timed out waiting for the response"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn should_report_an_undocumented_success_status_as_decode() {
    for status in [201, 202, 204] {
        let err = error_for(
            status,
            "application/json",
            &support::owned_llm().to_string(),
        )
        .await;

        assert!(matches!(err, Error::Decode { .. }), "{status}: {err:?}");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        let source = std::error::Error::source(&err).unwrap().to_string();
        assert!(
            source.starts_with(&format!("the operation documents no {status}")),
            "{source}"
        );
        assert!(!err.is_retryable());
    }
}

#[tokio::test]
async fn should_find_the_message_of_a_large_undocumented_json_body() {
    let padding = "x".repeat(10_000);
    let body = json!({ "message": "upstream failed", "trace": padding }).to_string();
    for status in [500, 502] {
        let err = error_for(status, "application/json", &body).await;

        assert_eq!(
            err.api_error().unwrap().message(),
            Some("upstream failed"),
            "{status}"
        );
    }
}

#[tokio::test]
async fn should_take_a_short_plain_text_body_as_the_message() {
    let err = error_for(403, "text/plain", "Default LLMs cannot be modified\n").await;
    assert_eq!(
        err.to_string(),
        "api error 403 (forbidden): Default LLMs cannot be modified"
    );

    let err = error_for(403, "application/json", r#""API key lacks permission""#).await;
    assert_eq!(
        err.api_error().unwrap().message(),
        Some("API key lacks permission")
    );

    let err = error_for(502, "text/html", "<html><body>Bad Gateway</body></html>").await;
    assert_eq!(err.api_error().unwrap().message(), None);
}

#[tokio::test]
async fn should_refuse_an_id_too_long_for_a_url_without_sending() {
    let server = MockServer::start_async().await;
    let any = support::catch_all(&server).await;

    let err = support::client(&server)
        .update_llm("x".repeat(70_000))
        .temperature(0.5)
        .send()
        .await
        .unwrap_err();

    assert!(
        matches!(err, Error::InvalidInput { field: "id", .. }),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    any.assert_calls_async(0).await;
}
