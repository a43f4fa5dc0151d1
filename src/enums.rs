//! The enums of the API, and the asymmetry between requests and responses.
//!
//! Requests use closed enums generated from the spec ([`UpdateLlmFormat`],
//! [`ReasoningEffortInput`], [`ReasoningFormatInput`]): the compiler stops a
//! caller from sending a value the operation does not accept. Responses use
//! the open enums defined here ([`LlmFormat`], [`ReasoningEffort`],
//! [`ReasoningFormat`]): the server has added values before, so a value this
//! crate does not know decodes as `Unknown`, keeps its exact string, and
//! encodes back unchanged.
//!
//! Creating takes the returned set of formats, closed: [`CreateLlmFormat`],
//! written here rather than generated so that its `none` is not a variant
//! named `None`.
//!
//! The sides are different sets. Converting a value into a request value
//! succeeds for the values both share and otherwise fails with an
//! [`UnsupportedValue`] that names the value and the accepted ones.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::generated::enum_values;
use crate::generated::types::{ReasoningEffortInput, ReasoningFormatInput, UpdateLlmFormat};

/// The wire format of a new LLM configuration: the set the API returns, but
/// closed, so that the compiler stops a value creating does not accept.
///
/// Convert a returned [`LlmFormat`] with `CreateLlmFormat::try_from`, which
/// fails only for a value this crate does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CreateLlmFormat {
    /// `openai`: OpenAI's chat completions format.
    Openai,
    /// `azure_openai`: OpenAI's format as Azure OpenAI serves it.
    AzureOpenai,
    /// `groq_openai`: OpenAI's format as Groq serves it.
    GroqOpenai,
    /// `gemini`: Google Gemini's API format.
    Gemini,
    /// `advanced_voice`.
    AdvancedVoice,
    /// `none`: no upstream wire format. Named so that a glob import of the
    /// variants cannot shadow `Option::None`.
    NoFormat,
}

impl CreateLlmFormat {
    /// Every variant, in the spec's order.
    pub const ALL: &'static [Self] = &[
        Self::Openai,
        Self::AzureOpenai,
        Self::GroqOpenai,
        Self::Gemini,
        Self::AdvancedVoice,
        Self::NoFormat,
    ];

    /// The wire strings of the variants, in the spec's order.
    pub const KNOWN_VALUES: &'static [&'static str] = &[
        "openai",
        "azure_openai",
        "groq_openai",
        "gemini",
        "advanced_voice",
        "none",
    ];

    /// The wire string of this value.
    pub fn as_str(self) -> &'static str {
        let index = Self::ALL
            .iter()
            .position(|v| *v == self)
            .expect("every variant is listed");
        Self::KNOWN_VALUES[index]
    }
}

impl fmt::Display for CreateLlmFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CreateLlmFormat {
    type Err = UnsupportedValue;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Self::KNOWN_VALUES
            .iter()
            .position(|known| *known == value)
            .map(|index| Self::ALL[index])
            .ok_or_else(|| UnsupportedValue {
                value: value.to_owned(),
                target: "`llmFormat` for a new LLM",
                accepted: Self::KNOWN_VALUES,
            })
    }
}

impl Serialize for CreateLlmFormat {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CreateLlmFormat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        value.parse().map_err(de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for CreateLlmFormat {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CreateLlmFormat".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "enum": Self::KNOWN_VALUES,
        })
    }
}

/// A value of an open enum that this version of the crate does not know.
///
/// It can only be made by decoding or by parsing a string (`"x".parse()` or
/// `From<&str>` on the enum), so a known value is never held as unknown and
/// equality between values is the equality of their wire strings.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(Box<str>);

impl UnknownValue {
    /// The value exactly as the server sent it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Defines a forward-compatible enum of wire strings. `tests/drift.rs`
/// checks that the variants listed equal the spec's enum.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        ///
        /// A value this crate does not know decodes as `Unknown` and encodes
        /// back to the same string; match it with a `_` or `Unknown(_)` arm.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$variant_meta])* $variant, )+
            /// A value this version of the crate does not know.
            Unknown(UnknownValue),
        }

        impl $name {
            /// The wire strings of the known variants, in the spec's order.
            pub const KNOWN_VALUES: &'static [&'static str] = &[$($wire),+];

            /// The wire string of this value.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(value) => value.as_str(),
                }
            }

            /// Whether this version of the crate knows the value.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )+
                    other => Self::Unknown(UnknownValue(other.into())),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match Self::from(value.as_str()) {
                    Self::Unknown(_) => Self::Unknown(UnknownValue(value.into_boxed_str())),
                    known => known,
                }
            }
        }

        /// Parsing never fails: an unrecognised string becomes `Unknown`.
        impl FromStr for $name {
            type Err = std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct WireString;

                impl Visitor<'_> for WireString {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }

                    // Known values allocate nothing; only unknown ones are copied.
                    fn visit_str<E: de::Error>(self, value: &str) -> Result<$name, E> {
                        Ok($name::from(value))
                    }

                    fn visit_string<E: de::Error>(self, value: String) -> Result<$name, E> {
                        Ok($name::from(value))
                    }
                }

                deserializer.deserialize_str(WireString)
            }
        }

        /// The spec's schema: a string among the known values. The type also
        /// decodes strings outside it, as `Unknown`.
        #[cfg(feature = "schemars")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "enum": Self::KNOWN_VALUES,
                })
            }
        }
    };
}

