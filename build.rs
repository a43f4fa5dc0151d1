//! Generates the typed client from the OpenAPI document in `openapi/`.
//!
//! Three steps: read and check the document, generate the client with
//! progenitor and pretty-print it, write it to `OUT_DIR`. Every failure names
//! the document, the step and, where it can, the place in the document, so a
//! broken spec reads as a message rather than as a panic inside the
//! generator.
//!
//! The tests include this file as a module (`tests/codegen.rs`) to check the
//! generation step itself: `generate` is the function both use.

use std::fmt;
use std::path::{Path, PathBuf};

use openapiv3::{OpenAPI, ReferenceOr, SchemaKind, StatusCode, StringType, Type};
use progenitor::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TypeImpl};

pub(crate) const SPEC: &str = "openapi/anam-llms.json";
const OUTPUT: &str = "anam_llms_generated.rs";
const MOCKS_OUTPUT: &str = "anam_llms_mocks.rs";

/// Component schemas that the generated code must not define itself: the
/// hand-written layer supplies these types instead. The response enums must
/// accept values the server adds later, which progenitor's closed enums
/// cannot, and the upstream secret must never show in `Debug`.
/// Each entry lists the traits the hand-written type implements beyond the
/// derives, so that the generator knows what it may rely on.
pub(crate) const REPLACEMENTS: &[(&str, &str, &[TypeImpl])] = &[
    ("LlmFormat", "crate::LlmFormat", ENUM_IMPLS),
    ("ReasoningEffort", "crate::ReasoningEffort", ENUM_IMPLS),
    ("ReasoningFormat", "crate::ReasoningFormat", ENUM_IMPLS),
    // No `Display`: the secret has no printable form.
    ("UpstreamSecret", "crate::UpstreamSecret", &[]),
    // A closed enum, but hand-written so that `none` is not a variant named
    // `None`, which would shadow `Option::None` under a glob import.
    ("CreateLlmFormat", "crate::CreateLlmFormat", ENUM_IMPLS),
];
const ENUM_IMPLS: &[TypeImpl] = &[TypeImpl::Display, TypeImpl::FromStr];

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: &str, code: &str| {
        let output = out_dir.join(name);
        std::fs::write(&output, code).map_err(|e| BuildError {
            file: output,
            stage: Stage::Write,
            message: e.to_string(),
        })
    };
    let result = generate(Path::new(SPEC)).and_then(|generated| {
        write(OUTPUT, &generated.client)?;
        write(MOCKS_OUTPUT, &generated.mocks)
    });
    if let Err(err) = result {
        eprintln!("error: {err}");
        std::process::exit(1);
    }
}

/// The pretty-printed Rust source generated from the document.
pub(crate) struct Generated {
    /// The client and its types, with the spec's enum values and examples.
    pub(crate) client: String,
    /// progenitor's `httpmock` helpers, which the `mock` feature compiles.
    pub(crate) mocks: String,
}

