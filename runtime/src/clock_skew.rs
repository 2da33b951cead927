//! Clock skew: how far the server's clock is from ours, measured from a
//! response's `Date` header, so a signer can correct its timestamps.
//!
//! Tencent Cloud rejects a signature whose timestamp is more than five
//! minutes off with `AuthFailure.SignatureExpire`; retrying with the same
//! clock fails the same way.

use core::fmt;
use core::sync::atomic::{AtomicI64, Ordering};
use core::time::Duration;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// The server's clock minus ours, to the millisecond (the `Date` header
/// itself has whole seconds).
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use tencent_errors::ClockSkew;
///
/// // Our clock says 08:43:37; the server's answer is dated 08:49:37.
/// let local = UNIX_EPOCH + Duration::from_secs(784_111_417);
/// let skew = ClockSkew::measure("Sun, 06 Nov 1994 08:49:37 GMT", local).unwrap();
/// assert_eq!(skew.as_millis(), 360_000);
/// assert_eq!(skew.correct(local), UNIX_EPOCH + Duration::from_secs(784_111_777));
/// assert_eq!(skew.to_string(), "server clock 360.000 s ahead");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ClockSkew {
    millis: i64,
}

impl ClockSkew {
    /// No skew.
    pub const ZERO: ClockSkew = ClockSkew { millis: 0 };

    /// The skew of the server that sent `date_header` (an HTTP `Date`
    /// value) in an answer received at `received_at` by our clock.
    pub fn measure(
        date_header: &str,
        received_at: SystemTime,
    ) -> Result<ClockSkew, InvalidHttpDate> {
        let server = parse_http_date(date_header)?;
        Ok(ClockSkew::between(server, received_at))
    }

    /// The skew of a server whose clock read `server` when ours read `local`.
    pub fn between(server: SystemTime, local: SystemTime) -> ClockSkew {
        let millis = match server.duration_since(local) {
            Ok(ahead) => saturating_millis(ahead),
            Err(behind) => -saturating_millis(behind.duration()),
        };
        ClockSkew { millis }
    }

    /// A skew of `millis` milliseconds; positive when the server is ahead.
    pub const fn from_millis(millis: i64) -> ClockSkew {
        ClockSkew { millis }
    }

    /// The skew in milliseconds; positive when the server is ahead.
    pub const fn as_millis(self) -> i64 {
        self.millis
    }

    /// The size of the skew, whichever clock is ahead.
    pub const fn magnitude(self) -> Duration {
        Duration::from_millis(self.millis.unsigned_abs())
    }

    /// Our time `local` turned into the server's time.
    pub fn correct(self, local: SystemTime) -> SystemTime {
        let shift = self.magnitude();
        let corrected = if self.millis >= 0 {
            local.checked_add(shift)
        } else {
            local.checked_sub(shift)
        };
        corrected.unwrap_or(local)
    }
}

impl fmt::Display for ClockSkew {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let magnitude = self.magnitude();
        let direction = if self.millis >= 0 { "ahead" } else { "behind" };
        write!(
            f,
            "server clock {}.{:03} s {direction}",
            magnitude.as_secs(),
            magnitude.subsec_millis()
        )
    }
}

fn saturating_millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// The clock a request signer reads: ours, corrected by the last skew
/// observed. Clones share the correction.
///
/// Feed it the `Date` header of answers (at least of those that failed with
/// `AuthFailure.SignatureExpire`) and sign with [`timestamp`]: the retry
/// after the refresh then carries a timestamp the server accepts.
///
/// [`timestamp`]: SigningClock::timestamp
///
/// A `Date` more than [`MAX_PLAUSIBLE_SKEW`] (a day) from our clock is
/// not a skew to sign with but a broken proxy or a forged answer: it is
/// ignored and reported as [`RejectedDate::Implausible`].
///
/// [`MAX_PLAUSIBLE_SKEW`]: SigningClock::MAX_PLAUSIBLE_SKEW
///
/// ```
/// use tencent_errors::{ClockSkew, RejectedDate, SigningClock};
///
/// let clock = SigningClock::new();
/// let before = clock.timestamp();
/// // The server's clock is ten minutes ahead of ours.
/// clock.observe(ClockSkew::from_millis(600_000));
/// assert!(clock.timestamp() >= before + 600);
///
/// // An answer dated in 2100 says nothing true about the server's clock.
/// let rejected = clock.observe_date_header("Fri, 01 Jan 2100 00:00:00 GMT").unwrap_err();
/// assert!(matches!(rejected, RejectedDate::Implausible(skew) if skew.as_millis() > 0));
/// assert_eq!(clock.skew(), ClockSkew::from_millis(600_000));
/// ```
#[derive(Debug, Clone, Default)]
pub struct SigningClock {
    skew_millis: Arc<AtomicI64>,
}

