//! Typed stand-ins for the Anam API, for testing code that uses this crate
//! without reaching Anam (the `mock` feature).
//!
//! [`MockServerExt`] adds a method per operation to
//! [`httpmock::MockServer`], each taking typed `When` and `Then` builders
//! generated from the spec. [`fixtures`] holds ready-made values from the
//! spec's examples, and [`scenarios`] ready-made answers.
//!
//! # Examples
//!
//! ```
//! use anam_llms::mock::{MockServerExt, fixtures};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> anam_llms::Result<()> {
//! let server = httpmock::MockServer::start_async().await;
//! let mock = server.get_llm(|when, then| {
//!     when.id("legacy id");
//!     then.ok(&fixtures::owned_llm());
//! });
//!
//! let client = anam_llms::Client::builder()
//!     .api_key("test-key")
//!     .base_url(server.base_url())
//!     .build()?;
//! let llm = client.get_llm("legacy id").send().await?;
//!
//! assert!(!llm.is_default);
//! mock.assert_calls(1);
//! # Ok(())
//! # }
//! ```

use httpmock::{Mock, MockServer};

use crate::generated::types::{ErrorBody, Llm, LlmPage, Pagination};

#[allow(missing_docs, clippy::all, unreachable_pub, dead_code)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/anam_llms_mocks.rs"));
}

pub use generated::operations::{
    CreateLlmThen, CreateLlmWhen, DeleteLlmThen, GetLlmThen, ListLlmsThen, ListLlmsWhen,
    UpdateLlmThen,
};

/// The path of the LLM `id`, encoded as the client encodes it.
fn llm_path(id: &str) -> String {
    format!("/v1/llms/{}", progenitor_client::encode_path(id))
}

/// Defines a `When` builder for an operation on one LLM, wrapping the
/// generated one: its `id` matcher is an unescaped regular expression
/// (`a.b` would also match `axb`) that does not know percent-encoding (`a b`
/// would never match). This one matches the exact, encoded path.
macro_rules! when_with_id {
    ($name:ident, $operation:literal) => {
        #[doc = concat!("What a request to ", $operation, " must be to match.")]
        pub struct $name(generated::operations::$name);

        impl $name {
            /// Matches requests for the LLM `id` exactly, as the client
            /// sends it.
            pub fn id(self, id: &str) -> Self {
                let when = self.0.into_inner().path(llm_path(id));
                Self(generated::operations::$name::new(when))
            }

            /// The `httpmock` matcher, for anything the typed ones lack.
            pub fn into_inner(self) -> httpmock::When {
                self.0.into_inner()
            }
        }
    };
}

when_with_id!(GetLlmWhen, "`getLlm`");
when_with_id!(UpdateLlmWhen, "`updateLlm`");
when_with_id!(DeleteLlmWhen, "`deleteLlm`");

impl UpdateLlmWhen {
    /// Matches requests whose body is exactly `body`.
    pub fn body(self, body: &crate::UpdateLlmRequest) -> Self {
        Self(self.0.body(body))
    }
}

/// One typed mock per operation of the API, on an [`httpmock::MockServer`].
///
/// Each method takes a closure that sets what a request must be to match
/// (`when`) and what the mock answers (`then`), and returns the mock, whose
/// calls can be asserted.
pub trait MockServerExt {
    /// Mocks `listLlms` (`GET /v1/llms`).
    fn list_llms(&self, config: impl FnOnce(ListLlmsWhen, ListLlmsThen)) -> Mock<'_>;
    /// Mocks `createLlm` (`POST /v1/llms`).
    fn create_llm(&self, config: impl FnOnce(CreateLlmWhen, CreateLlmThen)) -> Mock<'_>;
    /// Mocks `getLlm` (`GET /v1/llms/{id}`).
    fn get_llm(&self, config: impl FnOnce(GetLlmWhen, GetLlmThen)) -> Mock<'_>;
    /// Mocks `updateLlm` (`PUT /v1/llms/{id}`).
    fn update_llm(&self, config: impl FnOnce(UpdateLlmWhen, UpdateLlmThen)) -> Mock<'_>;
    /// Mocks `deleteLlm` (`DELETE /v1/llms/{id}`).
    fn delete_llm(&self, config: impl FnOnce(DeleteLlmWhen, DeleteLlmThen)) -> Mock<'_>;
}

