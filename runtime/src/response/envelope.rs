//! The envelope in one pass: `{"Response": {"Error": {"Code", "Message"},
//! "RequestId", "DeprecatedWarning", ...payload}}` read into raw parts,
//! borrowing from the body wherever it can, before anything is checked.
//!
//! Each of the three objects is a type that reads its own fields
//! ([`EnvelopeObject`]); one generic seed ([`ObjectSeed`]) walks any of them.

use core::cell::Cell;
use core::fmt;
use core::marker::PhantomData;
use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::InvalidBodyKind;
use crate::{CommonCode, TencentError};

/// The fields of `Response` other than the envelope's, in order, for the
/// payload type.
pub(super) type PayloadFields<'de> = [(Cow<'de, str>, &'de RawValue)];

/// The document as read: only `Response` matters.
pub(super) struct RawDocument<'de, C> {
    pub(super) response: Option<RawResponse<'de, C>>,
}

/// `Response` as read, before it is checked.
pub(super) struct RawResponse<'de, C> {
    pub(super) error: Option<RawError<C>>,
    pub(super) request_id: Option<Cow<'de, str>>,
    pub(super) deprecated_warning: Option<&'de RawValue>,
    /// Every other field, for the payload type, in order.
    pub(super) payload: Vec<(Cow<'de, str>, &'de RawValue)>,
}

/// `Response.Error` as read, before it is checked.
pub(super) struct RawError<C> {
    pub(super) code: Option<DecodedCode<C>>,
    pub(super) message: Option<String>,
}

pub(super) enum DecodedCode<C> {
    Known(C),
    Unexpected(CommonCode),
    Empty,
}

/// What the decoder learns beside the value it returns.
#[derive(Default)]
pub(super) struct Findings {
    /// The document is an object: a type error below it is an envelope
    /// field of the wrong type, not a document without `Response`.
    in_document: Cell<bool>,
    /// The first envelope key seen twice.
    pub(super) duplicate_key: Cell<Option<&'static str>>,
}

impl Findings {
    fn repeated(&self, key: &'static str) {
        if self.duplicate_key.get().is_none() {
            self.duplicate_key.set(Some(key));
        }
    }

    pub(super) fn kind_of(&self, error: &serde_json::Error) -> InvalidBodyKind {
        use serde_json::error::Category;
        match error.classify() {
            Category::Eof => InvalidBodyKind::Truncated,
            Category::Syntax if is_recursion_limit(error) => InvalidBodyKind::TooDeep,
            Category::Syntax | Category::Io => InvalidBodyKind::NotJson,
            Category::Data if self.in_document.get() => InvalidBodyKind::WrongType,
            Category::Data => InvalidBodyKind::NoResponse,
        }
    }
}

/// Reads `text` as a whole document: `None` when it has no `Response`.
pub(super) fn decode_envelope<'de, C: TencentError>(
    text: &'de str,
    findings: &Findings,
) -> Result<Option<RawResponse<'de, C>>, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let document =
        ObjectSeed::<RawDocument<'de, C>>::new(findings).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(document.response)
}

/// A JSON object of the envelope, read one field at a time.
trait EnvelopeObject<'de>: Sized {
    /// What a value of the wrong type should have been, for the error.
    const EXPECTING: &'static str;

    /// The object's keys, as far as it tells them apart.
    type Key: Key<'de>;

    /// The object before its first field; `findings` learns it was opened.
    fn opened(findings: &Findings) -> Self;

    /// Reads the value of the field `key` from `map`.
    fn read_field<A: MapAccess<'de>>(
        &mut self,
        key: Self::Key,
        map: &mut A,
        findings: &Findings,
    ) -> Result<(), A::Error>;
}

/// Reads any [`EnvelopeObject`].
struct ObjectSeed<'f, O> {
    findings: &'f Findings,
    object: PhantomData<fn() -> O>,
}

impl<'f, O> ObjectSeed<'f, O> {
    fn new(findings: &'f Findings) -> Self {
        ObjectSeed {
            findings,
            object: PhantomData,
        }
    }
}

