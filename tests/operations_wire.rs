//! The wire of list, get, create and delete: method, path, query string,
//! exact body, and every status mapped.

mod support;

use anam_llms::{ApiErrorKind, CreateLlmFormat, Error, LlmFormat, NewLlm, SecretString};
use futures_util::StreamExt;
use httpmock::Method::{DELETE, GET, POST};
use httpmock::MockServer;
use serde_json::{Value, json};
use support::{API_KEY, UPSTREAM_SECRET};

fn page(data: Vec<Value>, meta: Option<Value>) -> Value {
    let mut page = json!({ "data": data });
    if let Some(meta) = meta {
        page["meta"] = meta;
    }
    page
}

fn meta(current: i64, last: i64) -> Value {
    json!({
        "total": last * 2, "lastPage": last, "currentPage": current, "perPage": 2,
        "prev": (current > 1).then_some(current - 1), "next": (current < last).then_some(current + 1)
    })
}

fn llm_with_id(id: &str) -> Value {
    let mut llm = support::owned_llm();
    llm["id"] = id.into();
    llm
}

#[tokio::test]
async fn should_list_one_page_with_every_query_parameter() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/v1/llms")
                .header("authorization", format!("Bearer {API_KEY}"))
                .query_param("page", "2")
                .query_param("perPage", "50")
                .query_param("search", "gpt 4o&more")
                .query_param("includeDefaults", "true");
            then.status(200)
                .json_body(page(vec![llm_with_id("a")], Some(meta(2, 3))));
        })
        .await;

    let listed = support::client(&server)
        .list_llms()
        .page(2)
        .per_page(50)
        .search("gpt 4o&more")
        .include_defaults(true)
        .send()
        .await
        .unwrap();

    mock.assert_calls_async(1).await;
    assert_eq!(listed.data[0].id, "a");
    let meta = listed.meta.unwrap();
    assert_eq!(
        (meta.current_page, meta.last_page, meta.next),
        (Some(2), Some(3), Some(3))
    );
}

#[tokio::test]
async fn should_send_no_query_parameter_that_is_not_set_but_the_page() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/v1/llms")
                .query_param("page", "1")
                .query_param_missing("perPage")
                .query_param_missing("search")
                .query_param_missing("includeDefaults");
            then.status(200).json_body(page(vec![], None));
        })
        .await;

    let listed = support::client(&server).list_llms().send().await.unwrap();

    assert!(listed.data.is_empty() && listed.meta.is_none());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_refuse_a_page_size_outside_1_to_100_without_sending() {
    let server = MockServer::start_async().await;
    let any = support::catch_all(&server).await;
    let client = support::client(&server);

    for per_page in [0, 101, u32::MAX] {
        let err = client
            .list_llms()
            .per_page(per_page)
            .send()
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "perPage",
                    ..
                }
            ),
            "{err:?}"
        );
    }
    let err = client.list_llms().page(0).send().await.unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput { field: "page", .. }),
        "{err:?}"
    );
    for per_page in [1, 100] {
        let err = client
            .list_llms()
            .per_page(per_page)
            .send()
            .await
            .unwrap_err();
        assert!(
            !matches!(err, Error::InvalidInput { .. }),
            "{per_page}: {err:?}"
        );
    }

    // The two accepted sizes reached the catch-all, which answers an LLM, not a page.
    any.assert_calls_async(2).await;
}

/// A server answering pages 1 to `pages.len()` with the given bodies.
async fn paged(server: &MockServer, pages: Vec<Value>) -> Vec<httpmock::Mock<'_>> {
    let mut mocks = Vec::new();
    for (i, body) in pages.into_iter().enumerate() {
        let number = (i + 1).to_string();
        mocks.push(
            server
                .mock_async(|when, then| {
                    when.method(GET)
                        .path("/v1/llms")
                        .query_param("page", number);
                    then.status(200).json_body(body);
                })
                .await,
        );
    }
    mocks
}

