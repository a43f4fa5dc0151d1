//! The `mock` feature's own tests: a matcher that matches too much or too
//! little is a bug.

mod support;

use anam_llms::mock::{MockServerExt, fixtures, scenarios};
use anam_llms::{ApiErrorKind, UpdateLlmRequest};
use httpmock::MockServer;

#[tokio::test]
async fn should_match_an_id_exactly_not_as_a_pattern() {
    let server = MockServer::start_async().await;
    let dotted = server.get_llm(|when, then| {
        when.id("a.b");
        then.ok(&fixtures::owned_llm_with_id("a.b"));
    });
    let client = support::client(&server);

    assert_eq!(client.get_llm("a.b").send().await.unwrap().id, "a.b");
    for other in ["axb", "a.bc", "za.b"] {
        let err = client.get_llm(other).send().await.unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(404), "{other}");
    }
    dotted.assert_calls(1);
}

#[tokio::test]
async fn should_match_an_id_that_needs_percent_encoding() {
    let server = MockServer::start_async().await;
    let ids = [
        "legacy id",
        "CUSTOMER_CLIENT_V1",
        "with?query#and%",
        "ünïcode",
        "a+b",
    ];
    let mocks: Vec<_> = ids
        .iter()
        .map(|id| {
            server.update_llm(|when, then| {
                when.id(id);
                then.ok(&fixtures::owned_llm_with_id(id));
            })
        })
        .collect();
    let client = support::client(&server);

    for id in ids {
        let llm = client.update_llm(id).temperature(0.5).send().await.unwrap();
        assert_eq!(llm.id, id);
    }
    for mock in &mocks {
        mock.assert_calls(1);
    }
}

#[tokio::test]
async fn should_match_the_method_and_the_body() {
    let server = MockServer::start_async().await;
    let body = UpdateLlmRequest {
        temperature: Some(0.5),
        ..Default::default()
    };
    let update = server.update_llm(|when, then| {
        when.id("llm-1").body(&body);
        then.ok(&fixtures::owned_llm());
    });
    let client = support::client(&server);

    // Another body, another method: no match.
    let err = client
        .update_llm("llm-1")
        .temperature(0.6)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    let err = client.delete_llm("llm-1").send().await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    client
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .unwrap();

    update.assert_calls(1);
}

#[tokio::test]
async fn should_list_and_create_through_typed_mocks() {
    let server = MockServer::start_async().await;
    let page = fixtures::page(vec![fixtures::default_llm(), fixtures::owned_llm()], 1, 1);
    let list = server.list_llms(|when, then| {
        when.include_defaults(true)
            .per_page(std::num::NonZeroU32::new(2));
        then.ok(&page);
    });
    let client = support::client(&server);

    let llms = client
        .list_llms()
        .include_defaults(true)
        .per_page(2)
        .all()
        .await
        .unwrap();

    assert_eq!(llms.len(), 2);
    assert!(llms[0].is_default && !llms[1].is_default);
    list.assert_calls(1);
}

#[tokio::test]
async fn should_offer_fixtures_from_the_spec() {
    let default = fixtures::default_llm();
    let owned = fixtures::owned_llm();

    assert_eq!(
        serde_json::to_value(&default).unwrap()["displayName"],
        support::page_example()["displayName"]
    );
    assert!(
        default.is_default && default.is_global && default.created_by_organization_id.is_none()
    );
    assert!(!owned.is_default && !owned.is_global && owned.created_by_organization_id.is_some());
    assert_eq!(fixtures::owned_llm_with_id("x").id, "x");
    assert_eq!(
        fixtures::default_llm_refusal().message.as_deref(),
        Some("Default LLMs cannot be modified")
    );
}

#[tokio::test]
async fn should_refuse_changes_to_a_default_llm() {
    let server = MockServer::start_async().await;
    let id = fixtures::default_llm().id;
    let [update, delete] = scenarios::default_llm_refused(&server, &id);
    let client = support::client(&server);

    let err = client
        .update_llm(&id)
        .temperature(0.5)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.api_kind(), Some(ApiErrorKind::Forbidden));
    assert_eq!(
        err.to_string(),
        "api error 403 (forbidden): Forbidden: Default LLMs cannot be modified"
    );
    let err = client.delete_llm(&id).send().await.unwrap_err();
    assert_eq!(err.api_kind(), Some(ApiErrorKind::Forbidden));

    update.assert_calls(1);
    delete.assert_calls(1);
}

#[tokio::test]
async fn should_answer_not_found_and_rate_limited() {
    let server = MockServer::start_async().await;
    let [get, update, delete] = scenarios::not_found(&server, "gone");
    let [limited_get, _, _] = scenarios::rate_limited(&server, "busy", 7);
    let client = support::client(&server);

    assert_eq!(
        client.get_llm("gone").send().await.unwrap_err().api_kind(),
        Some(ApiErrorKind::NotFound)
    );
    assert_eq!(
        client
            .update_llm("gone")
            .temperature(0.5)
            .send()
            .await
            .unwrap_err()
            .api_kind(),
        Some(ApiErrorKind::NotFound)
    );
    assert_eq!(
        client
            .delete_llm("gone")
            .send()
            .await
            .unwrap_err()
            .api_kind(),
        Some(ApiErrorKind::NotFound)
    );
    let err = client.get_llm("busy").send().await.unwrap_err();
    assert_eq!(err.api_kind(), Some(ApiErrorKind::RateLimited));
    assert_eq!(
        err.api_error().unwrap().retry_after(),
        Some(std::time::Duration::from_secs(7))
    );

    for mock in [get, update, delete, limited_get] {
        mock.assert_calls(1);
    }
}

#[test]
fn should_build_pages_at_the_edges_of_the_numbers() {
    for (number, last) in [(1, i64::MAX), (i64::MIN, 1), (i64::MAX, i64::MAX), (3, -1)] {
        let page = fixtures::page(vec![fixtures::owned_llm()], number, last);
        assert_eq!(page.meta.unwrap().current_page, Some(number));
    }
}
