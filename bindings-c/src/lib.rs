//! `libcncd`: the C door of cncd.
//!
//! A door converts types and errors and decides nothing: every answer comes from the
//! `cncd` crate, most through [`cncd_core::api::call`]. The style is rustls-ffi's:
//!
//! - every function returns a `cncd_result`, numbered, never reused for another meaning
//!   (`CNCD_OK` is 0); [`cncd_result_message`] says what a code means;
//! - registries and profiles are opaque handles, made by `_builtin`, `_from_csv`,
//!   `_from_json` or `_from_toml` and released by `_free`; a `const` handle is never
//!   changed, so one handle may be shared by any number of threads;
//! - strings in are UTF-8 pointer plus length (NULL is allowed for length 0); strings out
//!   are NUL-terminated UTF-8 with their length, released by [`cncd_string_free`];
//! - outputs go through pointer parameters and are written only on success;
//! - every function catches panics at the boundary and reports `CNCD_PANIC`, so nothing
//!   unwinds into, or aborts, the host process. Inputs past the size limits are refused
//!   with `CNCD_TOO_LARGE` before they are read.

// The header is generated from this crate by cbindgen; the lints below are the C view.
#![allow(non_camel_case_types)]

mod handles;
mod names;
mod strings;
mod text;

pub use handles::*;
pub use names::*;
pub use strings::cncd_string_free;
pub use text::*;

use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};
use strings::{input_c, output};

/// The major version of libcncd (the `cncd-c` crate), as in Cargo.toml.
pub const CNCD_VERSION_MAJOR: u32 = 0;
/// The minor version.
pub const CNCD_VERSION_MINOR: u32 = 1;
/// The patch version.
pub const CNCD_VERSION_PATCH: u32 = 0;
/// The version of the JSON contract that `cncd_call` speaks.
pub const CNCD_CONTRACT_VERSION: u32 = 1;

/// A result code: `CNCD_OK` (0) is success; every other value is an error whose meaning
/// never changes. New codes get new numbers.
pub type cncd_result = u32;

/// Success.
pub const CNCD_OK: cncd_result = 0;
/// A pointer argument that must not be NULL was NULL.
pub const CNCD_NULL_POINTER: cncd_result = 1;
/// A string argument is not valid UTF-8.
pub const CNCD_INVALID_UTF8: cncd_result = 2;
/// cncd failed inside (a caught panic): a bug, to be reported with the input.
pub const CNCD_PANIC: cncd_result = 3;
/// The caller's buffer is too small; the length needed was written.
pub const CNCD_INSUFFICIENT_BUFFER: cncd_result = 4;
/// An input is longer than the documented limit for it (see `CNCD_MAX_*`).
pub const CNCD_TOO_LARGE: cncd_result = 5;
/// No built-in registry has that name.
pub const CNCD_UNKNOWN_REGISTRY: cncd_result = 6;
/// No built-in profile has that name.
pub const CNCD_UNKNOWN_PROFILE: cncd_result = 7;
/// A registry or profile given as CSV, JSON or TOML could not be read; the message says
/// where, through the `error_out` parameter.
pub const CNCD_INVALID_DATA: cncd_result = 8;
/// The registry has no unit with that code.
pub const CNCD_UNKNOWN_UNIT: cncd_result = 9;

/// The largest request `cncd_call` reads, in bytes: 32 MiB.
pub const CNCD_MAX_REQUEST_BYTES: usize = 32 * 1024 * 1024;
/// The longest text the `cncd_text_*` functions take, in bytes: 1 MiB.
pub const CNCD_MAX_TEXT_BYTES: usize = 1024 * 1024;
/// The longest group name `cncd_name_check` takes, in bytes.
pub const CNCD_MAX_NAME_BYTES: usize = 512;
/// The longest CSV, JSON or TOML that a `_from_*` function reads, in bytes: 64 MiB.
pub const CNCD_MAX_DATA_BYTES: usize = 64 * 1024 * 1024;

/// Runs `f`, turning a panic into `CNCD_PANIC`.
pub(crate) fn guard(f: impl FnOnce() -> cncd_result) -> cncd_result {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(CNCD_PANIC)
}

/// Returns early with the error code of a `Result<T, cncd_result>`.
macro_rules! try_c {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(code) => return code,
        }
    };
}
pub(crate) use try_c;

/// The version of libcncd, `"MAJOR.MINOR.PATCH"`: a static string, never freed.
#[no_mangle]
pub extern "C" fn cncd_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

fn message(code: cncd_result) -> &'static str {
    match code {
        CNCD_OK => "success (thành công)",
        CNCD_NULL_POINTER => "a pointer argument that must not be NULL was NULL (con trỏ NULL)",
        CNCD_INVALID_UTF8 => "a string argument is not valid UTF-8 (chuỗi không phải UTF-8 hợp lệ)",
        CNCD_PANIC => "cncd failed inside: a bug, please report it with the input (lỗi nội bộ)",
        CNCD_INSUFFICIENT_BUFFER => "the buffer is too small (bộ đệm quá nhỏ)",
        CNCD_TOO_LARGE => "an input is past its size limit (dữ liệu vượt giới hạn kích thước)",
        CNCD_UNKNOWN_REGISTRY => "no built-in registry has that name (không có danh mục này)",
        CNCD_UNKNOWN_PROFILE => "no built-in profile has that name (không có cấu hình này)",
        CNCD_INVALID_DATA => "the CSV, JSON or TOML could not be read (dữ liệu không đọc được)",
        CNCD_UNKNOWN_UNIT => "the registry has no unit with that code (không có đơn vị mã này)",
        _ => "unknown result code (mã kết quả không xác định)",
    }
}

