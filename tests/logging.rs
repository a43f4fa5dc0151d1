//! What the crate logs: one debug event per exchange with its facts, a
//! warning for fields an update sent but the server did not apply, and
//! never a body or a credential.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anam_llms::{Client, RetryPolicy, SecretString};
use support::scripted::{ScriptedServer, Step};
use support::{API_KEY, UPSTREAM_SECRET};
use tracing_subscriber::fmt::MakeWriter;

/// Collects everything the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

fn capture() -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .finish();
    let guard = tracing::subscriber::set_default(subscriber);
    (captured, guard)
}

fn client(server: &ScriptedServer) -> Client {
    let policy = RetryPolicy::default().initial_backoff(Duration::from_millis(10));
    support::client_at(server.base_url(), policy)
}

/// A body that echoes both credentials, as a careless server might.
fn echoing(status: u16) -> Step {
    Step::json(
        status,
        &serde_json::json!({ "message": format!("{API_KEY} {UPSTREAM_SECRET}") }),
    )
}

#[tokio::test]
async fn should_log_each_exchange_without_bodies_or_credentials() {
    let (captured, _guard) = capture();
    let mut applied = support::owned_llm();
    applied["temperature"] = 0.5.into();
    let server = ScriptedServer::start(vec![
        echoing(503).with_header("x-request-id", "req-7f3a"),
        Step::json(200, &applied).with_header("x-request-id", "req-8b4c"),
        echoing(400),
    ])
    .await;
    let client = client(&server);

    let update = || {
        client
            .update_llm("llm-1")
            .temperature(0.5)
            .secret(SecretString::from(UPSTREAM_SECRET))
    };
    update().send().await.unwrap();
    let err = update().send().await.unwrap_err();
    let dry_run = update().dry_run().await.unwrap();

    let logs = captured.text();
    let lines: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("anam api response"))
        .collect();
    assert_eq!(lines.len(), 3, "{logs}");
    for (line, attempt, status, request_id) in [
        (lines[0], 1, 503, Some("req-7f3a")),
        (lines[1], 2, 200, Some("req-8b4c")),
        (lines[2], 1, 400, None),
    ] {
        assert!(line.contains("DEBUG"), "{line}");
        assert!(line.contains("operation=\"update_llm\""), "{line}");
        assert!(line.contains("method=PUT"), "{line}");
        assert!(line.contains("path=/v1/llms/llm-1"), "{line}");
        assert!(line.contains(&format!("attempt={attempt}")), "{line}");
        assert!(line.contains(&format!("status={status}")), "{line}");
        assert!(line.contains("duration_ms="), "{line}");
        if let Some(id) = request_id {
            assert!(line.contains(&format!("request_id=\"{id}\"")), "{line}");
        }
    }

    let everything = format!("{logs}\n{err}\n{err:?}\n{dry_run}\n{dry_run:?}");
    assert!(!everything.contains(API_KEY), "{everything}");
    assert!(!everything.contains(UPSTREAM_SECRET), "{everything}");
    assert!(!logs.contains("temperature"), "a body was logged: {logs}");
}

#[tokio::test]
async fn should_log_a_failed_exchange() {
    let (captured, _guard) = capture();
    let server = ScriptedServer::start(vec![Step::Close]).await;
    let client = support::client_at(server.base_url(), RetryPolicy::none());

    client
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .unwrap_err();

    let logs = captured.text();
    let line = logs
        .lines()
        .find(|l| l.contains("anam api request failed"))
        .expect(&logs);
    assert!(
        line.contains("operation=\"update_llm\"") && line.contains("attempt=1"),
        "{line}"
    );
    assert!(!logs.contains(API_KEY));
}

#[tokio::test]
async fn should_warn_of_fields_the_server_did_not_apply() {
    let (captured, _guard) = capture();
    // The server answers with the stored LLM, ignoring the update.
    let server = ScriptedServer::start(vec![Step::json(200, &support::owned_llm())]).await;

    let llm = client(&server)
        .update_llm("llm-1")
        .display_name("Renamed")
        .max_tokens(1024)
        .temperature(0.1)
        .send()
        .await
        .unwrap();

    assert_eq!(llm.display_name, "GPT-4o");
    let logs = captured.text();
    let line = logs
        .lines()
        .find(|l| l.contains("did not apply"))
        .expect(&logs);
    assert!(line.contains("WARN"), "{line}");
    assert!(
        line.contains(r#"fields=["displayName", "temperature"]"#),
        "{line}"
    );
}

#[tokio::test]
async fn should_scrub_a_request_id_that_echoes_a_credential() {
    let (captured, _guard) = capture();
    let echo = format!("id-{UPSTREAM_SECRET}");
    let server = ScriptedServer::start(vec![
        Step::json(400, &serde_json::json!({})).with_header("x-request-id", &echo),
    ])
    .await;

    client(&server)
        .update_llm("llm-1")
        .secret(SecretString::from(UPSTREAM_SECRET))
        .send()
        .await
        .unwrap_err();

    let logs = captured.text();
    assert!(logs.contains("request_id=\"id-[REDACTED]\""), "{logs}");
    assert!(!logs.contains(UPSTREAM_SECRET));
}

#[tokio::test]
async fn should_log_a_body_that_fails_after_its_status() {
    let (captured, _guard) = capture();
    let partial = br#"{"id": "#.to_vec();
    let server = ScriptedServer::start(vec![Step::Truncate {
        status: 200,
        body: partial,
    }])
    .await;
    let client = support::client_at(server.base_url(), RetryPolicy::none());

    client
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .unwrap_err();

    let logs = captured.text();
    let line = logs
        .lines()
        .find(|l| l.contains("anam api response"))
        .expect(&logs);
    assert!(
        line.contains("status=200") && line.contains("failure=\"the response broke off\""),
        "{line}"
    );
    assert!(
        !line.contains("request_id"),
        "no request id was sent: {line}"
    );
}
