//! The generated client's hooks: the one place every request passes through.
//! They record what the layer logs and what its error mapping needs, bound
//! the size of response bodies, and make dry runs.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::time::{Duration, Instant};

use progenitor_client::{ClientHooks, ClientInfo, OperationInfo};
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderValue, RETRY_AFTER};

use crate::generated;

/// The response bodies read when no limit was set.
pub(crate) const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// Headers that commonly carry a request id, most specific first.
const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "request-id",
    "x-amzn-requestid",
    "x-correlation-id",
    "cf-ray",
];

/// One call of the hand-written layer, as the hooks see it.
pub(crate) struct Call {
    /// The most a response body may hold.
    pub(crate) max_response_bytes: usize,
    /// Capture the request instead of sending it.
    pub(crate) dry_run: bool,
    /// The status of the response, which the generated client drops when an
    /// error body is not the documented JSON.
    pub(crate) status: Cell<Option<StatusCode>>,
    /// The response's `Retry-After` header.
    pub(crate) retry_after: RefCell<Option<HeaderValue>>,
    /// The request a dry run captured.
    pub(crate) captured: RefCell<Option<reqwest::Request>>,
    /// The exchange, once a request was sent.
    pub(crate) exchange: RefCell<Option<Exchange>>,
}

/// What the log of one exchange says, apart from its outcome.
pub(crate) struct Exchange {
    pub(crate) operation: &'static str,
    pub(crate) method: reqwest::Method,
    pub(crate) path: String,
    pub(crate) started: Instant,
    pub(crate) request_id: Option<String>,
}

impl Call {
    pub(crate) fn new(max_response_bytes: usize) -> Self {
        Self {
            max_response_bytes,
            dry_run: false,
            status: Cell::new(None),
            retry_after: RefCell::new(None),
            captured: RefCell::new(None),
            exchange: RefCell::new(None),
        }
    }
}

tokio::task_local! {
    // Boxed: the scope moves its value in and out on every poll.
    static CALL: Box<Call>;
}

/// Runs a call of the generated client with `call` visible to the hooks, and
/// returns its output with what the hooks recorded.
pub(crate) async fn within<F: Future>(call: Call, future: F) -> (F::Output, Box<Call>) {
    let mut scoped = std::pin::pin!(CALL.scope(Box::new(call), future));
    let output = scoped.as_mut().await;
    let call = scoped.take_value().expect("the scope still holds its call");
    (output, call)
}

impl ClientHooks for generated::Client {
    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        // A caller of the generated client itself runs outside any `Call`.
        let (limit, dry_run) = CALL
            .try_with(|c| (c.max_response_bytes, c.dry_run))
            .unwrap_or((DEFAULT_MAX_RESPONSE_BYTES, false));

        if dry_run {
            let _ = CALL.try_with(|c| c.captured.replace(Some(request)));
            let placeholder = http::Response::builder()
                .status(StatusCode::NO_CONTENT)
                .body(Vec::new())
                .expect("a static response is valid");
            return Ok(placeholder.into());
        }

        // What the layer logs costs allocations; record it only when the
        // event would be logged.
        if !tracing::enabled!(tracing::Level::DEBUG) {
            let result = self.client().execute(request).await;
            return result.map(|response| limit_body(response, limit));
        }
        let mut exchange = Exchange {
            operation: info.operation_id,
            method: request.method().clone(),
            path: request.url().path().to_owned(),
            started: Instant::now(),
            request_id: None,
        };
        let result = self.client().execute(request).await;
        if let Ok(response) = &result {
            exchange.request_id = request_id(response.headers()).map(str::to_owned);
        }
        let _ = CALL.try_with(|c| c.exchange.replace(Some(exchange)));
        result.map(|response| limit_body(response, limit))
    }

    async fn post<E>(
        &self,
        result: &reqwest::Result<reqwest::Response>,
        _info: &OperationInfo,
    ) -> Result<(), progenitor_client::Error<E>> {
        if let Ok(response) = result {
            let _ = CALL.try_with(|call| {
                call.status.set(Some(response.status()));
                *call.retry_after.borrow_mut() = response.headers().get(RETRY_AFTER).cloned();
            });
        }
        Ok(())
    }
}

fn request_id(headers: &HeaderMap) -> Option<&str> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok())
}

/// Makes reading the body fail once it passes `limit` bytes, so that a huge
/// response cannot exhaust memory.
fn limit_body(response: reqwest::Response, limit: usize) -> reqwest::Response {
    if response
        .content_length()
        .is_some_and(|length| length <= limit as u64)
    {
        return response;
    }
    let response = http::Response::<reqwest::Body>::from(response);
    let (parts, body) = response.into_parts();
    let body = reqwest::Body::wrap(http_body_util::Limited::new(body, limit));
    http::Response::from_parts(parts, body).into()
}

/// Whether a failure came from the body limit.
pub(crate) fn is_too_large(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut source = Some(err);
    while let Some(err) = source {
        if err.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = err.source();
    }
    false
}

/// The wait a `Retry-After` value asks for: seconds, or an HTTP date.
pub(crate) fn parse_retry_after(value: &HeaderValue) -> Option<Duration> {
    let text = value.to_str().ok()?.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        // Too many seconds to count is longer than any cap.
        return Some(text.parse().map_or(Duration::MAX, Duration::from_secs));
    }
    let when = httpdate::parse_http_date(text).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_retry_after_in_seconds_and_as_a_date() {
        let seconds = HeaderValue::from_static("120");
        assert_eq!(parse_retry_after(&seconds), Some(Duration::from_secs(120)));

        let later = std::time::SystemTime::now() + Duration::from_secs(90);
        let date = HeaderValue::from_str(&httpdate::fmt_http_date(later)).unwrap();
        let wait = parse_retry_after(&date).unwrap();
        assert!(
            wait > Duration::from_secs(85) && wait <= Duration::from_secs(90),
            "{wait:?}"
        );

        let past = HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT");
        assert_eq!(parse_retry_after(&past), Some(Duration::ZERO));
        assert_eq!(parse_retry_after(&HeaderValue::from_static("soon")), None);
        assert_eq!(parse_retry_after(&HeaderValue::from_static("-1")), None);
        let huge = HeaderValue::from_static("99999999999999999999");
        assert_eq!(parse_retry_after(&huge), Some(Duration::MAX));
    }
}
