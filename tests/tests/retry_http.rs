//! Retries against a real HTTP server: a hyper server on 127.0.0.1 serving
//! Tencent Cloud envelopes, called by reqwest through the async helper.
//! The injected sleep records each wait and returns at once, so nothing
//! here waits for a backoff.

use std::collections::HashMap;
use std::convert::Infallible;
use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tencent_errors::retry::{
    Attempt, AttemptError, BudgetConfig, Failure, Idempotency, Jitter, ManualClock, Retrier,
    RetryBudget, RetryError, RetryPolicy, SigningClock, StopReason,
};
use tencent_errors::{parse_response, CommonCode, Error, RetryClass, Success};
use tencent_errors_testkit::http_date;
use tokio::net::TcpListener;

// ---------------------------------------------------------------- the server

/// What the server knows of a request.
struct Hit {
    action: String,
    /// 1 for the first request of this action.
    number: u32,
    timestamp: Option<i64>,
}

/// What the server answers.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: String,
    date: Option<SystemTime>,
    /// Never answer: the client times out after sending.
    hang: bool,
}

impl Reply {
    fn error(code: &str, request_id: &str) -> Reply {
        Reply::json(format!(
            r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": "{code} (test server)"}}, "RequestId": "{request_id}"}}}}"#
        ))
    }

    fn success(request_id: &str) -> Reply {
        Reply::json(format!(
            r#"{{"Response": {{"TotalCount": 0, "InfoSet": [], "RequestId": "{request_id}"}}}}"#
        ))
    }

    fn json(body: String) -> Reply {
        // Tencent Cloud answers errors with HTTP 200 too.
        Reply {
            status: 200,
            content_type: "application/json",
            body,
            date: None,
            hang: false,
        }
    }
}

type Handler = dyn Fn(&Hit) -> Reply + Send + Sync;

struct Server {
    endpoint: String,
    hits: Arc<Mutex<HashMap<String, u32>>>,
}

impl Server {
    /// Serves `handler` on an ephemeral port of 127.0.0.1 until the test's
    /// runtime ends.
    async fn start(handler: impl Fn(&Hit) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let hits: Arc<Mutex<HashMap<String, u32>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let server_hits = hits.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let (handler, hits) = (handler.clone(), server_hits.clone());
                let service = service_fn(move |request| {
                    let reply = answer(&*handler, &hits, &request);
                    async move { Ok::<_, Infallible>(respond(reply).await) }
                });
                tokio::spawn(http1::Builder::new().serve_connection(TokioIo::new(stream), service));
            }
        });
        Server {
            endpoint: format!("http://{address}/"),
            hits,
        }
    }

    fn hits(&self, action: &str) -> u32 {
        self.hits.lock().unwrap().get(action).copied().unwrap_or(0)
    }
}

fn answer(
    handler: &Handler,
    hits: &Mutex<HashMap<String, u32>>,
    request: &hyper::Request<Incoming>,
) -> Reply {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let action = header("X-TC-Action").unwrap_or_default();
    let number = {
        let mut hits = hits.lock().unwrap();
        let count = hits.entry(action.clone()).or_default();
        *count += 1;
        *count
    };
    let timestamp = header("X-TC-Timestamp").and_then(|t| t.parse().ok());
    handler(&Hit {
        action,
        number,
        timestamp,
    })
}

async fn respond(reply: Reply) -> hyper::Response<Full<Bytes>> {
    if reply.hang {
        std::future::pending::<()>().await;
    }
    let mut response = hyper::Response::builder()
        .status(reply.status)
        .header("Content-Type", reply.content_type);
    if let Some(date) = reply.date {
        response = response.header("Date", http_date(date));
    }
    response.body(Full::new(Bytes::from(reply.body))).unwrap()
}

// ---------------------------------------------------------------- the client

/// How a call fails: the service answered with an error, or HTTP failed.
#[derive(Debug)]
enum CallError {
    Service(Error),
    Transport(reqwest::Error),
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Service(error) => error.fmt(f),
            CallError::Transport(error) => error.fmt(f),
        }
    }
}

impl AttemptError for CallError {
    fn failure(&self) -> Failure {
        match self {
            CallError::Service(error) => error.failure(),
            CallError::Transport(error) if error.is_connect() => Failure::NotConnected,
            // Sent, and then no (complete) answer: it may have run.
            CallError::Transport(_) => Failure::TimedOut,
        }
    }

