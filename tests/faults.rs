//! Retries, timeouts and misbehaving servers, on loopback. Each test states
//! the result, the requests the server counted, and how long it may take.

mod support;

use std::time::{Duration, Instant};

use anam_llms::{ApiErrorKind, Client, Error, Llm, RetryPolicy};
use support::scripted::{ScriptedServer, Step};

/// Retries that wait milliseconds instead of seconds.
fn quick_retries() -> RetryPolicy {
    RetryPolicy::default()
        .initial_backoff(Duration::from_millis(20))
        .max_backoff(Duration::from_millis(40))
}

fn client(server: &ScriptedServer, policy: RetryPolicy) -> Client {
    support::client_at(server.base_url(), policy)
}

fn ok() -> Step {
    Step::json(200, &support::owned_llm())
}

fn error_json(status: u16) -> Step {
    Step::json(
        status,
        &serde_json::json!({ "error": "Unavailable", "message": "try later" }),
    )
}

/// Sends one update and returns its result and how long it took.
async fn update(client: &Client) -> (anam_llms::Result<Llm>, Duration) {
    let started = Instant::now();
    let result = client.update_llm("llm-1").temperature(0.5).send().await;
    (result, started.elapsed())
}

#[tokio::test]
async fn should_retry_a_503_with_the_default_backoff() {
    let server = ScriptedServer::start(vec![error_json(503), ok()]).await;

    let (result, elapsed) = update(&client(&server, RetryPolicy::default())).await;

    assert_eq!(result.unwrap().display_name, "GPT-4o");
    assert_eq!(server.requests(), 2);
    // About 0.5 s, give or take the jitter of a quarter.
    assert!(elapsed >= Duration::from_millis(370), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[tokio::test]
async fn should_wait_as_long_as_retry_after_seconds_says() {
    let server =
        ScriptedServer::start(vec![error_json(429).with_header("retry-after", "1"), ok()]).await;

    let (result, elapsed) = update(&client(&server, quick_retries())).await;

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.requests(), 2);
    assert!(elapsed >= Duration::from_secs(1), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(3), "{elapsed:?}");
}

#[tokio::test]
async fn should_wait_until_a_retry_after_date() {
    let when = std::time::SystemTime::now() + Duration::from_secs(2);
    let date = httpdate::fmt_http_date(when);
    let server = ScriptedServer::start(vec![
        error_json(503).with_header("retry-after", &date),
        ok(),
    ])
    .await;

    let (result, elapsed) = update(&client(&server, quick_retries())).await;

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.requests(), 2);
    // The date has whole seconds, so the wait is between one and two.
    assert!(elapsed >= Duration::from_millis(900), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(4), "{elapsed:?}");
}

#[tokio::test]
async fn should_stop_at_once_when_retry_after_is_beyond_the_cap() {
    let server = ScriptedServer::start(vec![
        error_json(429).with_header("retry-after", "120"),
        ok(),
    ])
    .await;

    let (result, elapsed) = update(&client(&server, quick_retries())).await;

    let err = result.unwrap_err();
    let api = err.api_error().expect("an API error");
    assert_eq!(api.kind(), ApiErrorKind::RateLimited);
    assert_eq!(api.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(err.attempts().len(), 1);
    assert_eq!(
        err.to_string(),
        "api error 429 (rate limited): Unavailable: try later (retry after 120 s)"
    );
    assert_eq!(server.requests(), 1);
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
}

#[tokio::test]
async fn should_retry_an_html_502_from_a_proxy() {
    let server = ScriptedServer::start(vec![
        Step::body(502, "text/html", "<html>Bad Gateway</html>"),
        ok(),
    ])
    .await;

    let (result, elapsed) = update(&client(&server, quick_retries())).await;

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.requests(), 2);
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
}

