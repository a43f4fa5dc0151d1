//! Lists, reads, creates and deletes LLM configurations.
//!
//! ```text
//! cargo run --example llms -- list --include-defaults
//! cargo run --example llms -- get a7cf662c-2ace-4de1-a21e-ef0fbf144bb7
//! cargo run --example llms -- create "Support bot" https://api.openai.com/v1/chat/completions \
//!     --llm-format openai --model-name gpt-4o-mini     # the secret from ANAM_LLM_SECRET
//! cargo run --example llms -- delete 5f0e6a7b-9c1d-4e2f-8a3b-c4d5e6f70812
//! ```
//!
//! As `update_llm`: with `ANAM_API_KEY` set it calls the API at
//! `ANAM_BASE_URL`; without it, an embedded local stand-in answers as the
//! API would, from the crate's mock fixtures.

use std::io::Write;
use std::process::ExitCode;

use anam_llms::mock::{MockServerExt, fixtures, scenarios};
use anam_llms::{Client, CreateLlmFormat, Llm, NewLlm, SecretString};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};
use httpmock::MockServer;

#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the LLM configurations, every page.
    List {
        /// Include Anam's built-in LLMs.
        #[arg(long)]
        include_defaults: bool,
        /// Text to search for.
        #[arg(long)]
        search: Option<String>,
    },
    /// Show one LLM configuration.
    Get { llm_id: String },
    /// Create an LLM configuration.
    Create {
        display_name: String,
        /// The upstream endpoints.
        #[arg(required = true)]
        urls: Vec<String>,
        /// The upstream wire format.
        #[arg(long, default_value = "openai", value_parser = create_format())]
        llm_format: CreateLlmFormat,
        /// The upstream model.
        #[arg(long)]
        model_name: String,
        /// The upstream credential; prefer the environment variable.
        #[arg(long, env = "ANAM_LLM_SECRET", hide_env_values = true)]
        secret: String,
    },
    /// Delete an LLM configuration.
    Delete { llm_id: String },
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let result = match std::env::var_os(anam_llms::API_KEY_VAR) {
        Some(_) => match Client::from_env() {
            Ok(client) => run(&client, args.command).await,
            Err(err) => Err(err),
        },
        None => {
            let stand_in = MockServer::start_async().await;
            println!(
                "{} is not set: using an embedded local stand-in for the Anam API at {}",
                anam_llms::API_KEY_VAR,
                stand_in.base_url()
            );
            serve(&stand_in);
            match Client::builder()
                .api_key("stand-in-key")
                .base_url(stand_in.base_url())
                .build()
            {
                Ok(client) => run(&client, args.command).await,
                Err(err) => Err(err),
            }
        }
    };
    match result {
        Ok(text) => {
            // A closed pipe (`| head`) is not worth a panic.
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(client: &Client, command: Command) -> anam_llms::Result<String> {
    match command {
        Command::List {
            include_defaults,
            search,
        } => {
            let mut listing = client.list_llms().include_defaults(include_defaults);
            if let Some(search) = search {
                listing = listing.search(search);
            }
            let llms = listing.all().await?;
            let mut text = format!("{} LLM configurations\n", llms.len());
            for llm in &llms {
                text.push_str(&line(llm));
            }
            Ok(text)
        }
        Command::Get { llm_id } => Ok(line(&client.get_llm(llm_id).send().await?)),
        Command::Create {
            display_name,
            urls,
            llm_format,
            model_name,
            secret,
        } => {
            let new = NewLlm {
                display_name,
                urls,
                llm_format,
                model_name,
                secret: SecretString::from(secret),
            };
            Ok(format!(
                "created {}",
                line(&client.create_llm(new).send().await?)
            ))
        }
        Command::Delete { llm_id } => {
            client.delete_llm(&llm_id).send().await?;
            Ok(format!("deleted {llm_id}\n"))
        }
    }
}

/// A parser listing the formats creating accepts, in `--help` and errors.
fn create_format() -> impl TypedValueParser<Value = CreateLlmFormat> {
    PossibleValuesParser::new(CreateLlmFormat::KNOWN_VALUES).map(|v| match v.parse() {
        Ok(format) => format,
        Err(_) => unreachable!("`{v}` is one of the known values"),
    })
}

fn line(llm: &Llm) -> String {
    let owner = if llm.is_default { "default" } else { "own" };
    format!(
        "{}  {}  {}  {}  ({owner})\n",
        llm.id,
        llm.display_name,
        llm.llm_format,
        llm.model_name.as_deref().unwrap_or("-")
    )
}

/// The stand-in: the organisation's LLM and Anam's default one, as the API
/// would answer for them.
fn serve(stand_in: &MockServer) {
    let default = fixtures::default_llm();
    let owned = fixtures::owned_llm_with_id("5f0e6a7b-9c1d-4e2f-8a3b-c4d5e6f70812");

    stand_in.list_llms(|when, then| {
        when.include_defaults(true);
        then.ok(&fixtures::page(vec![default.clone(), owned.clone()], 1, 1));
    });
    stand_in.list_llms(|_, then| {
        then.ok(&fixtures::page(vec![owned.clone()], 1, 1));
    });
    for llm in [&default, &owned] {
        stand_in.get_llm(|when, then| {
            when.id(&llm.id);
            then.ok(llm);
        });
    }
    stand_in.create_llm(|_, then| {
        then.created(&fixtures::owned_llm_with_id(
            "0b6c1c9e-3f7d-4c43-9d0e-6f1a2b3c4d5e",
        ));
    });
    stand_in.delete_llm(|when, then| {
        when.id(&owned.id);
        then.no_content();
    });
    scenarios::default_llm_refused(stand_in, &default.id);
}