impl<'de, O: EnvelopeObject<'de>> DeserializeSeed<'de> for ObjectSeed<'_, O> {
    type Value = O;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<O, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, O: EnvelopeObject<'de>> Visitor<'de> for ObjectSeed<'_, O> {
    type Value = O;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(O::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<O, A::Error> {
        let mut object = O::opened(self.findings);
        while let Some(key) = map.next_key_seed(KeySeed::<O::Key>::new())? {
            object.read_field(key, &mut map, self.findings)?;
        }
        Ok(object)
    }
}

impl<'de, C: TencentError> EnvelopeObject<'de> for RawDocument<'de, C> {
    const EXPECTING: &'static str = "an object with a `Response` object";
    type Key = DocumentKey;

    fn opened(findings: &Findings) -> Self {
        findings.in_document.set(true);
        RawDocument { response: None }
    }

    fn read_field<A: MapAccess<'de>>(
        &mut self,
        key: DocumentKey,
        map: &mut A,
        findings: &Findings,
    ) -> Result<(), A::Error> {
        match key {
            DocumentKey::Response => {
                let response = map.next_value_seed(ObjectSeed::new(findings))?;
                if self.response.replace(response).is_some() {
                    findings.repeated("Response");
                }
            }
            DocumentKey::Other => {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

impl<'de, C: TencentError> EnvelopeObject<'de> for RawResponse<'de, C> {
    const EXPECTING: &'static str = "the `Response` object";
    type Key = ResponseKey<'de>;

    fn opened(_: &Findings) -> Self {
        RawResponse {
            error: None,
            request_id: None,
            deprecated_warning: None,
            payload: Vec::new(),
        }
    }

    fn read_field<A: MapAccess<'de>>(
        &mut self,
        key: ResponseKey<'de>,
        map: &mut A,
        findings: &Findings,
    ) -> Result<(), A::Error> {
        match key {
            ResponseKey::Error => {
                let error = map.next_value_seed(ObjectSeed::new(findings))?;
                if self.error.replace(error).is_some() {
                    findings.repeated("Response.Error");
                }
            }
            ResponseKey::RequestId => {
                let request_id = map.next_value_seed(TextSeed)?;
                if self.request_id.replace(request_id).is_some() {
                    findings.repeated("Response.RequestId");
                }
            }
            ResponseKey::DeprecatedWarning => {
                let warning = map.next_value::<&'de RawValue>()?;
                if self.deprecated_warning.replace(warning).is_some() {
                    findings.repeated("Response.DeprecatedWarning");
                }
            }
            ResponseKey::Payload(name) => {
                let value = map.next_value::<&'de RawValue>()?;
                self.payload.push((name, value));
            }
        }
        Ok(())
    }
}

impl<'de, C: TencentError> EnvelopeObject<'de> for RawError<C> {
    const EXPECTING: &'static str = "the `Error` object";
    type Key = ErrorKey;

    fn opened(_: &Findings) -> Self {
        RawError {
            code: None,
            message: None,
        }
    }

    fn read_field<A: MapAccess<'de>>(
        &mut self,
        key: ErrorKey,
        map: &mut A,
        findings: &Findings,
    ) -> Result<(), A::Error> {
        match key {
            ErrorKey::Code => {
                let code = map.next_value_seed(CodeSeed::<C>(PhantomData))?;
                if self.code.replace(code).is_some() {
                    findings.repeated("Response.Error.Code");
                }
            }
            ErrorKey::Message => {
                if self.message.replace(map.next_value()?).is_some() {
                    findings.repeated("Response.Error.Message");
                }
            }
            ErrorKey::Other => {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// The `DeprecatedWarning` as text: a JSON string unescaped, anything else
/// as its JSON text, `null` as no warning.
pub(super) fn warning_text(value: &RawValue) -> Option<String> {
    let json = value.get();
    match json {
        "null" => None,
        _ if json.starts_with('"') => {
            Some(serde_json::from_str(json).unwrap_or_else(|_| json.to_owned()))
        }
        _ => Some(json.to_owned()),
    }
}

// serde_json has no public error code for it; its message is stable.
pub(super) fn is_recursion_limit(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("recursion limit exceeded")
}

/// Decodes `Code` from the string as the parser holds it: borrowed from the
/// body, or unescaped in its scratch buffer. Only unknown codes allocate.
struct CodeSeed<C>(PhantomData<fn() -> C>);

impl<'de, C: TencentError> DeserializeSeed<'de> for CodeSeed<C> {
    type Value = DecodedCode<C>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<C: TencentError> Visitor<'_> for CodeSeed<C> {
    type Value = DecodedCode<C>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error code string")
    }

    fn visit_str<E: de::Error>(self, code: &str) -> Result<Self::Value, E> {
        if code.is_empty() {
            return Ok(DecodedCode::Empty);
        }
        Ok(match C::from_code(code) {
            Some(code) => DecodedCode::Known(code),
            None => DecodedCode::Unexpected(CommonCode::from_code(code)),
        })
    }
}

/// A string, borrowed from the body unless it has escapes.
struct TextSeed;

impl<'de> DeserializeSeed<'de> for TextSeed {
    type Value = Cow<'de, str>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for TextSeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text.to_owned()))
    }
}

/// An object key, recognized without allocating; only a payload key with
/// escapes is copied.
trait Key<'de>: Sized {
    fn borrowed(key: &'de str) -> Self;
    fn unescaped(key: &str) -> Self;
}

struct KeySeed<K>(PhantomData<fn() -> K>);

impl<K> KeySeed<K> {
    fn new() -> Self {
        KeySeed(PhantomData)
    }
}

impl<'de, K: Key<'de>> DeserializeSeed<'de> for KeySeed<K> {
    type Value = K;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: Key<'de>> Visitor<'de> for KeySeed<K> {
    type Value = K;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<K, E> {
        Ok(K::borrowed(key))
    }

    #[inline]
    fn visit_str<E: de::Error>(self, key: &str) -> Result<K, E> {
        Ok(K::unescaped(key))
    }
}

enum DocumentKey {
    Response,
    Other,
}

impl Key<'_> for DocumentKey {
    #[inline]
    fn borrowed(key: &str) -> Self {
        Self::unescaped(key)
    }

    #[inline]
    fn unescaped(key: &str) -> Self {
        match key {
            "Response" => DocumentKey::Response,
            _ => DocumentKey::Other,
        }
    }
}

enum ResponseKey<'de> {
    Error,
    RequestId,
    DeprecatedWarning,
    Payload(Cow<'de, str>),
}

impl ResponseKey<'_> {
    #[inline]
    fn envelope(key: &str) -> Option<Self> {
        match key {
            "Error" => Some(ResponseKey::Error),
            "RequestId" => Some(ResponseKey::RequestId),
            "DeprecatedWarning" => Some(ResponseKey::DeprecatedWarning),
            _ => None,
        }
    }
}

impl<'de> Key<'de> for ResponseKey<'de> {
    #[inline]
    fn borrowed(key: &'de str) -> Self {
        Self::envelope(key).unwrap_or(ResponseKey::Payload(Cow::Borrowed(key)))
    }

    #[inline]
    fn unescaped(key: &str) -> Self {
        Self::envelope(key).unwrap_or_else(|| ResponseKey::Payload(Cow::Owned(key.to_owned())))
    }
}

enum ErrorKey {
    Code,
    Message,
    Other,
}

impl Key<'_> for ErrorKey {
    #[inline]
    fn borrowed(key: &str) -> Self {
        Self::unescaped(key)
    }

    #[inline]
    fn unescaped(key: &str) -> Self {
        match key {
            "Code" => ErrorKey::Code,
            "Message" => ErrorKey::Message,
            _ => ErrorKey::Other,
        }
    }
}
