//! Building a client from the environment. One test, because it changes the
//! process's environment.

mod support;

use anam_llms::{Client, DEFAULT_BASE_URL, Error};
use httpmock::Method::PUT;
use httpmock::MockServer;

fn set(name: &str, value: Option<&str>) {
    // SAFETY: this test binary runs a single test, so no other thread reads
    // the environment meanwhile.
    unsafe {
        match value {
            Some(value) => std::env::set_var(name, value),
            None => std::env::remove_var(name),
        }
    }
}

fn config_reason(result: anam_llms::Result<Client>) -> String {
    match result {
        Err(Error::Config { reason, .. }) => reason,
        other => panic!("expected a configuration error, got {other:?}"),
    }
}

#[tokio::test]
async fn should_configure_from_the_environment() {
    set("ANAM_API_KEY", None);
    set("ANAM_BASE_URL", None);
    assert_eq!(
        config_reason(Client::from_env()),
        "no API key: set `ANAM_API_KEY` or call `ClientBuilder::api_key`"
    );

    set("ANAM_API_KEY", Some(""));
    assert_eq!(config_reason(Client::from_env()), "the API key is empty");
    set("ANAM_API_KEY", Some("  \n"));
    assert_eq!(config_reason(Client::from_env()), "the API key is empty");

    set("ANAM_API_KEY", Some(support::API_KEY));
    assert_eq!(Client::from_env().unwrap().base_url(), DEFAULT_BASE_URL);
    set("ANAM_BASE_URL", Some(""));
    assert_eq!(Client::from_env().unwrap().base_url(), DEFAULT_BASE_URL);

    set("ANAM_BASE_URL", Some("http://api.anam.ai"));
    let reason = config_reason(Client::from_env());
    assert!(reason.contains("clear text"), "{reason}");

    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT)
                .path("/v1/llms/llm-1")
                .header("authorization", format!("Bearer {}", support::API_KEY));
            then.status(200).json_body(support::owned_llm());
        })
        .await;
    set("ANAM_API_KEY", Some(&format!(" {}\n", support::API_KEY)));
    set("ANAM_BASE_URL", Some(&format!("{}/", server.base_url())));
    let client = Client::from_env().unwrap();
    assert_eq!(client.base_url(), server.base_url());
    client
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .unwrap();
    mock.assert_calls_async(1).await;

    assert_eq!(
        config_reason(Client::builder().build()),
        "no API key: set `ANAM_API_KEY` or call `ClientBuilder::api_key`"
    );

    set("ANAM_BASE_URL", Some("not a url"));
    assert!(
        config_reason(Client::from_env())
            .starts_with("the base URL in `ANAM_BASE_URL` is not a valid URL")
    );

    // A proxy from the environment must not take loopback `http` traffic,
    // with its key in clear text, off the machine.
    let proxy = MockServer::start_async().await;
    let proxied = support::catch_all(&proxy).await;
    for name in ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"] {
        set(name, Some(&proxy.base_url()));
    }
    set("ANAM_BASE_URL", Some(&server.base_url()));
    let client = Client::from_env().unwrap();
    client
        .update_llm("llm-1")
        .temperature(0.5)
        .send()
        .await
        .unwrap();
    mock.assert_calls_async(2).await;
    proxied.assert_calls_async(0).await;
    for name in ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"] {
        set(name, None);
    }
}
