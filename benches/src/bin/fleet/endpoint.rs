//! The mock Tencent Cloud endpoint: `limit` requests a second per (account,
//! action), counted in one-second windows of its clock, every request
//! counted (throttled ones too, as Tencent's message says "21 in a
//! second"); the rest answered with `RequestLimitExceeded`.

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

/// What the endpoint saw.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    pub sent: u64,
    pub throttled: u64,
    pub succeeded: u64,
    /// Per one-second window (Unix seconds): requests and successes.
    pub windows: BTreeMap<u64, (u32, u32)>,
}

impl Counts {
    /// Successes in the windows `from..until` (Unix seconds).
    pub fn succeeded_in(&self, from: u64, until: u64) -> u64 {
        self.windows
            .range(from..until)
            .map(|(_, (_, succeeded))| u64::from(*succeeded))
            .sum()
    }
}

#[derive(Default)]
struct State {
    counts: Counts,
    /// Requests per (account, action, window).
    per_window: HashMap<(String, String, u64), u32>,
}

pub struct Endpoint {
    url: String,
    state: Arc<Mutex<State>>,
}

impl Endpoint {
    /// Serves on a free port of 127.0.0.1 until the runtime stops.
    pub async fn start(limit: u32) -> Endpoint {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let url = format!("http://{}/", listener.local_addr().unwrap());
        let state: Arc<Mutex<State>> = Arc::default();
        let served = state.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = served.clone();
                let service = service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
                    let header = |name: &str| {
                        request
                            .headers()
                            .get(name)
                            .and_then(|value| value.to_str().ok())
                            .unwrap_or_default()
                            .to_owned()
                    };
                    let body = answer(&state, limit, header("X-TC-Account"), header("X-TC-Action"));
                    async move {
                        Ok::<_, Infallible>(
                            hyper::Response::builder()
                                .header("Content-Type", "application/json")
                                .body(Full::new(Bytes::from(body)))
                                .unwrap(),
                        )
                    }
                });
                tokio::spawn(http1::Builder::new().serve_connection(TokioIo::new(stream), service));
            }
        });
        Endpoint { url, state }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn counts(&self) -> Counts {
        self.state.lock().unwrap().counts.clone()
    }
}

fn answer(state: &Mutex<State>, limit: u32, account: String, action: String) -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    let window = now.as_secs();
    let mut state = state.lock().unwrap();
    let State { counts, per_window } = &mut *state;
    // Older windows are done with.
    per_window.retain(|(_, _, seen), _| *seen + 2 >= window);
    let count = per_window.entry((account, action, window)).or_default();
    *count += 1;
    let count = *count;
    counts.sent += 1;
    let in_window = counts.windows.entry(window).or_default();
    in_window.0 += 1;
    if count <= limit {
        in_window.1 += 1;
    }
    let request_id = format!("{window}-{}", counts.sent);
    if count > limit {
        counts.throttled += 1;
        format!(
            r#"{{"Response": {{"Error": {{"Code": "RequestLimitExceeded", "Message": "Your current request times equals to {count} in a second, which exceeds the frequency limit {limit} for a second."}}, "RequestId": "{request_id}"}}}}"#
        )
    } else {
        counts.succeeded += 1;
        format!(
            r#"{{"Response": {{"TotalCount": 0, "InstanceSet": [], "RequestId": "{request_id}"}}}}"#
        )
    }
}
