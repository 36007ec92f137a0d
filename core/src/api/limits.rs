//! Documented size limits, enforced with `too_large`.

use super::{ApiError, ErrorCode};

/// The largest request, in bytes of JSON, that [`call`](super::call) reads: 32 MiB.
pub const MAX_REQUEST_BYTES: usize = 32 * 1024 * 1024;

/// The longest text that a `text.*` operation takes, in bytes of UTF-8: 1 MiB.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

pub(crate) fn check_text(text: &str, path: &str) -> Result<(), ApiError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            format!("Văn bản dài {} byte, vượt giới hạn {} byte", text.len(), MAX_TEXT_BYTES),
            format!("The text is {} bytes long, over the limit of {} bytes", text.len(), MAX_TEXT_BYTES),
        )
        .at(path));
    }
    Ok(())
}
