#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///A new LLM configuration. `displayName`, `urls`, `llmFormat`, `modelName` and `secret` are required.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct CreateLlmRequest {
        ///Free-form description.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        ///Human-readable name shown in the Lab.
        #[serde(rename = "displayName")]
        pub display_name: ::std::string::String,
        #[serde(rename = "llmFormat")]
        pub llm_format: crate::CreateLlmFormat,
        ///Maximum tokens generated per response. Not listed in the published create schema; a field of the returned LLM.
        #[serde(
            rename = "maxTokens",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub max_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<Metadata>,
        ///Upstream model identifier, for example `gpt-4o`.
        #[serde(rename = "modelName")]
        pub model_name: ::std::string::String,
        #[serde(
            rename = "reasoningEffort",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub reasoning_effort: ::std::option::Option<ReasoningEffortInput>,
        #[serde(
            rename = "reasoningFormat",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub reasoning_format: ::std::option::Option<ReasoningFormatInput>,
        pub secret: crate::UpstreamSecret,
        ///Sampling temperature applied when calling the LLM. Not listed in the published create schema, but Anam's own create example sends it, and it is a field of the returned LLM.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub temperature: ::std::option::Option<f64>,
        ///The endpoints to call the upstream LLM at.
        pub urls: ::std::vec::Vec<CreateLlmUrl>,
    }
    ///An endpoint of a new LLM.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct CreateLlmUrl {
        ///An absolute URL of the upstream endpoint.
        pub url: ::std::string::String,
    }
    ///The body of an error response. Every property is optional and other properties are allowed: proxies in front of the API may also answer with HTML or an empty body.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ErrorBody {
        ///Validation failures, one per offending field.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub details: ::std::vec::Vec<ErrorDetail>,
        ///A short cause.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<::std::string::String>,
        ///Human-readable text.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        ///A one-line summary of the validation failures.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub summary: ::std::option::Option<::std::string::String>,
    }
    ///One validation failure.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct ErrorDetail {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        ///Where in the request body the failure is: property names and array indexes.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub path: ::std::vec::Vec<::serde_json::Value>,
    }
    ///An LLM configuration a persona can use. Secrets are never returned. The properties marked required are the ones Anam's official clients rely on being present; the published document marks none, so every other property may be absent.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Llm {
        ///Azure OpenAI API version; only used when `llmFormat` is `azure_openai`.
        #[serde(
            rename = "apiVersion",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub api_version: ::std::option::Option<::std::string::String>,
        ///When the LLM was created.
        #[serde(rename = "createdAt")]
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///Id of the organisation that created the LLM, or null for global defaults: a UUID or a nanoid-style string, depending on when the organisation was created.
        #[serde(
            rename = "createdByOrganizationId",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub created_by_organization_id: ::std::option::Option<::std::string::String>,
        ///Azure OpenAI deployment name; only used when `llmFormat` is `azure_openai`.
        #[serde(
            rename = "deploymentName",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub deployment_name: ::std::option::Option<::std::string::String>,
        ///Free-form description of the LLM configuration.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        ///Human-readable name shown in the Lab.
        #[serde(rename = "displayName")]
        pub display_name: ::std::string::String,
        ///Tags used to categorise the LLM in the Lab.
        #[serde(rename = "displayTags")]
        pub display_tags: ::std::vec::Vec<::std::string::String>,
        ///Unique identifier of the LLM configuration: a UUID, or a legacy id such as `CUSTOMER_CLIENT_V1`.
        pub id: ::std::string::String,
        ///Whether this LLM is a built-in default available to every organisation.
        #[serde(rename = "isDefault")]
        pub is_default: bool,
        ///Whether this LLM is visible to every organisation.
        #[serde(rename = "isGlobal")]
        pub is_global: bool,
        ///Whether this LLM meets the Zero Data Retention requirements.
        #[serde(
            rename = "isZdr",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub is_zdr: ::std::option::Option<bool>,
        #[serde(rename = "llmFormat")]
        pub llm_format: crate::LlmFormat,
        ///Maximum tokens generated per response.
        #[serde(
            rename = "maxTokens",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub max_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<Metadata>,
        ///Upstream model identifier, for example `gpt-4o`.
        #[serde(
            rename = "modelName",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub model_name: ::std::option::Option<::std::string::String>,
        #[serde(
            rename = "reasoningEffort",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub reasoning_effort: ::std::option::Option<crate::ReasoningEffort>,
        #[serde(
            rename = "reasoningFormat",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub reasoning_format: ::std::option::Option<crate::ReasoningFormat>,
        ///Sampling temperature applied when calling the LLM.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub temperature: ::std::option::Option<f64>,
        ///When the LLM was last updated.
        #[serde(
            rename = "updatedAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub updated_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///Endpoints configured for this LLM; may be empty for built-in LLMs.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub urls: ::std::vec::Vec<LlmUrl>,
    }
    ///One page of LLM configurations.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct LlmPage {
        ///The LLMs of this page.
        pub data: ::std::vec::Vec<Llm>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub meta: ::std::option::Option<Pagination>,
    }
    ///An endpoint configured for an LLM.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct LlmUrl {
        ///The streaming region routed to this endpoint. No request can set it; `default` is the only value seen.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub region: ::std::option::Option<::std::string::String>,
        ///The endpoint's URL.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<::std::string::String>,
    }
    ///Free-form provider-specific metadata.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(transparent)]
    pub struct Metadata(
        pub ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    );
    impl ::std::ops::Deref for Metadata {
        type Target = ::serde_json::Map<::std::string::String, ::serde_json::Value>;
        fn deref(
            &self,
        ) -> &::serde_json::Map<::std::string::String, ::serde_json::Value> {
            &self.0
        }
    }
    impl ::std::convert::From<Metadata>
    for ::serde_json::Map<::std::string::String, ::serde_json::Value> {
        fn from(value: Metadata) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<
        ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    > for Metadata {
        fn from(
            value: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ) -> Self {
            Self(value)
        }
    }
    ///Where a page stands among all pages. Nothing in it is guaranteed.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct Pagination {
        ///The number of this page, from 1.
        #[serde(
            rename = "currentPage",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub current_page: ::std::option::Option<i64>,
        ///The number of the last page.
        #[serde(
            rename = "lastPage",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub last_page: ::std::option::Option<i64>,
        ///The next page's number, or null on the last.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next: ::std::option::Option<i64>,
        ///The number of this page, as some servers name it instead of `currentPage`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub page: ::std::option::Option<i64>,
        ///How many LLMs a page holds.
        #[serde(
            rename = "perPage",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub per_page: ::std::option::Option<i64>,
        ///The previous page's number, or null on the first.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub prev: ::std::option::Option<i64>,
        ///How many LLMs there are in all.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub total: ::std::option::Option<i64>,
    }
    ///A reasoning effort hint a request may set, for models that accept one.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum ReasoningEffortInput {
        #[serde(rename = "default")]
        Default,
        #[serde(rename = "low")]
        Low,
        #[serde(rename = "medium")]
        Medium,
        #[serde(rename = "high")]
        High,
    }
    impl ::std::fmt::Display for ReasoningEffortInput {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Default => f.write_str("default"),
                Self::Low => f.write_str("low"),
                Self::Medium => f.write_str("medium"),
                Self::High => f.write_str("high"),
            }
        }
    }
    impl ::std::str::FromStr for ReasoningEffortInput {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "default" => Ok(Self::Default),
                "low" => Ok(Self::Low),
                "medium" => Ok(Self::Medium),
                "high" => Ok(Self::High),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for ReasoningEffortInput {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ReasoningEffortInput {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///A reasoning format hint a request may set, for models that accept one.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum ReasoningFormatInput {
        #[serde(rename = "parsed")]
        Parsed,
        #[serde(rename = "raw")]
        Raw,
        #[serde(rename = "hidden")]
        Hidden,
    }
    impl ::std::fmt::Display for ReasoningFormatInput {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Parsed => f.write_str("parsed"),
                Self::Raw => f.write_str("raw"),
                Self::Hidden => f.write_str("hidden"),
            }
        }
    }
    impl ::std::str::FromStr for ReasoningFormatInput {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "parsed" => Ok(Self::Parsed),
                "raw" => Ok(Self::Raw),
                "hidden" => Ok(Self::Hidden),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for ReasoningFormatInput {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ReasoningFormatInput {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///A wire format an update may set. This set differs from the one the API returns (`LlmFormat`).
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum UpdateLlmFormat {
        #[serde(rename = "openai")]
        Openai,
        #[serde(rename = "azure_openai")]
        AzureOpenai,
        #[serde(rename = "groq_openai")]
        GroqOpenai,
        #[serde(rename = "anthropic")]
        Anthropic,
        #[serde(rename = "custom")]
        Custom,
    }
    impl ::std::fmt::Display for UpdateLlmFormat {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Openai => f.write_str("openai"),
                Self::AzureOpenai => f.write_str("azure_openai"),
                Self::GroqOpenai => f.write_str("groq_openai"),
                Self::Anthropic => f.write_str("anthropic"),
                Self::Custom => f.write_str("custom"),
            }
        }
    }
    impl ::std::str::FromStr for UpdateLlmFormat {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "openai" => Ok(Self::Openai),
                "azure_openai" => Ok(Self::AzureOpenai),
                "groq_openai" => Ok(Self::GroqOpenai),
                "anthropic" => Ok(Self::Anthropic),
                "custom" => Ok(Self::Custom),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for UpdateLlmFormat {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for UpdateLlmFormat {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///Partial update of an LLM configuration. Every field is optional and only the fields present are changed.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct UpdateLlmRequest {
        ///Free-form description. Not nullable in requests, so it cannot be cleared.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        ///Human-readable name shown in the Lab.
        #[serde(
            rename = "displayName",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub display_name: ::std::option::Option<::std::string::String>,
        #[serde(
            rename = "llmFormat",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub llm_format: ::std::option::Option<UpdateLlmFormat>,
        ///Maximum tokens generated per response. Not listed in the published update schema, but it is a field of the returned LLM and is updated the same way as `temperature`.
        #[serde(
            rename = "maxTokens",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub max_tokens: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub metadata: ::std::option::Option<Metadata>,
        ///Upstream model identifier, for example `gpt-4o`.
        #[serde(
            rename = "modelName",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub model_name: ::std::option::Option<::std::string::String>,
        #[serde(
            rename = "reasoningEffort",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub reasoning_effort: ::std::option::Option<ReasoningEffortInput>,
        #[serde(
            rename = "reasoningFormat",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub reasoning_format: ::std::option::Option<ReasoningFormatInput>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub secret: ::std::option::Option<crate::UpstreamSecret>,
        ///Sampling temperature applied when calling the LLM. Not listed in the published update schema, but Anam's own example for this endpoint sends exactly `{"temperature": 0.5}`, and it is a field of the returned LLM.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub temperature: ::std::option::Option<f64>,
        ///The endpoint to call the upstream LLM at: a single absolute URL (the LLM object returns endpoints as `urls`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<::std::string::String>,
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
}
#[derive(Clone, Debug)]
/**Client for Anam AI LLM configurations

The part of the Anam AI REST API that manages LLM configurations: which upstream wire format, model, endpoint and credential a persona talks through. Nullability is written with `nullable: true` because code generators for Rust read OpenAPI 3.0 only.

Version: 1.0.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap())
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(baseurl: &str, client: reqwest::Client) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
        }
    }
}
impl ClientInfo<()> for Client {
    fn api_version() -> &'static str {
        "1.0.0"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &() {
        &()
    }
}
const _: () = {
    #[allow(dead_code)]
    fn assert_client_hooks()
    where
        Client: ClientHooks<()>,
    {}
};
#[allow(clippy::all)]
impl Client {
    /**List LLM configurations

One page of the LLM configurations the caller can see: the organisation's own and, with `includeDefaults`, Anam's built-in ones.

Sends a `GET` request to `/v1/llms`

Arguments:
- `include_defaults`: Whether to include Anam's built-in LLMs.
- `page`: The page to return, from 1.
- `per_page`: How many LLMs a page holds. The API declares no bounds here; Anam's other list endpoints accept 1 to 100 and default to 10.
- `search`: Text to search the LLMs for.
*/
    pub async fn list_llms<'a>(
        &'a self,
        include_defaults: Option<bool>,
        page: Option<::std::num::NonZeroU32>,
        per_page: Option<::std::num::NonZeroU32>,
        search: Option<&'a str>,
    ) -> Result<ResponseValue<types::LlmPage>, Error<types::ErrorBody>> {
        let url = format!("{}/v1/llms", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(
                &progenitor_client::QueryParam::new("includeDefaults", &include_defaults),
            )
            .query(&progenitor_client::QueryParam::new("page", &page))
            .query(&progenitor_client::QueryParam::new("perPage", &per_page))
            .query(&progenitor_client::QueryParam::new("search", &search))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_llms",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            403u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Create an LLM configuration

Creates an LLM configuration owned by the caller's organisation. The upstream `secret` is encrypted at rest and never returned. Not idempotent: sending the same request twice creates two configurations.

Sends a `POST` request to `/v1/llms`

*/
    pub async fn create_llm<'a>(
        &'a self,
        body: &'a types::CreateLlmRequest,
    ) -> Result<ResponseValue<types::Llm>, Error<types::ErrorBody>> {
        let url = format!("{}/v1/llms", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_llm",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            403u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get an LLM configuration

Sends a `GET` request to `/v1/llms/{id}`

Arguments:
- `id`: The LLM configuration's id. Ids are UUIDs today, but legacy ids such as `CUSTOMER_CLIENT_V1` are still accepted, so this is a plain string.
*/
    pub async fn get_llm<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::Llm>, Error<types::ErrorBody>> {
        let url = format!("{}/v1/llms/{}", self.baseurl, encode_path(& id.to_string()),);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_llm",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            403u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Update an LLM configuration

Partial update of an LLM configuration: only the fields included in the body are changed. Default LLMs that the caller's organisation does not own cannot be modified (403). Sending `secret` replaces the stored upstream credential; secrets are never returned.

Sends a `PUT` request to `/v1/llms/{id}`

Arguments:
- `id`: The LLM configuration's id. Ids are UUIDs today, but legacy ids such as `CUSTOMER_CLIENT_V1` are still accepted, so this is a plain string.
- `body`
*/
    pub async fn update_llm<'a>(
        &'a self,
        id: &'a str,
        body: &'a types::UpdateLlmRequest,
    ) -> Result<ResponseValue<types::Llm>, Error<types::ErrorBody>> {
        let url = format!("{}/v1/llms/{}", self.baseurl, encode_path(& id.to_string()),);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .put(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "update_llm",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            403u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Delete an LLM configuration

Deletes an LLM configuration the caller's organisation owns. Default LLMs cannot be deleted (403).

Sends a `DELETE` request to `/v1/llms/{id}`

Arguments:
- `id`: The LLM configuration's id. Ids are UUIDs today, but legacy ids such as `CUSTOMER_CLIENT_V1` are still accepted, so this is a plain string.
*/
    pub async fn delete_llm<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ErrorBody>> {
        let url = format!("{}/v1/llms/{}", self.baseurl, encode_path(& id.to_string()),);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map
            .append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "delete_llm",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            403u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            404u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            429u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            500u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            503u16 => {
                Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))
            }
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    #[allow(unused_imports)]
    pub use super::Client;
}

/// The values of every string enum among the component schemas, each in the order the spec lists them.
pub mod enum_values {
    /// The values of the `CreateLlmFormat` schema.
    pub const CREATE_LLM_FORMAT: &[&str] = &["openai", "azure_openai", "groq_openai", "gemini", "advanced_voice", "none"];
    /// The values of the `LlmFormat` schema.
    pub const LLM_FORMAT: &[&str] = &["openai", "azure_openai", "groq_openai", "gemini", "advanced_voice", "none"];
    /// The values of the `ReasoningEffort` schema.
    pub const REASONING_EFFORT: &[&str] = &["default", "low", "medium", "high"];
    /// The values of the `ReasoningEffortInput` schema.
    pub const REASONING_EFFORT_INPUT: &[&str] = &["default", "low", "medium", "high"];
    /// The values of the `ReasoningFormat` schema.
    pub const REASONING_FORMAT: &[&str] = &["parsed", "raw", "hidden"];
    /// The values of the `ReasoningFormatInput` schema.
    pub const REASONING_FORMAT_INPUT: &[&str] = &["parsed", "raw", "hidden"];
    /// The values of the `UpdateLlmFormat` schema.
    pub const UPDATE_LLM_FORMAT: &[&str] = &["openai", "azure_openai", "groq_openai", "anthropic", "custom"];
}

/// The spec's examples of request and response bodies, as JSON, named after their schema and example.
pub mod examples {
    #[allow(dead_code)]
    pub const CREATE_LLM_REQUEST_OPENAI: &str = "{\"description\":\"Answers billing questions.\",\"displayName\":\"Support bot\",\"llmFormat\":\"openai\",\"modelName\":\"gpt-4o-mini\",\"secret\":\"example-openai-key\",\"temperature\":0.3,\"urls\":[{\"url\":\"https://api.openai.com/v1/chat/completions\"}]}";
    #[allow(dead_code)]
    pub const ERROR_BODY_DEFAULT_LLM: &str = "{\"error\":\"Forbidden\",\"message\":\"Default LLMs cannot be modified\"}";
    #[allow(dead_code)]
    pub const ERROR_BODY_VALIDATION: &str = "{\"details\":[{\"code\":\"invalid_string\",\"message\":\"Invalid url\",\"path\":[\"url\"]}],\"error\":\"Bad Request\",\"message\":\"Validation failed\",\"summary\":\"url: Invalid url\"}";
    #[allow(dead_code)]
    pub const LLM_DEFAULT_LLM: &str = "{\"apiVersion\":null,\"createdAt\":\"2026-04-20T10:00:00.000Z\",\"createdByOrganizationId\":null,\"deploymentName\":null,\"description\":\"OpenAI GPT-4o default configuration.\",\"displayName\":\"GPT-4o\",\"displayTags\":[\"openai\"],\"id\":\"a7cf662c-2ace-4de1-a21e-ef0fbf144bb7\",\"isDefault\":true,\"isGlobal\":true,\"isZdr\":false,\"llmFormat\":\"openai\",\"maxTokens\":1024,\"metadata\":{},\"modelName\":\"gpt-4o\",\"temperature\":0.7,\"updatedAt\":null,\"urls\":[{\"url\":\"https://api.openai.com/v1/chat/completions\"}]}";
    #[allow(dead_code)]
    pub const LLM_OWNED_LLM: &str = "{\"apiVersion\":null,\"createdAt\":\"2026-04-20T10:00:00.000Z\",\"createdByOrganizationId\":\"5f0e6a7b-9c1d-4e2f-8a3b-c4d5e6f70812\",\"deploymentName\":null,\"description\":\"OpenAI GPT-4o, configured by the organisation.\",\"displayName\":\"GPT-4o\",\"displayTags\":[\"openai\"],\"id\":\"a7cf662c-2ace-4de1-a21e-ef0fbf144bb7\",\"isDefault\":false,\"isGlobal\":false,\"isZdr\":false,\"llmFormat\":\"openai\",\"maxTokens\":1024,\"metadata\":{},\"modelName\":\"gpt-4o\",\"temperature\":0.7,\"updatedAt\":null,\"urls\":[{\"url\":\"https://api.openai.com/v1/chat/completions\"}]}";
    #[allow(dead_code)]
    pub const LLM_PAGE_FIRST_PAGE: &str = "{\"data\":[{\"apiVersion\":null,\"createdAt\":\"2026-04-20T10:00:00.000Z\",\"createdByOrganizationId\":null,\"deploymentName\":null,\"description\":\"OpenAI GPT-4o default configuration.\",\"displayName\":\"GPT-4o\",\"displayTags\":[\"openai\"],\"id\":\"a7cf662c-2ace-4de1-a21e-ef0fbf144bb7\",\"isDefault\":true,\"isGlobal\":true,\"isZdr\":false,\"llmFormat\":\"openai\",\"maxTokens\":1024,\"metadata\":{},\"modelName\":\"gpt-4o\",\"temperature\":0.7,\"updatedAt\":null,\"urls\":[{\"url\":\"https://api.openai.com/v1/chat/completions\"}]}],\"meta\":{\"currentPage\":1,\"lastPage\":1,\"next\":null,\"perPage\":10,\"prev\":null,\"total\":1}}";
    #[allow(dead_code)]
    pub const LLM_UPDATED_LLM: &str = "{\"apiVersion\":null,\"createdAt\":\"2026-04-20T10:00:00.000Z\",\"createdByOrganizationId\":\"5f0e6a7b-9c1d-4e2f-8a3b-c4d5e6f70812\",\"deploymentName\":null,\"description\":\"OpenAI GPT-4o, configured by the organisation.\",\"displayName\":\"GPT-4o\",\"displayTags\":[\"openai\"],\"id\":\"a7cf662c-2ace-4de1-a21e-ef0fbf144bb7\",\"isDefault\":false,\"isGlobal\":false,\"isZdr\":false,\"llmFormat\":\"openai\",\"maxTokens\":1024,\"metadata\":{},\"modelName\":\"gpt-4o\",\"temperature\":0.5,\"updatedAt\":\"2026-05-02T09:15:27Z\",\"urls\":[{\"url\":\"https://api.openai.com/v1/chat/completions\"}]}";
    #[allow(dead_code)]
    pub const UPDATE_LLM_REQUEST_SWITCH_PROVIDER: &str = "{\"llmFormat\":\"azure_openai\",\"maxTokens\":2048,\"metadata\":{\"team\":\"support\"},\"modelName\":\"gpt-4o\",\"reasoningEffort\":\"low\",\"reasoningFormat\":\"hidden\",\"secret\":\"example-azure-key\",\"url\":\"https://example-resource.openai.azure.com/openai/deployments/gpt-4o\"}";
    #[allow(dead_code)]
    pub const UPDATE_LLM_REQUEST_TEMPERATURE: &str = "{\"temperature\":0.5}";
}
