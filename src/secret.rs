//! The upstream credential an update can send.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The upstream provider's credential (for example its API key), as it
/// travels in a request body.
///
/// It wraps a [`SecretString`], so it is zeroed when dropped and its `Debug`
/// output is redacted; it has no `Display`. Only serialization into a request
/// body reads the value. It is the type of `secret` in the generated request
/// types; with the builder, pass a [`SecretString`] to
/// [`UpdateLlm::secret`](crate::UpdateLlm::secret) instead.
#[derive(Clone)]
pub struct UpstreamSecret(SecretString);

impl UpstreamSecret {
    /// Wraps a secret.
    pub fn new(secret: SecretString) -> Self {
        Self(secret)
    }

    /// Wraps a secret without its surrounding whitespace (a key read from a
    /// file often ends in a newline), as the builders send it.
    pub(crate) fn trimmed(secret: SecretString) -> Self {
        let exposed = secret.expose_secret();
        if exposed.trim().len() == exposed.len() {
            return Self(secret);
        }
        Self(SecretString::from(exposed.trim().to_owned()))
    }
}

impl From<SecretString> for UpstreamSecret {
    fn from(secret: SecretString) -> Self {
        Self(secret)
    }
}

impl ExposeSecret<str> for UpstreamSecret {
    fn expose_secret(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for UpstreamSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UpstreamSecret([REDACTED])")
    }
}

/// Compares the secret values; needed because the generated request types
/// derive `PartialEq`.
impl PartialEq for UpstreamSecret {
    fn eq(&self, other: &Self) -> bool {
        self.expose_secret() == other.expose_secret()
    }
}

impl Serialize for UpstreamSecret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.expose_secret())
    }
}

impl<'de> Deserialize<'de> for UpstreamSecret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|s| Self(SecretString::from(s)))
    }
}

/// The spec's schema: a write-only password string.
#[cfg(feature = "schemars")]
impl schemars::JsonSchema for UpstreamSecret {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "UpstreamSecret".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "password",
            "writeOnly": true,
        })
    }
}