#[tokio::test]
async fn should_report_every_attempt_when_retries_run_out() {
    let html = Step::body(503, "text/html", "<html>down</html>");
    let server = ScriptedServer::start(vec![html.clone(), html.clone(), html]).await;

    let (result, elapsed) = update(&client(&server, quick_retries())).await;

    let err = result.unwrap_err();
    assert_eq!(server.requests(), 3);
    let attempts = err.attempts();
    assert_eq!(attempts.len(), 3);
    assert!(
        attempts
            .iter()
            .all(|a| a.status().map(|s| s.as_u16()) == Some(503))
    );
    assert!(attempts[0].wait().is_some() && attempts[1].wait().is_some());
    assert_eq!(attempts[2].wait(), None);
    let message = err.to_string();
    assert!(
        message.starts_with("api error 503 (server error) (after 3 attempts: 503, then waited 0.0"),
        "{message}"
    );
    assert!(message.ends_with("; 503)"), "{message}");
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
}

#[tokio::test]
async fn should_not_retry_a_bad_request() {
    let server = ScriptedServer::start(vec![error_json(400), ok()]).await;

    let (result, _) = update(&client(&server, quick_retries())).await;

    assert_eq!(
        result.unwrap_err().api_kind(),
        Some(ApiErrorKind::BadRequest)
    );
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn should_let_a_call_turn_retries_off() {
    let server = ScriptedServer::start(vec![error_json(503), ok()]).await;
    let client = client(&server, quick_retries());

    let result = client
        .update_llm("llm-1")
        .temperature(0.5)
        .retry_policy(RetryPolicy::none())
        .send()
        .await;

    assert_eq!(result.unwrap_err().status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn should_retry_a_connection_closed_before_any_response() {
    let server = ScriptedServer::start(vec![Step::Close, ok()]).await;

    let (result, elapsed) = update(&client(&server, quick_retries())).await;

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.requests(), 2);
    assert_eq!(server.connections(), 2);
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
}

#[tokio::test]
async fn should_retry_a_connection_reset_mid_body() {
    let partial = br#"{"id": "llm-1", "displayName": "GP"#.to_vec();
    let server = ScriptedServer::start(vec![
        Step::ResetMidBody {
            status: 200,
            body: partial,
        },
        ok(),
    ])
    .await;

    let (result, elapsed) = update(&client(&server, quick_retries())).await;

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.requests(), 2);
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
}

#[tokio::test]
async fn should_report_a_truncated_body_as_broken_off() {
    let partial = br#"{"id": "llm-1""#.to_vec();
    let server = ScriptedServer::start(vec![Step::Truncate {
        status: 200,
        body: partial,
    }])
    .await;

    let (result, elapsed) = update(&client(&server, RetryPolicy::none())).await;

    let err = result.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                reason: "the response broke off",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.status().map(|s| s.as_u16()), Some(200));
    assert!(err.is_retryable());
    assert_eq!(server.requests(), 1);
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
}

