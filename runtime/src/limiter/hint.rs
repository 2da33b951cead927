//! The rate limit a throttling message states, read as a hint.

use core::fmt;

/// Only this much of a message is read: a stated limit comes early.
const READ_AT_MOST: usize = 512;
/// The number must come within this many bytes after the word `limit`.
const NUMBER_WITHIN: usize = 24;
/// The unit must come within this many bytes after the number.
const UNIT_WITHIN: usize = 24;

/// A rate limit stated in a throttling answer's message, such as Tencent
/// Cloud's `Your current request times equals to 21 in a second, which
/// exceeds the frequency limit 20 for a second`.
///
/// It is a hint: the limiter never goes above it, and still lowers its rate
/// when throttled below it (other clients may share the limit).
///
/// ```
/// use tencent_errors::limiter::StatedLimit;
///
/// let message = "Your current request times equals to 21 in a second, \
///                which exceeds the frequency limit 20 for a second.";
/// let limit = StatedLimit::from_message(message).unwrap();
/// assert_eq!(limit.per_second(), 20.0);
/// assert_eq!(limit.to_string(), "20 requests a second");
///
/// let per_minute = StatedLimit::from_message("exceeds the limit 600 per minute").unwrap();
/// assert_eq!(per_minute.per_second(), 10.0);
///
/// assert_eq!(StatedLimit::from_message("Too many requests."), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatedLimit {
    per_second: f64,
}

impl StatedLimit {
    /// A limit of `per_second` requests a second; `None` unless it is a
    /// positive, finite number.
    ///
    /// ```
    /// use tencent_errors::limiter::StatedLimit;
    /// assert_eq!(StatedLimit::per_second_of(20.0).unwrap().per_second(), 20.0);
    /// assert_eq!(StatedLimit::per_second_of(0.0), None);
    /// ```
    pub fn per_second_of(per_second: f64) -> Option<StatedLimit> {
        (per_second.is_finite() && per_second > 0.0).then_some(StatedLimit { per_second })
    }

    /// Reads the limit a message states: the first number after the word
    /// `limit`, per `second` or per `minute`. `None` when the message states
    /// none; only its first 512 bytes are read.
    pub fn from_message(message: &str) -> Option<StatedLimit> {
        let text = &message.as_bytes()[..message.len().min(READ_AT_MOST)];
        let mut from = 0;
        while let Some(found) = find_ignoring_case(&text[from..], b"limit") {
            let after = from + found + b"limit".len();
            if let Some(limit) = limit_after(&text[after..]) {
                return Some(limit);
            }
            from = after;
        }
        None
    }

    /// The limit in requests a second.
    pub fn per_second(&self) -> f64 {
        self.per_second
    }
}

impl fmt::Display for StatedLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} requests a second", self.per_second)
    }
}

/// `<number> ... second|minute`, the number within a few bytes.
fn limit_after(text: &[u8]) -> Option<StatedLimit> {
    let start = text
        .iter()
        .take(NUMBER_WITHIN)
        .position(u8::is_ascii_digit)?;
    let digits = text[start..]
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    // At most nine digits: no overflow, and no rate anyone states.
    if digits > 9 {
        return None;
    }
    let number = text[start..start + digits]
        .iter()
        .fold(0u32, |value, digit| value * 10 + u32::from(digit - b'0'));
    let rest = &text[start + digits..];
    let unit = &rest[..rest.len().min(UNIT_WITHIN)];
    let per_second = if find_ignoring_case(unit, b"second").is_some() {
        f64::from(number)
    } else if find_ignoring_case(unit, b"minute").is_some() {
        f64::from(number) / 60.0
    } else {
        return None;
    };
    StatedLimit::per_second_of(per_second)
}

fn find_ignoring_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tencent_clouds_message_states_twenty_a_second() {
        let message = "Your current request times equals to 21 in a second, which exceeds the frequency limit 20 for a second.";
        assert_eq!(
            StatedLimit::from_message(message).map(|l| l.per_second()),
            Some(20.0)
        );
    }

    #[test]
    fn messages_without_a_number_and_unit_state_nothing() {
        for message in [
            "",
            "RequestLimitExceeded",
            "The number of requests exceeds the frequency limit.",
            "limit 20",
            "limit exceeded for a second",
            "limit 0 per second",
            "limit 99999999999999999999 per second",
        ] {
            assert_eq!(StatedLimit::from_message(message), None, "{message:?}");
        }
    }

    #[test]
    fn a_later_limit_with_a_unit_is_found() {
        let message = "limit reached; the limit 5 per second applies";
        assert_eq!(
            StatedLimit::from_message(message).map(|l| l.per_second()),
            Some(5.0)
        );
    }

    #[test]
    fn a_huge_message_is_read_only_at_its_start() {
        let message = format!("{} limit 20 per second", "x".repeat(1 << 20));
        assert_eq!(StatedLimit::from_message(&message), None);
        let multibyte = "é".repeat(1 << 10);
        assert_eq!(StatedLimit::from_message(&multibyte), None);
    }
}
