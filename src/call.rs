//! What every operation's call shares: per-call options, the retry loop
//! around the generated client, and the mapping of its errors.

use std::future::Future;
use std::time::Duration;

use progenitor_client::ResponseValue;

use crate::client::Client;
use crate::dry_run::DryRun;
use crate::error::{Error, Result};
use crate::generated::types::ErrorBody;
use crate::hooks::{self, Call, Exchange};
use crate::redact::Redactor;
use crate::retry::{self, Idempotency, RetryPolicy};

/// The result of one call of the generated client.
type Generated<T> = std::result::Result<ResponseValue<T>, progenitor_client::Error<ErrorBody>>;

/// Implements the per-call options every operation's builder shares; the
/// builder has an `options: CallOptions` field.
macro_rules! call_options {
    ($builder:ident) => {
        impl $builder<'_> {
            /// Sets the retry policy of this call, instead of the client's.
            pub fn retry_policy(mut self, policy: $crate::RetryPolicy) -> Self {
                self.options.retry_policy = Some(policy);
                self
            }

            /// Sets a deadline for this whole call, across retries and the
            /// waits between them, instead of the client's.
            pub fn deadline(mut self, deadline: std::time::Duration) -> Self {
                self.options.deadline = Some(deadline);
                self
            }
        }
    };
}

/// Implements the setters of the optional fields that the update and the
/// creation bodies share; the builder has a `body` field holding them.
macro_rules! shared_body_setters {
    ($builder:ident) => {
        impl $builder<'_> {
            /// Sets `metadata`, the free-form provider-specific object. An
            /// empty object is sent as `{}`.
            pub fn metadata(mut self, metadata: impl Into<$crate::Metadata>) -> Self {
                self.body.metadata = Some(metadata.into());
                self
            }

            /// Sets `reasoningEffort`, for models that accept the hint.
            pub fn reasoning_effort(mut self, effort: $crate::ReasoningEffortInput) -> Self {
                self.body.reasoning_effort = Some(effort);
                self
            }

            /// Sets `reasoningFormat`, for models that accept the hint.
            pub fn reasoning_format(mut self, format: $crate::ReasoningFormatInput) -> Self {
                self.body.reasoning_format = Some(format);
                self
            }

            /// Sets `temperature`, the sampling temperature. It must be
            /// finite.
            pub fn temperature(mut self, temperature: f64) -> Self {
                self.body.temperature = Some(temperature);
                self
            }

            /// Sets `maxTokens`, the most tokens generated per response.
            pub fn max_tokens(mut self, max_tokens: u32) -> Self {
                self.body.max_tokens = Some(i64::from(max_tokens));
                self
            }
        }
    };
}

/// What a call may set instead of the client's settings.
#[derive(Clone, Debug, Default)]
pub(crate) struct CallOptions {
    pub(crate) retry_policy: Option<RetryPolicy>,
    pub(crate) deadline: Option<Duration>,
}

impl Client {
    /// Runs an operation with retries: `call` makes one attempt with the
    /// generated client. `secret` is the upstream credential the request
    /// carries, if any, to scrub from what comes back.
    pub(crate) async fn run<T, F, Fut>(
        &self,
        options: &CallOptions,
        idempotency: Idempotency,
        secret: Option<&str>,
        call: F,
    ) -> Result<T>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Generated<T>>,
    {
        let policy = options
            .retry_policy
            .as_ref()
            .unwrap_or(&self.settings.retry_policy);
        let deadline = options.deadline.or(self.settings.deadline);

        // Boxed once here, the generated future (the largest part of a call)
        // is not copied again as it moves into the layers around it.
        retry::run(policy, idempotency, deadline, |number| {
            self.attempt(number, secret, Box::pin(call()))
        })
        .await
    }

    async fn attempt<T>(
        &self,
        number: u32,
        secret: Option<&str>,
        generated: impl Future<Output = Generated<T>>,
    ) -> Result<T> {
        let call = Call::new(self.settings.max_response_bytes);
        let (result, call) = hooks::within(call, generated).await;
        let redactor = || self.redactor(secret);
        let result = match result {
            Ok(response) => Ok(response.into_inner()),
            Err(err) => {
                let status = call.status.get();
                let retry_after = call.retry_after.take();
                let retry_after = retry_after.as_ref().and_then(hooks::parse_retry_after);
                Err(Error::from_generated(err, status, retry_after, &redactor()).await)
            }
        };
        // The hooks record an exchange only when its event would be logged.
        if let Some(exchange) = call.exchange.take() {
            let failure = result.as_ref().err().and_then(Error::failure);
            log_exchange(&exchange, number, call.status.get(), failure, &redactor());
        }
        result
    }

    /// Renders the request `generated` would send, without sending it.
    pub(crate) async fn dry_run<T>(
        &self,
        generated: impl Future<Output = Generated<T>>,
    ) -> Result<DryRun> {
        let mut call = Call::new(self.settings.max_response_bytes);
        call.dry_run = true;
        let (_, call) = hooks::within(call, generated).await;

        let request = call
            .captured
            .into_inner()
            .ok_or_else(|| Error::invalid("request", "the request could not be built"))?;
        Ok(DryRun::new(&request, &self.settings.user_agent))
    }
}

/// The one `debug` event of an exchange, once its outcome is known (body
/// included). It holds no body, and no header value but a request id, which
/// is scrubbed of the request's credentials like everything else the server
/// sends back.
fn log_exchange(
    exchange: &Exchange,
    attempt: u32,
    status: Option<reqwest::StatusCode>,
    failure: Option<&'static str>,
    redactor: &Redactor<'_>,
) {
    let duration_ms = exchange.started.elapsed().as_secs_f64() * 1000.0;
    let request_id = exchange.request_id.as_deref().map(|id| redactor.text(id));
    let message = if status.is_some() {
        "anam api response"
    } else {
        "anam api request failed"
    };
    tracing::debug!(
        operation = exchange.operation,
        method = %exchange.method,
        path = %exchange.path,
        attempt,
        status = status.map(|s| s.as_u16()),
        failure,
        duration_ms,
        request_id = request_id.as_deref(),
        "{message}"
    );
}
