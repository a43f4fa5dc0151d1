//! The crate's one error type.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;

use crate::generated::types::{ErrorBody, Llm};
use crate::hooks;
use crate::redact::Redactor;
use crate::retry::{Attempt, Attempts};

/// A `Result` whose error is this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How much of an error body that is not the API's JSON error object is
/// kept for diagnosis. Proxies answer with whole HTML pages.
const RAW_BODY_LIMIT: usize = 4096;

/// How much of an undocumented response's body is read, to find its JSON
/// error object or keep its start.
const READ_LIMIT: usize = 64 * 1024;

/// The longest plain-text error body taken as the error's message.
const TEXT_MESSAGE_LIMIT: usize = 200;

/// What a transport failure says when the connection could not be made, so
/// nothing reached the server.
const CANNOT_CONNECT: &str = "cannot connect";

/// What a decoding error says of a body that is not the documented JSON.
const NOT_DOCUMENTED_JSON: &str = "the body is not the documented JSON";

/// What a timeout says when it struck while connecting.
const CONNECTING: &str = "while connecting";

/// Everything that can go wrong, from building a client to decoding a
/// response.
///
/// The variants answer "what happened"; the methods answer the usual
/// questions: [`status`](Self::status), [`is_retryable`](Self::is_retryable),
/// [`is_timeout`](Self::is_timeout), [`api_error`](Self::api_error),
/// [`attempts`](Self::attempts). No variant holds the API key or an upstream
/// secret. The message of a call that was tried more than once ends with
/// what each attempt got.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client could not be built: a missing API key, or a base URL it
    /// must not use. Nothing was sent.
    #[error("invalid client configuration: {reason}")]
    #[non_exhaustive]
    Config {
        /// What is wrong, as a lowercase phrase.
        reason: String,
    },

    /// A request was refused before sending: an invalid id or field value,
    /// or an update that changes nothing. Nothing was sent.
    #[error("invalid `{field}`: {reason}")]
    #[non_exhaustive]
    InvalidInput {
        /// The wire name of the offending input (`id`, `url`, `temperature`,
        /// or `body` for the request as a whole).
        field: &'static str,
        /// What is wrong, as a lowercase phrase.
        reason: String,
    },

    /// An attempt, or the whole call, did not complete in time.
    #[error("the request timed out {reason}{attempts}")]
    #[non_exhaustive]
    Timeout {
        /// When it struck, as a lowercase phrase.
        reason: &'static str,
        /// The status, if the response had started before the timeout.
        status: Option<StatusCode>,
        /// The underlying failure.
        source: BoxError,
        /// Every attempt of the call.
        attempts: Attempts,
    },

    /// The connection failed, or broke before a complete response arrived.
    #[error("the request failed in transport: {reason}{attempts}")]
    #[non_exhaustive]
    Transport {
        /// What failed, as a lowercase phrase.
        reason: &'static str,
        /// The status, if the response had started before the failure.
        status: Option<StatusCode>,
        /// The underlying failure.
        source: BoxError,
        /// Every attempt of the call.
        attempts: Attempts,
    },

    /// The API answered with an error status.
    #[error(transparent)]
    Api(Box<ApiError>),

    /// A success status whose response is not the documented one: a body
    /// that is not the documented JSON or is over the size limit, or a
    /// success status the operation does not document (such as 204 with no
    /// body).
    #[error("cannot decode the response: {reason}{attempts}")]
    #[non_exhaustive]
    Decode {
        /// What is wrong with the response, as a lowercase phrase.
        reason: &'static str,
        /// The response's status.
        status: Option<StatusCode>,
        /// Why decoding failed.
        source: BoxError,
        /// Every attempt of the call.
        attempts: Attempts,
    },

    /// In strict mode, the update succeeded but the LLM that came back does
    /// not hold every value sent: the server did not apply those fields.
    #[error("the server did not apply {}", fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", "))]
    #[non_exhaustive]
    NotApplied {
        /// The wire names of the fields whose values did not come back.
        fields: Vec<&'static str>,
        /// The LLM as the server returned it.
        llm: Box<Llm>,
    },
}

