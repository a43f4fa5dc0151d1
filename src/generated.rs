//! The client progenitor generates from `openapi/anam-llms.json` at build
//! time. Nothing here is written by hand: change the spec and rebuild.
//!
//! Use it for anything the hand-written layer does not wrap. Its `Client` is
//! reachable through [`crate::Client::generated`], already configured with
//! the API key, base URL and timeouts.

#![allow(missing_docs, clippy::all, clippy::pedantic, unreachable_pub)]

include!(concat!(env!("OUT_DIR"), "/anam_llms_generated.rs"));
