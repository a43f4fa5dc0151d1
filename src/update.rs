//! The partial update of an LLM configuration.

use std::fmt;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use url::Url;

use crate::applied;
use crate::client::Client;
use crate::dry_run::DryRun;
use crate::error::{Error, Result};
use crate::generated::types::{
    Llm, Metadata, ReasoningEffortInput, ReasoningFormatInput, UpdateLlmFormat, UpdateLlmRequest,
};
use crate::hooks::{self, Call};
use crate::retry::{self, Idempotency, RetryPolicy};
use crate::secret::UpstreamSecret;

/// A partial update of an LLM configuration, started by
/// [`Client::update_llm`].
///
/// Only the fields set here are sent, and only those change. Nothing is
/// checked until [`send`](Self::send) (or [`body`](Self::body)), which refuses
/// invalid input before sending anything. Both borrow the builder, so after
/// an error the update is still there to fix or send again.
///
/// `Debug` shows the fields that are set, with any secret redacted.
#[must_use = "an update sends nothing until `send` is awaited"]
pub struct UpdateLlm<'c> {
    client: &'c Client,
    id: String,
    body: UpdateLlmRequest,
    retry_policy: Option<RetryPolicy>,
    deadline: Option<Duration>,
    strict: Option<bool>,
}

impl<'c> UpdateLlm<'c> {
    pub(crate) fn new(client: &'c Client, id: String) -> Self {
        Self {
            client,
            id,
            body: UpdateLlmRequest::default(),
            retry_policy: None,
            deadline: None,
            strict: None,
        }
    }

