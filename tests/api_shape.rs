//! Properties of the public types that callers build on: they can cross
//! threads and tasks, and errors fit the usual error-handling crates.

use anam_llms::{ApiError, Client, ClientBuilder, Error, Llm, LlmFormat, UpdateLlm};

fn assert_send_sync<T: Send + Sync>() {}
fn assert_send<T: Send>(_: &T) {}
fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}

#[test]
fn should_let_clients_and_values_cross_threads() {
    assert_send_sync::<Client>();
    assert_send_sync::<ClientBuilder>();
    assert_send_sync::<UpdateLlm<'static>>();
    assert_send_sync::<Llm>();
    assert_send_sync::<LlmFormat>();
    assert_error::<Error>();
    assert_error::<ApiError>();
    assert_error::<anam_llms::UnsupportedValue>();
}

#[test]
fn should_make_an_update_future_send_as_spawning_requires() {
    let client = Client::builder()
        .api_key("k")
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    let update = client.update_llm("llm-1").temperature(0.5);

    // Not awaited: this checks only that the future is `Send`, as
    // `tokio::spawn` requires.
    let future = update.send();
    assert_send(&future);
}