#[tokio::test]
async fn should_time_out_each_attempt_when_the_server_never_answers() {
    let server = ScriptedServer::start(vec![Step::Hang, Step::Hang, Step::Hang]).await;
    let client = Client::builder()
        .api_key(support::API_KEY)
        .base_url(server.base_url())
        .retry_policy(quick_retries())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();

    let (result, elapsed) = update(&client).await;

    let err = result.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                reason: "waiting for the response",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.attempts().len(), 3);
    assert!(
        err.to_string()
            .contains("(after 3 attempts: timed out, then waited"),
        "{err}"
    );
    assert_eq!(server.requests(), 3);
    assert!(elapsed >= Duration::from_millis(600), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[tokio::test]
async fn should_end_the_whole_call_at_its_deadline() {
    let server = ScriptedServer::start(vec![Step::Hang, Step::Hang, Step::Hang]).await;
    let client = client(&server, quick_retries());

    let started = Instant::now();
    let result = client
        .update_llm("llm-1")
        .temperature(0.5)
        .deadline(Duration::from_millis(300))
        .send()
        .await;

    let err = result.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                reason: "before the call's deadline",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(server.requests(), 1);
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(300) && elapsed < Duration::from_secs(1),
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn should_not_retry_a_success_body_that_is_not_json() {
    for (content_type, body) in [
        ("application/json", "{not json"),
        ("application/json", ""),
        ("text/html", "<html>maintenance</html>"),
    ] {
        let server = ScriptedServer::start(vec![Step::body(200, content_type, body), ok()]).await;

        let (result, _) = update(&client(&server, quick_retries())).await;

        let err = result.unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{body:?}: {err:?}");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(200));
        assert_eq!(server.requests(), 1, "{body:?}");
    }
}

#[tokio::test]
async fn should_accept_an_llm_whatever_the_content_type_says() {
    let body = support::owned_llm().to_string();
    let server = ScriptedServer::start(vec![Step::body(200, "text/plain", body)]).await;

    let (result, _) = update(&client(&server, RetryPolicy::none())).await;

    assert_eq!(result.unwrap().display_name, "GPT-4o");
}

#[tokio::test]
async fn should_refuse_a_body_over_the_size_limit_without_reading_it_whole() {
    let mut llm = support::owned_llm();
    llm["description"] = "x".repeat(40 * 1024 * 1024).into();
    let server = ScriptedServer::start(vec![Step::json(200, &llm)]).await;
    let client = Client::builder()
        .api_key(support::API_KEY)
        .base_url(server.base_url())
        .retry_policy(quick_retries())
        .max_response_bytes(1024 * 1024)
        .build()
        .unwrap();

    let (result, elapsed) = update(&client).await;

    let err = result.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                reason: "the body is over the size limit",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "cannot decode the response: the body is over the size limit"
    );
    let source = std::error::Error::source(&err).unwrap().to_string();
    assert!(source.contains("max_response_bytes"), "{source}");
    assert!(!err.is_retryable());
    assert_eq!(server.requests(), 1);
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[tokio::test]
async fn should_read_a_large_body_within_the_limit() {
    let mut llm = support::owned_llm();
    llm["description"] = "x".repeat(12 * 1024 * 1024).into();
    let server = ScriptedServer::start(vec![Step::json(200, &llm)]).await;

    let (result, _) = update(&client(&server, RetryPolicy::none())).await;

    assert_eq!(
        result.unwrap().description.map(|d| d.len()),
        Some(12 * 1024 * 1024)
    );
}

#[tokio::test]
async fn should_not_follow_a_redirect_to_another_host() {
    let elsewhere = ScriptedServer::start(vec![ok()]).await;
    let location = format!("{}/v1/llms/llm-1", elsewhere.base_url());
    let redirecting = ScriptedServer::start(vec![Step::Respond {
        status: 308,
        headers: vec![("location".into(), location)],
        body: Vec::new(),
    }])
    .await;

    let (result, _) = update(&client(&redirecting, quick_retries())).await;

    let err = result.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(308));
    assert_eq!(err.api_kind(), Some(ApiErrorKind::Other));
    assert_eq!(redirecting.requests(), 1);
    assert_eq!(elsewhere.requests(), 0);
}

/// Any bytes as the body of any status the spec documents: never a panic,
/// always the result or the typed error that status calls for.
#[test]
fn should_survive_arbitrary_bodies_for_every_documented_status() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

    let spec = support::spec::openapi();
    let statuses: Vec<u16> = spec
        .operations()
        .filter(|(_, _, op)| op.operation_id.as_deref() == Some("updateLlm"))
        .flat_map(|(_, _, op)| op.responses.responses.keys().cloned().collect::<Vec<_>>())
        .filter_map(|status| match status {
            openapiv3::StatusCode::Code(code) => Some(code),
            openapiv3::StatusCode::Range(_) => None,
        })
        .collect();
    assert!(
        statuses.contains(&200) && statuses.contains(&503),
        "{statuses:?}"
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let seed = 0x6661_756c_7473u64;
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let config = Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));

    let body = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        Just(support::owned_llm().to_string().into_bytes()),
        Just(br#"{"error": 1, "message": {"nested": true}, "details": "x"}"#.to_vec()),
        any::<String>().prop_map(|s| serde_json::json!({ "message": s }).to_string().into_bytes()),
    ];
    let content_type =
        prop::sample::select(vec!["application/json", "text/html", "text/plain", ""]);
    let strategy = (prop::sample::select(statuses), body, content_type);

    // One server and one client for every case: building a client loads the
    // platform's certificate store, which takes longer than a request.
    let server = runtime.block_on(ScriptedServer::start(Vec::new()));
    let client = client(&server, RetryPolicy::none());
    let result = runner.run(&strategy, |(status, body, content_type)| {
        server.push(Step::body(status, content_type, body.clone()));
        let outcome = runtime.block_on(update(&client)).0;
        match (status, outcome) {
            (200, Ok(_)) => {}
            (
                200,
                Err(Error::Decode {
                    status: Some(s), ..
                }),
            ) => prop_assert_eq!(s.as_u16(), 200),
            (_, Err(Error::Api(api))) => prop_assert_eq!(api.status().as_u16(), status),
            (status, other) => prop_assert!(false, "{status}: {other:?}"),
        }
        Ok(())
    });
    if let Err(err) = result {
        panic!("{err}\nseed {seed:#x}");
    }
    assert_eq!(server.requests(), 300);
}

