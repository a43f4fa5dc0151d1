//! Reading and deleting one LLM configuration.

use crate::call::CallOptions;
use crate::client::Client;
use crate::dry_run::DryRun;
use crate::error::Result;
use crate::generated::types::Llm;
use crate::retry::Idempotency;
use crate::validate;

/// Implements `id` for a builder of one LLM.
macro_rules! id_accessor {
    ($builder:ident) => {
        impl $builder<'_> {
            /// The id of the LLM configuration.
            pub fn id(&self) -> &str {
                &self.id
            }
        }
    };
}

/// A read of one LLM configuration, started by [`Client::get_llm`].
#[derive(Debug, Clone)]
#[must_use = "a read sends nothing until `send` is awaited"]
pub struct GetLlm<'c> {
    client: &'c Client,
    id: String,
    options: CallOptions,
}

impl<'c> GetLlm<'c> {
    pub(crate) fn new(client: &'c Client, id: String) -> Self {
        Self {
            client,
            id,
            options: CallOptions::default(),
        }
    }

    /// Fetches the LLM configuration.
    ///
    /// # Errors
    ///
    /// Before sending, [`Error::InvalidInput`](crate::Error::InvalidInput)
    /// for an id that [`UpdateLlm::send`](crate::UpdateLlm::send) refuses.
    /// After, [`Error::Api`](crate::Error::Api) of kind
    /// [`NotFound`](crate::ApiErrorKind::NotFound) if there is no such LLM,
    /// and the rest as for an update.
    pub async fn send(&self) -> Result<Llm> {
        validate::id(&self.id)?;
        let generated = self.client.generated();
        self.client
            .run(&self.options, Idempotency::Idempotent, None, || {
                generated.get_llm(&self.id)
            })
            .await
    }

    /// Renders the request [`send`](Self::send) would make, without sending.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send), before sending.
    pub async fn dry_run(&self) -> Result<DryRun> {
        validate::id(&self.id)?;
        self.client
            .dry_run(self.client.generated().get_llm(&self.id))
            .await
    }
}

id_accessor!(GetLlm);
call_options!(GetLlm);

/// A deletion of one LLM configuration, started by [`Client::delete_llm`].
#[derive(Debug, Clone)]
#[must_use = "a deletion sends nothing until `send` is awaited"]
pub struct DeleteLlm<'c> {
    client: &'c Client,
    id: String,
    options: CallOptions,
}

impl<'c> DeleteLlm<'c> {
    pub(crate) fn new(client: &'c Client, id: String) -> Self {
        Self {
            client,
            id,
            options: CallOptions::default(),
        }
    }

    /// Deletes the LLM configuration. Any success status is success (the
    /// spec documents 204). A deletion is idempotent, so it is retried like
    /// an update; a retry of a deletion that had succeeded answers 404.
    ///
    /// # Errors
    ///
    /// Before sending, [`Error::InvalidInput`](crate::Error::InvalidInput)
    /// for an id that [`UpdateLlm::send`](crate::UpdateLlm::send) refuses.
    /// After, [`Error::Api`](crate::Error::Api) of kind
    /// [`NotFound`](crate::ApiErrorKind::NotFound) if there is no such LLM,
    /// [`Forbidden`](crate::ApiErrorKind::Forbidden) for a default LLM, and
    /// the rest as for an update.
    pub async fn send(&self) -> Result<()> {
        validate::id(&self.id)?;
        let generated = self.client.generated();
        let result = self
            .client
            .run(&self.options, Idempotency::Idempotent, None, || {
                generated.delete_llm(&self.id)
            })
            .await;
        match result {
            // The spec documents 204, but a server that answers another
            // success status has deleted the LLM all the same.
            Err(crate::Error::Decode {
                status: Some(status),
                ..
            }) if status.is_success() => Ok(()),
            other => other,
        }
    }

    /// Renders the request [`send`](Self::send) would make, without sending.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send), before sending.
    pub async fn dry_run(&self) -> Result<DryRun> {
        validate::id(&self.id)?;
        self.client
            .dry_run(self.client.generated().delete_llm(&self.id))
            .await
    }
}

id_accessor!(DeleteLlm);
call_options!(DeleteLlm);
