//! Salvaging an undecodable body: the start of it to show, and its
//! RequestId when one can still be recognized.

use crate::escape::truncate;

/// Bytes of the body an [`InvalidBody`](super::InvalidBody) keeps.
pub(super) const SNIPPET_BYTES: usize = 512;
/// The longest RequestId that the scan of an undecodable body accepts.
const REQUEST_ID_BYTES: usize = 128;
/// Bytes at each end of an undecodable body that the RequestId scan reads.
const SCAN_WINDOW: usize = 64 * 1024;

/// At most [`SNIPPET_BYTES`] of the start of the body, cut on a character
/// boundary, lossily decoded; and whether it is cut.
pub(super) fn snippet(body: &[u8]) -> (Box<str>, bool) {
    let mut end = body.len().min(SNIPPET_BYTES);
    // Step back over the continuation bytes (at most 3) of a split character.
    while end < body.len() && end + 3 > SNIPPET_BYTES && body[end] & 0xC0 == 0x80 {
        end -= 1;
    }
    let text = String::from_utf8_lossy(&body[..end]);
    let shown = truncate(&text, SNIPPET_BYTES);
    let is_cut = end < body.len() || shown.len() < text.len();
    (shown.into(), is_cut)
}

/// The last `"RequestId": "<id>"` in the last [`SCAN_WINDOW`] bytes of the
/// body (Tencent Cloud puts `RequestId` last), else in the first ones.
pub(super) fn scan_request_id(body: &[u8]) -> Option<&str> {
    let tail = body.len().saturating_sub(SCAN_WINDOW);
    let head = match tail {
        0 => 0..0,
        _ => 0..SCAN_WINDOW.min(body.len()),
    };
    last_request_id(body, tail..body.len()).or_else(|| last_request_id(body, head))
}

fn last_request_id(body: &[u8], window: core::ops::Range<usize>) -> Option<&str> {
    const KEY: &[u8] = b"\"RequestId\"";
    let starts = window.start..window.end.saturating_sub(KEY.len() - 1);
    starts
        .rev()
        .filter(|&at| body[at..].starts_with(KEY))
        .find_map(|at| request_id_after(&body[at + KEY.len()..]))
}

/// The id in `: "<id>"` at the start of `rest`: at most
/// [`REQUEST_ID_BYTES`], without escapes or control characters.
fn request_id_after(rest: &[u8]) -> Option<&str> {
    let rest = skip_json_whitespace(rest).strip_prefix(b":")?;
    let rest = skip_json_whitespace(rest).strip_prefix(b"\"")?;
    let len = rest
        .iter()
        .take(REQUEST_ID_BYTES + 1)
        .position(|&b| b == b'"')?;
    let id = &rest[..len];
    if id.is_empty() || id.iter().any(|&b| b == b'\\' || b < 0x20) {
        return None;
    }
    core::str::from_utf8(id).ok()
}

fn skip_json_whitespace(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(bytes.len());
    &bytes[start..]
}