/// Reads, checks and generates the document at `spec_path`.
pub(crate) fn generate(spec_path: &Path) -> Result<Generated, BuildError> {
    let fail = |stage, message: String| BuildError {
        file: spec_path.to_path_buf(),
        stage,
        message,
    };

    // Read and check the document.
    let text = std::fs::read_to_string(spec_path).map_err(|e| fail(Stage::Read, e.to_string()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| fail(Stage::Parse, e.to_string()))?;
    check_references(&json).map_err(|message| fail(Stage::Check, message))?;
    let spec: OpenAPI =
        serde_json::from_str(&text).map_err(|e| fail(Stage::Parse, e.to_string()))?;
    check(&spec).map_err(|message| fail(Stage::Check, message))?;

    // Generate and pretty-print.
    let pretty = |tokens| {
        syn::parse2::<syn::File>(tokens)
            .map(|file| prettyplease::unparse(&file))
            .map_err(|e| fail(Stage::Format, e.to_string()))
    };
    let client = generate_tokens(|g| g.generate_tokens(&spec))
        .map_err(|message| fail(Stage::Generate, message))?;
    let mocks = generate_tokens(|g| g.httpmock(&spec, "crate::generated"))
        .map_err(|message| fail(Stage::Generate, format!("the mock helpers: {message}")))?;
    let mut client = pretty(client)?;
    client.push_str(&enum_values_module(&spec));
    client.push_str(&examples_module(&json));
    Ok(Generated {
        client,
        mocks: pretty(mocks)?,
    })
}

/// Checks that every local `$ref` names something in the document, saying
/// where the dangling one is.
fn check_references(json: &serde_json::Value) -> Result<(), String> {
    fn walk(root: &serde_json::Value, node: &serde_json::Value, at: &str) -> Result<(), String> {
        match node {
            serde_json::Value::Object(object) => {
                if let Some(serde_json::Value::String(target)) = object.get("$ref") {
                    let resolved = target
                        .strip_prefix('#')
                        .and_then(|pointer| root.pointer(pointer));
                    if resolved.is_none() {
                        return Err(format!("at `{at}`: `$ref` `{target}` names nothing"));
                    }
                }
                for (key, value) in object {
                    let key = key.replace('~', "~0").replace('/', "~1");
                    walk(root, value, &format!("{at}/{key}"))?;
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(root, item, &format!("{at}/{i}"))?;
                }
            }
            _ => {}
        }
        Ok(())
    }
    walk(json, json, "")
}

/// Runs progenitor, turning a panic (it panics on some documents that the
/// checks above do not foresee) into an error message.
fn generate_tokens(
    run: impl FnOnce(&mut Generator) -> Result<proc_macro2::TokenStream, progenitor::Error>,
) -> Result<proc_macro2::TokenStream, String> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run(&mut Generator::new(&settings()))
    }));

    match result {
        Ok(Ok(tokens)) => Ok(tokens),
        Ok(Err(err)) => Err(err.to_string()),
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("the generator panicked")
            .to_string()),
    }
}

fn settings() -> GenerationSettings {
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Positional)
        .with_hooks(HooksMode::Expected)
        .with_derive("PartialEq");
    for (schema, rust_type, impls) in REPLACEMENTS {
        settings.with_replacement(schema, rust_type, impls.iter().cloned());
    }
    settings
}