async fn walk(server: &MockServer) -> (Vec<String>, usize) {
    let client = support::client(server);
    let mut pages = std::pin::pin!(client.list_llms().per_page(2).pages());
    let mut ids = Vec::new();
    let mut count = 0;
    while let Some(page) = pages.next().await {
        count += 1;
        ids.extend(page.unwrap().data.into_iter().map(|llm| llm.id));
    }
    (ids, count)
}

#[tokio::test]
async fn should_walk_every_page_and_stop_at_the_last() {
    let server = MockServer::start_async().await;
    let mocks = paged(
        &server,
        vec![
            page(vec![llm_with_id("a"), llm_with_id("b")], Some(meta(1, 3))),
            page(vec![llm_with_id("c"), llm_with_id("d")], Some(meta(2, 3))),
            page(vec![llm_with_id("e")], Some(meta(3, 3))),
            page(vec![llm_with_id("never")], Some(meta(4, 3))),
        ],
    )
    .await;

    let (ids, pages) = walk(&server).await;

    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    assert_eq!(pages, 3);
    mocks[3].assert_calls_async(0).await;
    let all = support::client(&server).list_llms().all().await.unwrap();
    assert_eq!(all.len(), 5);
}

#[tokio::test]
async fn should_stop_walking_when_meta_is_missing_or_a_page_is_empty() {
    for (first, second) in [
        (
            page(vec![llm_with_id("a")], None),
            page(vec![llm_with_id("b")], None),
        ),
        (
            page(vec![llm_with_id("a")], Some(meta(1, 9))),
            page(vec![], Some(meta(2, 9))),
        ),
    ] {
        let server = MockServer::start_async().await;
        let third = page(vec![llm_with_id("never")], Some(meta(3, 9)));
        let mocks = paged(&server, vec![first, second, third]).await;

        let (ids, _) = walk(&server).await;

        assert!(
            ids.len() <= 2 && !ids.contains(&"never".to_string()),
            "{ids:?}"
        );
        mocks[2].assert_calls_async(0).await;
    }
}

#[tokio::test]
async fn should_stop_walking_when_the_server_ignores_the_page_asked_for() {
    let server = MockServer::start_async().await;
    // Every page claims to be the first of five.
    let stuck = server
        .mock_async(|when, then| {
            when.method(GET).path("/v1/llms");
            then.status(200)
                .json_body(page(vec![llm_with_id("a")], Some(meta(1, 5))));
        })
        .await;

    let (ids, pages) = walk(&server).await;

    assert_eq!((ids.len(), pages), (2, 2));
    stuck.assert_calls_async(2).await;
}

#[tokio::test]
async fn should_end_a_walk_with_its_error() {
    let server = MockServer::start_async().await;
    paged(
        &server,
        vec![page(vec![llm_with_id("a")], Some(meta(1, 3)))],
    )
    .await;
    server
        .mock_async(|when, then| {
            when.method(GET).path("/v1/llms").query_param("page", "2");
            then.status(500).json_body(json!({ "message": "boom" }));
        })
        .await;

    let client = support::client(&server);
    let results: Vec<_> = client.list_llms().pages().collect().await;

    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok());
    assert_eq!(
        results[1].as_ref().unwrap_err().api_kind(),
        Some(ApiErrorKind::ServerError)
    );
}

