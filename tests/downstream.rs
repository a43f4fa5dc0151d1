//! A user's test, as a service that depends on this crate would write it:
//! the public API and the `mock` feature only. The service renames every
//! LLM it owns, then deletes the one it no longer needs.

use anam_llms::mock::{MockServerExt, fixtures};
use anam_llms::{Client, CreateLlmFormat, NewLlm, SecretString, UpdateLlmRequest};
use httpmock::MockServer;

/// The code under test: what a service might do with the crate.
async fn rotate_and_tidy(client: &Client, openai_key: &str) -> anam_llms::Result<Vec<String>> {
    let created = client
        .create_llm(NewLlm {
            display_name: "Billing bot".into(),
            urls: vec!["https://api.openai.com/v1/chat/completions".into()],
            llm_format: CreateLlmFormat::Openai,
            model_name: "gpt-4o-mini".into(),
            secret: SecretString::from(openai_key.to_owned()),
        })
        .send()
        .await?;

    let mut renamed = Vec::new();
    for llm in client.list_llms().all().await? {
        if llm.is_default {
            continue;
        }
        let updated = client
            .update_llm(&llm.id)
            .display_name(format!("{} (managed)", llm.display_name))
            .send()
            .await?;
        renamed.push(updated.display_name);
    }

    let fetched = client.get_llm(&created.id).send().await?;
    client.delete_llm(&fetched.id).send().await?;
    Ok(renamed)
}

#[tokio::test]
async fn should_create_list_update_get_and_delete_against_the_mocks() {
    let server = MockServer::start_async().await;
    let mut new = fixtures::owned_llm_with_id("new-bot");
    new.display_name = "Billing bot".into();

    let create = server.create_llm(|_, then| {
        then.created(&new);
    });
    let list = server.list_llms(|_, then| {
        then.ok(&fixtures::page(
            vec![fixtures::default_llm(), new.clone()],
            1,
            1,
        ));
    });
    let renamed = anam_llms::Llm {
        display_name: "Billing bot (managed)".into(),
        ..new.clone()
    };
    let update = server.update_llm(|when, then| {
        let body = UpdateLlmRequest {
            display_name: Some("Billing bot (managed)".into()),
            ..Default::default()
        };
        when.id("new-bot").body(&body);
        then.ok(&renamed);
    });
    let get = server.get_llm(|when, then| {
        when.id("new-bot");
        then.ok(&renamed);
    });
    let delete = server.delete_llm(|when, then| {
        when.id("new-bot");
        then.no_content();
    });

    let client = Client::builder()
        .api_key("test-key")
        .base_url(server.base_url())
        .build()
        .unwrap();
    let renamed = rotate_and_tidy(&client, "sk-test").await.unwrap();

    assert_eq!(renamed, ["Billing bot (managed)"]);
    for mock in [create, list, update, get, delete] {
        mock.assert_calls(1);
    }
}