/// Refuses what progenitor would otherwise panic on, fail on obscurely, or
/// silently get wrong.
fn check(spec: &OpenAPI) -> Result<(), String> {
    if !spec.openapi.starts_with("3.0.") {
        return Err(format!(
            "`openapi` is `{}`; the generator reads OpenAPI 3.0.x only",
            spec.openapi
        ));
    }
    let schemas = spec.components.as_ref().map(|c| &c.schemas);
    for (name, _, _) in REPLACEMENTS {
        if !schemas.is_some_and(|s| s.contains_key(*name)) {
            return Err(format!(
                "the hand-written layer replaces the component schema `{name}`, \
                 but `components.schemas` has no such schema"
            ));
        }
    }

    for (path, method, operation) in spec.operations() {
        let at = format!("`{} {path}`", method.to_uppercase());
        if operation.operation_id.is_none() {
            return Err(format!("{at} has no `operationId`, which names its method"));
        }
        if operation.responses.default.is_some() {
            return Err(format!(
                "{at} has a `default` response, which the generator cannot handle; \
                 list each status instead"
            ));
        }
        let mut error_schema = None;
        for (status, response) in &operation.responses.responses {
            let is_error = match status {
                StatusCode::Code(code) => *code >= 400,
                StatusCode::Range(range) => *range >= 4,
            };
            if !is_error {
                let response = resolve_response(spec, response)
                    .map_err(|problem| format!("{at} response {status}: {problem}"))?;
                if let Some(other) = response.content.keys().find(|t| *t != "application/json") {
                    return Err(format!(
                        "{at} response {status} has a `{other}` body; the layer expects \
                         success bodies to be `application/json` or empty"
                    ));
                }
                continue;
            }
            let schema = response_schema(spec, response)
                .map_err(|problem| format!("{at} response {status}: {problem}"))?;
            match &error_schema {
                None => error_schema = Some(schema),
                Some(first) if *first == schema => {}
                Some(_) => {
                    return Err(format!(
                        "{at} response {status} has another body schema than the \
                         operation's other error responses; the generator needs one"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// A response, resolving a `$ref` to `components.responses`.
fn resolve_response<'a>(
    spec: &'a OpenAPI,
    response: &'a ReferenceOr<openapiv3::Response>,
) -> Result<&'a openapiv3::Response, String> {
    match response {
        ReferenceOr::Item(response) => Ok(response),
        ReferenceOr::Reference { reference } => reference
            .strip_prefix("#/components/responses/")
            .and_then(|name| spec.components.as_ref()?.responses.get(name))
            .and_then(|r| r.as_item())
            .ok_or_else(|| format!("`{reference}` does not name a response in `components`")),
    }
}

/// The JSON body schema of a response, as JSON for comparison.
fn response_schema(
    spec: &OpenAPI,
    response: &ReferenceOr<openapiv3::Response>,
) -> Result<serde_json::Value, String> {
    let schema = resolve_response(spec, response)?
        .content
        .get("application/json")
        .and_then(|media| media.schema.as_ref());
    Ok(serde_json::to_value(schema).expect("a schema is JSON"))
}

/// A module listing every string enum among the component schemas, so that
/// the hand-written layer can name accepted values without copying them.
fn enum_values_module(spec: &OpenAPI) -> String {
    let mut out = String::from(
        "\n/// The values of every string enum among the component schemas, \
         each in the order the spec lists them.\npub mod enum_values {\n",
    );
    // Sorted by name, as the generated types are, so that reordering the
    // document changes nothing.
    let mut schemas: Vec<_> = spec.components.iter().flat_map(|c| &c.schemas).collect();
    schemas.sort_by_key(|(name, _)| *name);
    for (name, schema) in schemas {
        let ReferenceOr::Item(schema) = schema else {
            continue;
        };
        let SchemaKind::Type(Type::String(StringType { enumeration, .. })) = &schema.schema_kind
        else {
            continue;
        };
        if enumeration.is_empty() {
            continue;
        }
        let values: Vec<String> = enumeration
            .iter()
            .flatten()
            .map(|v| format!("{v:?}"))
            .collect();
        out.push_str(&format!(
            "    /// The values of the `{name}` schema.\n    pub const {}: &[&str] = &[{}];\n",
            screaming_snake(name),
            values.join(", ")
        ));
    }
    out.push_str("}\n");
    out
}

/// A module holding every example of a request or response body in the
/// spec, as JSON text named after its schema and example
/// (`LLM_DEFAULT_LLM` for the `defaultLlm` example of an `Llm`), so that
/// fixtures come from the spec.
fn examples_module(json: &serde_json::Value) -> String {
    let mut examples = std::collections::BTreeMap::new();
    let mut collect = |content: &serde_json::Value| {
        let Some(media) = content.get("application/json") else {
            return;
        };
        let schema = media["schema"]["$ref"]
            .as_str()
            .and_then(|r| r.rsplit('/').next());
        let (Some(schema), Some(named)) = (schema, media["examples"].as_object()) else {
            return;
        };
        for (name, example) in named {
            let key = format!("{}_{}", screaming_snake(schema), screaming_snake(name));
            examples
                .entry(key)
                .or_insert_with(|| example["value"].to_string());
        }
    };
    for item in json["paths"]
        .as_object()
        .into_iter()
        .flat_map(|p| p.values())
    {
        for operation in item.as_object().into_iter().flat_map(|o| o.values()) {
            collect(&operation["requestBody"]["content"]);
            for response in operation["responses"]
                .as_object()
                .into_iter()
                .flat_map(|r| r.values())
            {
                let response = match response["$ref"].as_str() {
                    Some(reference) => reference
                        .strip_prefix('#')
                        .and_then(|pointer| json.pointer(pointer))
                        .unwrap_or(response),
                    None => response,
                };
                collect(&response["content"]);
            }
        }
    }

    let mut out = String::from(
        "\n/// The spec's examples of request and response bodies, as JSON, named \
         after their schema and example.\npub mod examples {\n",
    );
    for (name, value) in examples {
        out.push_str(&format!(
            "    #[allow(dead_code)]\n    pub const {name}: &str = {value:?};\n"
        ));
    }
    out.push_str("}\n");
    out
}

fn screaming_snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    Read,
    Parse,
    Check,
    Generate,
    Format,
    Write,
}

#[derive(Debug)]
pub(crate) struct BuildError {
    pub(crate) file: PathBuf,
    pub(crate) stage: Stage,
    pub(crate) message: String,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stage = match self.stage {
            Stage::Read => "cannot read the OpenAPI document",
            Stage::Parse => "cannot parse the OpenAPI document",
            Stage::Check => "the OpenAPI document cannot be generated",
            Stage::Generate => "progenitor failed to generate the client",
            Stage::Format => "cannot pretty-print the generated client",
            Stage::Write => "cannot write the generated client",
        };
        write!(f, "{}: {stage}: {}", self.file.display(), self.message)
    }
}