impl MockServerExt for MockServer {
    fn list_llms(&self, config: impl FnOnce(ListLlmsWhen, ListLlmsThen)) -> Mock<'_> {
        self.mock(|when, then| config(ListLlmsWhen::new(when), ListLlmsThen::new(then)))
    }

    fn create_llm(&self, config: impl FnOnce(CreateLlmWhen, CreateLlmThen)) -> Mock<'_> {
        self.mock(|when, then| config(CreateLlmWhen::new(when), CreateLlmThen::new(then)))
    }

    fn get_llm(&self, config: impl FnOnce(GetLlmWhen, GetLlmThen)) -> Mock<'_> {
        self.mock(|when, then| {
            let when = GetLlmWhen(generated::operations::GetLlmWhen::new(when));
            config(when, GetLlmThen::new(then))
        })
    }

    fn update_llm(&self, config: impl FnOnce(UpdateLlmWhen, UpdateLlmThen)) -> Mock<'_> {
        self.mock(|when, then| {
            let when = UpdateLlmWhen(generated::operations::UpdateLlmWhen::new(when));
            config(when, UpdateLlmThen::new(then))
        })
    }

    fn delete_llm(&self, config: impl FnOnce(DeleteLlmWhen, DeleteLlmThen)) -> Mock<'_> {
        self.mock(|when, then| {
            let when = DeleteLlmWhen(generated::operations::DeleteLlmWhen::new(when));
            config(when, DeleteLlmThen::new(then))
        })
    }
}

/// Ready-made values, from the spec's examples.
pub mod fixtures {
    use super::*;
    use crate::generated::examples;

    fn example<T: serde::de::DeserializeOwned>(json: &str) -> T {
        serde_json::from_str(json).expect("the spec's examples decode, as the tests check")
    }

    /// The LLM of Anam's reference example: a default LLM, visible to every
    /// organisation and owned by none, which an update or a deletion is
    /// refused for.
    pub fn default_llm() -> Llm {
        example(examples::LLM_DEFAULT_LLM)
    }

    /// The same LLM as the organisation's own, which it may change.
    pub fn owned_llm() -> Llm {
        example(examples::LLM_OWNED_LLM)
    }

    /// The organisation's own LLM with another id.
    pub fn owned_llm_with_id(id: &str) -> Llm {
        Llm {
            id: id.to_owned(),
            ..owned_llm()
        }
    }

    /// The error body of a refused change to a default LLM.
    pub fn default_llm_refusal() -> ErrorBody {
        example(examples::ERROR_BODY_DEFAULT_LLM)
    }

    /// Page `number` of `last`, holding `data`, with its `meta` as the API
    /// gives it.
    /// `total` counts every page as full as this one.
    pub fn page(data: Vec<Llm>, number: i64, last: i64) -> LlmPage {
        let per_page = data.len() as i64;
        LlmPage {
            meta: Some(Pagination {
                current_page: Some(number),
                last_page: Some(last),
                per_page: Some(per_page),
                total: Some(per_page.saturating_mul(last.max(0))),
                prev: (number > 1).then(|| number - 1),
                next: (number < last).then(|| number + 1),
                page: None,
            }),
            data,
        }
    }

    /// An error body with this `error` and `message`.
    pub fn error(error: &str, message: &str) -> ErrorBody {
        ErrorBody {
            error: Some(error.to_owned()),
            message: Some(message.to_owned()),
            ..ErrorBody::default()
        }
    }
}

/// Ready-made answers for the cases a caller must handle.
pub mod scenarios {
    use super::*;

    /// An update or a deletion of the default LLM `id` is refused with 403,
    /// as the API refuses one the organisation does not own. Returns the
    /// update's mock and the deletion's.
    pub fn default_llm_refused<'a>(server: &'a MockServer, id: &str) -> [Mock<'a>; 2] {
        let refusal = fixtures::default_llm_refusal();
        [
            server.update_llm(|when, then| {
                when.id(id);
                then.forbidden(&refusal);
            }),
            server.delete_llm(|when, then| {
                when.id(id);
                then.forbidden(&refusal);
            }),
        ]
    }

    /// Every operation on the LLM `id` answers 404. Returns the mocks of
    /// get, update and delete.
    pub fn not_found<'a>(server: &'a MockServer, id: &str) -> [Mock<'a>; 3] {
        let body = fixtures::error("Not Found", "LLM not found");
        [
            server.get_llm(|when, then| {
                when.id(id);
                then.not_found(&body);
            }),
            server.update_llm(|when, then| {
                when.id(id);
                then.not_found(&body);
            }),
            server.delete_llm(|when, then| {
                when.id(id);
                then.not_found(&body);
            }),
        ]
    }

    /// Every operation on the LLM `id` answers 429 with `Retry-After`
    /// set to `retry_after_seconds`. Returns the mocks of get, update and
    /// delete.
    pub fn rate_limited<'a>(
        server: &'a MockServer,
        id: &str,
        retry_after_seconds: u64,
    ) -> [Mock<'a>; 3] {
        let body = fixtures::error("Too Many Requests", "Rate limit exceeded");
        let wait = retry_after_seconds.to_string();
        [
            server.get_llm(|when, then| {
                when.id(id);
                then.too_many_requests(&body)
                    .into_inner()
                    .header("retry-after", &wait);
            }),
            server.update_llm(|when, then| {
                when.id(id);
                then.too_many_requests(&body)
                    .into_inner()
                    .header("retry-after", &wait);
            }),
            server.delete_llm(|when, then| {
                when.id(id);
                then.too_many_requests(&body)
                    .into_inner()
                    .header("retry-after", &wait);
            }),
        ]
    }
}