open_enum! {
    /// The wire format an LLM configuration uses to call its upstream LLM,
    /// as the API returns it.
    LlmFormat {
        /// `openai`: OpenAI's chat completions format.
        Openai = "openai",
        /// `azure_openai`: OpenAI's format as Azure OpenAI serves it.
        AzureOpenai = "azure_openai",
        /// `groq_openai`: OpenAI's format as Groq serves it.
        GroqOpenai = "groq_openai",
        /// `gemini`: Google Gemini's API format.
        Gemini = "gemini",
        /// `advanced_voice`: the wire value `advanced_voice`, which only the API
        /// sets; an update cannot choose it.
        AdvancedVoice = "advanced_voice",
        /// `none`: no upstream wire format. Named so that a glob import of
        /// the variants cannot shadow `Option::None`.
        NoFormat = "none",
    }
}

open_enum! {
    /// The reasoning effort hint of an LLM configuration, as the API
    /// returns it.
    ReasoningEffort {
        /// `default`: the model's own default.
        Default = "default",
        /// `low`.
        Low = "low",
        /// `medium`.
        Medium = "medium",
        /// `high`.
        High = "high",
    }
}

open_enum! {
    /// The reasoning format hint of an LLM configuration, as the API
    /// returns it.
    ReasoningFormat {
        /// `parsed`.
        Parsed = "parsed",
        /// `raw`.
        Raw = "raw",
        /// `hidden`.
        Hidden = "hidden",
    }
}

/// A returned value that the request enum it was converted to does not
/// accept.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{value}` is not a valid {target}; accepted values: {}",
    accepted.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
)]
pub struct UnsupportedValue {
    value: String,
    target: &'static str,
    accepted: &'static [&'static str],
}

impl UnsupportedValue {
    /// The value that could not be converted.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The values the target enum accepts.
    pub fn accepted(&self) -> &'static [&'static str] {
        self.accepted
    }
}

/// Implements the conversions between an open response enum and a closed
/// request enum, both ways, through their shared wire strings. Going through
/// strings keeps the generated request enums free to gain values when the
/// spec changes.
macro_rules! request_conversions {
    ($open:ident => $closed:ident, $target:literal, $accepted:path) => {
        impl TryFrom<&$open> for $closed {
            type Error = UnsupportedValue;

            fn try_from(value: &$open) -> Result<Self, Self::Error> {
                value.as_str().parse().map_err(|_| UnsupportedValue {
                    value: value.as_str().to_owned(),
                    target: $target,
                    accepted: $accepted,
                })
            }
        }

        impl TryFrom<$open> for $closed {
            type Error = UnsupportedValue;

            fn try_from(value: $open) -> Result<Self, Self::Error> {
                Self::try_from(&value)
            }
        }

        /// Every request value is representable in the open enum, possibly
        /// as `Unknown` where the response set does not list it.
        impl From<$closed> for $open {
            fn from(value: $closed) -> Self {
                Self::from(value.to_string())
            }
        }
    };
}

request_conversions!(
    LlmFormat => CreateLlmFormat,
    "`llmFormat` for a new LLM",
    CreateLlmFormat::KNOWN_VALUES
);
request_conversions!(
    LlmFormat => UpdateLlmFormat,
    "`llmFormat` for an update",
    enum_values::UPDATE_LLM_FORMAT
);
request_conversions!(
    ReasoningEffort => ReasoningEffortInput,
    "`reasoningEffort` for a request",
    enum_values::REASONING_EFFORT_INPUT
);
request_conversions!(
    ReasoningFormat => ReasoningFormatInput,
    "`reasoningFormat` for a request",
    enum_values::REASONING_FORMAT_INPUT
);
