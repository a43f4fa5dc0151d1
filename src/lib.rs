//! A typed client for the LLM configurations of the [Anam AI] REST API.
//!
//! An LLM configuration says which upstream wire format, model, endpoint and
//! credential a persona talks through. This crate updates them
//! ([`Client::update_llm`], a partial update), and lists, reads, creates and
//! deletes them ([`Client::list_llms`], [`Client::get_llm`],
//! [`Client::create_llm`], [`Client::delete_llm`]):
//!
//! ```no_run
//! # async fn run() -> anam_llms::Result<()> {
//! let client = anam_llms::Client::from_env()?;
//! let llm = client.update_llm("a7cf662c-2ace-4de1-a21e-ef0fbf144bb7")
//!     .temperature(0.5)
//!     .send()
//!     .await?;
//! assert_eq!(llm.temperature, Some(0.5));
//! # Ok(())
//! # }
//! ```
//!
//! The client is generated at build time from the OpenAPI document in
//! `openapi/` (see [`generated`]); this crate adds a builder per operation
//! that refuses invalid input before sending, retries ([`RetryPolicy`]),
//! one [`Error`] type, secret handling ([`UpstreamSecret`], a redacted API
//! key), `tracing` events, and the [enums](crate::LlmFormat) that keep
//! decoding when the API adds values.
//!
//! # Features
//!
//! - `tls-ring` (default): TLS with rustls and ring; or `tls-aws-lc`, or
//!   `native-tls`.
//! - `schemars` (default): `JsonSchema` for the hand-written types.
//! - `mock`: the `mock` module, typed `httpmock` stand-ins for tests.
//!
//! [Anam AI]: https://anam.ai

#![deny(missing_docs)]

mod applied;
#[macro_use]
mod call;
mod client;
mod create;
mod dry_run;
mod enums;
mod error;
pub mod generated;
mod get_delete;
mod hooks;
mod list;
#[cfg(feature = "mock")]
pub mod mock;
mod redact;
mod retry;
mod secret;
mod tls;
mod update;
mod validate;

pub use client::{API_KEY_VAR, BASE_URL_VAR, Client, ClientBuilder, DEFAULT_BASE_URL};
pub use create::{CreateLlm, NewLlm};
pub use dry_run::DryRun;
pub use enums::{
    CreateLlmFormat, LlmFormat, ReasoningEffort, ReasoningFormat, UnknownValue, UnsupportedValue,
};
pub use error::{ApiError, ApiErrorKind, Error, Result};
pub use generated::types::{
    CreateLlmRequest, CreateLlmUrl, ErrorBody, ErrorDetail, Llm, LlmPage, LlmUrl, Metadata,
    Pagination, ReasoningEffortInput, ReasoningFormatInput, UpdateLlmFormat, UpdateLlmRequest,
};
pub use get_delete::{DeleteLlm, GetLlm};
pub use list::{ListLlms, MAX_PER_PAGE};
pub use retry::{Attempt, Attempts, RetryPolicy};
pub use secret::UpstreamSecret;
pub use update::UpdateLlm;

/// The secret types of the [`secrecy`](https://docs.rs/secrecy) crate, which
/// the client takes credentials in.
pub use secrecy::{ExposeSecret, SecretString};

/// The HTTP status type errors report.
pub use reqwest::StatusCode;

// Compiles the README's examples as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
