//! A [`tower::retry::Policy`](::tower::retry::Policy) (feature `tower`).

use super::{AsyncSleep, AttemptError, CallState, Idempotency, Retrier, RetryError};

/// A [`tower::retry::Policy`] that retries as a [`Retrier`] does, for a
/// service whose error is [`RetryError<E>`]: wrap the inner service's
/// error with `map_err(RetryError::from)`, and the error the caller finally
/// gets carries every attempt's RequestId.
///
/// The inner service must decode answers (with
/// [`parse_response`](crate::parse_response)) so that error envelopes are
/// errors, and sign each request itself, so that the retry after a
/// [`Refresh`](crate::RetryClass::Refresh) error is signed anew. Tower sends
/// the first attempt before asking the policy: a circuit breaker hears
/// every outcome but only refuses retries.
///
/// ```
/// use std::time::Duration;
/// use tencent_errors::retry::{Idempotency, Retrier, RetryError, TowerPolicy};
/// use tencent_errors::{parse_response, CommonCode, Error};
/// use tower::{Service, ServiceExt};
///
/// #[derive(Clone)]
/// struct Request { action: &'static str }
///
/// let policy = TowerPolicy::new(
///     Retrier::default(),
///     |request: &Request| Idempotency::infer(request.action, None),
///     |_delay: Duration| std::future::ready(()), // or `TokioSleep`, feature `tokio`
/// );
/// let inner = tower::service_fn(|_request: Request| async {
///     let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": ""}, "RequestId": "r"}}"#;
///     parse_response::<serde_json::Value, CommonCode>(500, body).map_err(RetryError::from)
/// });
/// let mut service = tower::retry::Retry::new(policy, inner);
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     use std::task::{Context, Poll, Waker};
/// #     let mut future = std::pin::pin!(future);
/// #     loop {
/// #         if let Poll::Ready(output) = future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
/// #             return output;
/// #         }
/// #     }
/// # }
/// let error = block_on(service.call(Request { action: "CreateStreamLiveChannel" })).unwrap_err();
/// assert_eq!(error.attempts(), 1); // may have run: not repeated
/// let error = block_on(service.call(Request { action: "DescribeStreamLiveChannels" })).unwrap_err();
/// assert_eq!(error.attempts(), 3);
/// ```
#[derive(Debug, Clone)]
pub struct TowerPolicy<F, S> {
    retrier: Retrier,
    idempotency_of: F,
    sleep: S,
    /// The current call's bookkeeping. The service's own copy starts it in
    /// `clone_request`; tower then clones the policy into the call's future.
    call: Option<CallState>,
}

impl<F, S> TowerPolicy<F, S> {
    /// A policy retrying like `retrier`, judging each request's idempotency
    /// with `idempotency_of`, and waiting with `sleep`.
    pub fn new(retrier: Retrier, idempotency_of: F, sleep: S) -> TowerPolicy<F, S> {
        TowerPolicy {
            retrier,
            idempotency_of,
            sleep,
            call: None,
        }
    }

    /// The retrier whose policy, budget and breaker are used.
    pub fn retrier(&self) -> &Retrier {
        &self.retrier
    }
}

impl<Req, Res, E, F, S> ::tower::retry::Policy<Req, Res, RetryError<E>> for TowerPolicy<F, S>
where
    Req: Clone,
    E: AttemptError,
    F: Fn(&Req) -> Idempotency,
    S: AsyncSleep,
{
    type Future = S::Future;

    fn retry(
        &mut self,
        request: &mut Req,
        result: &mut Result<Res, RetryError<E>>,
    ) -> Option<S::Future> {
        let retrier = &self.retrier;
        let call = self
            .call
            .get_or_insert_with(|| CallState::unchecked(retrier, (self.idempotency_of)(request)));
        let error = match result {
            Ok(_) => {
                call.succeeded(retrier);
                return None;
            }
            Err(error) => error,
        };
        let last = error.last()?;
        match call.failed(retrier, last) {
            Ok(delay) => Some(self.sleep.sleep(delay)),
            Err(reason) => {
                let placeholder = RetryError::new(None, Vec::new(), reason);
                let last = core::mem::replace(error, placeholder).into_inner()?;
                *error = call.clone().finish(last, reason);
                None
            }
        }
    }

    fn clone_request(&mut self, request: &Req) -> Option<Req> {
        // A retry of the current call keeps its bookkeeping; anything else
        // starts a new call.
        let in_a_call = self.call.as_ref().is_some_and(|call| call.attempts() > 0);
        if !in_a_call {
            let idempotency = (self.idempotency_of)(request);
            self.call = Some(CallState::unchecked(&self.retrier, idempotency));
        }
        Some(request.clone())
    }
}
