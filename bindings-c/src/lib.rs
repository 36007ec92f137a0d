//! `libcncd`: the C door of cncd.
//!
//! A door converts types and errors and decides nothing: every answer comes from
//! [`cncd::api::call`]. Every function catches panics at the boundary and reports them
//! as a result code, so no input can unwind into, or abort, the host process.
//!
//! Result codes are numbered and never reused for another meaning.

use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A result code. `CNCD_OK` (0) is success; every other value is an error whose
/// meaning never changes.
pub type CncdResult = u32;

/// Success.
pub const CNCD_OK: CncdResult = 0;
/// A pointer argument that must not be NULL was NULL.
pub const CNCD_NULL_POINTER: CncdResult = 1;
/// A string argument was not valid UTF-8.
pub const CNCD_INVALID_UTF8: CncdResult = 2;
/// cncd failed inside (a caught panic): a bug, to be reported.
pub const CNCD_PANIC: CncdResult = 3;

/// Runs `f`, turning a panic into `CNCD_PANIC`.
fn guard(f: impl FnOnce() -> CncdResult) -> CncdResult {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(CNCD_PANIC)
}

/// Reads `len` bytes at `ptr` as UTF-8. `ptr` may be NULL only when `len` is 0.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
unsafe fn utf8<'a>(ptr: *const u8, len: usize) -> Result<&'a str, CncdResult> {
    if ptr.is_null() {
        return if len == 0 { Ok("") } else { Err(CNCD_NULL_POINTER) };
    }
    let bytes = std::slice::from_raw_parts(ptr, len);
    std::str::from_utf8(bytes).map_err(|_| CNCD_INVALID_UTF8)
}

/// Calls operation `op` (a NUL-terminated name such as `"text.name_key"`) with the JSON
/// request of `request_len` bytes at `request`, and stores the JSON response envelope,
/// NUL-terminated, in `*response_out`. Free it with `cncd_string_free`.
///
/// Returns `CNCD_OK` when a response was written (it may be an `{"error": …}` envelope,
/// which the JSON contract describes); otherwise a result code, and `*response_out` is
/// not written.
///
/// # Safety
/// `op` must be a NUL-terminated string; `request` must point to `request_len` readable
/// bytes; `response_out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn cncd_call(
    op: *const c_char,
    request: *const u8,
    request_len: usize,
    response_out: *mut *mut c_char,
) -> CncdResult {
    guard(|| {
        if op.is_null() || response_out.is_null() {
            return CNCD_NULL_POINTER;
        }
        let Ok(op) = CStr::from_ptr(op).to_str() else {
            return CNCD_INVALID_UTF8;
        };
        let request = match utf8(request, request_len) {
            Ok(r) => r,
            Err(code) => return code,
        };
        let response = cncd::api::call(op, request);
        // JSON escapes U+0000, so the response has no interior NUL.
        match CString::new(response) {
            Ok(c) => {
                *response_out = c.into_raw();
                CNCD_OK
            }
            Err(_) => CNCD_PANIC,
        }
    })
}

/// Frees a string that cncd returned. NULL is allowed and does nothing.
///
/// # Safety
/// `s` must be NULL or a string returned by cncd and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn cncd_string_free(s: *mut c_char) {
    if !s.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| drop(CString::from_raw(s))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(op: &CStr, req: &[u8]) -> (CncdResult, Option<String>) {
        let mut out: *mut c_char = std::ptr::null_mut();
        let rc = unsafe { cncd_call(op.as_ptr(), req.as_ptr(), req.len(), &mut out) };
        let text = (!out.is_null()).then(|| {
            let s = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
            unsafe { cncd_string_free(out) };
            s
        });
        (rc, text)
    }

    #[test]
    fn answers_like_the_core() {
        let req = r#"{"text":"Phường Đô Vinh"}"#;
        let (rc, out) = call(c"text.ascii_key", req.as_bytes());
        assert_eq!(rc, CNCD_OK);
        assert_eq!(out.unwrap(), cncd::api::call("text.ascii_key", req));
    }

    #[test]
    fn bad_input_gives_codes() {
        assert_eq!(call(c"text.clean", b"{\"text\":\"\xff\"}"), (CNCD_INVALID_UTF8, None));
        let rc = unsafe { cncd_call(std::ptr::null(), std::ptr::null(), 0, std::ptr::null_mut()) };
        assert_eq!(rc, CNCD_NULL_POINTER);
        let mut out: *mut c_char = std::ptr::null_mut();
        let rc = unsafe { cncd_call(c"version".as_ptr(), std::ptr::null(), 5, &mut out) };
        assert_eq!((rc, out.is_null()), (CNCD_NULL_POINTER, true));
        let (rc, out) = call(c"version", b"");
        assert_eq!(rc, CNCD_OK);
        assert!(out.unwrap().contains("\"contract\":1"));
        unsafe { cncd_string_free(std::ptr::null_mut()) };
    }
}
