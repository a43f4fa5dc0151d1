//! Rendering a request without sending it.

use std::fmt;

use serde_json::Value;

/// The exact request a call would send, with credentials redacted: made by
/// the same code as a real call, stopped just before the network.
///
/// # Examples
///
/// ```no_run
/// # async fn run(client: anam_llms::Client) -> anam_llms::Result<()> {
/// let request = client.update_llm("llm-1").temperature(0.5).dry_run().await?;
/// assert_eq!(request.method(), "PUT");
/// println!("{request}");
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct DryRun {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
    body: Option<Value>,
}

impl DryRun {
    /// Renders a captured request. `user_agent` is added because the HTTP
    /// client, not the request, holds it, as it holds the key.
    pub(crate) fn new(request: &reqwest::Request, user_agent: &str) -> Self {
        let mut headers: Vec<(String, String)> = request
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        headers.push(("authorization".into(), "Bearer [REDACTED]".into()));
        headers.push(("user-agent".into(), user_agent.to_owned()));
        headers.sort();

        let mut body = request
            .body()
            .and_then(|body| body.as_bytes())
            .and_then(|bytes| serde_json::from_slice::<Value>(bytes).ok());
        if let Some(secret) = body.as_mut().and_then(|b| b.get_mut("secret")) {
            *secret = "[REDACTED]".into();
        }

        Self {
            method: request.method().to_string(),
            url: request.url().to_string(),
            headers,
            body,
        }
    }

    /// The HTTP method.
    pub fn method(&self) -> &str {
        &self.method
    }

    /// The full URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every header, sorted by name, with the key redacted.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The JSON body, with any `secret` redacted.
    pub fn body(&self) -> Option<&Value> {
        self.body.as_ref()
    }
}

/// The request as HTTP/1.1 text, body pretty-printed.
impl fmt::Display for DryRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} {}", self.method, self.url)?;
        for (name, value) in &self.headers {
            writeln!(f, "{name}: {value}")?;
        }
        if let Some(body) = &self.body {
            let pretty = serde_json::to_string_pretty(body).map_err(|_| fmt::Error)?;
            write!(f, "\n{pretty}")?;
        }
        Ok(())
    }
}
