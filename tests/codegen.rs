//! The generation step itself: `build.rs` is included here as a module, so
//! these tests run the very function the build runs.
//!
//! The snapshot `tests/snapshots/generated.rs` is the generated client as
//! review sees it. After a spec change or a generator upgrade, refresh it
//! with `EXPECTORATE=overwrite cargo test --test codegen` and read the diff.

mod support;

#[path = "../build.rs"]
#[allow(dead_code)]
mod build_script;

use std::path::{Path, PathBuf};

use build_script::{BuildError, Stage};
use serde_json::{Value, json};
use syn::{ImplItem, Item};

const SNAPSHOT: &str = "tests/snapshots/generated.rs";
const MOCKS_SNAPSHOT: &str = "tests/snapshots/mocks.rs";

/// The client generated from the document at `path`.
fn generate(path: &Path) -> Result<String, BuildError> {
    build_script::generate(path).map(|generated| generated.client)
}

/// Writes a variant of the spec to a file of its own and returns the path.
fn spec_file(name: &str, contents: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.json"));
    std::fs::write(&path, contents).unwrap();
    path
}

/// The spec as JSON, changed by `edit`, in a file of its own.
fn edited_spec(name: &str, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut spec: Value =
        serde_json::from_str(&std::fs::read_to_string(support::spec::PATH).unwrap()).unwrap();
    edit(&mut spec);
    spec_file(name, &serde_json::to_string_pretty(&spec).unwrap())
}

fn failure(path: &Path) -> BuildError {
    match generate(path) {
        Ok(_) => panic!("{} generated, but should not have", path.display()),
        Err(err) => err,
    }
}

#[test]
fn should_match_the_checked_in_snapshots() {
    let generated =
        build_script::generate(Path::new(build_script::SPEC)).unwrap_or_else(|e| panic!("{e}"));
    expectorate::assert_contents(SNAPSHOT, &generated.client);
    expectorate::assert_contents(MOCKS_SNAPSHOT, &generated.mocks);
}

#[test]
fn should_generate_what_the_build_included() {
    let generated = build_script::generate(Path::new(build_script::SPEC)).unwrap();
    let client = include_str!(concat!(env!("OUT_DIR"), "/anam_llms_generated.rs"));
    let mocks = include_str!(concat!(env!("OUT_DIR"), "/anam_llms_mocks.rs"));
    assert!(
        generated.client == client,
        "build.rs and the test generate different clients"
    );
    assert!(
        generated.mocks == mocks,
        "build.rs and the test generate different mocks"
    );
}

#[test]
fn should_replace_exactly_the_hand_written_schemas() {
    let replaced: Vec<&str> = build_script::REPLACEMENTS
        .iter()
        .map(|(name, ..)| *name)
        .collect();
    assert_eq!(
        replaced,
        support::spec::HAND_WRITTEN,
        "build.rs replaces other schemas than tests/support/spec.rs checks for drift"
    );
}

