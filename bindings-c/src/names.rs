//! The group-name standard: `cncd_name_check` and `cncd_name_format`.

use crate::handles::{cncd_profile, cncd_registry};
use crate::strings::{input_c, output};
use crate::{cncd_result, guard, try_c, CNCD_MAX_NAME_BYTES, CNCD_NULL_POINTER, CNCD_OK, CNCD_UNKNOWN_UNIT};
use cncd_core::api::names::CheckResult;
use cncd_core::names::{NameStatus, NamingRules};
use cncd_core::units::Level;
use std::borrow::Cow;
use std::ffi::c_char;

/// The verdict on a group name.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cncd_name_status {
    /// The name is the canonical one.
    CNCD_NAME_OK = 0,
    /// It names exactly one unit; the canonical name says how to write it.
    CNCD_NAME_FIXABLE = 1,
    /// It names no unit, or several.
    CNCD_NAME_INVALID = 2,
}

/// The naming rules of a profile handle, or the default's for NULL.
fn rules(profile: Option<&cncd_profile>) -> Cow<'_, NamingRules> {
    match profile {
        Some(p) => Cow::Borrowed(&p.inner.naming),
        None => Cow::Owned(NamingRules::ninh_thuan_2022()),
    }
}

/// Checks a typed Zalo group name against the standard (NAME-ZALO), as the operation
/// `names.check` does. `profile` may be NULL for the default (`ninh-thuan-2022`).
///
/// On success: `*status_out` gets the verdict; if `canonical_out` is not NULL it gets the
/// canonical name, or NULL when the name names no unit or several; if `json_out` is not
/// NULL it gets the whole result as the JSON of `names.check` (`{"status", "canonical",
/// "commune", "district", "province", "village", "diagnostics"}`). Free the strings with
/// `cncd_string_free`. Names longer than `CNCD_MAX_NAME_BYTES` give `CNCD_TOO_LARGE`.
///
/// # Safety
/// `registry` must be a live registry handle and `profile` NULL or a live profile
/// handle; `name` must point to `name_len` readable bytes; `status_out` must be writable;
/// `canonical_out` and `json_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cncd_name_check(
    registry: *const cncd_registry,
    profile: *const cncd_profile,
    name: *const c_char,
    name_len: usize,
    status_out: *mut cncd_name_status,
    canonical_out: *mut *mut c_char,
    json_out: *mut *mut c_char,
) -> cncd_result {
    guard(|| {
        let (Some(reg), false) = (registry.as_ref(), status_out.is_null()) else {
            return CNCD_NULL_POINTER;
        };
        let name = try_c!(input_c(name, name_len, CNCD_MAX_NAME_BYTES));
        let reg = &reg.inner;
        let checked = cncd_core::names::check(reg, &rules(profile.as_ref()), name, None, "/name");
        let status = match checked.status {
            NameStatus::Ok => cncd_name_status::CNCD_NAME_OK,
            NameStatus::Fixable => cncd_name_status::CNCD_NAME_FIXABLE,
            NameStatus::Invalid => cncd_name_status::CNCD_NAME_INVALID,
        };
        // Every output is made before any is written: on failure none is.
        let canonical = (!canonical_out.is_null()).then(|| checked.canonical.clone());
        let json = if json_out.is_null() {
            None
        } else {
            match serde_json::to_string(&CheckResult::new(reg, checked)) {
                Ok(j) => Some(j),
                Err(_) => return crate::CNCD_PANIC,
            }
        };
        *status_out = status;
        if let Some(c) = canonical {
            match c {
                Some(c) => {
                    output(c, canonical_out, std::ptr::null_mut());
                }
                None => *canonical_out = std::ptr::null_mut(),
            }
        }
        if let Some(j) = json {
            output(j, json_out, std::ptr::null_mut());
        }
        CNCD_OK
    })
}

/// The canonical group name of a commune's team, or of a village's when `village` is not
/// NULL (as `names.format`): `"CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam"`. `profile` may
/// be NULL for the default. `CNCD_UNKNOWN_UNIT` if the registry has no commune `commune`.
/// `*out` gets the name (free it with `cncd_string_free`), `*out_len` (may be NULL) its
/// length.
///
/// # Safety
/// `registry` must be a live registry handle, `profile` NULL or a live profile handle;
/// `commune` must point to `commune_len` readable bytes, `village` be NULL or point to
/// `village_len`; `out` must be writable, `out_len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cncd_name_format(
    registry: *const cncd_registry,
    profile: *const cncd_profile,
    commune: *const c_char,
    commune_len: usize,
    village: *const c_char,
    village_len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> cncd_result {
    guard(|| {
        let (Some(reg), false) = (registry.as_ref(), out.is_null()) else {
            return CNCD_NULL_POINTER;
        };
        let commune = try_c!(input_c(commune, commune_len, 64));
        let village = if village.is_null() { None } else { Some(try_c!(input_c(village, village_len, CNCD_MAX_NAME_BYTES))) };
        let Some(c) = reg.inner.find(Level::Commune, commune) else {
            return CNCD_UNKNOWN_UNIT;
        };
        match cncd_core::names::format(&reg.inner, &rules(profile.as_ref()), c, village) {
            Ok(name) => output(name, out, out_len),
            Err(_) => CNCD_UNKNOWN_UNIT,
        }
    })
}
