//! Retrying failed attempts, and the record of what each attempt got.

use std::fmt;
use std::future::Future;
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::error::{Error, Result};

/// When and how often a call is tried again.
///
/// The default retries up to twice after a timeout, a connection failure, or
/// one of the statuses 408, 429, 500, 502, 503 and 504 (whatever their body),
/// waiting about 0.5 s and then 1 s (doubling up to 8 s, with ±25 % jitter).
/// A `Retry-After` header, in seconds or as an HTTP date, sets the wait
/// instead; one asking for longer than [`max_retry_after`] ends the retries,
/// and [`ApiError::retry_after`] tells the caller the wait it asked for.
///
/// Set it per client with [`ClientBuilder::retry_policy`] and per call with
/// [`UpdateLlm::retry_policy`].
///
/// [`max_retry_after`]: RetryPolicy::max_retry_after
/// [`ApiError::retry_after`]: crate::ApiError::retry_after
/// [`ClientBuilder::retry_policy`]: crate::ClientBuilder::retry_policy
/// [`UpdateLlm::retry_policy`]: crate::UpdateLlm::retry_policy
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use anam_llms::RetryPolicy;
///
/// let patient = RetryPolicy::default()
///     .max_retries(4)
///     .max_backoff(Duration::from_secs(20));
/// let never = RetryPolicy::none();
/// # let _ = (patient, never);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_retries: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self::default().max_retries(0)
    }

    /// Sets how many times a call is tried again after its first attempt.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// Sets the wait before the first retry, which doubles for each one
    /// after it.
    pub fn initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// Sets the longest wait between two attempts that backoff reaches.
    pub fn max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// Sets the longest `Retry-After` wait the client honours; a server that
    /// asks for longer gets no retry.
    pub fn max_retry_after(mut self, wait: Duration) -> Self {
        self.max_retry_after = wait;
        self
    }

    /// The wait before retry number `retry` (from 0), with jitter.
    fn backoff(&self, retry: u32) -> Duration {
        let doubled = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(retry))
            .min(self.max_backoff);
        doubled
            .mul_f64(0.75 + fastrand::f64() * 0.5)
            .min(self.max_backoff)
    }
}

/// Whether an operation may be repeated with no other effect than once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Idempotency {
    /// Retried after any retryable failure.
    Idempotent,
    /// Retried only when the request cannot have reached the server.
    #[allow(dead_code)] // the first operation that creates will use it
    NotIdempotent,
}

/// What one attempt of a call got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    outcome: Outcome,
    wait: Option<Duration>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    Status(StatusCode),
    Failure(&'static str),
}

impl Attempt {
    /// The status the attempt got, if a response arrived.
    pub fn status(&self) -> Option<StatusCode> {
        match self.outcome {
            Outcome::Status(status) => Some(status),
            Outcome::Failure(_) => None,
        }
    }

    /// The wait before the next attempt, if there was one.
    pub fn wait(&self) -> Option<Duration> {
        self.wait
    }
}

impl fmt::Display for Attempt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            Outcome::Status(status) => write!(f, "{}", status.as_u16())?,
            Outcome::Failure(what) => f.write_str(what)?,
        }
        match self.wait {
            Some(wait) => write!(f, ", then waited {:.2} s", wait.as_secs_f64()),
            None => Ok(()),
        }
    }
}

/// The attempts of a call, as its error reports them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attempts(Vec<Attempt>);

impl Attempts {
    /// The attempts in order; empty when nothing was sent.
    pub fn as_slice(&self) -> &[Attempt] {
        &self.0
    }
}

/// Nothing for a single attempt; otherwise ` (after N attempts: ...)`, for
/// appending to a message.
impl fmt::Display for Attempts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.len() < 2 {
            return Ok(());
        }
        write!(f, " (after {} attempts: ", self.0.len())?;
        for (i, attempt) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{attempt}")?;
        }
        f.write_str(")")
    }
}

/// The deadline of a whole call passed.
#[derive(Debug, thiserror::Error)]
#[error("the call's deadline of {:.2} s passed", .0.as_secs_f64())]
struct DeadlinePassed(Duration);

