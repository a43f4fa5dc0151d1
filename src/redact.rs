//! Scrubbing credentials from text a server sends back.

use std::borrow::Cow;

use serde_json::Value;

/// What replaces a credential.
const MARK: &str = "[REDACTED]";

/// The credentials of one request: the API key, and the upstream secret if
/// the request carries one. A server may echo either in an error body.
pub(crate) struct Redactor<'a> {
    credentials: Vec<&'a str>,
}

impl<'a> Redactor<'a> {
    pub(crate) fn new(credentials: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            credentials: credentials.into_iter().filter(|c| !c.is_empty()).collect(),
        }
    }

    /// `text` with every credential replaced.
    pub(crate) fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut out = Cow::Borrowed(text);
        for credential in &self.credentials {
            if out.contains(credential) {
                out = Cow::Owned(out.replace(credential, MARK));
            }
        }
        out
    }

    /// Replaces credentials in every string of a JSON value, keys included.
    /// Decoded JSON has its escapes resolved, so an escaped credential is
    /// found too.
    pub(crate) fn json(&self, value: &mut Value) {
        match value {
            Value::String(s) => {
                if let Cow::Owned(scrubbed) = self.text(s) {
                    *s = scrubbed;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| self.json(item)),
            Value::Object(object) => {
                let entries = std::mem::take(object);
                for (key, mut item) in entries {
                    self.json(&mut item);
                    object.insert(self.text(&key).into_owned(), item);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubs_text_and_every_string_of_json() {
        let redactor = Redactor::new(["key-123", "", "sec-456"]);
        assert_eq!(
            redactor.text("a key-123 b sec-456"),
            "a [REDACTED] b [REDACTED]"
        );
        assert!(matches!(redactor.text("clean"), Cow::Borrowed(_)));

        let mut value = serde_json::json!({
            "sec-456": ["key-123", 1, { "deep": "xsec-456x" }],
            "n": null
        });
        redactor.json(&mut value);
        assert_eq!(
            value,
            serde_json::json!({
                "[REDACTED]": ["[REDACTED]", 1, { "deep": "x[REDACTED]x" }],
                "n": null
            })
        );
    }
}
