//! Strings across the boundary: UTF-8 pointer plus length in, NUL-terminated UTF-8 with
//! its length out.
//!
//! A string the library returns is one allocation: 8 bytes holding its length, then the
//! bytes, then a NUL. The caller sees the bytes; `cncd_string_free` finds the length
//! before them, so even a text with an interior U+0000 is returned whole and freed
//! exactly.

use crate::{cncd_result, CNCD_INVALID_UTF8, CNCD_NULL_POINTER, CNCD_OK, CNCD_TOO_LARGE};
use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};

const HEADER: usize = std::mem::size_of::<u64>();

/// Reads `len` bytes at `ptr` as UTF-8, refusing more than `max` bytes before reading
/// any. `ptr` may be NULL only when `len` is 0.
///
/// # Safety
/// `ptr` must point to `len` readable bytes when `len <= max`.
pub(crate) unsafe fn input<'a>(ptr: *const u8, len: usize, max: usize) -> Result<&'a str, cncd_result> {
    if ptr.is_null() {
        return if len == 0 { Ok("") } else { Err(CNCD_NULL_POINTER) };
    }
    if len > max {
        return Err(CNCD_TOO_LARGE);
    }
    std::str::from_utf8(std::slice::from_raw_parts(ptr, len)).map_err(|_| CNCD_INVALID_UTF8)
}

/// [`input`] for a `const char *` argument.
///
/// # Safety
/// As [`input`].
pub(crate) unsafe fn input_c<'a>(ptr: *const c_char, len: usize, max: usize) -> Result<&'a str, cncd_result> {
    input(ptr.cast(), len, max)
}

/// Hands `s` to the caller: `*out` gets the string, `*out_len` (if not NULL) its length.
///
/// # Safety
/// `out` must be writable; `out_len` NULL or writable.
pub(crate) unsafe fn output(s: String, out: *mut *mut c_char, out_len: *mut usize) -> cncd_result {
    if out.is_null() {
        return CNCD_NULL_POINTER;
    }
    let len = s.len();
    let mut buf = Vec::with_capacity(HEADER + len + 1);
    buf.extend_from_slice(&(len as u64).to_le_bytes());
    buf.extend_from_slice(s.as_bytes());
    buf.push(0);
    let raw = Box::into_raw(buf.into_boxed_slice()).cast::<u8>();
    *out = raw.add(HEADER).cast();
    if !out_len.is_null() {
        *out_len = len;
    }
    CNCD_OK
}

/// Frees a string that cncd returned. NULL is allowed and does nothing.
///
/// # Safety
/// `s` must be NULL or a string returned by cncd and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn cncd_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    let _ = catch_unwind(AssertUnwindSafe(|| {
        let start = s.cast::<u8>().sub(HEADER);
        let mut header = [0u8; HEADER];
        std::ptr::copy_nonoverlapping(start, header.as_mut_ptr(), HEADER);
        let total = HEADER + u64::from_le_bytes(header) as usize + 1;
        drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(start, total)));
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_with_a_nul_inside_comes_back_whole() {
        let mut out: *mut c_char = std::ptr::null_mut();
        let mut len = 0usize;
        assert_eq!(unsafe { output("a\0b".to_string(), &mut out, &mut len) }, CNCD_OK);
        assert_eq!(len, 3);
        assert_eq!(unsafe { std::slice::from_raw_parts(out.cast::<u8>(), 4) }, b"a\0b\0");
        unsafe { cncd_string_free(out) };
    }

    #[test]
    fn inputs_are_checked_before_they_are_read() {
        assert_eq!(unsafe { input(std::ptr::null(), 3, 10) }, Err(CNCD_NULL_POINTER));
        assert_eq!(unsafe { input(std::ptr::null(), 0, 10) }, Ok(""));
        // A length past the limit is refused without touching the (here one-byte) data.
        assert_eq!(unsafe { input(b"x".as_ptr(), 100 * 1024 * 1024, 10) }, Err(CNCD_TOO_LARGE));
        assert_eq!(unsafe { input(b"\xff".as_ptr(), 1, 10) }, Err(CNCD_INVALID_UTF8));
    }
}
