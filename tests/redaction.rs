//! No credential shows in the `Debug` or `Display` of anything the crate
//! exposes.

mod support;

use anam_llms::{Client, SecretString, UpstreamSecret};
use httpmock::Method::PUT;
use httpmock::MockServer;
use support::{API_KEY, UPSTREAM_SECRET};

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(API_KEY), "{what} shows the API key: {text}");
    assert!(
        !text.contains(UPSTREAM_SECRET),
        "{what} shows the upstream secret: {text}"
    );
}

#[tokio::test]
async fn should_redact_credentials_in_client_builder_and_request() {
    let server = MockServer::start_async().await;
    let builder = Client::builder()
        .api_key(API_KEY)
        .base_url(server.base_url());
    assert_clean("ClientBuilder", &format!("{builder:?}"));

    let client = builder.build().unwrap();
    assert_clean("Client", &format!("{client:?}"));
    assert_clean("generated Client", &format!("{:?}", client.generated()));

    let update = client
        .update_llm("llm-1")
        .secret(SecretString::from(UPSTREAM_SECRET))
        .temperature(0.3);
    assert_clean("UpdateLlm", &format!("{update:?}"));
    assert_clean("UpdateLlmRequest", &format!("{:?}", update.body().unwrap()));
    assert!(format!("{update:?}").contains("temperature: Some(0.3)"));

    let secret = UpstreamSecret::new(SecretString::from(UPSTREAM_SECRET));
    assert_eq!(format!("{secret:?}"), "UpstreamSecret([REDACTED])");
}

/// A server that echoes the request's credentials back in every way it can:
/// each id answers differently.
async fn echoing_server() -> MockServer {
    let server = MockServer::start_async().await;
    let padding = "p".repeat(4090);
    let escaped = UPSTREAM_SECRET.replace('-', "\\u002d");
    let answers: Vec<(&str, u16, &str, String)> = vec![
        (
            "documented",
            400,
            "application/json",
            serde_json::json!({
                "error": format!("bad key {API_KEY}"),
                "message": format!("secret {UPSTREAM_SECRET} rejected"),
                "summary": UPSTREAM_SECRET,
                "details": [{
                    "path": ["secret", UPSTREAM_SECRET],
                    "message": UPSTREAM_SECRET,
                    "code": UPSTREAM_SECRET
                }]
            })
            .to_string(),
        ),
        (
            "html",
            502,
            "text/html",
            format!("<pre>Authorization: Bearer {API_KEY}</pre>"),
        ),
        (
            "cut",
            502,
            "text/html",
            format!("{padding}{UPSTREAM_SECRET}{UPSTREAM_SECRET}{padding}"),
        ),
        (
            "escaped",
            400,
            "application/json",
            format!(r#"{{"message":["x"],"received":"{escaped}"}}"#),
        ),
        (
            "decode",
            200,
            "application/json",
            format!(r#"{{"temperature":"{UPSTREAM_SECRET}"}}"#),
        ),
    ];
    for (id, status, content_type, body) in answers {
        server
            .mock_async(|when, then| {
                when.method(PUT).path(format!("/v1/llms/{id}"));
                then.status(status)
                    .header("content-type", content_type)
                    .body(body);
            })
            .await;
    }
    server
}

#[tokio::test]
async fn should_redact_credentials_in_errors() {
    let server = echoing_server().await;
    let client = support::client(&server);

    let mut errors = Vec::new();
    for id in ["documented", "html", "cut", "escaped", "decode", ".."] {
        let update = client
            .update_llm(id)
            .secret(SecretString::from(UPSTREAM_SECRET))
            .temperature(0.3);
        errors.push(update.send().await.unwrap_err());
    }
    errors.push(
        client
            .update_llm("documented")
            .secret(SecretString::from(UPSTREAM_SECRET))
            .temperature(f64::NAN)
            .send()
            .await
            .unwrap_err(),
    );

    for err in &errors {
        let mut chain = format!("{err} {err:?}");
        let mut source = std::error::Error::source(err);
        while let Some(cause) = source {
            chain.push_str(&format!(" {cause} {cause:?}"));
            source = cause.source();
        }
        assert_clean("error", &chain);
        // Nor a recognisable part of one, cut at a boundary.
        assert!(!chain.contains(&UPSTREAM_SECRET[..12]), "{chain}");
    }
    let documented = errors[0].api_error().unwrap();
    assert_eq!(documented.message(), Some("secret [REDACTED] rejected"));
    assert_eq!(documented.error(), Some("bad key [REDACTED]"));
    let detail = &documented.body().unwrap().details[0];
    assert_eq!(detail.code.as_deref(), Some("[REDACTED]"));
    assert_eq!(
        detail.path,
        vec![serde_json::json!("secret"), serde_json::json!("[REDACTED]")]
    );
    assert_eq!(
        errors[1].api_error().unwrap().raw_body(),
        Some("<pre>Authorization: Bearer [REDACTED]</pre>")
    );
    let cut = errors[2].api_error().unwrap().raw_body().unwrap();
    assert_eq!(cut, format!("{}[REDAC", "p".repeat(4090)));
    assert!(
        errors[3]
            .api_error()
            .unwrap()
            .raw_body()
            .unwrap()
            .contains("[REDACTED]")
    );
    assert!(matches!(errors[4], anam_llms::Error::Decode { .. }));
}

#[test]
fn should_not_echo_a_bad_key_or_base_url() {
    let with_newline = format!("{API_KEY}\n");
    let results = [
        Client::builder().api_key(format!("{API_KEY}\u{0}")).build(),
        Client::builder()
            .api_key(with_newline.replace('\n', "\u{1}"))
            .build(),
        Client::builder()
            .api_key(API_KEY)
            .base_url(format!("https://me:{API_KEY}@api.anam.ai"))
            .build(),
        Client::builder()
            .api_key(API_KEY)
            .base_url(format!("http://example.com/?key={API_KEY}"))
            .build(),
        Client::builder()
            .api_key(format!("Bearer {API_KEY}"))
            .build(),
    ];
    for result in results {
        let err = result.unwrap_err();
        assert_clean("config error", &format!("{err} {err:?}"));
    }
}
