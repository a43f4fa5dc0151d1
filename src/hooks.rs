//! The generated client's hooks: the one place every request passes through.

use std::cell::Cell;
use std::future::Future;

use progenitor_client::{ClientHooks, OperationInfo};
use reqwest::StatusCode;

use crate::generated;

tokio::task_local! {
    /// The status of the last response the generated client received within
    /// a call of the hand-written layer.
    static RESPONSE_STATUS: Cell<Option<StatusCode>>;
}

impl ClientHooks for generated::Client {
    async fn post<E>(
        &self,
        result: &reqwest::Result<reqwest::Response>,
        _info: &OperationInfo,
    ) -> Result<(), progenitor_client::Error<E>> {
        // Outside `with_status` (a caller using the generated client
        // directly) there is nowhere to record the status, and no need.
        if let Ok(response) = result {
            let _ = RESPONSE_STATUS.try_with(|status| status.set(Some(response.status())));
        }
        Ok(())
    }
}

/// Runs a call of the generated client and returns its output together with
/// the status of the response it received, if any.
///
/// The generated client reports an error status whose body is not the
/// documented JSON (an HTML page from a proxy, an empty body) without the
/// status; this keeps it.
pub(crate) async fn with_status<F: Future>(call: F) -> (F::Output, Option<StatusCode>) {
    RESPONSE_STATUS
        .scope(Cell::new(None), async {
            let output = call.await;
            (output, RESPONSE_STATUS.with(Cell::get))
        })
        .await
}
