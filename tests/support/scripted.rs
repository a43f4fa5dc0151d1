//! A loopback HTTP/1.1 server that answers from a script, and can misbehave
//! on purpose: close before answering, reset mid-body, never answer, or
//! send less body than it promised. It counts the requests and connections
//! it accepts, and stops when dropped.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// What the server does with one request.
#[derive(Clone, Debug)]
pub enum Step {
    /// Answers with this status, these headers and this body.
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Closes the connection without answering.
    Close,
    /// Sends the status line, the headers and part of the body, then resets
    /// the connection.
    ResetMidBody { status: u16, body: Vec<u8> },
    /// Promises more body than it sends, then closes the connection.
    Truncate { status: u16, body: Vec<u8> },
    /// Keeps the connection open without ever answering.
    Hang,
}

impl Step {
    /// A JSON answer.
    pub fn json(status: u16, body: &serde_json::Value) -> Self {
        Self::Respond {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.to_string().into_bytes(),
        }
    }

    /// An answer with a content type and a body.
    pub fn body(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self::Respond {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// Adds a header to an answer.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        if let Self::Respond { headers, .. } = &mut self {
            headers.push((name.into(), value.into()));
        }
        self
    }
}

struct Script {
    steps: Mutex<VecDeque<Step>>,
    /// What every request gets once the steps run out.
    after: Option<Step>,
    requests: AtomicUsize,
    connections: AtomicUsize,
}

pub struct ScriptedServer {
    address: std::net::SocketAddr,
    script: Arc<Script>,
    accept: JoinHandle<()>,
}

impl ScriptedServer {
    /// Answers requests with `steps` in order; requests beyond them have
    /// their connection closed.
    pub async fn start(steps: Vec<Step>) -> Self {
        Self::with(steps, None).await
    }

    /// Answers every request with `step`.
    pub async fn always(step: Step) -> Self {
        Self::with(Vec::new(), Some(step)).await
    }

    async fn with(steps: Vec<Step>, after: Option<Step>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let script = Arc::new(Script {
            steps: Mutex::new(steps.into()),
            after,
            requests: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
        });
        let accept = tokio::spawn({
            let script = script.clone();
            async move {
                let mut connections = tokio::task::JoinSet::new();
                while let Ok((stream, _)) = listener.accept().await {
                    script.connections.fetch_add(1, Ordering::SeqCst);
                    connections.spawn(serve(stream, script.clone()));
                }
            }
        });
        Self {
            address,
            script,
            accept,
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Adds a step to the end of the script.
    pub fn push(&self, step: Step) {
        self.script.steps.lock().unwrap().push_back(step);
    }

    /// The requests received so far.
    pub fn requests(&self) -> usize {
        self.script.requests.load(Ordering::SeqCst)
    }

    /// The connections accepted so far.
    pub fn connections(&self) -> usize {
        self.script.connections.load(Ordering::SeqCst)
    }
}

impl Drop for ScriptedServer {
    fn drop(&mut self) {
        // Dropping the accept task drops its `JoinSet`, which aborts every
        // connection task.
        self.accept.abort();
    }
}

/// Serves the requests of one connection, keeping it alive between them.
async fn serve(mut stream: TcpStream, script: Arc<Script>) {
    let mut buffer = Vec::new();
    loop {
        if read_request(&mut stream, &mut buffer).await.is_none() {
            return;
        }
        script.requests.fetch_add(1, Ordering::SeqCst);
        let step = script
            .steps
            .lock()
            .unwrap()
            .pop_front()
            .or_else(|| script.after.clone());

        match step {
            Some(Step::Respond {
                status,
                headers,
                body,
            }) => {
                let mut head = format!(
                    "HTTP/1.1 {status} Scripted\r\ncontent-length: {}\r\n",
                    body.len()
                );
                for (name, value) in headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                head.push_str("\r\n");
                let mut message = head.into_bytes();
                message.extend_from_slice(&body);
                if stream.write_all(&message).await.is_err() {
                    return;
                }
            }
            Some(Step::ResetMidBody { status, body }) => {
                let head = format!(
                    "HTTP/1.1 {status} Scripted\r\ncontent-length: {}\r\n\r\n",
                    body.len() * 4
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(&body).await;
                let _ = stream.flush().await;
                let _ = stream.set_zero_linger();
                return;
            }
            Some(Step::Truncate { status, body }) => {
                let head = format!(
                    "HTTP/1.1 {status} Scripted\r\ncontent-length: {}\r\n\r\n",
                    body.len() * 4
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(&body).await;
                let _ = stream.shutdown().await;
                return;
            }
            Some(Step::Hang) => {
                // Until the client gives up or the server is dropped.
                let mut sink = [0u8; 1024];
                while matches!(stream.read(&mut sink).await, Ok(n) if n > 0) {}
                return;
            }
            Some(Step::Close) | None => return,
        }
    }
}

/// Reads one request (head and `content-length` body) from the
/// connection, keeping any bytes of the next request in `buffer`.
async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<()> {
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).to_lowercase();
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .map_or(0, |v| v.trim().parse().unwrap_or(0));
    while buffer.len() < head_end + length {
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
    buffer.drain(..head_end + length);
    Some(())
}