/// Writes what `code` means (English, then Vietnamese in parentheses), NUL-terminated,
/// into `buf` of `len` bytes, and its length without the NUL into `*out_len`. If `len`
/// is too small, nothing is written to `buf`, `*out_len` is the length needed (without
/// the NUL) and the result is `CNCD_INSUFFICIENT_BUFFER`. An unknown code has a message
/// too.
///
/// # Safety
/// `buf` must be NULL or point to `len` writable bytes; `out_len` must be writable.
#[no_mangle]
pub unsafe extern "C" fn cncd_result_message(code: cncd_result, buf: *mut c_char, len: usize, out_len: *mut usize) -> cncd_result {
    guard(|| {
        if out_len.is_null() {
            return CNCD_NULL_POINTER;
        }
        let m = message(code).as_bytes();
        *out_len = m.len();
        if buf.is_null() || len < m.len() + 1 {
            return CNCD_INSUFFICIENT_BUFFER;
        }
        std::ptr::copy_nonoverlapping(m.as_ptr(), buf.cast::<u8>(), m.len());
        *buf.add(m.len()) = 0;
        CNCD_OK
    })
}

/// Calls operation `op` (a NUL-terminated name such as `"text.name_key"`) of the JSON
/// contract (docs/API.md) with the JSON request of `request_len` bytes at `request`, and
/// stores the JSON response envelope, NUL-terminated, in `*response_out`. Free it with
/// `cncd_string_free`.
///
/// Returns `CNCD_OK` when a response was written: `{"ok": …}`, or `{"error": …}` when the
/// contract refused the request (its `code` and `path` say why and where). Otherwise a
/// result code, and `*response_out` is not written.
///
/// # Safety
/// `op` must be a NUL-terminated string; `request` must point to `request_len` readable
/// bytes (or be NULL with length 0); `response_out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn cncd_call(
    op: *const c_char,
    request: *const c_char,
    request_len: usize,
    response_out: *mut *mut c_char,
) -> cncd_result {
    guard(|| {
        if op.is_null() || response_out.is_null() {
            return CNCD_NULL_POINTER;
        }
        let Ok(op) = std::ffi::CStr::from_ptr(op).to_str() else {
            return CNCD_INVALID_UTF8;
        };
        let request = try_c!(input_c(request, request_len, CNCD_MAX_REQUEST_BYTES));
        output(cncd_core::api::call(op, request), response_out, std::ptr::null_mut())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn version_macros_match_cargo_toml() {
        let v = |s: &str| s.parse::<u32>().unwrap();
        assert_eq!(CNCD_VERSION_MAJOR, v(env!("CARGO_PKG_VERSION_MAJOR")));
        assert_eq!(CNCD_VERSION_MINOR, v(env!("CARGO_PKG_VERSION_MINOR")));
        assert_eq!(CNCD_VERSION_PATCH, v(env!("CARGO_PKG_VERSION_PATCH")));
        assert_eq!(CNCD_CONTRACT_VERSION, cncd_core::api::CONTRACT_VERSION);
        assert_eq!(unsafe { CStr::from_ptr(cncd_version()) }.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn every_code_has_its_own_message() {
        let codes = [
            CNCD_OK,
            CNCD_NULL_POINTER,
            CNCD_INVALID_UTF8,
            CNCD_PANIC,
            CNCD_INSUFFICIENT_BUFFER,
            CNCD_TOO_LARGE,
            CNCD_UNKNOWN_REGISTRY,
            CNCD_UNKNOWN_PROFILE,
            CNCD_INVALID_DATA,
            CNCD_UNKNOWN_UNIT,
        ];
        let mut seen = std::collections::HashSet::new();
        for (i, &c) in codes.iter().enumerate() {
            assert_eq!(c as usize, i, "codes are numbered in order, never reused");
            assert!(seen.insert(message(c)));
        }
    }

    #[test]
    fn a_panic_becomes_a_result_code() {
        // Every exported function runs inside `guard`; a panic there must not unwind into C.
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let rc = guard(|| panic!("a bug"));
        std::panic::set_hook(prev);
        assert_eq!(rc, CNCD_PANIC);
    }

    #[test]
    fn call_answers_like_the_core() {
        let req = r#"{"text":"Phường Đô Vinh"}"#;
        let mut out: *mut c_char = std::ptr::null_mut();
        assert_eq!(unsafe { cncd_call(c"text.ascii_key".as_ptr(), req.as_ptr().cast(), req.len(), &mut out) }, CNCD_OK);
        assert_eq!(unsafe { CStr::from_ptr(out) }.to_str().unwrap(), cncd_core::api::call("text.ascii_key", req));
        unsafe { cncd_string_free(out) };
    }
}
