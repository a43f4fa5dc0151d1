//! The client and its builder.

use std::fmt;
use std::net::IpAddr;
use std::time::Duration;

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use url::{Host, Url};

use crate::create::{CreateLlm, NewLlm};
use crate::error::{Error, Result};
use crate::generated;
use crate::get_delete::{DeleteLlm, GetLlm};
use crate::hooks;
use crate::list::ListLlms;
use crate::redact::Redactor;
use crate::retry::RetryPolicy;
use crate::tls;
use crate::update::UpdateLlm;

/// The base URL of the Anam API.
pub const DEFAULT_BASE_URL: &str = "https://api.anam.ai";

/// The environment variable [`Client::from_env`] reads the API key from.
pub const API_KEY_VAR: &str = "ANAM_API_KEY";

/// The environment variable [`Client::from_env`] reads an optional base URL
/// from.
pub const BASE_URL_VAR: &str = "ANAM_BASE_URL";

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// A client of the Anam API's LLM configurations.
///
/// Cloning is cheap and clones share one connection pool. The API key is
/// sent as `Authorization: Bearer <key>` on every request and appears in no
/// `Debug` output.
///
/// # Examples
///
/// ```no_run
/// # async fn run() -> anam_llms::Result<()> {
/// let client = anam_llms::Client::from_env()?;
/// let llm = client.update_llm("a7cf662c-2ace-4de1-a21e-ef0fbf144bb7")
///     .temperature(0.5)
///     .send()
///     .await?;
/// println!("{} now runs at temperature {:?}", llm.display_name, llm.temperature);
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    generated: generated::Client,
    /// Kept only to scrub it from error text a server might echo it in.
    api_key: SecretString,
    base_url: String,
    pub(crate) settings: Settings,
}

/// The settings every call starts from; a call may override some.
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    pub(crate) timeout: Duration,
    pub(crate) connect_timeout: Duration,
    pub(crate) user_agent: String,
    pub(crate) retry_policy: RetryPolicy,
    pub(crate) deadline: Option<Duration>,
    pub(crate) max_response_bytes: usize,
    pub(crate) strict_updates: bool,
}

impl Client {
    /// Starts a builder, for setting the key, base URL, timeouts and user
    /// agent explicitly.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Builds a client from the environment: the API key from `ANAM_API_KEY`
    /// and the base URL from `ANAM_BASE_URL`, defaulting to
    /// [`DEFAULT_BASE_URL`].
    ///
    /// # Errors
    ///
    /// [`Error::Config`] if the key is missing or empty, or the base URL is
    /// not one the client may use (see [`ClientBuilder::base_url`]).
    pub fn from_env() -> Result<Self> {
        ClientBuilder::from_env()?.build()
    }

    /// The base URL requests go to, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The generated client, for operations this layer does not wrap. It
    /// shares this client's key, base URL, timeouts and connection pool.
    pub fn generated(&self) -> &generated::Client {
        &self.generated
    }

    /// Scrubs this client's API key, and a request's upstream secret, from
    /// what a server sends back.
    pub(crate) fn redactor<'a>(&'a self, secret: Option<&'a str>) -> Redactor<'a> {
        // A server may echo a secret trimmed, whatever was sent.
        let secret = secret.into_iter().flat_map(|s| [s, s.trim()]);
        Redactor::new(std::iter::once(self.api_key.expose_secret()).chain(secret))
    }

    /// Starts a listing of the LLM configurations the caller can see.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// # async fn run(client: anam_llms::Client) -> anam_llms::Result<()> {
    /// let first = client.list_llms().per_page(50).send().await?;
    /// let everything = client.list_llms().include_defaults(true).all().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list_llms(&self) -> ListLlms<'_> {
        ListLlms::new(self)
    }

    /// Starts a read of the LLM configuration `id`.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// # async fn run(client: anam_llms::Client) -> anam_llms::Result<()> {
    /// let llm = client.get_llm("a7cf662c-2ace-4de1-a21e-ef0fbf144bb7").send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_llm(&self, id: impl Into<String>) -> GetLlm<'_> {
        GetLlm::new(self, id.into())
    }

    /// Starts the creation of an LLM configuration with the required fields
    /// of `new`; see [`NewLlm`] for an example.
    pub fn create_llm(&self, new: NewLlm) -> CreateLlm<'_> {
        CreateLlm::new(self, new)
    }

    /// Starts the deletion of the LLM configuration `id`.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use anam_llms::ApiErrorKind;
    ///
    /// # async fn run(client: anam_llms::Client) -> anam_llms::Result<()> {
    /// match client.delete_llm("llm-1").send().await {
    ///     Ok(()) => println!("deleted"),
    ///     Err(err) if err.api_kind() == Some(ApiErrorKind::NotFound) => println!("already gone"),
    ///     Err(err) => return Err(err),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn delete_llm(&self, id: impl Into<String>) -> DeleteLlm<'_> {
        DeleteLlm::new(self, id.into())
    }

    /// Starts a partial update of the LLM configuration `id`: only the fields
    /// set on the returned builder are sent and changed.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use anam_llms::{SecretString, UpdateLlmFormat};
    ///
    /// # async fn run(client: anam_llms::Client) -> anam_llms::Result<()> {
    /// let llm = client.update_llm("a7cf662c-2ace-4de1-a21e-ef0fbf144bb7")
    ///     .llm_format(UpdateLlmFormat::Openai)
    ///     .model_name("gpt-4o-mini")
    ///     .secret(SecretString::from(std::env::var("OPENAI_API_KEY").unwrap()))
    ///     .send()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update_llm(&self, id: impl Into<String>) -> UpdateLlm<'_> {
        UpdateLlm::new(self, id.into())
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("api_key", &"[REDACTED]")
            .field("settings", &self.settings)
            .finish()
    }
}

