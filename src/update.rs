//! The partial update of an LLM configuration.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

use crate::applied;
use crate::call::CallOptions;
use crate::client::Client;
use crate::dry_run::DryRun;
use crate::error::{Error, Result};
use crate::generated::types::{Llm, UpdateLlmFormat, UpdateLlmRequest};
use crate::retry::Idempotency;
use crate::secret::UpstreamSecret;
use crate::validate;

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
    options: CallOptions,
    strict: Option<bool>,
}

impl<'c> UpdateLlm<'c> {
    pub(crate) fn new(client: &'c Client, id: String) -> Self {
        Self {
            client,
            id,
            body: UpdateLlmRequest::default(),
            options: CallOptions::default(),
            strict: None,
        }
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
        let normal = validate::upstream_url(&url).map(String::from);
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
    /// in the body, without surrounding whitespace, and never returned. An
    /// empty secret is refused, since it would erase the credential.
    pub fn secret(mut self, secret: SecretString) -> Self {
        self.body.secret = Some(UpstreamSecret::trimmed(secret));
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
        validate::id(&self.id)?;
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
        let secret = body.secret.as_ref().map(ExposeSecret::expose_secret);
        let generated = self.client.generated();
        let llm = self
            .client
            .run(&self.options, Idempotency::Idempotent, secret, || {
                generated.update_llm(&self.id, body)
            })
            .await?;

        let missing = applied::not_applied(body, &llm);
        if missing.is_empty() {
            return Ok(llm);
        }
        if self.strict.unwrap_or(self.client.settings.strict_updates) {
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
        self.client
            .dry_run(self.client.generated().update_llm(&self.id, body))
            .await
    }
}

impl fmt::Debug for UpdateLlm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpdateLlm")
            .field("base_url", &self.client.base_url())
            .field("id", &self.id)
            .field("body", &self.body)
            .field("options", &self.options)
            .field("strict", &self.strict)
            .finish()
    }
}

fn validate_body(body: &UpdateLlmRequest) -> Result<()> {
    if *body == UpdateLlmRequest::default() {
        return Err(Error::invalid(
            "body",
            "the update sets no field, so it would change nothing",
        ));
    }
    validate::temperature(body.temperature)?;
    if let Some(url) = &body.url {
        validate::upstream_url(url)?;
    }
    if let Some(secret) = &body.secret {
        validate::secret(secret)?;
    }
    Ok(())
}

call_options!(UpdateLlm);
shared_body_setters!(UpdateLlm);
