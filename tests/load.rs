//! Many updates at once against a loopback server: no errors, connections
//! reused, memory flat. The figures are printed; run with
//! `cargo test --test load -- --nocapture` to see them.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use support::scripted::{ScriptedServer, Step};

const TASKS: usize = 64;
const UPDATES_PER_TASK: usize = 160;

/// The resident set size of this process, in bytes (Linux only).
fn resident_bytes() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn should_send_ten_thousand_updates_over_64_tasks_without_error() {
    let server = Arc::new(ScriptedServer::always(Step::json(200, &support::owned_llm())).await);
    let client = anam_llms::Client::builder()
        .api_key(support::API_KEY)
        .base_url(server.base_url())
        .build()
        .unwrap();
    let done = Arc::new(AtomicUsize::new(0));
    let after_first_thousand = Arc::new(AtomicUsize::new(0));
    let connections_at_thousand = Arc::new(AtomicUsize::new(0));

    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::<anam_llms::Result<()>>::new();
    for task in 0..TASKS {
        let client = client.clone();
        let done = done.clone();
        let after_first_thousand = after_first_thousand.clone();
        let connections_at_thousand = connections_at_thousand.clone();
        let server = server.clone();
        tasks.spawn(async move {
            for i in 0..UPDATES_PER_TASK {
                let id = format!("llm-{task}-{i}");
                let llm = client.update_llm(id).temperature(0.5).send().await?;
                assert_eq!(llm.display_name, "GPT-4o");
                if done.fetch_add(1, Ordering::SeqCst) + 1 == 1000 {
                    after_first_thousand.store(resident_bytes().unwrap_or(0), Ordering::SeqCst);
                    connections_at_thousand.store(server.connections(), Ordering::SeqCst);
                }
            }
            Ok(())
        });
    }
    let mut errors = 0;
    while let Some(result) = tasks.join_next().await {
        if result.unwrap().is_err() {
            errors += 1;
        }
    }
    let elapsed = started.elapsed();
    let at_end = resident_bytes().unwrap_or(0);
    let at_thousand = after_first_thousand.load(Ordering::SeqCst);

    let total = TASKS * UPDATES_PER_TASK;
    eprintln!(
        "load: {total} updates over {TASKS} tasks in {:.2} s ({:.0}/s), {} connections, \
         {} of them after the first 1000 updates; resident {:.1} MiB after 1000 \
         and {:.1} MiB at the end",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64(),
        server.connections(),
        server.connections() - connections_at_thousand.load(Ordering::SeqCst),
        at_thousand as f64 / 1048576.0,
        at_end as f64 / 1048576.0,
    );
    assert_eq!(errors, 0);
    assert_eq!(done.load(Ordering::SeqCst), total);
    assert_eq!(server.requests(), total);
    // Connections are reused: once warm, the pool opens none. While it warms
    // up, hyper's pool races a new connection against one being returned,
    // so a burst of 64 may open a few more than 64; bound that too.
    let opened_when_warm = server.connections() - connections_at_thousand.load(Ordering::SeqCst);
    assert_eq!(
        opened_when_warm, 0,
        "connections opened after the first 1000 updates"
    );
    assert!(
        server.connections() <= 2 * TASKS,
        "{} connections",
        server.connections()
    );
    if at_thousand > 0 {
        let growth = at_end.saturating_sub(at_thousand);
        assert!(
            growth < 8 * 1048576,
            "resident memory grew by {growth} bytes"
        );
    }
}