/// Configures a [`Client`].
///
/// Every setting has a default except the API key.
///
/// # Examples
///
/// ```no_run
/// use std::time::Duration;
///
/// # fn run() -> anam_llms::Result<()> {
/// let client = anam_llms::Client::builder()
///     .api_key(std::env::var("ANAM_API_KEY").unwrap_or_default())
///     .timeout(Duration::from_secs(10))
///     .user_agent("my-service/1.2")
///     .build()?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct ClientBuilder {
    api_key: Option<SecretString>,
    base_url: String,
    /// How errors about the base URL name it.
    base_url_origin: &'static str,
    settings: Settings,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            api_key: None,
            base_url: DEFAULT_BASE_URL.to_owned(),
            base_url_origin: "the base URL",
            settings: Settings {
                timeout: DEFAULT_TIMEOUT,
                connect_timeout: DEFAULT_CONNECT_TIMEOUT,
                user_agent: DEFAULT_USER_AGENT.to_owned(),
                retry_policy: RetryPolicy::default(),
                deadline: None,
                max_response_bytes: hooks::DEFAULT_MAX_RESPONSE_BYTES,
                strict_updates: false,
            },
        }
    }
}

impl ClientBuilder {
    /// A builder holding the API key from `ANAM_API_KEY`, if set, and the base
    /// URL from `ANAM_BASE_URL`, if set and not empty.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] if either variable is set but not valid unicode.
    pub fn from_env() -> Result<Self> {
        let mut builder = Self::default();
        if let Some(key) = env_var(API_KEY_VAR)? {
            builder.api_key = Some(SecretString::from(key));
        }
        if let Some(base_url) = env_var(BASE_URL_VAR)?.filter(|url| !url.trim().is_empty()) {
            builder.base_url = base_url;
            builder.base_url_origin = "the base URL in `ANAM_BASE_URL`";
        }
        Ok(builder)
    }

    /// Sets the API key. Surrounding whitespace is ignored.
    pub fn api_key(mut self, key: impl Into<SecretString>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// Sets the base URL; [`DEFAULT_BASE_URL`] if not set.
    ///
    /// A trailing `/` is harmless, and a path stem is kept
    /// (`https://proxy.example/anam` sends to
    /// `https://proxy.example/anam/v1/llms/{id}`). [`build`](Self::build)
    /// refuses a URL that is not `https` unless its host is loopback
    /// (`localhost`, `127.0.0.0/8` or `::1`), since the key would otherwise
    /// travel in clear text; and one that carries credentials, a query or a
    /// fragment.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self.base_url_origin = "the base URL";
        self
    }

    /// Sets the timeout of one attempt, from sending to the end of the
    /// response body; 30 seconds if not set.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.settings.timeout = timeout;
        self
    }

    /// Sets the timeout for establishing a connection; 10 seconds if not set.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.settings.connect_timeout = timeout;
        self
    }

    /// Sets a deadline for each whole call, across its retries and the waits
    /// between them; none if not set (each attempt still has its timeout).
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.settings.deadline = Some(deadline);
        self
    }

    /// Sets the retry policy of every call; [`RetryPolicy::default`] if not
    /// set, [`RetryPolicy::none`] to turn retries off.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.settings.retry_policy = policy;
        self
    }

    /// Sets the largest response body the client reads; 16 MiB if not set.
    /// A larger one fails the call with [`Error::Decode`] without being
    /// read whole.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.settings.max_response_bytes = limit;
        self
    }

    /// Makes every update strict: see [`UpdateLlm::strict`].
    pub fn strict_updates(mut self, strict: bool) -> Self {
        self.settings.strict_updates = strict;
        self
    }

    /// Sets the `User-Agent` header; `anam-llms/<version>` if not set.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.settings.user_agent = user_agent.into();
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] if no API key was set or it is empty, if the base URL
    /// is refused (see [`base_url`](Self::base_url)), or if the key or user
    /// agent cannot be sent as a header.
    pub fn build(self) -> Result<Client> {
        let key = self.api_key.as_ref().ok_or_else(|| {
            Error::config(format!(
                "no API key: set `{API_KEY_VAR}` or call `ClientBuilder::api_key`"
            ))
        })?;
        let key = key.expose_secret().trim();
        if key.is_empty() {
            return Err(Error::config("the API key is empty"));
        }
        if key.len() >= 7 && key[..7].eq_ignore_ascii_case("bearer ") {
            return Err(Error::config(
                "the API key starts with `Bearer `: give the key alone, the client adds the scheme",
            ));
        }
        let base_url = BaseUrl::parse(&self.base_url, self.base_url_origin)?;

        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, bearer(key)?);
        let user_agent = HeaderValue::from_str(&self.settings.user_agent)
            .map_err(|_| Error::config("the user agent is not a valid header value"))?;

        // Redirects are never followed: the API has no reason to redirect, and
        // following one could carry the key or a body holding an upstream
        // secret to another host.
        let mut http = reqwest::Client::builder()
            .default_headers(headers)
            .user_agent(user_agent)
            .timeout(self.settings.timeout)
            .connect_timeout(self.settings.connect_timeout)
            .redirect(reqwest::redirect::Policy::none());
        if base_url.loopback {
            // Plain `http` is allowed only because loopback traffic stays on
            // the machine; a proxy from the environment would take it off.
            http = http.no_proxy();
        }
        let http = tls::configure(http)?;
        let http = http
            .build()
            .map_err(|e| Error::config(format!("cannot build the HTTP client: {e}")))?;

        Ok(Client {
            generated: generated::Client::new_with_client(&base_url.url, http),
            api_key: SecretString::from(key),
            base_url: base_url.url,
            settings: self.settings,
        })
    }
}

