//! The crate against what a user could write by hand, side by side in one
//! run: decoding, encoding, a full update on loopback, and allocations per
//! update. Prints a table of medians and ratios.
//!
//! ```text
//! cargo bench --bench ratios
//! ```
//!
//! Each pair is measured in alternating samples, so that drift in the
//! machine's speed falls on both sides alike; the ratio is crate / baseline
//! (for throughput, baseline / crate, so that below 1 is always better).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::convert::Infallible;
use std::hint::black_box;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use anam_llms::{Client, Llm, UpdateLlmRequest};
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response};
use serde::{Deserialize, Serialize};

// Counts the allocations of the thread that asks, so that the server's
// thread, which serves both sides alike, does not dilute the ratio.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> u64 {
    ALLOCATIONS.with(Cell::get)
}

/// What a careful user would write by hand for the same response: the same
/// fields and types, enums as plain strings.
#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BaselineLlm {
    id: String,
    display_name: String,
    description: Option<String>,
    llm_format: String,
    #[serde(default)]
    urls: Vec<BaselineUrl>,
    model_name: Option<String>,
    temperature: Option<f64>,
    max_tokens: Option<i64>,
    deployment_name: Option<String>,
    api_version: Option<String>,
    metadata: Option<serde_json::Map<String, serde_json::Value>>,
    display_tags: Vec<String>,
    is_default: bool,
    is_global: bool,
    is_zdr: Option<bool>,
    reasoning_effort: Option<String>,
    reasoning_format: Option<String>,
    created_by_organization_id: Option<String>,
    created_at: chrono::DateTime<chrono::Utc>,
    updated_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct BaselineUrl {
    url: Option<String>,
    region: Option<String>,
}

/// The same update body, by hand.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BaselineUpdate<'a> {
    display_name: &'a str,
    model_name: &'a str,
    llm_format: &'a str,
    temperature: f64,
    max_tokens: i64,
    metadata: &'a serde_json::Map<String, serde_json::Value>,
}

const PAGE_EXAMPLE: &str = anam_llms::generated::examples::LLM_DEFAULT_LLM;

fn large_llm() -> String {
    let mut llm: serde_json::Value = serde_json::from_str(PAGE_EXAMPLE).unwrap();
    let metadata: serde_json::Map<_, _> = (0..500)
        .map(|i| {
            (
                format!("key{i}"),
                serde_json::Value::from(format!("value number {i} of many")),
            )
        })
        .collect();
    llm["metadata"] = metadata.into();
    llm["description"] = "a long description. ".repeat(200).into();
    llm.to_string()
}

/// Median nanoseconds per call of `a` and `b`, in alternating samples.
fn pair(iterations: u32, mut a: impl FnMut(), mut b: impl FnMut()) -> (f64, f64) {
    const SAMPLES: usize = 31;
    let time = |f: &mut dyn FnMut()| {
        let started = Instant::now();
        for _ in 0..iterations {
            f();
        }
        started.elapsed().as_nanos() as f64 / f64::from(iterations)
    };
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for _ in 0..SAMPLES {
        xs.push(time(&mut a));
        ys.push(time(&mut b));
    }
    (median(&mut xs), median(&mut ys))
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

struct Row {
    name: &'static str,
    unit: &'static str,
    ours: f64,
    baseline: f64,
    /// `ours / baseline` for costs, `baseline / ours` for throughput.
    ratio: f64,
    target: &'static str,
    met: bool,
}

fn cost(name: &'static str, unit: &'static str, (ours, baseline): (f64, f64), target: f64) -> Row {
    let ratio = ours / baseline;
    Row {
        name,
        unit,
        ours,
        baseline,
        ratio,
        target: if target == 1.10 { "<= 1.10" } else { "<= 1.20" },
        met: ratio <= target,
    }
}

/// A minimal in-process HTTP/1.1 server answering every request with
/// `body`, on its own thread, so that the client's thread is measured alone.
fn serve(body: &'static str) -> SocketAddr {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            sender.send(listener.local_addr().unwrap()).unwrap();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                tokio::spawn(async move {
                    let service =
                        hyper::service::service_fn(move |request: Request<Incoming>| async move {
                            // Read the whole body, as a server would.
                            let _ = http_body_util::BodyExt::collect(request.into_body()).await;
                            Ok::<_, Infallible>(
                                Response::builder()
                                    .header("content-type", "application/json")
                                    .body(Full::new(Bytes::from_static(body.as_bytes())))
                                    .unwrap(),
                            )
                        });
                    let io = hyper_util::rt::TokioIo::new(stream);
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(io, service)
                        .await;
                });
            }
        });
    });
    receiver.recv().unwrap()
}

