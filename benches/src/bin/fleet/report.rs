//! What a client reports, and the summary of the run.

use serde::{Deserialize, Serialize};

use crate::endpoint::Counts;
use crate::options::Options;

/// One client's calls, as it saw them.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ClientReport {
    pub calls: u64,
    pub succeeded: u64,
    /// Calls the limiter stopped before an attempt was sent.
    pub refused: u64,
    /// Calls that ended with an error (throttled to the end, budget empty).
    pub failed: u64,
    /// Attempts sent, and calls that sent at least one.
    pub attempts: u64,
    pub first_attempts: u64,
    /// Each call's time waiting (limiter and backoff), in milliseconds.
    pub waits_ms: Vec<f64>,
}

/// The lines to print; the last one is the result.
///
/// Goodput counts the successes in the windows of the sending period (from
/// `start_at_s`, `options.seconds` windows) against what the limit allows in
/// them; the other figures count every request, tails included.
pub fn summary(
    options: &Options,
    start_at_s: u64,
    counts: &Counts,
    reports: &[ClientReport],
) -> Vec<String> {
    let sum = |field: fn(&ClientReport) -> u64| reports.iter().map(field).sum::<u64>();
    let calls = sum(|r| r.calls);
    let first_attempts = sum(|r| r.first_attempts);
    let attempts = sum(|r| r.attempts);
    let mut waits: Vec<f64> = reports
        .iter()
        .flat_map(|r| r.waits_ms.iter().copied())
        .collect();
    waits.sort_by(f64::total_cmp);
    let p99 = waits
        .get((waits.len() * 99).div_ceil(100).saturating_sub(1))
        .copied()
        .unwrap_or(0.0);
    let percent = |part: u64, whole: u64| {
        if whole == 0 {
            0.0
        } else {
            100.0 * part as f64 / whole as f64
        }
    };
    let until = start_at_s + u64::from(options.seconds);
    let allowed = u64::from(options.limit) * u64::from(options.seconds);
    let succeeded_in_period = counts.succeeded_in(start_at_s, until);
    let retries = counts.sent.saturating_sub(first_attempts);
    let per_window: Vec<String> = counts
        .windows
        .iter()
        .map(|(window, (sent, succeeded))| {
            let mark = if (start_at_s..until).contains(window) {
                ""
            } else {
                "*"
            };
            format!("{succeeded}/{sent}{mark}")
        })
        .collect();
    vec![
        format!(
            "fleet: per window, succeeded/sent (* outside the sending period): {}",
            per_window.join(" ")
        ),
        format!(
            "fleet: calls={calls} succeeded={} refused_by_limiter={} failed={} attempts={attempts} \
             succeeded_in_period={succeeded_in_period} allowed_in_period={allowed}",
            sum(|r| r.succeeded),
            sum(|r| r.refused),
            sum(|r| r.failed),
        ),
        format!(
            "fleet: mode={} clients={} sent={} throttled={:.1}% goodput={:.1}% extra_load={:.1}% p99_wait_ms={:.0}",
            options.mode.as_str(),
            options.clients,
            counts.sent,
            percent(counts.throttled, counts.sent),
            percent(succeeded_in_period, allowed),
            percent(retries, first_attempts),
            p99,
        ),
    ]
}
