//! Decoding a known code allocates nothing for the code: pinned by counting
//! this thread's allocations.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use tencent_errors::{parse_response, CommonCode, Error};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many allocations `run` makes on this thread.
fn allocations<T>(run: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let value = run();
    (ALLOCATIONS.with(Cell::get) - before, value)
}

#[test]
fn from_code_of_a_known_code_allocates_nothing() {
    let (count, code) =
        allocations(|| CommonCode::from_code("RequestLimitExceeded.UinLimitExceeded"));
    assert_eq!(code, CommonCode::RequestLimitExceededUinLimitExceeded);
    assert_eq!(count, 0);
    let (count, _) = allocations(|| CommonCode::from_code("RequestLimitExceeded.New"));
    assert_eq!(count, 1, "an unknown code keeps its string");
}

#[test]
fn deserializing_a_known_code_allocates_nothing() {
    let (count, code) =
        allocations(|| serde_json::from_str::<CommonCode>("\"InternalError\"").unwrap());
    assert_eq!(code, CommonCode::InternalError);
    assert_eq!(count, 0);
}

#[test]
fn deserializing_an_escaped_known_code_keeps_no_copy_of_it() {
    // An escape makes the parser unescape into its scratch buffer, which it
    // allocates alike for any string; the code itself is not copied: an
    // unknown code of the same length allocates once more, for its string.
    let (known, code) =
        allocations(|| serde_json::from_str::<CommonCode>(r#""Internal\u0045rror""#).unwrap());
    assert_eq!(code, CommonCode::InternalError);
    let (unknown, code) =
        allocations(|| serde_json::from_str::<CommonCode>(r#""Internal\u0045rrox""#).unwrap());
    assert_eq!(code.as_str(), "InternalErrox");
    assert_eq!(known + 1, unknown);
    assert!(serde_json::from_str::<CommonCode>("42").is_err());
}

#[test]
fn an_error_envelope_allocates_only_its_message_and_request_id() {
    let body = br#"{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "The provided credentials could not be validated."}, "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}"#;
    let (count, result) = allocations(|| parse_response::<(), CommonCode>(200, body));
    let Err(Error::Api(error)) = result else {
        panic!("an API error");
    };
    assert_eq!(error.code(), &CommonCode::AuthFailureSignatureFailure);
    assert_eq!(
        count, 2,
        "the Message and the RequestId, nothing for the code"
    );
}

// What a code costs to move: an unknown code is a `Box<str>`, so a value is
// 24 bytes. (Keeping codes of up to 46 bytes in the value, 56 bytes, saved
// the allocation but made `parse_response` a quarter slower: BENCHMARKS.md.)
#[cfg(target_pointer_width = "64")]
#[test]
fn code_and_error_values_stay_small() {
    use std::mem::size_of;
    assert_eq!(size_of::<CommonCode>(), 24);
    assert_eq!(size_of::<Option<CommonCode>>(), 24);
    assert_eq!(size_of::<tencent_errors::ApiError<CommonCode>>(), 80);
    assert_eq!(size_of::<Error<CommonCode>>(), 88);
}