impl SigningClock {
    /// The farthest a server's `Date` may be from our clock and still be
    /// adopted by [`observe_date_header`](SigningClock::observe_date_header):
    /// one day. Real clocks drift by seconds or minutes; a date further off
    /// comes from a broken or hostile source.
    pub const MAX_PLAUSIBLE_SKEW: Duration = Duration::from_secs(24 * 60 * 60);

    /// A clock with no correction yet.
    pub fn new() -> SigningClock {
        SigningClock::default()
    }

    /// Adopts `skew` as the correction, as given.
    pub fn observe(&self, skew: ClockSkew) {
        self.skew_millis.store(skew.millis, Ordering::Relaxed);
    }

    /// Measures the skew from an answer's `Date` header, received now, and
    /// adopts it. A header that is not an HTTP date, or a date more than
    /// [`MAX_PLAUSIBLE_SKEW`](SigningClock::MAX_PLAUSIBLE_SKEW) from our
    /// clock, changes nothing and says why.
    pub fn observe_date_header(&self, date_header: &str) -> Result<ClockSkew, RejectedDate> {
        self.observe_date_header_at(date_header, SystemTime::now())
    }

    fn observe_date_header_at(
        &self,
        date_header: &str,
        received_at: SystemTime,
    ) -> Result<ClockSkew, RejectedDate> {
        let skew = ClockSkew::measure(date_header, received_at)?;
        if skew.magnitude() > SigningClock::MAX_PLAUSIBLE_SKEW {
            return Err(RejectedDate::Implausible(skew));
        }
        self.observe(skew);
        Ok(skew)
    }

    /// The correction in use.
    pub fn skew(&self) -> ClockSkew {
        ClockSkew::from_millis(self.skew_millis.load(Ordering::Relaxed))
    }

    /// The server's time, as well as we know it.
    pub fn now(&self) -> SystemTime {
        self.skew().correct(SystemTime::now())
    }

    /// The server's time in whole seconds since the Unix epoch: the value of
    /// the `X-TC-Timestamp` header and of the signature's date.
    pub fn timestamp(&self) -> i64 {
        match self.now().duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
        }
    }
}

/// Why [`SigningClock::observe_date_header`] did not adopt a server's date.
///
/// ```
/// use tencent_errors::{RejectedDate, SigningClock};
///
/// let clock = SigningClock::new();
/// let error = clock.observe_date_header("Thu, 01 Jan 1970 00:00:00 GMT").unwrap_err();
/// assert!(matches!(error, RejectedDate::Implausible(_)));
/// assert!(error.to_string().starts_with("server date ignored: server clock "));
/// assert!(matches!(clock.observe_date_header("now"), Err(RejectedDate::Invalid(_))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RejectedDate {
    /// The header is not an HTTP date.
    Invalid(InvalidHttpDate),
    /// The date is more than [`SigningClock::MAX_PLAUSIBLE_SKEW`] from our
    /// clock; the skew it would have implied.
    Implausible(ClockSkew),
}

impl fmt::Display for RejectedDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RejectedDate::Invalid(error) => error.fmt(f),
            RejectedDate::Implausible(skew) => write!(
                f,
                "server date ignored: {skew}, more than a day from the local clock"
            ),
        }
    }
}

impl std::error::Error for RejectedDate {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RejectedDate::Invalid(error) => Some(error),
            RejectedDate::Implausible(_) => None,
        }
    }
}

impl From<InvalidHttpDate> for RejectedDate {
    fn from(error: InvalidHttpDate) -> RejectedDate {
        RejectedDate::Invalid(error)
    }
}

/// An HTTP date that is not in the IMF-fixdate format
/// (`Sun, 06 Nov 1994 08:49:37 GMT`).
///
/// ```
/// use tencent_errors::parse_http_date;
/// let error = parse_http_date("yesterday").unwrap_err();
/// assert_eq!(error.to_string(), "invalid HTTP date \"yesterday\": expected a date like \"Sun, 06 Nov 1994 08:49:37 GMT\"");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct InvalidHttpDate {
    input: String,
}

impl fmt::Display for InvalidHttpDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid HTTP date {:?}: expected a date like \"Sun, 06 Nov 1994 08:49:37 GMT\"",
            crate::escape::Bounded::new(&self.input, 64)
        )
    }
}

impl fmt::Debug for InvalidHttpDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InvalidHttpDate")
            .field("input", &crate::escape::Bounded::new(&self.input, 64))
            .finish()
    }
}

impl std::error::Error for InvalidHttpDate {}

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Parses an HTTP `Date` value in the IMF-fixdate format of RFC 9110
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), the only one servers may send.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use tencent_errors::parse_http_date;
///
/// let date = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
/// assert_eq!(date, UNIX_EPOCH + Duration::from_secs(784_111_777));
/// assert!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT").is_err());
/// ```
pub fn parse_http_date(input: &str) -> Result<SystemTime, InvalidHttpDate> {
    parse_imf_fixdate(input.trim()).ok_or_else(|| InvalidHttpDate {
        input: input.to_owned(),
    })
}