    fn request_id(&self) -> Option<&str> {
        match self {
            CallError::Service(error) => error.request_id(),
            CallError::Transport(_) => None,
        }
    }

    fn code(&self) -> Option<&str> {
        match self {
            CallError::Service(error) => error.code_str(),
            CallError::Transport(_) => None,
        }
    }
}

struct Client {
    http: reqwest::Client,
    endpoint: String,
    signing_clock: SigningClock,
    /// The `Date` of the last answer, for the refresh step.
    last_date: Mutex<Option<String>>,
}

impl Client {
    fn new(endpoint: &str) -> Client {
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_millis(200))
            .build()
            .unwrap();
        Client {
            http,
            endpoint: endpoint.to_owned(),
            signing_clock: SigningClock::new(),
            last_date: Mutex::new(None),
        }
    }

    async fn send(
        &self,
        action: &str,
        attempt: Attempt,
    ) -> Result<Success<serde_json::Value>, CallError> {
        if attempt.must_refresh() {
            // The refresh step: correct the signing clock by the server's Date.
            if let Some(date) = self.last_date.lock().unwrap().as_deref() {
                self.signing_clock.observe_date_header(date).unwrap();
            }
        }
        let response = self
            .http
            .post(&self.endpoint)
            .header("X-TC-Action", action)
            .header("X-TC-Timestamp", self.signing_clock.timestamp())
            .header("Content-Type", "application/json")
            .body("{}")
            .send()
            .await
            .map_err(CallError::Transport)?;
        let date = response.headers().get("Date").and_then(|d| d.to_str().ok());
        *self.last_date.lock().unwrap() = date.map(str::to_owned);
        let status = response.status().as_u16();
        let body = response.bytes().await.map_err(CallError::Transport)?;
        parse_response::<serde_json::Value, CommonCode>(status, &body).map_err(CallError::Service)
    }
}

/// A retrier on a manual clock, and the delays its sleep was asked for.
struct Harness {
    retrier: Retrier,
    clock: ManualClock,
    delays: Arc<Mutex<Vec<Duration>>>,
}

impl Harness {
    fn new() -> Harness {
        let clock = ManualClock::new();
        let retrier = Retrier::new(RetryPolicy::default())
            .with_clock(clock.clone())
            .with_jitter(Jitter::seeded(2024));
        Harness {
            retrier,
            clock,
            delays: Arc::default(),
        }
    }

    fn with_budget(mut self, budget: RetryBudget) -> Harness {
        self.retrier = self.retrier.with_budget(budget);
        self
    }

    /// One call of `action` through the async helper.
    async fn call(
        &self,
        client: &Client,
        action: &str,
    ) -> Result<Success<serde_json::Value>, RetryError<CallError>> {
        let (clock, delays) = (self.clock.clone(), self.delays.clone());
        let sleep = move |delay: Duration| {
            delays.lock().unwrap().push(delay);
            clock.advance(delay);
            std::future::ready(())
        };
        self.retrier
            .run(
                Idempotency::infer(action, None),
                |attempt| client.send(action, attempt),
                sleep,
            )
            .await
    }

    fn delays(&self) -> Vec<Duration> {
        self.delays.lock().unwrap().clone()
    }
}

fn request_ids(error: &RetryError<CallError>) -> Vec<Option<&str>> {
    error.request_ids().collect()
}

// ---------------------------------------------------------------- the tests

#[tokio::test]
async fn request_limit_exceeded_twice_then_success() {
    let server = Server::start(|hit| match hit.number {
        1 | 2 => Reply::error("RequestLimitExceeded", &format!("throttled-{}", hit.number)),
        _ => Reply::success("ok"),
    })
    .await;
    let client = Client::new(&server.endpoint);
    let harness = Harness::new();

    // Throttled requests did not run: even a create is retried.
    let success = harness
        .call(&client, "CreateStreamLiveChannel")
        .await
        .unwrap();
    assert_eq!(success.request_id(), "ok");
    assert_eq!(server.hits("CreateStreamLiveChannel"), 3);
    let delays = harness.delays();
    assert_eq!(delays.len(), 2);
    assert!(delays[0] <= Duration::from_secs(1), "{delays:?}");
    assert!(delays[1] <= Duration::from_secs(2), "{delays:?}");
}

