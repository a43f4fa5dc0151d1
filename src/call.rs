//! What every operation's call shares: per-call options, the retry loop
//! around the generated client, and the mapping of its errors.

use std::future::Future;
use std::time::Duration;

use progenitor_client::ResponseValue;

use crate::client::Client;
use crate::dry_run::DryRun;
use crate::error::{Error, Result};
use crate::generated::types::ErrorBody;
use crate::hooks::{self, Call};
use crate::retry::{self, Idempotency, RetryPolicy};

/// The result of one call of the generated client.
type Generated<T> = std::result::Result<ResponseValue<T>, progenitor_client::Error<ErrorBody>>;

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

        retry::run(policy, idempotency, deadline, |number| {
            self.attempt(number, secret, call())
        })
        .await
    }

    async fn attempt<T>(
        &self,
        number: u32,
        secret: Option<&str>,
        generated: impl Future<Output = Generated<T>>,
    ) -> Result<T> {
        let call = Call::new(number, self.settings.max_response_bytes);
        match hooks::within(call, generated).await {
            (Ok(response), _) => Ok(response.into_inner()),
            (Err(err), call) => {
                let status = call.status.get();
                let retry_after = call.retry_after.take();
                let retry_after = retry_after.as_ref().and_then(hooks::parse_retry_after);
                let redactor = self.redactor(secret);
                Err(Error::from_generated(err, status, retry_after, &redactor).await)
            }
        }
    }

    /// Renders the request `generated` would send, without sending it.
    pub(crate) async fn dry_run<T>(
        &self,
        generated: impl Future<Output = Generated<T>>,
    ) -> Result<DryRun> {
        let mut call = Call::new(1, self.settings.max_response_bytes);
        call.dry_run = true;
        let (_, call) = hooks::within(call, generated).await;

        let request = call
            .captured
            .into_inner()
            .ok_or_else(|| Error::invalid("request", "the request could not be built"))?;
        Ok(DryRun::new(&request, &self.settings.user_agent))
    }
}