fn parse_imf_fixdate(s: &str) -> Option<SystemTime> {
    // "Sun, 06 Nov 1994 08:49:37 GMT": every field has a fixed width.
    let b = s.as_bytes();
    if b.len() != 29
        || &b[3..5] != b", "
        || b[7] != b' '
        || b[11] != b' '
        || b[16] != b' '
        || b[19] != b':'
        || b[22] != b':'
        || &b[25..] != b" GMT"
    {
        return None;
    }
    if !DAY_NAMES.contains(&s.get(0..3)?) {
        return None;
    }
    let day = digits(&b[5..7])?;
    let month = MONTH_NAMES.iter().position(|m| s.get(8..11) == Some(*m))? as u32 + 1;
    let year = digits(&b[12..16])?;
    let hour = digits(&b[17..19])?;
    let minute = digits(&b[20..22])?;
    // 60 allows a leap second.
    let second = digits(&b[23..25])?;
    if day == 0 || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day);
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    let offset = Duration::from_secs(seconds.unsigned_abs());
    if seconds >= 0 {
        UNIX_EPOCH.checked_add(offset)
    } else {
        UNIX_EPOCH.checked_sub(offset)
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

fn is_leap_year(year: u32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian
/// calendar (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(s: &str) -> i64 {
        let time = parse_http_date(s).unwrap();
        match time.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        }
    }

    #[test]
    fn known_dates_parse() {
        assert_eq!(unix("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
        assert_eq!(unix("Sun, 06 Nov 1994 08:49:37 GMT"), 784_111_777);
        assert_eq!(unix("Tue, 29 Feb 2000 12:00:00 GMT"), 951_825_600);
        assert_eq!(unix("Sat, 09 Nov 2024 03:24:05 GMT"), 1_731_122_645);
        assert_eq!(unix("Wed, 31 Dec 1969 23:59:59 GMT"), -1);
        assert_eq!(unix("  Fri, 01 Jan 2100 00:00:00 GMT "), 4_102_444_800);
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for bad in [
            "",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 29 Feb 1900 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Xyz, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Noo 1994 08:49:37 GMT",
            "Sun, 06 Nov 19a4 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMTé",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert!(parse_http_date(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_date_more_than_a_day_from_the_local_clock_is_ignored_and_reported() {
        let local = UNIX_EPOCH + Duration::from_secs(1_731_122_645); // 2024-11-09
        let clock = SigningClock::new();
        clock.observe(ClockSkew::from_millis(-2_000));
        for (date, seconds) in [
            ("Mon, 01 Jan 0001 00:00:00 GMT", -63_866_719_445_i64),
            ("Thu, 01 Jan 1970 00:00:00 GMT", -1_731_122_645),
            (
                "Fri, 01 Jan 2100 00:00:00 GMT",
                4_102_444_800 - 1_731_122_645,
            ),
            ("Sun, 10 Nov 2024 03:24:06 GMT", 86_401),
            ("Fri, 08 Nov 2024 03:24:04 GMT", -86_401),
        ] {
            let rejected = clock.observe_date_header_at(date, local).unwrap_err();
            assert_eq!(
                rejected,
                RejectedDate::Implausible(ClockSkew::from_millis(seconds * 1000)),
                "{date}"
            );
            assert_eq!(clock.skew(), ClockSkew::from_millis(-2_000), "{date}");
        }
    }

    #[test]
    fn a_date_up_to_a_day_from_the_local_clock_is_adopted() {
        let local = UNIX_EPOCH + Duration::from_secs(1_731_122_645); // 2024-11-09
        let clock = SigningClock::new();
        for (date, seconds) in [
            ("Sun, 10 Nov 2024 03:24:05 GMT", 86_400),
            ("Fri, 08 Nov 2024 03:24:05 GMT", -86_400),
            ("Sat, 09 Nov 2024 03:29:05 GMT", 300),
        ] {
            let skew = clock.observe_date_header_at(date, local).unwrap();
            assert_eq!(skew, ClockSkew::from_millis(seconds * 1000), "{date}");
            assert_eq!(clock.skew(), skew, "{date}");
        }
        let invalid = clock.observe_date_header_at("soon", local).unwrap_err();
        assert!(matches!(invalid, RejectedDate::Invalid(_)));
        assert_eq!(clock.skew(), ClockSkew::from_millis(300_000));
    }

    #[test]
    fn skew_is_signed() {
        let local = UNIX_EPOCH + Duration::from_secs(1000);
        let behind = ClockSkew::measure("Thu, 01 Jan 1970 00:15:00 GMT", local).unwrap();
        assert_eq!(behind.as_millis(), -100_000);
        assert_eq!(behind.correct(local), UNIX_EPOCH + Duration::from_secs(900));
        assert_eq!(behind.to_string(), "server clock 100.000 s behind");
    }
}
