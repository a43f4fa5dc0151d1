//! The examples, offline: the README's main job (`update_llm`) and the
//! other operations (`llms`).

use std::path::PathBuf;
use std::process::{Command, Output};

fn example() -> Command {
    example_named("update_llm")
}

/// An example binary, which `cargo test` builds beside the test binaries.
fn example_named(name: &str) -> Command {
    let deps = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let binary: PathBuf = deps
        .parent()
        .unwrap()
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.exists(),
        "{} is missing: run through `cargo test`",
        binary.display()
    );
    let mut command = Command::new(binary);
    command
        .env_remove("ANAM_API_KEY")
        .env_remove("ANAM_BASE_URL")
        .env_remove("ANAM_LLM_SECRET");
    command
}

fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The value printed on the row `label`.
fn row<'a>(stdout: &'a str, label: &str) -> &'a str {
    stdout
        .lines()
        .find_map(|line| line.trim_start().strip_prefix(label).map(str::trim))
        .unwrap_or_else(|| panic!("no `{label}` row in:\n{stdout}"))
}

#[test]
fn should_update_against_the_stand_in_without_an_api_key() {
    let secret = "sk-example-secret-5c1d";
    let output = example()
        .args([
            "a7cf662c-2ace-4de1-a21e-ef0fbf144bb7",
            "--temperature",
            "0.5",
        ])
        .args([
            "--url",
            "https://api.groq.com/openai/v1",
            "--llm-format",
            "groq_openai",
        ])
        .env("ANAM_LLM_SECRET", secret)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&output);

    assert!(output.status.success(), "{stdout}\n{stderr}");
    let first = stdout.lines().next().unwrap();
    assert!(first.starts_with("ANAM_API_KEY is not set: using an embedded local stand-in"));
    assert_eq!(row(&stdout, "id"), "a7cf662c-2ace-4de1-a21e-ef0fbf144bb7");
    assert_eq!(row(&stdout, "temperature"), "0.5");
    assert_eq!(row(&stdout, "llm format"), "groq_openai");
    assert_eq!(row(&stdout, "urls"), "https://api.groq.com/openai/v1");
    assert_eq!(row(&stdout, "is default"), "false");
    assert_eq!(row(&stdout, "max tokens"), "1024");
    assert!(!stdout.contains(secret) && !stderr.contains(secret));
}

#[test]
fn should_exit_with_the_error_when_input_is_refused() {
    let output = example()
        .args(["llm-1", "--temperature", "NaN"])
        .output()
        .unwrap();
    let (_, stderr) = text(&output);

    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr.trim(),
        "error: invalid `temperature`: the temperature must be a finite number, not NaN"
    );
}

#[test]
fn should_refuse_a_format_an_update_does_not_accept() {
    let output = example()
        .args(["llm-1", "--llm-format", "not_a_format"])
        .output()
        .unwrap();
    let (_, stderr) = text(&output);

    assert_eq!(output.status.code(), Some(2));
    let values = anam_llms::generated::enum_values::UPDATE_LLM_FORMAT.join(", ");
    assert!(
        stderr.contains(&format!("[possible values: {values}]")),
        "{stderr}"
    );
}

#[test]
fn should_report_a_refused_base_url_with_a_key_set() {
    let output = example()
        .args(["llm-1", "--temperature", "0.5"])
        .env("ANAM_API_KEY", "k")
        .env("ANAM_BASE_URL", "http://api.anam.ai")
        .output()
        .unwrap();
    let (stdout, stderr) = text(&output);

    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stderr.starts_with(
        "error: invalid client configuration: the base URL in `ANAM_BASE_URL` must use `https`"
    ));
}

#[test]
fn should_list_get_create_and_delete_against_the_stand_in() {
    let run = |args: &[&str]| {
        let output = example_named("llms")
            .args(args)
            .env("ANAM_LLM_SECRET", "sk-x")
            .output()
            .unwrap();
        let (stdout, stderr) = text(&output);
        (output.status.code(), stdout, stderr)
    };

    let (code, stdout, _) = run(&["list", "--include-defaults"]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("2 LLM configurations"), "{stdout}");
    let (code, stdout, _) = run(&["get", "a7cf662c-2ace-4de1-a21e-ef0fbf144bb7"]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("(default)"), "{stdout}");
    let (code, stdout, _) = run(&[
        "create",
        "Bot",
        "https://api.openai.com/v1",
        "--model-name",
        "m",
    ]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("created 0b6c1c9e"), "{stdout}");
    let (code, _, stderr) = run(&["delete", "a7cf662c-2ace-4de1-a21e-ef0fbf144bb7"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr.trim(),
        "error: api error 403 (forbidden): Forbidden: Default LLMs cannot be modified"
    );
}
