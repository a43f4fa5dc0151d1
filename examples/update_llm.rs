//! Updates an LLM configuration and prints it as the API returns it.
//!
//! ```text
//! cargo run --example update_llm -- <LLM_ID> --temperature 0.5
//! ```
//!
//! With `ANAM_API_KEY` set, this calls the API at `ANAM_BASE_URL` (by default
//! the real one). Without it, it starts an embedded local stand-in for the
//! API and runs the same update against that: the stand-in answers as the API
//! does for an LLM the caller's organisation owns, with the sent fields
//! applied. Run with `--help` for every field.

use std::io::Write;
use std::process::ExitCode;
use std::str::FromStr;

use anam_llms::generated::enum_values;
use anam_llms::mock::{MockServerExt, fixtures};
use anam_llms::{
    Client, Llm, ReasoningEffortInput, ReasoningFormatInput, SecretString, UpdateLlm,
    UpdateLlmFormat, UpdateLlmRequest,
};
use clap::Parser;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use httpmock::MockServer;
use serde_json::{Map, Value};

/// Update an Anam LLM configuration: only the fields given are changed.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The id of the LLM configuration.
    llm_id: String,
    /// Human-readable name shown in the Lab.
    #[arg(long)]
    display_name: Option<String>,
    /// Free-form description.
    #[arg(long)]
    description: Option<String>,
    /// Upstream model identifier, for example `gpt-4o`.
    #[arg(long)]
    model_name: Option<String>,
    /// Upstream endpoint: an absolute http or https URL.
    #[arg(long)]
    url: Option<String>,
    /// Upstream wire format.
    #[arg(long, value_parser = wire_values::<UpdateLlmFormat>(enum_values::UPDATE_LLM_FORMAT))]
    llm_format: Option<UpdateLlmFormat>,
    /// Upstream credential, replacing the stored one. Prefer the environment
    /// variable, which stays out of shell history.
    #[arg(long, env = "ANAM_LLM_SECRET", hide_env_values = true)]
    secret: Option<String>,
    /// Sampling temperature.
    #[arg(long, allow_negative_numbers = true)]
    temperature: Option<f64>,
    /// Maximum tokens generated per response.
    #[arg(long, allow_negative_numbers = true)]
    max_tokens: Option<u32>,
    /// Reasoning effort hint.
    #[arg(long, value_parser = wire_values::<ReasoningEffortInput>(enum_values::REASONING_EFFORT_INPUT))]
    reasoning_effort: Option<ReasoningEffortInput>,
    /// Reasoning format hint.
    #[arg(long, value_parser = wire_values::<ReasoningFormatInput>(enum_values::REASONING_FORMAT_INPUT))]
    reasoning_format: Option<ReasoningFormatInput>,
    /// Provider-specific metadata, as a JSON object.
    #[arg(long, value_parser = parse_object)]
    metadata: Option<Map<String, Value>>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(args).await {
        Ok(llm) => {
            print_llm(&llm);
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {}", error_chain(&err));
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> anam_llms::Result<Llm> {
    if std::env::var_os(anam_llms::API_KEY_VAR).is_some() {
        let client = Client::from_env()?;
        return update(&client, args).send().await;
    }

    let stand_in = MockServer::start_async().await;
    let ignored = match std::env::var_os(anam_llms::BASE_URL_VAR) {
        Some(_) => format!(" (ignoring {})", anam_llms::BASE_URL_VAR),
        None => String::new(),
    };
    println!(
        "{} is not set: using an embedded local stand-in for the Anam API at {}{ignored}",
        anam_llms::API_KEY_VAR,
        stand_in.base_url()
    );
    let client = Client::builder()
        .api_key("stand-in-key")
        .base_url(stand_in.base_url())
        .build()?;
    let update = update(&client, args);
    // Refuse invalid input before the stand-in is even set up, as the client
    // would before sending.
    serve_update(&stand_in, update.id(), update.body()?).await;
    update.send().await
}

fn update(client: &Client, args: Args) -> UpdateLlm<'_> {
    let mut update = client.update_llm(args.llm_id);
    if let Some(v) = args.display_name {
        update = update.display_name(v);
    }
    if let Some(v) = args.description {
        update = update.description(v);
    }
    if let Some(v) = args.model_name {
        update = update.model_name(v);
    }
    if let Some(v) = args.url {
        update = update.url(v);
    }
    if let Some(v) = args.llm_format {
        update = update.llm_format(v);
    }
    if let Some(v) = args.secret {
        update = update.secret(SecretString::from(v));
    }
    if let Some(v) = args.temperature {
        update = update.temperature(v);
    }
    if let Some(v) = args.max_tokens {
        update = update.max_tokens(v);
    }
    if let Some(v) = args.reasoning_effort {
        update = update.reasoning_effort(v);
    }
    if let Some(v) = args.reasoning_format {
        update = update.reasoning_format(v);
    }
    if let Some(v) = args.metadata {
        update = update.metadata(v);
    }
    update
}

/// Makes the stand-in answer this update as the API would for an LLM the
/// organisation owns: the stored LLM with the sent fields applied.
async fn serve_update(stand_in: &MockServer, id: &str, body: &UpdateLlmRequest) {
    let mut llm = serde_json::to_value(fixtures::owned_llm_with_id(id)).expect("an LLM is JSON");
    let sent = serde_json::to_value(body).expect("an update body is JSON");
    for (field, value) in sent.as_object().expect("an update body is an object") {
        match field.as_str() {
            // Never returned.
            "secret" => {}
            // An update sets one endpoint; the LLM lists its endpoints.
            "url" => llm["urls"] = serde_json::json!([{ "url": value }]),
            _ => llm[field] = value.clone(),
        }
    }
    let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
    llm["updatedAt"] = now.to_rfc3339().into();
    let llm: Llm = serde_json::from_value(llm).expect("the applied update is an LLM");

    stand_in.update_llm(|when, then| {
        when.id(id).body(body);
        then.ok(&llm);
    });
}

fn print_llm(llm: &Llm) {
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".into());
    let number = |v: Option<String>| v.unwrap_or_else(|| "(none)".into());
    let urls: Vec<String> = llm
        .urls
        .iter()
        .map(|u| match (&u.url, &u.region) {
            (Some(url), Some(region)) => format!("{url} (region {region})"),
            (Some(url), None) => url.clone(),
            (None, _) => "(no url)".into(),
        })
        .collect();

    let rows = [
        ("id", llm.id.clone()),
        ("display name", llm.display_name.clone()),
        ("description", text(&llm.description)),
        ("llm format", llm.llm_format.to_string()),
        (
            "urls",
            if urls.is_empty() {
                "(none)".into()
            } else {
                urls.join(", ")
            },
        ),
        ("model name", text(&llm.model_name)),
        (
            "temperature",
            number(llm.temperature.map(|t| t.to_string())),
        ),
        ("max tokens", number(llm.max_tokens.map(|t| t.to_string()))),
        ("deployment name", text(&llm.deployment_name)),
        ("api version", text(&llm.api_version)),
        (
            "metadata",
            llm.metadata
                .as_ref()
                .map_or("(none)".into(), |m| Value::Object(m.0.clone()).to_string()),
        ),
        ("display tags", llm.display_tags.join(", ")),
        ("is default", llm.is_default.to_string()),
        ("is global", llm.is_global.to_string()),
        ("is zdr", number(llm.is_zdr.map(|b| b.to_string()))),
        (
            "reasoning effort",
            number(llm.reasoning_effort.as_ref().map(ToString::to_string)),
        ),
        (
            "reasoning format",
            number(llm.reasoning_format.as_ref().map(ToString::to_string)),
        ),
        (
            "created by organization",
            text(&llm.created_by_organization_id),
        ),
        ("created at", llm.created_at.to_rfc3339()),
        ("updated at", number(llm.updated_at.map(|t| t.to_rfc3339()))),
    ];
    let mut text = format!("updated LLM {}\n", llm.id);
    for (label, value) in rows {
        text.push_str(&format!("  {label:<24} {value}\n"));
    }
    // A closed pipe (`| head`) is not worth a panic.
    let _ = std::io::stdout().write_all(text.as_bytes());
}

/// A parser for one of the generated request enums that lists the values the
/// spec accepts in `--help` and in its error.
fn wire_values<T>(values: &'static [&'static str]) -> impl TypedValueParser<Value = T>
where
    T: FromStr + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(values).map(|v| match v.parse() {
        Ok(value) => value,
        Err(_) => unreachable!("`{v}` is one of the spec's values"),
    })
}

fn parse_object(value: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str(value) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err("metadata must be a JSON object".into()),
        Err(e) => Err(format!("metadata is not JSON: {e}")),
    }
}

fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
