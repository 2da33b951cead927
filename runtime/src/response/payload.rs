//! The payload: the raw fields of a successful envelope's `Response`,
//! re-deserialized into the action's type, with errors that point into
//! the body.

use core::cell::Cell;
use std::borrow::Cow;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::envelope::{is_recursion_limit, PayloadFields};
use super::InvalidBodyKind;
use crate::escape::truncate;

/// Bytes of a payload field name quoted in a decoder message.
const FIELD_NAME_BYTES: usize = 64;

pub(super) fn decode_payload<T: DeserializeOwned>(
    fields: &PayloadFields<'_>,
    text: &str,
) -> Result<T, (InvalidBodyKind, String)> {
    let failed_field = Cell::new(None);
    let payload = Payload {
        fields,
        failed_field: &failed_field,
    };
    T::deserialize(payload).map_err(|error| {
        let kind = match is_recursion_limit(&error) {
            true => InvalidBodyKind::TooDeep,
            false => InvalidBodyKind::Payload,
        };
        let reason = match failed_field.get().and_then(|index| fields.get(index)) {
            Some((name, value)) => field_error(&error, name, value, text),
            None => error.to_string(),
        };
        (kind, reason)
    })
}

/// The payload fields as one map. A unit payload (`()`) accepts any fields,
/// as a struct ignores the fields it does not name.
struct Payload<'a, 'de> {
    fields: &'a PayloadFields<'de>,
    failed_field: &'a Cell<Option<usize>>,
}

impl<'de> Deserializer<'de> for Payload<'_, 'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_map(PayloadAccess {
            fields: self.fields,
            next: 0,
            failed_field: self.failed_field,
        })
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf seq tuple tuple_struct map struct enum identifier
    }
}

struct PayloadAccess<'a, 'de> {
    fields: &'a PayloadFields<'de>,
    next: usize,
    failed_field: &'a Cell<Option<usize>>,
}

impl<'de> MapAccess<'de> for PayloadAccess<'_, 'de> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let Some((name, _)) = self.fields.get(self.next) else {
            return Ok(None);
        };
        match name {
            Cow::Borrowed(name) => seed.deserialize(BorrowedStrDeserializer::new(name)),
            Cow::Owned(name) => seed.deserialize(StrDeserializer::new(name)),
        }
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        let index = self.next;
        let Some(&(_, value)) = self.fields.get(index) else {
            return Err(de::Error::custom("a payload value was read before its key"));
        };
        self.next += 1;
        seed.deserialize(value)
            .inspect_err(|_| self.failed_field.set(Some(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len() - self.next)
    }
}

/// The message of an error inside the payload field `name`, with the
/// position translated from the field's raw value to the body.
fn field_error(error: &serde_json::Error, name: &str, value: &RawValue, text: &str) -> String {
    let name = truncate(name, FIELD_NAME_BYTES);
    let message = error.to_string();
    if error.line() == 0 {
        return format!("field `{name}`: {message}");
    }
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    let Some(start) = (value.get().as_ptr() as usize).checked_sub(text.as_ptr() as usize) else {
        return format!("field `{name}`: {message}{suffix} of its value");
    };
    let before = &text.as_bytes()[..start.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let first_line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let (line, column) = match error.line() {
        1 => (first_line, start - line_start + error.column()),
        line => (first_line + line - 1, error.column()),
    };
    format!("field `{name}`: {message} at line {line} column {column}")
}
