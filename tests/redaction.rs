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

#[tokio::test]
async fn should_redact_credentials_in_errors() {
    let server = MockServer::start_async().await;
    // A server that echoes both credentials back in its error text.
    server
        .mock_async(|when, then| {
            when.method(PUT).path("/v1/llms/echo");
            then.status(400).json_body(serde_json::json!({
                "error": format!("bad key {API_KEY}"),
                "message": format!("secret {UPSTREAM_SECRET} rejected"),
                "summary": format!("{UPSTREAM_SECRET}"),
                "details": [{ "path": ["secret"], "message": UPSTREAM_SECRET }]
            }));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(PUT).path("/v1/llms/html");
            then.status(502)
                .header("content-type", "text/html")
                .body(format!("<pre>Authorization: Bearer {API_KEY}</pre>"));
        })
        .await;
    let client = support::client(&server);

    let mut errors = Vec::new();
    for id in ["echo", "html", ".."] {
        let update = client
            .update_llm(id)
            .secret(SecretString::from(UPSTREAM_SECRET))
            .temperature(0.3);
        errors.push(update.send().await.unwrap_err());
    }
    errors.push(
        client
            .update_llm("echo")
            .secret(SecretString::from(UPSTREAM_SECRET))
            .temperature(f64::NAN)
            .send()
            .await
            .unwrap_err(),
    );

    for err in &errors {
        assert_clean("error Display", &err.to_string());
        assert_clean("error Debug", &format!("{err:?}"));
    }
    let echoed = errors[0].api_error().unwrap();
    assert_eq!(echoed.message(), Some("secret [REDACTED] rejected"));
    assert_eq!(echoed.error(), Some("bad key [REDACTED]"));
    assert_eq!(
        errors[1].api_error().unwrap().raw_body(),
        Some("<pre>Authorization: Bearer [REDACTED]</pre>")
    );
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
    ];
    for result in results {
        let err = result.unwrap_err();
        assert_clean("config error", &format!("{err} {err:?}"));
    }
}