    /// Sets the retry policy of this call, instead of the client's.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = Some(policy);
        self
    }

    /// Sets a deadline for this whole call, across retries, instead of the
    /// client's.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Makes this call fail with [`Error::NotApplied`] when the LLM that
    /// comes back does not hold every value sent (the server accepted a
    /// field but ignored it). Otherwise, the default unless the client is
    /// strict, such fields are reported as a `tracing` warning.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = Some(strict);
        self
    }

    /// Sets `displayName`, the name shown in the Lab.
    pub fn display_name(mut self, display_name: impl Into<String>) -> Self {
        self.body.display_name = Some(display_name.into());
        self
    }

    /// Sets `description`. The API cannot clear a description, only replace
    /// it.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// Sets `url`, the upstream endpoint: an absolute `http` or `https` URL
    /// without credentials (those belong in [`secret`](Self::secret)). The
    /// returned LLM lists it in `urls`.
    ///
    /// A valid URL is sent in its normal form, which is a valid URI: spaces
    /// and non-ASCII characters percent-encoded, an international host in
    /// punycode, an empty path as `/`.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        let url = url.into();
        // An invalid URL is kept as given, for `send` to refuse.
        let normal = upstream_url(&url).map(String::from);
        self.body.url = Some(normal.unwrap_or(url));
        self
    }

    /// Sets `llmFormat`, the upstream wire format. An update accepts fewer
    /// formats than the API returns; convert a returned [`LlmFormat`] with
    /// `UpdateLlmFormat::try_from`.
    ///
    /// [`LlmFormat`]: crate::LlmFormat
    pub fn llm_format(mut self, format: UpdateLlmFormat) -> Self {
        self.body.llm_format = Some(format);
        self
    }

    /// Sets `modelName`, the upstream model identifier (`gpt-4o`, say).
    pub fn model_name(mut self, model_name: impl Into<String>) -> Self {
        self.body.model_name = Some(model_name.into());
        self
    }

    /// Sets `secret`, replacing the stored upstream credential. It is sent
    /// in the body and never returned. An empty secret is refused, since it
    /// would erase the credential.
    pub fn secret(mut self, secret: SecretString) -> Self {
        self.body.secret = Some(UpstreamSecret::new(secret));
        self
    }

    /// Sets `metadata`, the free-form provider-specific object. An empty
    /// object is sent as `{}`.
    pub fn metadata(mut self, metadata: impl Into<Metadata>) -> Self {
        self.body.metadata = Some(metadata.into());
        self
    }

    /// Sets `reasoningEffort`, for models that accept the hint.
    pub fn reasoning_effort(mut self, effort: ReasoningEffortInput) -> Self {
        self.body.reasoning_effort = Some(effort);
        self
    }

    /// Sets `reasoningFormat`, for models that accept the hint.
    pub fn reasoning_format(mut self, format: ReasoningFormatInput) -> Self {
        self.body.reasoning_format = Some(format);
        self
    }

    /// Sets `temperature`, the sampling temperature. It must be finite.
    pub fn temperature(mut self, temperature: f64) -> Self {
        self.body.temperature = Some(temperature);
        self
    }

    /// Sets `maxTokens`, the most tokens generated per response.
    pub fn max_tokens(mut self, max_tokens: u32) -> Self {
        self.body.max_tokens = Some(i64::from(max_tokens));
        self
    }

    /// The id of the LLM configuration to update.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Checks the update and returns the body [`send`](Self::send) would
    /// send.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for the reasons listed under
    /// [`send`](Self::send).
    pub fn body(&self) -> Result<&UpdateLlmRequest> {
        validate_id(&self.id)?;
        validate_body(&self.body)?;
        Ok(&self.body)
    }

    /// Checks the update, sends it, and returns the LLM configuration as the
    /// API has it afterwards.
    ///
    /// # Errors
    ///
    /// Before sending, [`Error::InvalidInput`] if:
    /// - the id is empty, is `.` or `..`, contains `/`, `\` or a control
    ///   character (any of these would address another resource), or has
    ///   leading or trailing whitespace;
    /// - no field is set;
    /// - `temperature` is NaN or infinite;
    /// - `url` is not an absolute `http` or `https` URL, carries
    ///   credentials, or holds a control character or `\`;
    /// - `secret` is empty.
    ///
    /// After sending, [`Error::Api`] for an error status (a default LLM the
    /// organisation does not own answers [`ApiErrorKind::Forbidden`]),
    /// [`Error::Timeout`] or [`Error::Transport`] if no complete response
    /// arrived, and [`Error::Decode`] if the response is not an LLM.
    ///
    /// [`ApiErrorKind::Forbidden`]: crate::ApiErrorKind::Forbidden
    pub async fn send(&self) -> Result<Llm> {
        let body = self.body()?;
        let settings = &self.client.settings;
        let policy = self.retry_policy.as_ref().unwrap_or(&settings.retry_policy);
        let deadline = self.deadline.or(settings.deadline);

        let attempt = |number| self.attempt(body, number);
        let llm = retry::run(policy, Idempotency::Idempotent, deadline, attempt).await?;

        let missing = applied::not_applied(body, &llm);
        if missing.is_empty() {
            return Ok(llm);
        }
        if self.strict.unwrap_or(settings.strict_updates) {
            return Err(Error::NotApplied {
                fields: missing,
                llm: Box::new(llm),
            });
        }
        tracing::warn!(
            operation = "update_llm",
            fields = ?missing,
            "the server did not apply every field the update sent"
        );
        Ok(llm)
    }

    /// Renders the exact request [`send`](Self::send) would make, with the
    /// key and any secret redacted, without sending anything.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for the reasons listed under
    /// [`send`](Self::send).
    pub async fn dry_run(&self) -> Result<DryRun> {
        let body = self.body()?;

        let mut call = Call::new(1, self.client.settings.max_response_bytes);
        call.dry_run = true;
        let generated = self.client.generated().update_llm(&self.id, body);
        let (_, call) = hooks::within(call, generated).await;

        let request = call
            .captured
            .into_inner()
            .ok_or_else(|| Error::invalid("request", "the request could not be built"))?;
        Ok(DryRun::new(&request, &self.client.settings.user_agent))
    }

    async fn attempt(&self, body: &UpdateLlmRequest, number: u32) -> Result<Llm> {
        let call = Call::new(number, self.client.settings.max_response_bytes);
        let generated = self.client.generated().update_llm(&self.id, body);
        match hooks::within(call, generated).await {
            (Ok(response), _) => Ok(response.into_inner()),
            (Err(err), call) => {
                let status = call.status.get();
                let retry_after = call
                    .retry_after
                    .take()
                    .as_ref()
                    .and_then(hooks::parse_retry_after);
                let secret = body.secret.as_ref().map(ExposeSecret::expose_secret);
                let redactor = self.client.redactor(secret);
                Err(Error::from_generated(err, status, retry_after, &redactor).await)
            }
        }
    }
}

impl fmt::Debug for UpdateLlm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpdateLlm")
            .field("base_url", &self.client.base_url())
            .field("id", &self.id)
            .field("body", &self.body)
            .field("retry_policy", &self.retry_policy)
            .field("deadline", &self.deadline)
            .field("strict", &self.strict)
            .finish()
    }
}

