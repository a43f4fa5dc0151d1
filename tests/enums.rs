//! The asymmetric enums: closed on the way out, open on the way in, and
//! conversions between them that fail clearly.

use anam_llms::generated::enum_values;
use anam_llms::{
    CreateLlmFormat, Llm, LlmFormat, ReasoningEffort, ReasoningEffortInput, ReasoningFormat,
    ReasoningFormatInput, UpdateLlmFormat, UpdateLlmRequest, UpstreamSecret,
};
use serde_json::json;

#[test]
fn should_round_trip_every_known_and_an_unknown_value() {
    for value in LlmFormat::KNOWN_VALUES
        .iter()
        .copied()
        .chain(["future_format"])
    {
        let format: LlmFormat = serde_json::from_value(json!(value)).unwrap();
        assert_eq!(format.is_known(), value != "future_format");
        assert_eq!(format.to_string(), value);
        assert_eq!(serde_json::to_value(&format).unwrap(), json!(value));
    }
    for value in ReasoningEffort::KNOWN_VALUES.iter().copied().chain(["max"]) {
        let effort: ReasoningEffort = value.parse().unwrap();
        assert_eq!(serde_json::to_value(&effort).unwrap(), json!(value));
    }
    for value in ReasoningFormat::KNOWN_VALUES
        .iter()
        .copied()
        .chain(["streamed"])
    {
        let format = ReasoningFormat::from(value.to_string());
        assert_eq!(serde_json::to_value(&format).unwrap(), json!(value));
    }
}