#[tokio::test]
async fn should_get_an_llm_by_its_encoded_id() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/v1/llms/legacy%20id")
                .header("authorization", format!("Bearer {API_KEY}"));
            then.status(200).json_body(support::page_example());
        })
        .await;

    let llm = support::client(&server)
        .get_llm("legacy id")
        .send()
        .await
        .unwrap();

    assert_eq!(llm.llm_format, LlmFormat::Openai);
    assert!(llm.is_default);
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_create_an_llm_with_the_exact_body() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST).path("/v1/llms").json_body(json!({
                "displayName": "Support bot",
                "urls": [{ "url": "https://api.openai.com/v1/chat/completions" }, { "url": "https://xn--bcher-kva.example/" }],
                "llmFormat": "none",
                "modelName": "gpt-4o-mini",
                "secret": UPSTREAM_SECRET,
                "description": "Answers billing questions.",
                "metadata": { "team": "support" },
                "reasoningEffort": "low",
                "reasoningFormat": "parsed",
                "temperature": 0.3,
                "maxTokens": 512
            }));
            then.status(201).json_body(llm_with_id("new-llm"));
        })
        .await;

    let llm = support::client(&server)
        .create_llm(NewLlm {
            display_name: "Support bot".into(),
            urls: vec![
                "https://api.openai.com/v1/chat/completions".into(),
                "https://bücher.example".into(),
            ],
            llm_format: CreateLlmFormat::NoFormat,
            model_name: "gpt-4o-mini".into(),
            secret: SecretString::from(UPSTREAM_SECRET),
        })
        .description("Answers billing questions.")
        .metadata(json!({ "team": "support" }).as_object().unwrap().clone())
        .reasoning_effort(anam_llms::ReasoningEffortInput::Low)
        .reasoning_format(anam_llms::ReasoningFormatInput::Parsed)
        .temperature(0.3)
        .max_tokens(512)
        .send()
        .await
        .unwrap();

    assert_eq!(llm.id, "new-llm");
    mock.assert_calls_async(1).await;
}

fn new_llm(urls: Vec<&str>, secret: &str) -> NewLlm {
    NewLlm {
        display_name: "Bot".into(),
        urls: urls.into_iter().map(String::from).collect(),
        llm_format: CreateLlmFormat::Openai,
        model_name: "gpt-4o".into(),
        secret: SecretString::from(secret.to_owned()),
    }
}

#[tokio::test]
async fn should_refuse_an_invalid_creation_without_sending() {
    let server = MockServer::start_async().await;
    let any = support::catch_all(&server).await;
    let client = support::client(&server);

    let cases = [
        (new_llm(vec![], UPSTREAM_SECRET), "urls"),
        (new_llm(vec!["ftp://x.example"], UPSTREAM_SECRET), "urls"),
        (
            new_llm(vec!["https://ok.example", "/relative"], UPSTREAM_SECRET),
            "urls",
        ),
        (new_llm(vec!["https://ok.example"], " "), "secret"),
    ];
    for (new, field) in cases {
        let err = client.create_llm(new).send().await.unwrap_err();
        assert!(
            matches!(err, Error::InvalidInput { field: f, .. } if f == field),
            "{err:?}"
        );
    }
    let err = client
        .create_llm(new_llm(vec!["https://ok.example"], UPSTREAM_SECRET))
        .temperature(f64::INFINITY)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidInput {
            field: "temperature",
            ..
        }
    ));

    any.assert_calls_async(0).await;
}

#[tokio::test]
async fn should_not_retry_a_creation_that_may_have_reached_the_server() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST).path("/v1/llms");
            then.status(503).json_body(json!({ "message": "busy" }));
        })
        .await;
    let client = anam_llms::Client::builder()
        .api_key(API_KEY)
        .base_url(server.base_url())
        .build()
        .unwrap();

    let err = client
        .create_llm(new_llm(vec!["https://ok.example"], UPSTREAM_SECRET))
        .send()
        .await
        .unwrap_err();

    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert!(err.is_retryable(), "a caller may retry; the crate does not");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_delete_with_no_body_and_tell_not_found_apart() {
    let server = MockServer::start_async().await;
    let deleted = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path("/v1/llms/llm-1")
                .header("authorization", format!("Bearer {API_KEY}"));
            then.status(204);
        })
        .await;
    let missing = server
        .mock_async(|when, then| {
            when.method(DELETE).path("/v1/llms/gone");
            then.status(404)
                .json_body(json!({ "error": "Not Found", "message": "LLM not found" }));
        })
        .await;
    let client = support::client(&server);

    client.delete_llm("llm-1").send().await.unwrap();
    let err = client.delete_llm("gone").send().await.unwrap_err();

    assert_eq!(err.api_kind(), Some(ApiErrorKind::NotFound));
    assert_eq!(
        err.to_string(),
        "api error 404 (not found): Not Found: LLM not found"
    );
    deleted.assert_calls_async(1).await;
    missing.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_map_every_documented_status_of_every_operation() {
    let spec = support::spec::openapi();
    let server = MockServer::start_async().await;
    let client = support::client(&server);

    for (path, method, operation) in spec.operations() {
        let id = operation.operation_id.clone().unwrap();
        for status in operation.responses.responses.keys() {
            let openapiv3::StatusCode::Code(status) = *status else {
                continue;
            };
            if status < 400 {
                continue;
            }
            let mock = server
                .mock_async(|when, then| {
                    when.method(method.to_uppercase().as_str()).path_matches(
                        regex::Regex::new(&format!("^{}$", path.replace("{id}", "[^/]+"))).unwrap(),
                    );
                    then.status(status)
                        .header("content-type", "text/html")
                        .body("<html>x</html>");
                })
                .await;

            let err = match id.as_str() {
                "listLlms" => client.list_llms().send().await.map(|_| ()),
                "getLlm" => client.get_llm("x").send().await.map(|_| ()),
                "updateLlm" => client
                    .update_llm("x")
                    .temperature(0.1)
                    .send()
                    .await
                    .map(|_| ()),
                "deleteLlm" => client.delete_llm("x").send().await,
                "createLlm" => client
                    .create_llm(new_llm(vec!["https://ok.example"], UPSTREAM_SECRET))
                    .send()
                    .await
                    .map(|_| ()),
                other => panic!("no call for the operation `{other}` in this test"),
            }
            .unwrap_err();

            assert_eq!(
                err.status().map(|s| s.as_u16()),
                Some(status),
                "{id} {status}"
            );
            assert!(err.api_error().is_some(), "{id} {status}: {err:?}");
            mock.assert_calls_async(1).await;
            mock.delete_async().await;
        }
    }
}

