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
    NotIdempotent,
}

/// What one attempt of a call got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    status: Option<StatusCode>,
    failure: Option<&'static str>,
    wait: Option<Duration>,
}

impl Attempt {
    pub(crate) fn of(err: &Error, wait: Option<Duration>) -> Self {
        Self {
            status: err.status(),
            failure: err.failure(),
            wait,
        }
    }

    /// The status the attempt got, if a response arrived.
    pub fn status(&self) -> Option<StatusCode> {
        self.status
    }

    /// What failed, if the attempt did not get a whole response: `timed
    /// out`, `cannot connect`, `the response broke off` and the like. An
    /// attempt can have both a status and a failure, when the body failed.
    pub fn failure(&self) -> Option<&'static str> {
        self.failure
    }

    /// The wait before the next attempt, if there was one.
    pub fn wait(&self) -> Option<Duration> {
        self.wait
    }
}

impl fmt::Display for Attempt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.status, self.failure) {
            (Some(status), None) => write!(f, "{}", status.as_u16())?,
            (Some(status), Some(failure)) => write!(f, "{} then {failure}", status.as_u16())?,
            (None, Some(failure)) => f.write_str(failure)?,
            (None, None) => f.write_str("no answer")?,
        }
        match self.wait {
            Some(wait) => write!(f, ", then waited {:.2} s", wait.as_secs_f64()),
            None => Ok(()),
        }
    }
}

/// How many attempts an error keeps; the count goes on past it.
const KEPT_ATTEMPTS: usize = 16;

/// The attempts of a call, as its error reports them: the first 16 in
/// full, and how many there were in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attempts {
    kept: Vec<Attempt>,
    total: usize,
}

impl Attempts {
    fn push(&mut self, attempt: Attempt) {
        if self.kept.len() < KEPT_ATTEMPTS {
            self.kept.push(attempt);
        }
        self.total += 1;
    }

    /// The first attempts in order (at most 16); empty when the call was
    /// refused before sending.
    pub fn as_slice(&self) -> &[Attempt] {
        &self.kept
    }

    /// How many attempts the call made.
    pub fn total(&self) -> usize {
        self.total
    }
}

/// Nothing for a single attempt; otherwise ` (after N attempts: ...)`, for
/// appending to a message.
impl fmt::Display for Attempts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.total < 2 {
            return Ok(());
        }
        write!(f, " (after {} attempts: ", self.total)?;
        for (i, attempt) in self.kept.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{attempt}")?;
        }
        if self.total > self.kept.len() {
            write!(f, "; and {} more", self.total - self.kept.len())?;
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
    let mut history = Attempts::default();

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
        if !matches!(err, Error::Config { .. } | Error::InvalidInput { .. }) {
            history.push(Attempt::of(&err, wait));
        }
        match wait {
            Some(wait) => tokio::time::sleep(wait).await,
            None => return Err(err.with_attempts(history)),
        }
    }
    unreachable!("the loop returns")
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

    #[tokio::test]
    async fn records_every_attempt_and_keeps_the_first_sixteen() {
        let policy = RetryPolicy::default()
            .max_retries(40)
            .initial_backoff(Duration::ZERO)
            .max_backoff(Duration::ZERO);
        let result: Result<()> = run(&policy, Idempotency::Idempotent, None, |_| async {
            Err(connect_failure())
        })
        .await;

        let err = result.unwrap_err();
        assert_eq!(err.attempts().len(), 16);
        assert!(
            err.attempts()
                .iter()
                .all(|a| a.failure() == Some("cannot connect"))
        );
        let message = err.to_string();
        assert!(message.contains("(after 41 attempts: cannot connect, then waited 0.00 s;"));
        assert!(message.ends_with("; and 25 more)"), "{message}");
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