#[test]
fn should_treat_a_parsed_known_string_as_the_known_variant() {
    assert_eq!(LlmFormat::from("gemini"), LlmFormat::Gemini);
    assert_eq!(LlmFormat::from("none".to_string()), LlmFormat::NoFormat);
    assert_eq!(
        "advanced_voice".parse::<LlmFormat>().unwrap(),
        LlmFormat::AdvancedVoice
    );
    // Values are case-sensitive on the wire.
    assert!(!LlmFormat::from("OpenAI").is_known());
    match LlmFormat::from("OpenAI") {
        LlmFormat::Unknown(value) => assert_eq!(value.as_str(), "OpenAI"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn should_convert_shared_formats_into_update_formats() {
    let shared = [
        (LlmFormat::Openai, UpdateLlmFormat::Openai),
        (LlmFormat::AzureOpenai, UpdateLlmFormat::AzureOpenai),
        (LlmFormat::GroqOpenai, UpdateLlmFormat::GroqOpenai),
    ];
    for (returned, update) in shared {
        assert_eq!(UpdateLlmFormat::try_from(&returned), Ok(update));
        assert_eq!(LlmFormat::from(update), returned);
    }
}

#[test]
fn should_name_the_value_and_the_accepted_ones_when_a_format_cannot_be_sent() {
    // Every returned value the update does not list, from the spec, and one
    // no list has.
    let accepted = enum_values::UPDATE_LLM_FORMAT;
    let refused = LlmFormat::KNOWN_VALUES
        .iter()
        .filter(|v| !accepted.contains(v))
        .chain(&["future_format"]);
    let listed: Vec<String> = accepted.iter().map(|v| format!("`{v}`")).collect();

    for value in refused {
        let err = UpdateLlmFormat::try_from(LlmFormat::from(*value)).unwrap_err();
        assert_eq!(err.value(), *value);
        assert_eq!(err.accepted(), accepted);
        assert_eq!(
            err.to_string(),
            format!(
                "`{value}` is not a valid `llmFormat` for an update; accepted values: {}",
                listed.join(", ")
            )
        );
    }
}

#[test]
fn should_convert_returned_formats_into_create_formats() {
    for format in CreateLlmFormat::ALL {
        assert_eq!(
            CreateLlmFormat::try_from(LlmFormat::from(*format)),
            Ok(*format)
        );
        assert_eq!(format.to_string(), LlmFormat::from(*format).as_str());
    }
    let err = CreateLlmFormat::try_from(LlmFormat::from("future_format")).unwrap_err();
    assert_eq!(err.accepted(), CreateLlmFormat::KNOWN_VALUES);
    assert!(serde_json::from_value::<CreateLlmFormat>(json!("future_format")).is_err());
    assert_eq!(
        serde_json::to_value(CreateLlmFormat::NoFormat).unwrap(),
        json!("none")
    );
}

#[test]
fn should_keep_update_only_formats_when_widened_to_returned_formats() {
    let anthropic = LlmFormat::from(UpdateLlmFormat::Anthropic);
    assert_eq!(anthropic.as_str(), "anthropic");
    assert!(
        !anthropic.is_known(),
        "the returned set does not list `anthropic`"
    );
    assert_eq!(
        UpdateLlmFormat::try_from(anthropic),
        Ok(UpdateLlmFormat::Anthropic)
    );
}

#[test]
fn should_convert_reasoning_hints_both_ways() {
    assert_eq!(
        ReasoningEffortInput::try_from(ReasoningEffort::High),
        Ok(ReasoningEffortInput::High)
    );
    assert_eq!(
        ReasoningEffort::from(ReasoningEffortInput::Default),
        ReasoningEffort::Default
    );
    assert_eq!(
        ReasoningFormatInput::try_from(&ReasoningFormat::Raw),
        Ok(ReasoningFormatInput::Raw)
    );

    let err = ReasoningEffortInput::try_from(ReasoningEffort::from("max")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`max` is not a valid `reasoningEffort` for a request; accepted values: \
         `default`, `low`, `medium`, `high`"
    );
    let err = ReasoningFormatInput::try_from(ReasoningFormat::from("streamed")).unwrap_err();
    assert_eq!(err.accepted(), ["parsed", "raw", "hidden"]);
}

#[test]
fn should_leave_option_none_alone_under_a_glob_import() {
    // A variant named `None` would shadow `Option::None` here and fail to
    // compile.
    #[allow(unused_imports)]
    use anam_llms::LlmFormat::*;
    let nothing: Option<u8> = None;
    assert_eq!(nothing, Option::None);
    assert_eq!(NoFormat.as_str(), "none");
}

/// The generated types must use the hand-written ones. This does not compile
/// if the generator stops using them; the decoding below fails if it uses a
/// closed enum of its own.
#[test]
fn should_generate_types_that_use_the_hand_written_ones() {
    fn returned_format(llm: &Llm) -> &LlmFormat {
        &llm.llm_format
    }
    fn returned_effort(llm: &Llm) -> Option<&ReasoningEffort> {
        llm.reasoning_effort.as_ref()
    }
    fn returned_reasoning_format(llm: &Llm) -> Option<&ReasoningFormat> {
        llm.reasoning_format.as_ref()
    }
    fn sent_secret(body: &UpdateLlmRequest) -> Option<&UpstreamSecret> {
        body.secret.as_ref()
    }

    let llm: Llm = serde_json::from_value(json!({
        "id": "x",
        "displayName": "x",
        "llmFormat": "not_in_the_spec",
        "reasoningEffort": "not_in_the_spec",
        "reasoningFormat": "not_in_the_spec",
        "displayTags": [],
        "isDefault": false,
        "isGlobal": false,
        "createdAt": "2026-04-20T10:00:00Z"
    }))
    .expect("the generated `Llm` decodes values the spec does not list");

    assert_eq!(returned_format(&llm).as_str(), "not_in_the_spec");
    assert_eq!(
        returned_effort(&llm).map(ReasoningEffort::as_str),
        Some("not_in_the_spec")
    );
    assert_eq!(
        returned_reasoning_format(&llm).map(ReasoningFormat::as_str),
        Some("not_in_the_spec")
    );
    assert!(sent_secret(&UpdateLlmRequest::default()).is_none());
}

#[test]
fn should_refuse_to_decode_a_value_an_update_does_not_accept() {
    let err = serde_json::from_value::<UpdateLlmFormat>(json!("gemini")).unwrap_err();
    assert!(
        err.to_string().contains("unknown variant `gemini`"),
        "{err}"
    );
}
