//! Convenience for the tokio runtime (feature `tokio`).

use core::future::Future;
use core::time::Duration;

use super::{AsyncSleep, Attempt, AttemptError, Call, Retrier, RetryError};

/// [`AsyncSleep`] on tokio's timer: [`tokio::time::sleep`]. Under tokio's
/// paused test time it returns as soon as time is advanced.
///
/// ```
/// use tencent_errors::retry::{AsyncSleep, TokioSleep};
/// fn takes_a_sleep(_sleep: impl AsyncSleep) {}
/// takes_a_sleep(TokioSleep);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioSleep;

impl AsyncSleep for TokioSleep {
    type Future = ::tokio::time::Sleep;

    fn sleep(&mut self, duration: Duration) -> ::tokio::time::Sleep {
        ::tokio::time::sleep(duration)
    }
}

impl Retrier {
    /// [`run`](Retrier::run) with tokio's sleep. Needs a tokio runtime with
    /// the timer enabled.
    pub async fn run_tokio<T, E, F, Fut>(
        &self,
        call: impl Into<Call>,
        operation: F,
    ) -> Result<T, RetryError<E>>
    where
        E: AttemptError,
        F: FnMut(Attempt) -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        self.run(call, operation, TokioSleep).await
    }
}