#[tokio::test]
async fn internal_error_is_retried_for_a_describe_but_not_for_a_create() {
    let server = Server::start(|hit| {
        Reply::error("InternalError", &format!("{}-{}", hit.action, hit.number))
    })
    .await;
    let client = Client::new(&server.endpoint);
    let harness = Harness::new();

    let error = harness
        .call(&client, "CreateStreamLiveChannel")
        .await
        .unwrap_err();
    assert_eq!(server.hits("CreateStreamLiveChannel"), 1);
    assert_eq!(error.attempts(), 1);
    assert_eq!(error.stop_reason(), StopReason::NotIdempotent);
    assert_eq!(request_ids(&error), [Some("CreateStreamLiveChannel-1")]);
    assert!(harness.delays().is_empty());

    let error = harness
        .call(&client, "DescribeStreamLiveChannels")
        .await
        .unwrap_err();
    assert_eq!(server.hits("DescribeStreamLiveChannels"), 3);
    assert_eq!(error.attempts(), 3);
    assert_eq!(error.stop_reason(), StopReason::AttemptsExhausted);
    assert_eq!(
        request_ids(&error),
        [
            Some("DescribeStreamLiveChannels-1"),
            Some("DescribeStreamLiveChannels-2"),
            Some("DescribeStreamLiveChannels-3"),
        ]
    );
    let Some(CallError::Service(last)) = error.last() else {
        panic!("the service's error: {error}");
    };
    assert_eq!(last.code_str(), Some("InternalError"));
    assert_eq!(harness.delays().len(), 2);
}

#[tokio::test]
async fn an_html_502_from_a_gateway_is_transient() {
    let server = Server::start(|_| Reply {
        status: 502,
        content_type: "text/html",
        body: "<html><head><title>502 Bad Gateway</title></head>\
               <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
            .to_owned(),
        date: None,
        hang: false,
    })
    .await;
    let client = Client::new(&server.endpoint);
    let harness = Harness::new();

    let error = harness
        .call(&client, "DescribeStreamLiveChannels")
        .await
        .unwrap_err();
    assert_eq!(server.hits("DescribeStreamLiveChannels"), 3);
    assert_eq!(request_ids(&error), [None, None, None]);
    let Some(CallError::Service(Error::InvalidBody(body))) = error.last() else {
        panic!("a body that is no envelope: {error}");
    };
    assert_eq!(body.http_status(), 502);
    assert_eq!(body.retry_class(), RetryClass::Transient);

    // The gateway may have passed the request on: a create is not repeated.
    let error = harness
        .call(&client, "CreateStreamLiveChannel")
        .await
        .unwrap_err();
    assert_eq!(server.hits("CreateStreamLiveChannel"), 1);
    assert_eq!(error.stop_reason(), StopReason::NotIdempotent);
}

#[tokio::test]
async fn a_refused_connection_is_retried_for_any_action() {
    // A port that was just free: nothing listens on it any more.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address: SocketAddr = listener.local_addr().unwrap();
    drop(listener);
    let client = Client::new(&format!("http://{address}/"));
    let harness = Harness::new();

    let error = harness
        .call(&client, "CreateStreamLiveChannel")
        .await
        .unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert_eq!(error.stop_reason(), StopReason::AttemptsExhausted);
    assert_eq!(request_ids(&error), [None, None, None]);
    assert_eq!(error.last().unwrap().failure(), Failure::NotConnected);
    assert_eq!(harness.delays().len(), 2);
}

#[tokio::test]
async fn a_timeout_after_sending_counts_as_transient() {
    let server = Server::start(|_| Reply {
        hang: true,
        ..Reply::success("never sent")
    })
    .await;
    let client = Client::new(&server.endpoint);
    let harness = Harness::new();

    let error = harness
        .call(&client, "CreateStreamLiveChannel")
        .await
        .unwrap_err();
    assert_eq!(server.hits("CreateStreamLiveChannel"), 1);
    assert_eq!(error.last().unwrap().failure(), Failure::TimedOut);
    assert_eq!(error.stop_reason(), StopReason::NotIdempotent);

    let error = harness
        .call(&client, "DescribeStreamLiveChannels")
        .await
        .unwrap_err();
    assert_eq!(server.hits("DescribeStreamLiveChannels"), 3);
    assert_eq!(error.stop_reason(), StopReason::AttemptsExhausted);
}

