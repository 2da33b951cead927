//! The runtime-agnostic async helper: the caller passes the sleep.

use core::future::Future;
use core::time::Duration;

use super::{Attempt, AttemptError, Call, CallState, Retrier, RetryError};

/// Waits without blocking: the sleep of the caller's async runtime.
///
/// Any `FnMut(Duration) -> impl Future<Output = ()>` is one, such as
/// `tokio::time::sleep` or `async_io::Timer::after` wrapped in a closure. A
/// test can pass a sleep that records the delay and returns at once.
///
/// ```
/// use std::time::Duration;
/// use tencent_errors::retry::AsyncSleep;
///
/// fn takes_a_sleep(_sleep: impl AsyncSleep) {}
/// takes_a_sleep(|_delay: Duration| std::future::ready(()));
/// ```
pub trait AsyncSleep {
    /// The future that completes after the delay.
    type Future: Future<Output = ()>;

    /// Starts waiting for `duration`.
    fn sleep(&mut self, duration: Duration) -> Self::Future;
}

impl<F, Fut> AsyncSleep for F
where
    F: FnMut(Duration) -> Fut,
    Fut: Future<Output = ()>,
{
    type Future = Fut;

    fn sleep(&mut self, duration: Duration) -> Fut {
        self(duration)
    }
}

impl Retrier {
    /// Runs the async `operation` until it succeeds or the policy stops,
    /// waiting between attempts with `sleep`. Works on any runtime.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencent_errors::retry::{Idempotency, Jitter, Retrier};
    /// use tencent_errors::{parse_response, CommonCode};
    ///
    /// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
    /// #     use std::task::{Context, Poll, Waker};
    /// #     let mut future = std::pin::pin!(future);
    /// #     loop {
    /// #         if let Poll::Ready(output) = future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
    /// #             return output;
    /// #         }
    /// #     }
    /// # }
    /// let retrier = Retrier::default().with_jitter(Jitter::seeded(7));
    /// let mut delays = Vec::new();
    /// let error = block_on(retrier.run(
    ///     Idempotency::infer("DescribeStreamLiveChannels", None),
    ///     |_attempt| async {
    ///         let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": ""}, "RequestId": "r"}}"#;
    ///         parse_response::<serde_json::Value, CommonCode>(500, body)
    ///     },
    ///     |delay: Duration| {
    ///         delays.push(delay); // a test's sleep: note the delay, do not wait
    ///         std::future::ready(())
    ///     },
    /// ))
    /// .unwrap_err();
    /// assert_eq!(error.attempts(), 3);
    /// assert_eq!(delays.len(), 2); // no sleep after the last attempt
    /// assert!(delays[0] <= Duration::from_secs(1) && delays[1] <= Duration::from_secs(2));
    /// ```
    pub async fn run<T, E, F, Fut, S>(
        &self,
        call: impl Into<Call>,
        mut operation: F,
        mut sleep: S,
    ) -> Result<T, RetryError<E>>
    where
        E: AttemptError,
        F: FnMut(Attempt) -> Fut,
        Fut: Future<Output = Result<T, E>>,
        S: AsyncSleep,
    {
        let mut call = CallState::start(self, call.into())?;
        loop {
            let span = call.begin_attempt().clone();
            #[cfg(feature = "limiter")]
            if let Some(gate) = &self.limit {
                if let Some(key) = gate.key(call.call()) {
                    match span.instrument(gate.admit(&key, &mut sleep)).await {
                        Ok(waited) => span.limiter_waited(waited),
                        Err(refused) => return Err(call.refused(refused)),
                    }
                }
            }
            // Decide in this statement, wait after it: an attempt's result
            // kept alive across the wait would make this future `Send` only
            // when the error type is.
            let delay = match span.instrument(operation(call.next_attempt())).await {
                Ok(value) => {
                    call.succeeded(self);
                    return Ok(value);
                }
                Err(error) => match call.failed(self, &error) {
                    Ok(delay) => delay,
                    Err(reason) => return Err(call.finish(error, reason)),
                },
            };
            if !delay.is_zero() {
                sleep.sleep(delay).await;
            }
        }
    }
}