impl Error {
    /// The HTTP status of the response, if one arrived.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Self::Config { .. } | Self::InvalidInput { .. } => None,
            Self::Timeout { status, .. }
            | Self::Transport { status, .. }
            | Self::Decode { status, .. } => *status,
            Self::Api(api) => Some(api.status),
            Self::NotApplied { .. } => Some(StatusCode::OK),
        }
    }

    /// The API's error response, if that is what this is.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Self::Api(api) => Some(api),
            _ => None,
        }
    }

    /// The kind of API error, if the API answered with an error status.
    pub fn api_kind(&self) -> Option<ApiErrorKind> {
        self.api_error().map(ApiError::kind)
    }

    /// Whether sending the same request again may succeed: timeouts,
    /// transport failures, and the statuses 408, 429, 500, 502, 503 and 504.
    ///
    /// This says nothing about whether a retry is safe; an update is
    /// idempotent, so for an update it is.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Timeout { .. } | Self::Transport { .. } => true,
            Self::Api(api) => matches!(api.status.as_u16(), 408 | 429 | 500 | 502 | 503 | 504),
            Self::Config { .. }
            | Self::InvalidInput { .. }
            | Self::Decode { .. }
            | Self::NotApplied { .. } => false,
        }
    }

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Self::Timeout { .. })
    }

    /// What each attempt of the call got, in order (the first 16; the
    /// message counts them all). Empty when the call was refused before
    /// sending; one entry when it was not retried.
    pub fn attempts(&self) -> &[Attempt] {
        match self {
            Self::Timeout { attempts, .. }
            | Self::Transport { attempts, .. }
            | Self::Decode { attempts, .. } => attempts.as_slice(),
            Self::Api(api) => api.attempts.as_slice(),
            Self::Config { .. } | Self::InvalidInput { .. } | Self::NotApplied { .. } => &[],
        }
    }

    /// What failed short of a whole, usable response, for the attempt
    /// history; `None` for an error status, which the status tells.
    pub(crate) fn failure(&self) -> Option<&'static str> {
        match self {
            Self::Timeout { .. } => Some("timed out"),
            Self::Transport { reason, .. } | Self::Decode { reason, .. } => Some(reason),
            Self::Config { .. } | Self::InvalidInput { .. } => Some("not sent"),
            Self::Api(_) | Self::NotApplied { .. } => None,
        }
    }

    /// Whether the request may have reached the server.
    pub(crate) fn was_sent(&self) -> bool {
        match self {
            Self::Config { .. } | Self::InvalidInput { .. } => false,
            Self::Transport { reason, .. } => *reason != CANNOT_CONNECT,
            Self::Timeout { reason, .. } => *reason != CONNECTING,
            Self::Api(_) | Self::Decode { .. } | Self::NotApplied { .. } => true,
        }
    }

    /// Records the attempts of the call that ended in this error.
    pub(crate) fn with_attempts(mut self, history: Attempts) -> Self {
        match &mut self {
            Self::Timeout { attempts, .. }
            | Self::Transport { attempts, .. }
            | Self::Decode { attempts, .. } => *attempts = history,
            Self::Api(api) => api.attempts = history,
            Self::Config { .. } | Self::InvalidInput { .. } | Self::NotApplied { .. } => {}
        }
        self
    }

    pub(crate) fn config(reason: impl Into<String>) -> Self {
        Self::Config {
            reason: reason.into(),
        }
    }

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Self::InvalidInput {
            field,
            reason: reason.into(),
        }
    }

    pub(crate) fn deadline(source: BoxError) -> Self {
        Self::Timeout {
            reason: "before the call's deadline",
            status: None,
            source,
            attempts: Attempts::default(),
        }
    }

    #[cfg(test)]
    pub(crate) fn transport_failure(reason: &'static str, sent: bool) -> Self {
        Self::Transport {
            reason: if sent { reason } else { CANNOT_CONNECT },
            status: None,
            source: reason.into(),
            attempts: Attempts::default(),
        }
    }

    fn transport(status: Option<StatusCode>, source: reqwest::Error) -> Self {
        if source.is_builder() {
            // Nothing was sent: the URL is invalid, for instance too long.
            return Self::invalid("id", "the request cannot be built; the id may be too long");
        }
        if hooks::is_too_large(&source) {
            // An error body is only diagnosis: the status is what matters.
            if let Some(status) = status.filter(|s| !s.is_success()) {
                return ApiError::new(status).into();
            }
            return Self::Decode {
                reason: "the body is over the size limit",
                status,
                source: "raise the limit with `ClientBuilder::max_response_bytes`".into(),
                attempts: Attempts::default(),
            };
        }
        if source.is_timeout() {
            let reason = if source.is_connect() {
                CONNECTING
            } else {
                "waiting for the response"
            };
            return Self::Timeout {
                reason,
                status,
                source: source.into(),
                attempts: Attempts::default(),
            };
        }
        let reason = if source.is_connect() {
            CANNOT_CONNECT
        } else if source.is_body() || source.is_decode() {
            "the response broke off"
        } else {
            "the exchange did not complete"
        };
        Self::Transport {
            reason,
            status,
            source: source.into(),
            attempts: Attempts::default(),
        }
    }

    fn decode(
        status: Option<StatusCode>,
        reason: &'static str,
        source: BoxError,
        redactor: &Redactor<'_>,
    ) -> Self {
        // serde quotes the values it chokes on, and the server may have
        // echoed a credential into one.
        let message = source.to_string();
        let source = match redactor.text(&message) {
            Cow::Owned(scrubbed) => scrubbed.into(),
            Cow::Borrowed(_) => source,
        };
        Self::Decode {
            reason,
            status,
            source,
            attempts: Attempts::default(),
        }
    }

    /// Maps an error of the generated client. `status` is the status of the
    /// response, when one arrived: progenitor drops it when an error body is
    /// not the documented JSON; `retry_after` is the wait the response asked
    /// for. Text from the server is scrubbed of the request's credentials.
    pub(crate) async fn from_generated(
        err: progenitor_client::Error<ErrorBody>,
        status: Option<StatusCode>,
        retry_after: Option<Duration>,
        redactor: &Redactor<'_>,
    ) -> Self {
        use progenitor_client::Error as Generated;

        let err = match err {
            Generated::InvalidRequest(reason) => Self::invalid("body", reason),
            Generated::CommunicationError(e) | Generated::InvalidUpgrade(e) => {
                Self::transport(e.status().or(status), e)
            }
            Generated::ResponseBodyError(e) => Self::transport(status, e),
            Generated::ErrorResponse(response) => {
                let status = response.status();
                ApiError::from_body(status, response.into_inner(), redactor).into()
            }
            Generated::InvalidResponsePayload(bytes, source) => match status {
                Some(status) if !status.is_success() => {
                    ApiError::from_bytes(status, &bytes, redactor).into()
                }
                _ => Self::decode(status, NOT_DOCUMENTED_JSON, source.into(), redactor),
            },
            Generated::UnexpectedResponse(response) => {
                let status = response.status();
                if status.is_success() {
                    let reason = format!("the operation documents no {status} response");
                    let undocumented = "the operation documents no such success status";
                    return Self::decode(Some(status), undocumented, reason.into(), redactor);
                }
                let bytes = read_prefix(response, READ_LIMIT).await;
                ApiError::from_bytes(status, &bytes, redactor).into()
            }
            Generated::Custom(reason) => Self::Transport {
                reason: "a client hook failed",
                status,
                source: reason.into(),
                attempts: Attempts::default(),
            },
        };
        match err {
            Self::Api(mut api) => {
                api.retry_after = retry_after;
                Self::Api(api)
            }
            other => other,
        }
    }
}