#[tokio::test]
async fn should_stop_walking_when_next_does_not_move_forward() {
    let server = MockServer::start_async().await;
    // No page numbers at all, and always the same `next`.
    let stuck = server
        .mock_async(|when, then| {
            when.method(GET).path("/v1/llms");
            then.status(200).json_body(page(
                vec![llm_with_id("a"), llm_with_id("b")],
                Some(json!({ "next": 2 })),
            ));
        })
        .await;

    let (ids, pages) = walk(&server).await;

    assert_eq!((ids.len(), pages), (4, 2));
    stuck.assert_calls_async(2).await;
}

#[tokio::test]
async fn should_stop_walking_when_a_page_repeats_the_one_before() {
    let server = MockServer::start_async().await;
    // Honest-looking `meta` that moves on, but the same LLMs every time.
    let mut number = 0;
    let mut mocks = Vec::new();
    for _ in 0..4 {
        number += 1;
        let body = page(
            vec![llm_with_id("a")],
            Some(json!({ "currentPage": number, "next": number + 1 })),
        );
        let n = number.to_string();
        mocks.push(
            server
                .mock_async(|when, then| {
                    when.method(GET).path("/v1/llms").query_param("page", n);
                    then.status(200).json_body(body);
                })
                .await,
        );
    }

    let (_, pages) = walk(&server).await;

    assert_eq!(pages, 2);
    mocks[2].assert_calls_async(0).await;
}

#[tokio::test]
async fn should_treat_any_success_status_of_a_deletion_as_deleted() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(DELETE).path("/v1/llms/llm-1");
            then.status(200).json_body(json!({ "deleted": true }));
        })
        .await;

    support::client(&server)
        .delete_llm("llm-1")
        .send()
        .await
        .unwrap();

    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn should_send_a_secret_without_surrounding_whitespace_and_scrub_it_when_echoed() {
    let server = MockServer::start_async().await;
    let create = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/v1/llms")
                .json_body_includes(json!({ "secret": UPSTREAM_SECRET }).to_string());
            then.status(400)
                .json_body(json!({ "message": format!("invalid key {UPSTREAM_SECRET}") }));
        })
        .await;

    let err = support::client(&server)
        .create_llm(new_llm(
            vec!["https://ok.example"],
            &format!(" {UPSTREAM_SECRET}\n"),
        ))
        .send()
        .await
        .unwrap_err();

    assert_eq!(
        err.to_string(),
        "api error 400 (bad request): invalid key [REDACTED]"
    );
    create.assert_calls_async(1).await;
}
