//! The TLS backend, chosen by cargo feature.
//!
//! `tls-ring` (the default) is rustls with the ring crypto provider, which
//! builds in a fraction of the time aws-lc-rs takes; certificates are
//! checked by the platform's verifier, as reqwest's own rustls setup does.
//! `tls-aws-lc` leaves reqwest's rustls setup alone, and `native-tls` uses
//! the platform's TLS library. When several are enabled, `native-tls` wins,
//! then `tls-aws-lc`.

#[cfg(not(any(feature = "tls-ring", feature = "tls-aws-lc", feature = "native-tls")))]
compile_error!("enable one of the features `tls-ring`, `tls-aws-lc` or `native-tls`");

use crate::error::Result;

/// Sets the TLS backend of `builder`.
pub(crate) fn configure(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder> {
    #[cfg(feature = "native-tls")]
    return Ok(builder.tls_backend_native());

    #[cfg(all(feature = "tls-aws-lc", not(feature = "native-tls")))]
    return Ok(builder.tls_backend_rustls());

    #[cfg(all(
        feature = "tls-ring",
        not(any(feature = "tls-aws-lc", feature = "native-tls"))
    ))]
    return ring(builder);
}

#[cfg(all(
    feature = "tls-ring",
    not(any(feature = "tls-aws-lc", feature = "native-tls"))
))]
fn ring(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder> {
    use std::sync::Arc;

    use rustls_platform_verifier::BuilderVerifierExt;

    use crate::error::Error;

    let fail = |e: rustls::Error| Error::config(format!("cannot set up TLS: {e}"));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(fail)?
        .with_platform_verifier()
        .map_err(fail)?
        .with_no_client_auth();
    // The client speaks HTTP/1.1 only.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(builder.tls_backend_preconfigured(config))
}