impl From<ApiError> for Error {
    fn from(err: ApiError) -> Self {
        Self::Api(Box::new(err))
    }
}

/// What kind of error status the API answered with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400: the request was malformed or failed validation.
    BadRequest,
    /// 401: the API key is missing or invalid.
    Unauthorized,
    /// 403: the API key lacks a permission, or the LLM is a default LLM
    /// that the caller's organisation does not own and cannot modify.
    Forbidden,
    /// 404: no LLM configuration has this id.
    NotFound,
    /// 429: rate limited.
    RateLimited,
    /// 5xx: the server failed.
    ServerError,
    /// Any other status, including a redirect, which this client never
    /// follows.
    Other,
}

impl ApiErrorKind {
    /// The kind of an error status.
    pub fn from_status(status: StatusCode) -> Self {
        match status.as_u16() {
            400 => Self::BadRequest,
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            429 => Self::RateLimited,
            500..=599 => Self::ServerError,
            _ => Self::Other,
        }
    }

    fn as_phrase(self) -> &'static str {
        match self {
            Self::BadRequest => "bad request",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not found",
            Self::RateLimited => "rate limited",
            Self::ServerError => "server error",
            Self::Other => "unexpected status",
        }
    }
}

impl fmt::Display for ApiErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_phrase())
    }
}

/// An error status from the API, with whatever its body said.
#[derive(Clone, Debug)]
pub struct ApiError {
    status: StatusCode,
    kind: ApiErrorKind,
    error: Option<String>,
    message: Option<String>,
    body: Option<ErrorBody>,
    raw_body: Option<String>,
    retry_after: Option<Duration>,
    attempts: Attempts,
}

impl ApiError {
    fn new(status: StatusCode) -> Self {
        Self {
            status,
            kind: ApiErrorKind::from_status(status),
            error: None,
            message: None,
            body: None,
            raw_body: None,
            retry_after: None,
            attempts: Attempts::default(),
        }
    }

