//! The text keys: `cncd_text_clean`, `cncd_text_name_key`, `cncd_text_ascii_key`.

use crate::strings::{input_c, output};
use crate::{cncd_result, guard, try_c, CNCD_MAX_TEXT_BYTES};
use std::ffi::c_char;

unsafe fn text_fn(f: fn(&str) -> String, text: *const c_char, len: usize, out: *mut *mut c_char, out_len: *mut usize) -> cncd_result {
    guard(|| {
        let text = try_c!(input_c(text, len, CNCD_MAX_TEXT_BYTES));
        output(f(text), out, out_len)
    })
}

/// The display form of a text (as `text.clean`): NFC, `Đ` for `Ð`, one kind of dash,
/// space and apostrophe, no invisible characters, single spaces, trimmed. `*out` gets
/// the result (free it with `cncd_string_free`), `*out_len` (may be NULL) its length.
///
/// # Safety
/// `text` must point to `len` readable bytes (or be NULL with `len` 0); `out` must be
/// writable; `out_len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cncd_text_clean(text: *const c_char, len: usize, out: *mut *mut c_char, out_len: *mut usize) -> cncd_result {
    text_fn(cncd_core::text::clean, text, len, out, out_len)
}

/// The key two spellings of one name share (as `text.name_key`): lower case, NFC,
/// traditional tone placement, cleaned. Output as `cncd_text_clean`.
///
/// # Safety
/// As `cncd_text_clean`.
#[no_mangle]
pub unsafe extern "C" fn cncd_text_name_key(text: *const c_char, len: usize, out: *mut *mut c_char, out_len: *mut usize) -> cncd_result {
    text_fn(cncd_core::text::name_key, text, len, out, out_len)
}

/// The key without diacritics (as `text.ascii_key`): `"Phường Đô Vinh"` gives
/// `"phuong do vinh"`. Output as `cncd_text_clean`.
///
/// # Safety
/// As `cncd_text_clean`.
#[no_mangle]
pub unsafe extern "C" fn cncd_text_ascii_key(text: *const c_char, len: usize, out: *mut *mut c_char, out_len: *mut usize) -> cncd_result {
    text_fn(cncd_core::text::ascii_key, text, len, out, out_len)
}
