//! What a call is, as the retry machinery sees it: which action of which
//! service, and whether repeating it is safe.

use std::borrow::Cow;

use super::Idempotency;

/// One call of a Tencent Cloud action: its service (the product, `cvm`,
/// `mdl`), its action (`DescribeInstances`) and its [`Idempotency`].
///
/// The runners take a `Call`, or an [`Idempotency`] alone. The service and
/// action name the call's `tracing` spans (`rpc.service`, `rpc.method`) and
/// pick its client-side rate limit ([`Retrier::with_limiter`]).
///
/// [`Retrier::with_limiter`]: super::Retrier
///
/// ```
/// use tencent_errors::retry::{Call, Idempotency};
///
/// let call = Call::new("cvm", "DescribeInstances");
/// assert_eq!(call.service(), Some("cvm"));
/// assert_eq!(call.action(), Some("DescribeInstances"));
/// assert_eq!(call.idempotency(), Idempotency::Idempotent); // inferred from the action
///
/// let create = Call::new("cvm", "RunInstances").with_client_token(Some("9f1c"));
/// assert_eq!(create.idempotency(), Idempotency::Idempotent);
///
/// let anonymous = Call::from(Idempotency::NotIdempotent);
/// assert_eq!(anonymous.action(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Call {
    service: Option<Cow<'static, str>>,
    action: Option<Cow<'static, str>>,
    idempotency: Idempotency,
}

impl Call {
    /// A call of `action` of `service`; idempotent when the action reads
    /// ([`Idempotency::infer`]).
    pub fn new(
        service: impl Into<Cow<'static, str>>,
        action: impl Into<Cow<'static, str>>,
    ) -> Call {
        let action = action.into();
        Call {
            idempotency: Idempotency::infer(&action, None),
            service: Some(service.into()),
            action: Some(action),
        }
    }

    /// Infers the idempotency again, from the action and the request's
    /// `ClientToken`.
    pub fn with_client_token(mut self, client_token: Option<&str>) -> Call {
        let action = self.action.as_deref().unwrap_or_default();
        self.idempotency = Idempotency::infer(action, client_token);
        self
    }

    /// Says whether repeating the call is safe, whatever the action's name.
    pub fn with_idempotency(mut self, idempotency: Idempotency) -> Call {
        self.idempotency = idempotency;
        self
    }

    /// The service, if named.
    pub fn service(&self) -> Option<&str> {
        self.service.as_deref()
    }

    /// The action, if named.
    pub fn action(&self) -> Option<&str> {
        self.action.as_deref()
    }

    /// Whether repeating the call is safe.
    pub fn idempotency(&self) -> Idempotency {
        self.idempotency
    }
}

impl From<Idempotency> for Call {
    fn from(idempotency: Idempotency) -> Call {
        Call {
            service: None,
            action: None,
            idempotency,
        }
    }
}
