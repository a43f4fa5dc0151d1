//! Creating an LLM configuration.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

use crate::call::CallOptions;
use crate::client::Client;
use crate::dry_run::DryRun;
use crate::enums::CreateLlmFormat;
use crate::error::{Error, Result};
use crate::generated::types::{CreateLlmRequest, CreateLlmUrl, Llm};
use crate::retry::Idempotency;
use crate::secret::UpstreamSecret;
use crate::validate;

/// The fields every new LLM configuration must have. Being a struct, it
/// cannot be built with one left out; pass it to [`Client::create_llm`].
///
/// # Examples
///
/// ```no_run
/// use anam_llms::{CreateLlmFormat, NewLlm, SecretString};
///
/// # async fn run(client: anam_llms::Client, key: String) -> anam_llms::Result<()> {
/// let llm = client
///     .create_llm(NewLlm {
///         display_name: "Support bot".into(),
///         urls: vec!["https://api.openai.com/v1/chat/completions".into()],
///         llm_format: CreateLlmFormat::Openai,
///         model_name: "gpt-4o-mini".into(),
///         secret: SecretString::from(key),
///     })
///     .temperature(0.3)
///     .send()
///     .await?;
/// println!("created {}", llm.id);
/// # Ok(())
/// # }
/// ```
pub struct NewLlm {
    /// `displayName`, the name shown in the Lab.
    pub display_name: String,
    /// `urls`, the upstream endpoints: at least one absolute `http` or
    /// `https` URL, each sent in its normal form.
    pub urls: Vec<String>,
    /// `llmFormat`, the upstream wire format.
    pub llm_format: CreateLlmFormat,
    /// `modelName`, the upstream model identifier.
    pub model_name: String,
    /// `secret`, the upstream provider's credential, sent without
    /// surrounding whitespace; never returned.
    pub secret: SecretString,
}

impl fmt::Debug for NewLlm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewLlm")
            .field("display_name", &self.display_name)
            .field("urls", &self.urls)
            .field("llm_format", &self.llm_format)
            .field("model_name", &self.model_name)
            .field("secret", &"[REDACTED]")
            .finish()
    }
}

/// The creation of an LLM configuration, started by [`Client::create_llm`].
///
/// Creating is not idempotent: sending twice creates two configurations. So
/// a failed attempt is retried only when the request cannot have reached
/// the server (the connection could not be made), never after a timeout or
/// an error status.
#[must_use = "a creation sends nothing until `send` is awaited"]
pub struct CreateLlm<'c> {
    client: &'c Client,
    body: CreateLlmRequest,
    options: CallOptions,
}

impl<'c> CreateLlm<'c> {
    pub(crate) fn new(client: &'c Client, new: NewLlm) -> Self {
        let urls = new
            .urls
            .into_iter()
            .map(|url| CreateLlmUrl {
                // An invalid URL is kept as given, for `send` to refuse.
                url: validate::upstream_url(&url).map_or(url, String::from),
            })
            .collect();
        Self {
            client,
            body: CreateLlmRequest {
                display_name: new.display_name,
                urls,
                llm_format: new.llm_format,
                model_name: new.model_name,
                secret: UpstreamSecret::trimmed(new.secret),
                description: None,
                metadata: None,
                reasoning_effort: None,
                reasoning_format: None,
                temperature: None,
                max_tokens: None,
            },
            options: CallOptions::default(),
        }
    }

    /// Sets `description`.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// Checks the creation and returns the body [`send`](Self::send) would
    /// send.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for the reasons listed under
    /// [`send`](Self::send).
    pub fn body(&self) -> Result<&CreateLlmRequest> {
        let body = &self.body;
        if body.urls.is_empty() {
            return Err(Error::invalid("urls", "a new LLM needs at least one URL"));
        }
        for url in &body.urls {
            validate::upstream_url(&url.url).map_err(|err| match err {
                Error::InvalidInput { reason, .. } => Error::invalid("urls", reason),
                other => other,
            })?;
        }
        validate::secret(&body.secret)?;
        validate::temperature(body.temperature)?;
        Ok(body)
    }

    /// Checks the creation, sends it, and returns the new LLM configuration.
    ///
    /// # Errors
    ///
    /// Before sending, [`Error::InvalidInput`] if `urls` is empty or holds
    /// a URL that [`UpdateLlm::url`](crate::UpdateLlm::url) would refuse,
    /// `secret` is empty, or `temperature` is NaN or infinite. After,
    /// [`Error::Api`] for an error status and the rest as for an update.
    pub async fn send(&self) -> Result<Llm> {
        let body = self.body()?;
        let secret = Some(body.secret.expose_secret());
        let generated = self.client.generated();
        self.client
            .run(&self.options, Idempotency::NotIdempotent, secret, || {
                generated.create_llm(body)
            })
            .await
    }

    /// Renders the request [`send`](Self::send) would make, with the key and
    /// the secret redacted, without sending anything.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send), before sending.
    pub async fn dry_run(&self) -> Result<DryRun> {
        let body = self.body()?;
        self.client
            .dry_run(self.client.generated().create_llm(body))
            .await
    }
}

impl fmt::Debug for CreateLlm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateLlm")
            .field("base_url", &self.client.base_url())
            .field("body", &self.body)
            .field("options", &self.options)
            .finish()
    }
}

call_options!(CreateLlm);
shared_body_setters!(CreateLlm);