fn crate_client(address: SocketAddr) -> Client {
    // The default retry policy, and tracing compiled in.
    Client::builder()
        .api_key("bench-key")
        .base_url(format!("http://{address}"))
        .build()
        .unwrap()
}

fn baseline_client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .connect_timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// What every full-update measurement needs: a client runtime on this
/// thread, the crate's client, the plain one, and the URL the plain one puts
/// to.
struct Sides {
    runtime: tokio::runtime::Runtime,
    client: Client,
    plain: reqwest::Client,
    url: String,
}

impl Sides {
    fn new(address: SocketAddr) -> Self {
        Self {
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap(),
            client: crate_client(address),
            plain: baseline_client(),
            url: format!("http://{address}/v1/llms/a7cf662c-2ace-4de1-a21e-ef0fbf144bb7"),
        }
    }
}

async fn ours(client: &Client) {
    let llm = client
        .update_llm("a7cf662c-2ace-4de1-a21e-ef0fbf144bb7")
        .temperature(0.7)
        .send()
        .await
        .unwrap();
    black_box(llm);
}

async fn baseline(client: &reqwest::Client, url: &str) {
    // The same request the crate sends: the same headers and body.
    let llm: BaselineLlm = client
        .put(url)
        .bearer_auth("bench-key")
        .header("accept", "application/json")
        .header("api-version", "1.0.0")
        .header("user-agent", "anam-llms/0.1.0")
        .json(&serde_json::json!({ "temperature": 0.7 }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    black_box(llm);
}

/// Updates per second of `ours` and `baseline`, `concurrency` at a time, in
/// alternating rounds.
fn throughput(address: SocketAddr, concurrency: usize, per_task: usize) -> (f64, f64) {
    let Sides {
        runtime,
        client,
        plain,
        url,
    } = Sides::new(address);

    let round = |use_crate: bool| {
        runtime.block_on(async {
            let started = Instant::now();
            let tasks = (0..concurrency).map(|_| async {
                for _ in 0..per_task {
                    if use_crate {
                        ours(&client).await;
                    } else {
                        baseline(&plain, &url).await;
                    }
                }
            });
            futures_util::future::join_all(tasks).await;
            (concurrency * per_task) as f64 / started.elapsed().as_secs_f64()
        })
    };
    // Warm both pools up.
    round(true);
    round(false);
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for _ in 0..9 {
        xs.push(round(true));
        ys.push(round(false));
    }
    (median(&mut xs), median(&mut ys))
}

/// Allocations per update of `ours` and `baseline`, on this thread.
fn allocations_per_update(address: SocketAddr) -> (f64, f64) {
    let Sides {
        runtime,
        client,
        plain,
        url,
    } = Sides::new(address);
    const UPDATES: u64 = 2000;

    runtime.block_on(async {
        ours(&client).await;
        baseline(&plain, &url).await;
        let before = allocations();
        for _ in 0..UPDATES {
            ours(&client).await;
        }
        let middle = allocations();
        for _ in 0..UPDATES {
            baseline(&plain, &url).await;
        }
        let after = allocations();
        (
            (middle - before) as f64 / UPDATES as f64,
            (after - middle) as f64 / UPDATES as f64,
        )
    })
}

fn profile(side: &str) {
    let address = serve(PAGE_EXAMPLE);
    let Sides {
        runtime,
        client,
        plain,
        url,
    } = Sides::new(address);
    runtime.block_on(async {
        for _ in 0..2000 {
            match side {
                "crate" => ours(&client).await,
                _ => baseline(&plain, &url).await,
            }
        }
    });
}

fn main() {
    // The plain client needs a crypto provider, as it would in a user's
    // program with reqwest's `rustls-no-provider`; this crate brings its own.
    let _ = rustls::crypto::ring::default_provider().install_default();

    // `RATIOS_PROFILE=crate` (or `baseline`) runs only that side's updates,
    // one at a time, for a profiler such as `valgrind --tool=callgrind`.
    if let Ok(side) = std::env::var("RATIOS_PROFILE") {
        profile(&side);
        return;
    }

    // `cargo test --benches` runs this with `--test`: check it runs, fast.
    let quick = std::env::args().any(|a| a == "--test");
    let scale = if quick { 1 } else { 20 };

    let large = large_llm();
    let mut rows = vec![
        cost(
            "decode the page's example",
            "ns",
            pair(
                100 * scale,
                || {
                    drop(black_box(
                        serde_json::from_str::<Llm>(black_box(PAGE_EXAMPLE)).unwrap(),
                    ))
                },
                || {
                    drop(black_box(
                        serde_json::from_str::<BaselineLlm>(black_box(PAGE_EXAMPLE)).unwrap(),
                    ))
                },
            ),
            1.10,
        ),
        cost(
            "decode a large LLM (500 metadata keys)",
            "ns",
            pair(
                5 * scale,
                || {
                    drop(black_box(
                        serde_json::from_str::<Llm>(black_box(&large)).unwrap(),
                    ))
                },
                || {
                    drop(black_box(
                        serde_json::from_str::<BaselineLlm>(black_box(&large)).unwrap(),
                    ))
                },
            ),
            1.10,
        ),
    ];

    let metadata: serde_json::Map<_, _> =
        [("team".to_string(), serde_json::Value::from("support"))]
            .into_iter()
            .collect();
    let body = UpdateLlmRequest {
        display_name: Some("Support bot".into()),
        model_name: Some("gpt-4o-mini".into()),
        llm_format: Some(anam_llms::UpdateLlmFormat::Openai),
        temperature: Some(0.5),
        max_tokens: Some(1024),
        metadata: Some(metadata.clone().into()),
        ..Default::default()
    };
    let by_hand = BaselineUpdate {
        display_name: "Support bot",
        model_name: "gpt-4o-mini",
        llm_format: "openai",
        temperature: 0.5,
        max_tokens: 1024,
        metadata: &metadata,
    };
    rows.push(cost(
        "encode an update body",
        "ns",
        pair(
            200 * scale,
            || drop(black_box(serde_json::to_vec(black_box(&body)).unwrap())),
            || drop(black_box(serde_json::to_vec(black_box(&by_hand)).unwrap())),
        ),
        1.10,
    ));

    let address = serve(PAGE_EXAMPLE);
    let per_task = if quick { 2 } else { 100 };
    for (name, concurrency, per_task) in [
        ("full update on loopback, 1 at a time", 1, per_task * 10),
        ("full update on loopback, 64 at a time", 64, per_task),
    ] {
        let (ours, baseline) = throughput(address, concurrency, per_task);
        let ratio = baseline / ours;
        rows.push(Row {
            name,
            unit: "updates/s",
            ours,
            baseline,
            ratio,
            target: "<= 1.03 (>= 0.97 x throughput)",
            met: ratio <= 1.0 / 0.97,
        });
    }
    rows.push(cost(
        "allocations per update",
        "allocations",
        allocations_per_update(address),
        1.20,
    ));

    println!("| measurement | crate | baseline | unit | ratio | target | met |");
    println!("|---|---:|---:|---|---:|---|---|");
    for row in &rows {
        println!(
            "| {} | {:.1} | {:.1} | {} | {:.3} | {} | {} |",
            row.name,
            row.ours,
            row.baseline,
            row.unit,
            row.ratio,
            row.target,
            if row.met { "yes" } else { "no" }
        );
    }
}