/// Runs `attempt` (given the attempt's number, from 1) until it succeeds,
/// fails for good, or the policy or the deadline says stop; the error then
/// carries every attempt.
pub(crate) async fn run<T, F, Fut>(
    policy: &RetryPolicy,
    idempotency: Idempotency,
    deadline: Option<Duration>,
    mut attempt: F,
) -> Result<T>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let started = Instant::now();
    let mut history = Vec::new();

    for number in 1.. {
        let result = match deadline {
            None => attempt(number).await,
            Some(deadline) => {
                let left = deadline.saturating_sub(started.elapsed());
                tokio::time::timeout(left, attempt(number))
                    .await
                    .unwrap_or_else(|_| Err(Error::deadline(DeadlinePassed(deadline).into())))
            }
        };
        let err = match result {
            Ok(value) => return Ok(value),
            Err(err) => err,
        };

        let wait = next_wait(policy, idempotency, &err, number - 1)
            .filter(|wait| deadline.is_none_or(|d| started.elapsed() + *wait < d));
        if err.status().is_some() || err.was_sent() {
            history.push(Attempt {
                outcome: outcome(&err),
                wait,
            });
        }
        match wait {
            Some(wait) => tokio::time::sleep(wait).await,
            None => return Err(err.with_attempts(Attempts(history))),
        }
    }
    unreachable!("the loop returns")
}

fn outcome(err: &Error) -> Outcome {
    match err.status() {
        Some(status) => Outcome::Status(status),
        None if err.is_timeout() => Outcome::Failure("timed out"),
        None => Outcome::Failure("transport failure"),
    }
}

/// How long to wait before trying again, or `None` to stop.
fn next_wait(
    policy: &RetryPolicy,
    idempotency: Idempotency,
    err: &Error,
    retries_so_far: u32,
) -> Option<Duration> {
    if retries_so_far >= policy.max_retries || !err.is_retryable() {
        return None;
    }
    if idempotency == Idempotency::NotIdempotent && err.was_sent() {
        return None;
    }
    match err.api_error().and_then(|api| api.retry_after()) {
        Some(asked) if asked > policy.max_retry_after => None,
        Some(asked) => Some(asked),
        None => Some(policy.backoff(retries_so_far)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn fast() -> RetryPolicy {
        RetryPolicy::default()
            .initial_backoff(Duration::from_millis(1))
            .max_backoff(Duration::from_millis(2))
    }

    fn connect_failure() -> Error {
        Error::transport_failure("cannot connect", false)
    }

    fn broke_off() -> Error {
        Error::transport_failure("the response broke off", true)
    }

    async fn attempts_until_done(idempotency: Idempotency, failure: fn() -> Error) -> u32 {
        let count = Cell::new(0);
        let result: Result<()> = run(&fast(), idempotency, None, |_| {
            count.set(count.get() + 1);
            async move { Err(failure()) }
        })
        .await;
        assert!(result.is_err());
        count.get()
    }

    #[tokio::test]
    async fn retries_an_idempotent_call_after_any_retryable_failure() {
        assert_eq!(
            attempts_until_done(Idempotency::Idempotent, connect_failure).await,
            3
        );
        assert_eq!(
            attempts_until_done(Idempotency::Idempotent, broke_off).await,
            3
        );
    }

    #[tokio::test]
    async fn retries_a_call_that_is_not_idempotent_only_when_nothing_reached_the_server() {
        assert_eq!(
            attempts_until_done(Idempotency::NotIdempotent, connect_failure).await,
            3
        );
        assert_eq!(
            attempts_until_done(Idempotency::NotIdempotent, broke_off).await,
            1
        );
    }

    #[test]
    fn backs_off_doubling_with_jitter_up_to_the_cap() {
        let policy = RetryPolicy::default();
        for _ in 0..100 {
            let first = policy.backoff(0).as_secs_f64();
            let second = policy.backoff(1).as_secs_f64();
            let late = policy.backoff(10).as_secs_f64();
            assert!((0.375..=0.625).contains(&first), "{first}");
            assert!((0.75..=1.25).contains(&second), "{second}");
            assert!((6.0..=8.0).contains(&late), "{late}");
        }
    }
}
