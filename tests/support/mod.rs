//! Shared by the integration tests: a client pointed at a local mock, the
//! credentials every test uses, and the JSON fixtures.

#![allow(dead_code)]

pub mod scripted;
pub mod spec;

use anam_llms::{Client, RetryPolicy};
use httpmock::Method::PUT;
use httpmock::{Mock, MockServer};
use serde_json::Value;

/// The API key every test client sends.
pub const API_KEY: &str = "anam-test-key-7f3c9a1e5d";

/// The upstream secret tests send, distinctive enough to search for.
pub const UPSTREAM_SECRET: &str = "sk-upstream-secret-42b8e6d0c4";

/// The id of the LLM in the page's example.
pub const PAGE_LLM_ID: &str = "a7cf662c-2ace-4de1-a21e-ef0fbf144bb7";

/// A client of `server`, with the test key and no retries, so that each
/// call makes exactly one request; `tests/faults.rs` tests the retries.
pub fn client(server: &MockServer) -> Client {
    client_at(server.base_url(), RetryPolicy::none())
}

/// A client of the server at `base_url`, with the test key and `policy`.
pub fn client_at(base_url: impl Into<String>, policy: RetryPolicy) -> Client {
    Client::builder()
        .api_key(API_KEY)
        .base_url(base_url)
        .retry_policy(policy)
        .build()
        .expect("a loopback base URL is accepted")
}

/// A loopback base URL that nothing listens on: the port was free a moment
/// ago, so a connection to it is refused.
pub fn refused_base_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    format!("http://{}", listener.local_addr().unwrap())
}

/// The LLM of the API reference page's example response, verbatim.
pub fn page_example() -> Value {
    serde_json::from_str(include_str!("../fixtures/page-example-llm.json")).unwrap()
}

/// The page's LLM as an organisation's own (`isDefault` and `isGlobal`
/// false, a `createdByOrganizationId`): the spec's example, which the mock
/// fixtures and the update example's stand-in use too.
pub fn owned_llm() -> Value {
    serde_json::from_str(anam_llms::generated::examples::LLM_OWNED_LLM).unwrap()
}

/// A mock answering `PUT path` with [`owned_llm`], whatever the body.
pub async fn owned_llm_at<'a>(server: &'a MockServer, path: &str) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method(PUT).path(path);
            then.status(200).json_body(owned_llm());
        })
        .await
}

/// A mock that answers any request, for asserting that nothing was sent.
pub async fn catch_all(server: &MockServer) -> Mock<'_> {
    server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).json_body(owned_llm());
        })
        .await
}