fn env_var(name: &str) -> Result<Option<String>> {
    match std::env::var(name) {
        Ok(value) => Ok(Some(value)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => {
            Err(Error::config(format!("`{name}` is not valid unicode")))
        }
    }
}

/// The `Authorization` value, marked sensitive so that `Debug` of any header
/// map holding it prints no key.
fn bearer(key: &str) -> Result<HeaderValue> {
    let value = SecretString::from(format!("Bearer {key}"));
    let mut header = HeaderValue::from_str(value.expose_secret())
        .map_err(|_| Error::config("the API key contains characters a header cannot carry"))?;
    header.set_sensitive(true);
    Ok(header)
}

/// A base URL the client may use.
struct BaseUrl {
    /// Without a trailing `/`.
    url: String,
    loopback: bool,
}

impl BaseUrl {
    /// Checks a base URL; `origin` names it in errors. The errors never
    /// quote the URL, which may hold credentials.
    fn parse(raw: &str, origin: &str) -> Result<Self> {
        let fail = |problem: &str| Error::config(format!("{origin} {problem}"));

        let url = Url::parse(raw.trim()).map_err(|e| fail(&format!("is not a valid URL: {e}")))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(fail(
                "must not carry credentials; the API key is sent as a header",
            ));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(fail("must not have a query or a fragment"));
        }
        let path = url.path().trim_end_matches('/');
        if path.ends_with("/v1") {
            return Err(fail(
                "ends in `/v1`, which every request path already starts with",
            ));
        }
        let loopback = is_loopback(&url);
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            "http" => {
                return Err(fail(
                    "must use `https` unless its host is loopback: \
                     over `http` the API key would travel in clear text",
                ));
            }
            scheme => {
                return Err(fail(&format!(
                    "has the scheme `{scheme}`; only `https` is accepted"
                )));
            }
        }

        Ok(Self {
            url: url.as_str().trim_end_matches('/').to_owned(),
            loopback,
        })
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(domain)) => matches!(domain, "localhost" | "localhost."),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalize_base_url(raw: &str) -> Result<String> {
        BaseUrl::parse(raw, "the base URL").map(|base| base.url)
    }

    #[test]
    fn base_url_loses_trailing_slashes_and_keeps_its_path() {
        assert_eq!(
            normalize_base_url("https://api.anam.ai/").unwrap(),
            "https://api.anam.ai"
        );
        assert_eq!(
            normalize_base_url("https://proxy.example/anam//").unwrap(),
            "https://proxy.example/anam"
        );
        assert_eq!(
            normalize_base_url("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            normalize_base_url("http://[::1]:9/").unwrap(),
            "http://[::1]:9"
        );
        assert_eq!(
            normalize_base_url("http://localhost:1").unwrap(),
            "http://localhost:1"
        );
    }

    #[test]
    fn base_url_refuses_clear_text_credentials_and_queries() {
        for url in [
            "http://api.anam.ai",
            "http://10.0.0.1",
            "http://localhost.example.com",
            "ftp://api.anam.ai",
            "https://user:pw@api.anam.ai",
            "https://api.anam.ai/?x=1",
            "https://api.anam.ai/#top",
            "api.anam.ai",
            "https://api.anam.ai/v1",
            "https://api.anam.ai/v1/",
            "",
        ] {
            let err = normalize_base_url(url).unwrap_err();
            assert!(matches!(err, Error::Config { .. }), "{url}: {err:?}");
            assert!(!err.to_string().contains("pw"), "{err}");
        }
    }
}