#[tokio::test]
async fn a_throttled_burst_drains_the_budget_then_errors_return_at_once() {
    let server = Server::start(|hit| match hit.action.as_str() {
        "DescribeRegions" => Reply::success("ok"),
        _ => Reply::error("RequestLimitExceeded", &format!("burst-{}", hit.number)),
    })
    .await;
    let client = Arc::new(Client::new(&server.endpoint));
    // Room for four throttled retries (5 tokens each).
    let budget = RetryBudget::new(BudgetConfig::default().with_capacity(20));
    let harness = Arc::new(Harness::new().with_budget(budget.clone()));

    // A burst of eight concurrent calls, all throttled.
    let mut burst = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let (client, harness) = (client.clone(), harness.clone());
        burst.spawn(async move { harness.call(&client, "DescribeInstances").await });
    }
    let mut attempts = 0;
    let mut returned_at_once = 0;
    while let Some(result) = burst.join_next().await {
        let error = result.unwrap().unwrap_err();
        attempts += error.attempts();
        match error.stop_reason() {
            StopReason::BudgetExhausted if error.attempts() == 1 => returned_at_once += 1,
            StopReason::BudgetExhausted | StopReason::AttemptsExhausted => {}
            other => panic!("stopped for {other}"),
        }
    }
    // Eight first attempts and the four retries the budget paid for.
    assert_eq!(attempts, 12);
    assert_eq!(server.hits("DescribeInstances"), 12);
    assert_eq!(harness.delays().len(), 4);
    assert_eq!(budget.available(), 0);
    assert!(returned_at_once >= 4, "{returned_at_once}");

    // Once empty, a throttled call is not retried at all.
    let error = harness
        .call(&client, "DescribeInstances")
        .await
        .unwrap_err();
    assert_eq!(error.attempts(), 1);
    assert_eq!(error.stop_reason(), StopReason::BudgetExhausted);

    // Successes refill it.
    for _ in 0..5 {
        harness.call(&client, "DescribeRegions").await.unwrap();
    }
    assert_eq!(budget.available(), 5);
    let error = harness
        .call(&client, "DescribeInstances")
        .await
        .unwrap_err();
    assert_eq!(error.attempts(), 2);
}

#[tokio::test]
async fn an_expired_signature_is_fixed_by_one_retry_on_the_servers_clock() {
    // The server's clock is ten minutes ahead of ours; it refuses
    // timestamps more than five minutes off, as Tencent Cloud does.
    let skew = Duration::from_secs(600);
    let server = Server::start(move |hit| {
        let server_now = SystemTime::now() + skew;
        let server_seconds = server_now.duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
        let reply = match hit.timestamp {
            Some(timestamp) if (server_seconds - timestamp).abs() <= 300 => {
                Reply::success("signed")
            }
            _ => Reply::error("AuthFailure.SignatureExpire", "expired"),
        };
        Reply {
            date: Some(server_now),
            ..reply
        }
    })
    .await;
    let client = Client::new(&server.endpoint);
    let harness = Harness::new();

    let success = harness.call(&client, "RunInstances").await.unwrap();
    assert_eq!(success.request_id(), "signed");
    assert_eq!(server.hits("RunInstances"), 2);
    assert!(
        harness.delays().is_empty(),
        "the refresh retry does not wait"
    );
    let measured = client.signing_clock.skew().as_millis();
    assert!((598_000..=601_000).contains(&measured), "{measured}");

    // A clock that cannot be fixed: one refresh, then the error.
    let stuck = Server::start(|_| Reply::error("AuthFailure.SignatureExpire", "expired")).await;
    let client = Client::new(&stuck.endpoint);
    let error = harness.call(&client, "RunInstances").await.unwrap_err();
    assert_eq!(stuck.hits("RunInstances"), 2);
    assert_eq!(error.stop_reason(), StopReason::RefreshDidNotHelp);
}

#[test]
fn the_test_servers_dates_parse_back() {
    let date = UNIX_EPOCH + Duration::from_secs(784_111_777);
    let parsed = tencent_errors::retry::parse_http_date(&http_date(date)).unwrap();
    assert_eq!(parsed, date);
}
