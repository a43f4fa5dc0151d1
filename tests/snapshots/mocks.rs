pub mod operations {
    //! [`When`](::httpmock::When) and [`Then`](::httpmock::Then)
    //! wrappers for each operation. Each can be converted to
    //! its inner type with a call to `into_inner()`. This can
    //! be used to explicitly deviate from permitted values.
    use crate::generated::*;
    pub struct ListLlmsWhen(::httpmock::When);
    impl ListLlmsWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(regex::Regex::new("^/v1/llms$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn include_defaults<T>(self, value: T) -> Self
        where
            T: Into<Option<bool>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("includeDefaults", value.to_string()))
            } else {
                Self(self.0.query_param_missing("includeDefaults"))
            }
        }
        pub fn page<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU32>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("page", value.to_string()))
            } else {
                Self(self.0.query_param_missing("page"))
            }
        }
        pub fn per_page<T>(self, value: T) -> Self
        where
            T: Into<Option<::std::num::NonZeroU32>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("perPage", value.to_string()))
            } else {
                Self(self.0.query_param_missing("perPage"))
            }
        }
        pub fn search<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("search", value.to_string()))
            } else {
                Self(self.0.query_param_missing("search"))
            }
        }
    }
    pub struct ListLlmsThen(::httpmock::Then);
    impl ListLlmsThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::LlmPage) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn forbidden(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(403u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn internal_server_error(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(500u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn service_unavailable(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(503u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct CreateLlmWhen(::httpmock::When);
    impl CreateLlmWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::POST)
                    .path_matches(regex::Regex::new("^/v1/llms$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn body(self, value: &types::CreateLlmRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct CreateLlmThen(::httpmock::Then);
    impl CreateLlmThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn created(self, value: &types::Llm) -> Self {
            Self(
                self
                    .0
                    .status(201u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn forbidden(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(403u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn internal_server_error(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(500u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn service_unavailable(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(503u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct GetLlmWhen(::httpmock::When);
    impl GetLlmWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(regex::Regex::new("^/v1/llms/[^/]*$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &str) -> Self {
            let re = regex::Regex::new(&format!("^/v1/llms/{}$", value.to_string()))
                .unwrap();
            Self(self.0.path_matches(re))
        }
    }
    pub struct GetLlmThen(::httpmock::Then);
    impl GetLlmThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::Llm) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn forbidden(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(403u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn internal_server_error(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(500u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn service_unavailable(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(503u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct UpdateLlmWhen(::httpmock::When);
    impl UpdateLlmWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::PUT)
                    .path_matches(regex::Regex::new("^/v1/llms/[^/]*$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &str) -> Self {
            let re = regex::Regex::new(&format!("^/v1/llms/{}$", value.to_string()))
                .unwrap();
            Self(self.0.path_matches(re))
        }
        pub fn body(self, value: &types::UpdateLlmRequest) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct UpdateLlmThen(::httpmock::Then);
    impl UpdateLlmThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::Llm) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn forbidden(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(403u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn internal_server_error(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(500u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn service_unavailable(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(503u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct DeleteLlmWhen(::httpmock::When);
    impl DeleteLlmWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::DELETE)
                    .path_matches(regex::Regex::new("^/v1/llms/[^/]*$").unwrap()),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn id(self, value: &str) -> Self {
            let re = regex::Regex::new(&format!("^/v1/llms/{}$", value.to_string()))
                .unwrap();
            Self(self.0.path_matches(re))
        }
    }
    pub struct DeleteLlmThen(::httpmock::Then);
    impl DeleteLlmThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn no_content(self) -> Self {
            Self(self.0.status(204u16))
        }
        pub fn unauthorized(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn forbidden(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(403u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn internal_server_error(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(500u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn service_unavailable(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(503u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
}
/// An extension trait for [`MockServer`](::httpmock::MockServer) that
/// adds a method for each operation. These are the equivalent of
/// type-checked [`mock()`](::httpmock::MockServer::mock) calls.
pub trait MockServerExt {
    fn list_llms<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListLlmsWhen, operations::ListLlmsThen);
    fn create_llm<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::CreateLlmWhen, operations::CreateLlmThen);
    fn get_llm<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetLlmWhen, operations::GetLlmThen);
    fn update_llm<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::UpdateLlmWhen, operations::UpdateLlmThen);
    fn delete_llm<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::DeleteLlmWhen, operations::DeleteLlmThen);
}
impl MockServerExt for ::httpmock::MockServer {
    fn list_llms<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListLlmsWhen, operations::ListLlmsThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListLlmsWhen::new(when),
                operations::ListLlmsThen::new(then),
            )
        })
    }
    fn create_llm<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::CreateLlmWhen, operations::CreateLlmThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::CreateLlmWhen::new(when),
                operations::CreateLlmThen::new(then),
            )
        })
    }
    fn get_llm<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetLlmWhen, operations::GetLlmThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::GetLlmWhen::new(when),
                operations::GetLlmThen::new(then),
            )
        })
    }
    fn update_llm<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::UpdateLlmWhen, operations::UpdateLlmThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::UpdateLlmWhen::new(when),
                operations::UpdateLlmThen::new(then),
            )
        })
    }
    fn delete_llm<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::DeleteLlmWhen, operations::DeleteLlmThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::DeleteLlmWhen::new(when),
                operations::DeleteLlmThen::new(then),
            )
        })
    }
}