#[tokio::test]
async fn should_keep_and_retry_an_error_status_whose_body_is_over_the_limit() {
    let page = "<html>".to_string() + &"x".repeat(5000) + "</html>";
    let server = ScriptedServer::start(vec![Step::body(503, "text/html", page), ok()]).await;
    let client = Client::builder()
        .api_key(support::API_KEY)
        .base_url(server.base_url())
        .retry_policy(quick_retries())
        .max_response_bytes(1000)
        .build()
        .unwrap();

    let (result, _) = update(&client).await;

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.requests(), 2);
}

#[tokio::test]
async fn should_record_attempts_that_could_not_connect() {
    let client = support::client_at(support::refused_base_url(), quick_retries());

    let err = client
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .unwrap_err();

    assert_eq!(err.attempts().len(), 3);
    assert!(
        err.attempts()
            .iter()
            .all(|a| a.failure() == Some("cannot connect") && a.status().is_none())
    );
    let message = err.to_string();
    assert!(
        message.starts_with(
            "the request failed in transport: cannot connect (after 3 attempts: cannot connect, then waited"
        ),
        "{message}"
    );
}

#[tokio::test]
async fn should_record_a_status_and_the_failure_that_followed_it() {
    let partial = br#"{"id": "llm-1""#.to_vec();
    let truncated = Step::Truncate {
        status: 200,
        body: partial,
    };
    let server = ScriptedServer::start(vec![truncated.clone(), truncated]).await;

    let (result, _) = update(&client(&server, quick_retries().max_retries(1))).await;

    let err = result.unwrap_err();
    let attempts = err.attempts();
    assert_eq!(attempts.len(), 2);
    assert_eq!(attempts[0].status().map(|s| s.as_u16()), Some(200));
    assert_eq!(attempts[0].failure(), Some("the response broke off"));
    assert!(
        err.to_string()
            .contains("(after 2 attempts: 200 then the response broke off, then waited"),
        "{err}"
    );
}

#[tokio::test]
async fn should_stop_retrying_when_retry_after_is_too_large_to_count() {
    let huge = error_json(503).with_header("retry-after", "99999999999999999999");
    let server = ScriptedServer::start(vec![huge, ok()]).await;

    let (result, _) = update(&client(&server, quick_retries())).await;

    assert_eq!(
        result.unwrap_err().api_error().unwrap().retry_after(),
        Some(Duration::MAX)
    );
    assert_eq!(server.requests(), 1);
}