/// The methods of the generated `Client`, each with its signature as text.
fn client_methods(code: &str) -> Vec<(String, String)> {
    let file = syn::parse_file(code).unwrap();
    let mut methods = Vec::new();
    for item in file.items {
        let Item::Impl(block) = item else { continue };
        let is_client = matches!(&*block.self_ty, syn::Type::Path(p) if p.path.is_ident("Client"));
        if !is_client || block.trait_.is_some() {
            continue;
        }
        for item in block.items {
            if let ImplItem::Fn(method) = item {
                let (vis, sig) = (&method.vis, &method.sig);
                let text = quote::quote!(#vis #sig).to_string();
                methods.push((sig.ident.to_string(), text));
            }
        }
    }
    methods
}

/// Every top-level item but the inherent `impl Client` blocks (compared
/// method by method), and every item of the `types` module, as text.
fn items(code: &str) -> Vec<String> {
    let file = syn::parse_file(code).unwrap();
    let mut out = Vec::new();
    for item in file.items {
        if let Item::Impl(block) = &item {
            let is_client =
                matches!(&*block.self_ty, syn::Type::Path(p) if p.path.is_ident("Client"));
            if is_client && block.trait_.is_none() {
                continue;
            }
        }
        if let Item::Mod(module) = &item
            && module.ident == "types"
        {
            for inner in &module.content.as_ref().unwrap().1 {
                out.push(quote::quote!(#inner).to_string());
            }
            continue;
        }
        out.push(quote::quote!(#item).to_string());
    }
    out
}

#[test]
fn should_grow_a_typed_method_for_a_new_operation_without_layer_changes() {
    let path = edited_spec("extra-operation", |spec| {
        spec["paths"]["/v1/llms/{id}/duplicate"] = json!({ "post": {
            "operationId": "duplicateLlm",
            "summary": "Copy an LLM configuration",
            "parameters": [{ "$ref": "#/components/parameters/LlmId" }],
            "responses": {
                "201": {
                    "description": "The copy.",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Llm" } } }
                },
                "404": { "$ref": "#/components/responses/NotFound" }
            }
        }});
    });

    let ours = generate(Path::new(build_script::SPEC)).unwrap();
    let grown = generate(&path).unwrap_or_else(|e| panic!("{e}"));

    let methods = client_methods(&grown);
    let duplicate = methods
        .iter()
        .find(|(name, _)| name == "duplicate_llm")
        .unwrap_or_else(|| panic!("no `duplicate_llm` among {methods:?}"));
    assert_eq!(
        duplicate.1.replace(' ', ""),
        "pubasyncfnduplicate_llm<'a>(&'aself,id:&'astr,)->Result<ResponseValue<types::Llm>,Error<types::ErrorBody>>"
    );
    // Everything the layer builds on is generated unchanged, so the layer
    // compiles against the grown client as it is.
    let grown_items = items(&grown);
    let grown_methods = client_methods(&grown);
    for item in items(&ours)
        .iter()
        .filter(|i| !i.starts_with("impl Client"))
    {
        assert!(
            grown_items.contains(item),
            "changed by the new operation: {item:.200}"
        );
    }
    for method in client_methods(&ours) {
        assert!(
            grown_methods.contains(&method),
            "changed by the new operation: {method:?}"
        );
    }
}

#[test]
fn should_name_the_file_and_place_of_bad_json() {
    let path = spec_file("bad-json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\n}");

    let err = failure(&path);

    assert_eq!(err.stage, Stage::Parse);
    let message = err.to_string();
    assert!(message.starts_with(&format!(
        "{}: cannot parse the OpenAPI document: ",
        path.display()
    )));
    assert!(message.contains("line 4 column 1"), "{message}");
}

#[test]
fn should_refuse_an_openapi_3_1_document() {
    let path = edited_spec("openapi-3-1", |spec| spec["openapi"] = json!("3.1.0"));

    let err = failure(&path);

    assert_eq!(err.stage, Stage::Check);
    assert!(
        err.message
            .contains("`openapi` is `3.1.0`; the generator reads OpenAPI 3.0.x only"),
        "{err}"
    );
}

#[test]
fn should_say_where_a_dangling_ref_is() {
    let path = edited_spec("missing-ref", |spec| {
        spec["components"]["schemas"]["Llm"]["properties"]["urls"]["items"] =
            json!({ "$ref": "#/components/schemas/LlmEndpoint" });
    });

    let err = failure(&path);

    assert_eq!(err.stage, Stage::Check);
    assert_eq!(
        err.message,
        "at `/components/schemas/Llm/properties/urls/items`: \
         `$ref` `#/components/schemas/LlmEndpoint` names nothing"
    );
}

#[test]
fn should_explain_the_rules_the_generator_needs() {
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit, &str); 5] = [
        (
            "default-response",
            |spec| {
                spec["paths"]["/v1/llms/{id}"]["put"]["responses"]["default"] =
                    json!({ "$ref": "#/components/responses/BadRequest" });
            },
            "`PUT /v1/llms/{id}` has a `default` response, which the generator cannot handle; \
             list each status instead",
        ),
        (
            "two-error-schemas",
            |spec| {
                spec["paths"]["/v1/llms/{id}"]["put"]["responses"]["409"] = json!({
                    "description": "Conflict",
                    "content": { "application/json": { "schema": { "type": "string" } } }
                });
            },
            "`PUT /v1/llms/{id}` response 409 has another body schema than the operation's \
             other error responses; the generator needs one",
        ),
        (
            "text-success-body",
            |spec| {
                let content =
                    &mut spec["paths"]["/v1/llms/{id}"]["put"]["responses"]["200"]["content"];
                content["text/plain"] = json!({ "schema": { "type": "string" } });
            },
            "`PUT /v1/llms/{id}` response 200 has a `text/plain` body; the layer expects \
             success bodies to be `application/json` or empty",
        ),
        (
            "no-operation-id",
            |spec| {
                spec["paths"]["/v1/llms/{id}"]["put"]
                    .as_object_mut()
                    .unwrap()
                    .remove("operationId");
            },
            "`PUT /v1/llms/{id}` has no `operationId`, which names its method",
        ),
        (
            "replaced-schema-gone",
            |spec| {
                let schemas = spec["components"]["schemas"].as_object_mut().unwrap();
                let format = schemas.remove("LlmFormat").unwrap();
                schemas.insert("ReturnedLlmFormat".into(), format);
                spec["components"]["schemas"]["Llm"]["properties"]["llmFormat"] =
                    json!({ "$ref": "#/components/schemas/ReturnedLlmFormat" });
            },
            "the hand-written layer replaces the component schema `LlmFormat`, \
             but `components.schemas` has no such schema",
        ),
    ];

    for (name, edit, expected) in cases {
        let err = failure(&edited_spec(name, edit));
        assert_eq!(err.stage, Stage::Check, "{name}: {err}");
        assert_eq!(err.message, expected, "{name}");
    }
}

#[test]
fn should_name_an_unreadable_file() {
    let err = failure(Path::new("openapi/no-such-spec.json"));

    assert_eq!(err.stage, Stage::Read);
    assert!(
        err.to_string()
            .starts_with("openapi/no-such-spec.json: cannot read the OpenAPI document")
    );
}
