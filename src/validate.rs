//! Checks of input shared by the operations, made before anything is sent.
//! The reasons never quote a value that may hold a credential.

use secrecy::ExposeSecret;
use url::Url;

use crate::error::{Error, Result};
use crate::secret::UpstreamSecret;

/// Refuses ids that are empty or would address another resource once put in
/// the path: the generated client percent-encodes an id but leaves dot
/// segments alone, so `..` would reach `/v1/llms` itself.
pub(crate) fn id(id: &str) -> Result<()> {
    // One pass over the bytes, since every call checks its id: the
    // separators and the C0 controls are ASCII, and the C1 controls are
    // U+0080 to U+009F, 0xC2 0x80..=0x9F in UTF-8.
    let bytes = id.as_bytes();
    let mut separator = false;
    let mut control = false;
    for (i, &b) in bytes.iter().enumerate() {
        separator |= b == b'/' || b == b'\\';
        control |= b < 0x20
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)));
    }
    let edges = |c: char| c.is_whitespace();
    let reason = if id.is_empty() {
        "the id is empty"
    } else if id == "." || id == ".." {
        "`.` and `..` are not ids: in a path they address another resource"
    } else if separator {
        // URL parsers treat `\` in an http path as `/`.
        "the id contains `/` or `\\`, which would address another resource"
    } else if control {
        "the id contains a control character"
    } else if id.starts_with(edges) || id.ends_with(edges) {
        "the id has leading or trailing whitespace"
    } else {
        return Ok(());
    };
    Err(Error::invalid("id", reason))
}

/// Refuses a temperature serde_json would send as `null`.
pub(crate) fn temperature(temperature: Option<f64>) -> Result<()> {
    match temperature {
        Some(t) if !t.is_finite() => Err(Error::invalid(
            "temperature",
            format!("the temperature must be a finite number, not {t}"),
        )),
        _ => Ok(()),
    }
}

/// Refuses an empty upstream secret, which would erase the stored one.
pub(crate) fn secret(secret: &UpstreamSecret) -> Result<()> {
    if secret.expose_secret().trim().is_empty() {
        return Err(Error::invalid(
            "secret",
            "the secret is empty: sending it would replace the stored credential with nothing",
        ));
    }
    Ok(())
}

/// Checks and parses the upstream endpoint. The reasons never quote the URL,
/// which may hold credentials.
pub(crate) fn upstream_url(raw: &str) -> Result<Url> {
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