    /// The error from the documented JSON error object.
    fn from_body(status: StatusCode, body: ErrorBody, redactor: &Redactor<'_>) -> Self {
        let mut json = serde_json::to_value(body).expect("an error body is JSON");
        redactor.json(&mut json);
        let body: ErrorBody = serde_json::from_value(json).expect("scrubbing keeps the shape");

        let mut err = Self::new(status);
        err.error = body.error.clone();
        err.message = body.message.clone();
        err.body = Some(body);
        err
    }

    /// The error from a body that may be anything: the documented JSON, JSON
    /// of another shape, HTML from a proxy, plain text, or nothing.
    fn from_bytes(status: StatusCode, bytes: &[u8], redactor: &Redactor<'_>) -> Self {
        let mut err = Self::new(status);
        if bytes.is_empty() {
            return err;
        }

        let raw = match serde_json::from_slice::<serde_json::Value>(bytes) {
            Ok(serde_json::Value::Object(object)) => {
                let mut json = serde_json::Value::Object(object);
                redactor.json(&mut json);
                if let Ok(body) = serde_json::from_value::<ErrorBody>(json.clone()) {
                    return Self::from_body(status, body, redactor);
                }
                // JSON of another shape, such as `message` given as a list.
                err.error = json.get("error").and_then(text_of);
                err.message = json.get("message").and_then(text_of);
                json.to_string()
            }
            Ok(mut json) => {
                redactor.json(&mut json);
                err.message = json.as_str().and_then(short_text);
                json.to_string()
            }
            Err(_) => {
                let text = redactor.text(&String::from_utf8_lossy(bytes)).into_owned();
                err.message = short_text(&text);
                text
            }
        };
        err.raw_body = Some(truncate(raw, RAW_BODY_LIMIT));
        err
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// What kind of error the status means.
    pub fn kind(&self) -> ApiErrorKind {
        self.kind
    }

    /// The body's `error` text: a short cause.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The body's `message` text: a human-readable explanation. For a short
    /// plain-text body, the text itself.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The body, when it was the documented JSON error object.
    pub fn body(&self) -> Option<&ErrorBody> {
        self.body.as_ref()
    }

    /// The start of the body, when it was not the documented JSON error
    /// object (an HTML page from a proxy, say); at most 4 KiB. A JSON body is
    /// given re-encoded.
    pub fn raw_body(&self) -> Option<&str> {
        self.raw_body.as_deref()
    }

    /// The wait the response's `Retry-After` header asked for, in either of
    /// its forms. When it is longer than the retry policy's
    /// [`max_retry_after`](crate::RetryPolicy::max_retry_after), the call
    /// stops retrying and returns this error.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// What each attempt of the call got, in order.
    pub fn attempts(&self) -> &[Attempt] {
        self.attempts.as_slice()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "api error {} ({})", self.status.as_u16(), self.kind)?;
        match (&self.error, &self.message) {
            (Some(error), Some(message)) if error != message => write!(f, ": {error}: {message}"),
            (_, Some(text)) | (Some(text), None) => write!(f, ": {text}"),
            (None, None) => Ok(()),
        }?;
        if let Some(wait) = self.retry_after {
            write!(f, " (retry after {} s)", wait.as_secs_f64().ceil())?;
        }
        write!(f, "{}", self.attempts)
    }
}

impl std::error::Error for ApiError {}

/// A JSON string, or a list of strings joined, as some servers send
/// validation messages.
fn text_of(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Array(items) => {
            let texts: Vec<&str> = items.iter().filter_map(|v| v.as_str()).collect();
            (!texts.is_empty()).then(|| texts.join("; "))
        }
        _ => None,
    }
}

/// Plain text short enough to be an error message: one line, not markup.
fn short_text(text: &str) -> Option<String> {
    let text = text.trim();
    let plain = !text.is_empty()
        && text.len() <= TEXT_MESSAGE_LIMIT
        && !text.contains('\n')
        && !text.starts_with('<');
    plain.then(|| text.to_owned())
}

/// Cuts `text` to at most `limit` bytes, at a character boundary.
fn truncate(mut text: String, limit: usize) -> String {
    let mut end = limit.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// Reads at most `limit` bytes of a body, keeping whatever arrived if the
/// body breaks off: an error body is diagnosis, not data.
async fn read_prefix(mut response: reqwest::Response, limit: usize) -> Vec<u8> {
    let mut out = Vec::new();
    while out.len() < limit {
        match response.chunk().await {
            Ok(Some(chunk)) => out.extend_from_slice(&chunk[..chunk.len().min(limit - out.len())]),
            Ok(None) | Err(_) => break,
        }
    }
    out
}
