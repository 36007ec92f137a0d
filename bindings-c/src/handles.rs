//! The opaque handles: `cncd_registry` (administrative units) and `cncd_profile` (a
//! province's rules). A handle is made once, read by any number of threads through a
//! `const` pointer, and released once with its `_free`.

use crate::strings::{input_c, output};
use crate::{
    cncd_result, guard, try_c, CNCD_INVALID_DATA, CNCD_MAX_DATA_BYTES, CNCD_NULL_POINTER, CNCD_OK, CNCD_UNKNOWN_PROFILE,
    CNCD_UNKNOWN_REGISTRY,
};
use cncd_core::profile::Profile;
use cncd_core::units::Registry;
use std::ffi::c_char;

/// A list of administrative units (a registry). Opaque; immutable once made, so a
/// `const cncd_registry *` may be shared between threads.
pub struct cncd_registry {
    pub(crate) inner: Registry,
}

/// A province's rules (a profile). Opaque; immutable once made, so a
/// `const cncd_profile *` may be shared between threads.
pub struct cncd_profile {
    pub(crate) inner: Profile,
}

/// Makes a handle: checks `out`, runs `build` with panics caught, and on success hands
/// the new handle to the caller through `out` (written only then).
unsafe fn make<T>(out: *mut *const T, build: impl FnOnce() -> Result<T, cncd_result>) -> cncd_result {
    guard(|| {
        if out.is_null() {
            return CNCD_NULL_POINTER;
        }
        let value = try_c!(build());
        *out = Box::into_raw(Box::new(value));
        CNCD_OK
    })
}

/// Reports a load failure: `CNCD_INVALID_DATA`, with the message in `*error_out` if the
/// caller asked for it.
unsafe fn invalid(message: String, error_out: *mut *mut c_char) -> cncd_result {
    if !error_out.is_null() {
        let _ = output(message, error_out, std::ptr::null_mut());
    }
    CNCD_INVALID_DATA
}

/// Releases a handle made by [`make`].
unsafe fn release<T>(handle: *const T) {
    if !handle.is_null() {
        let _ = guard(|| {
            drop(Box::from_raw(handle.cast_mut()));
            CNCD_OK
        });
    }
}

/// A built-in registry by name: `"ninh-thuan-2022"`, `"vietnam-2022"` or
/// `"vietnam-2025"` (the national ones unless libcncd was built without them).
/// `CNCD_UNKNOWN_REGISTRY` for another name.
///
/// # Safety
/// `name` must point to `name_len` readable bytes; `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn cncd_registry_builtin(name: *const c_char, name_len: usize, out: *mut *const cncd_registry) -> cncd_result {
    make(out, || Registry::builtin(input_c(name, name_len, 256)?).map(|inner| cncd_registry { inner }).ok_or(CNCD_UNKNOWN_REGISTRY))
}

/// A registry read from CSV (`province_code,province_name,district_code,district_name,
/// commune_code,commune_name`, or without the district columns for two tiers), named
/// `name`. On failure `CNCD_INVALID_DATA`, and if `error_out` is not NULL it gets a
/// message with the line and column (free it with `cncd_string_free`).
///
/// # Safety
/// Pointers with lengths must point to that many readable bytes; `out` must be writable;
/// `error_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cncd_registry_from_csv(
    name: *const c_char,
    name_len: usize,
    csv: *const c_char,
    csv_len: usize,
    out: *mut *const cncd_registry,
    error_out: *mut *mut c_char,
) -> cncd_result {
    make(out, || {
        let (name, csv) = (input_c(name, name_len, 256)?, input_c(csv, csv_len, CNCD_MAX_DATA_BYTES)?);
        Registry::from_csv(name, csv).map(|inner| cncd_registry { inner }).map_err(|e| invalid(e.to_string(), error_out))
    })
}

/// A registry read from JSON, in the shape of an inline registry of the contract
/// (docs/API.md). Errors as `cncd_registry_from_csv`.
///
/// # Safety
/// As `cncd_registry_from_csv`.
#[no_mangle]
pub unsafe extern "C" fn cncd_registry_from_json(
    json: *const c_char,
    json_len: usize,
    out: *mut *const cncd_registry,
    error_out: *mut *mut c_char,
) -> cncd_result {
    make(out, || {
        let json = input_c(json, json_len, CNCD_MAX_DATA_BYTES)?;
        Registry::from_json(json).map(|inner| cncd_registry { inner }).map_err(|e| invalid(e.to_string(), error_out))
    })
}

/// Releases a registry. NULL is allowed and does nothing.
///
/// # Safety
/// `registry` must be NULL or a handle from cncd not yet freed, that no other thread is
/// using.
#[no_mangle]
pub unsafe extern "C" fn cncd_registry_free(registry: *const cncd_registry) {
    release(registry)
}

/// A built-in profile by name: `"ninh-thuan-2022"`, `"two-tier-2025"`, `"thai-nguyen"`,
/// `"quang-tri"`, `"thanh-hoa"`, `"tuyen-quang"`, `"da-nang"`. `CNCD_UNKNOWN_PROFILE`
/// for another name.
///
/// # Safety
/// `name` must point to `name_len` readable bytes; `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn cncd_profile_builtin(name: *const c_char, name_len: usize, out: *mut *const cncd_profile) -> cncd_result {
    make(out, || Profile::builtin(input_c(name, name_len, 256)?).map(|inner| cncd_profile { inner }).ok_or(CNCD_UNKNOWN_PROFILE))
}

unsafe fn profile_from(
    parse: fn(&str) -> Result<Profile, cncd_core::profile::ProfileError>,
    text: *const c_char,
    len: usize,
    out: *mut *const cncd_profile,
    error_out: *mut *mut c_char,
) -> cncd_result {
    make(out, || {
        let text = input_c(text, len, CNCD_MAX_DATA_BYTES)?;
        parse(text).map(|inner| cncd_profile { inner }).map_err(|e| invalid(e.to_string(), error_out))
    })
}

/// A profile read from JSON (the shape `profile.get` returns). A mistyped key is an
/// error that names it: `CNCD_INVALID_DATA`, with the message in `*error_out` if
/// `error_out` is not NULL.
///
/// # Safety
/// `json` must point to `json_len` readable bytes; `out` must be writable; `error_out`
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cncd_profile_from_json(
    json: *const c_char,
    json_len: usize,
    out: *mut *const cncd_profile,
    error_out: *mut *mut c_char,
) -> cncd_result {
    profile_from(Profile::from_json, json, json_len, out, error_out)
}

/// A profile read from TOML. Errors as `cncd_profile_from_json`.
///
/// # Safety
/// As `cncd_profile_from_json`.
#[no_mangle]
pub unsafe extern "C" fn cncd_profile_from_toml(
    toml: *const c_char,
    toml_len: usize,
    out: *mut *const cncd_profile,
    error_out: *mut *mut c_char,
) -> cncd_result {
    profile_from(Profile::from_toml, toml, toml_len, out, error_out)
}

/// Releases a profile. NULL is allowed and does nothing.
///
/// # Safety
/// `profile` must be NULL or a handle from cncd not yet freed, that no other thread is
/// using.
#[no_mangle]
pub unsafe extern "C" fn cncd_profile_free(profile: *const cncd_profile) {
    release(profile)
}