/// Refuses ids that are empty or would address another resource once put in
/// the path: the generated client percent-encodes an id but leaves dot
/// segments alone, so `..` would reach `/v1/llms` itself.
pub(crate) fn validate_id(id: &str) -> Result<()> {
    let reason = if id.is_empty() {
        "the id is empty"
    } else if id == "." || id == ".." {
        "`.` and `..` are not ids: in a path they address another resource"
    } else if id.contains(['/', '\\']) {
        // URL parsers treat `\` in an http path as `/`.
        "the id contains `/` or `\\`, which would address another resource"
    } else if id.chars().any(char::is_control) {
        "the id contains a control character"
    } else if id.trim() != id {
        "the id has leading or trailing whitespace"
    } else {
        return Ok(());
    };
    Err(Error::invalid("id", reason))
}

fn validate_body(body: &UpdateLlmRequest) -> Result<()> {
    if *body == UpdateLlmRequest::default() {
        return Err(Error::invalid(
            "body",
            "the update sets no field, so it would change nothing",
        ));
    }
    // serde_json would send a non-finite number as `null`.
    if let Some(temperature) = body.temperature.filter(|t| !t.is_finite()) {
        return Err(Error::invalid(
            "temperature",
            format!("the temperature must be a finite number, not {temperature}"),
        ));
    }
    if let Some(url) = &body.url {
        upstream_url(url)?;
    }
    if body
        .secret
        .as_ref()
        .is_some_and(|s| s.expose_secret().trim().is_empty())
    {
        return Err(Error::invalid(
            "secret",
            "the secret is empty: sending it would replace the stored credential with nothing",
        ));
    }
    Ok(())
}

/// Checks and parses the upstream endpoint. The reasons never quote the URL,
/// which may hold credentials.
fn upstream_url(raw: &str) -> Result<Url> {
    const NOT_ABSOLUTE: &str = "the url must be an absolute `http` or `https` URL";
    const CREDENTIALS: &str =
        "the url must not carry credentials: send the upstream credential as `secret`";

    // The parser forgives much that the server's parser may read otherwise:
    // it drops tabs and newlines anywhere, reads `\` as `/`, and supplies a
    // missing `//` or host. Refuse all of that rather than guess. A space
    // inside is fine: it is sent percent-encoded.
    if raw.trim() != raw {
        return Err(Error::invalid("url", "the url has surrounding whitespace"));
    }
    if raw.chars().any(|c| c.is_control() || c == '\\') {
        return Err(Error::invalid(
            "url",
            "the url holds a control character or `\\`",
        ));
    }
    let scheme = raw.find("://").map(|i| &raw[..i]);
    if !scheme.is_some_and(|s| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https")) {
        return Err(Error::invalid("url", NOT_ABSOLUTE));
    }
    let rest = raw.split_once("://").map_or("", |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() {
        return Err(Error::invalid("url", NOT_ABSOLUTE));
    }
    if authority.contains('@') {
        return Err(Error::invalid("url", CREDENTIALS));
    }
    let url =
        Url::parse(raw).map_err(|e| Error::invalid("url", format!("{NOT_ABSOLUTE} ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") || !url.has_host() {
        return Err(Error::invalid("url", NOT_ABSOLUTE));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::invalid("url", CREDENTIALS));
    }
    uri_characters(url.as_str())?;
    Ok(url)
}

/// The parser percent-encodes most characters a URI cannot hold, but lets a
/// few through (a stray `%`, `|`, `^`, brackets in a path), which an RFC 3986
/// validator on the other side would refuse.
fn uri_characters(normal: &str) -> Result<()> {
    let bytes = normal.as_bytes();
    let host_end = normal.find("://").map_or(0, |i| {
        i + 3
            + normal[i + 3..]
                .find(['/', '?', '#'])
                .unwrap_or(normal.len() - i - 3)
    });
    for (i, &b) in bytes.iter().enumerate() {
        let allowed = match b {
            b'%' => bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)),
            // Brackets belong around an IPv6 host only.
            b'[' | b']' => i < host_end,
            b if b.is_ascii_alphanumeric() => true,
            _ => b"-._~:/?#@!$&'()*+,;=".contains(&b),
        };
        if !allowed {
            let reason = if b == b'%' {
                "a `%` in the url must start a percent-encoding such as `%20`".to_owned()
            } else {
                format!(
                    "the url holds `{}`, which must be percent-encoded",
                    b as char
                )
            };
            return Err(Error::invalid("url", reason));
        }
    }
    Ok(())
}
