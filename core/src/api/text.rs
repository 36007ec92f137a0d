//! The `text.*` operations.

use super::{limits::check_text, ApiError};
use crate::text::{self, ToneStyle};
use serde::{Deserialize, Serialize};

/// Request of `text.clean`, `text.name_key`, `text.ascii_key` and `text.title_case`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextRequest {
    /// The text, at most [`MAX_TEXT_BYTES`](super::MAX_TEXT_BYTES) bytes.
    pub text: String,
}

/// Request of `text.tone_style`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToneStyleRequest {
    /// The text, at most [`MAX_TEXT_BYTES`](super::MAX_TEXT_BYTES) bytes.
    pub text: String,
    /// `"traditional"` or `"modern"`.
    pub style: ToneStyle,
}

/// Result of the operations that return text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextResult {
    /// The text produced.
    pub text: String,
}

/// Result of the key operations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyResult {
    /// The key.
    pub key: String,
}

/// `text.clean`: [`text::clean`].
pub fn clean(r: &TextRequest) -> Result<TextResult, ApiError> {
    check_text(&r.text, "/text")?;
    Ok(TextResult { text: text::clean(&r.text) })
}

/// `text.title_case`: [`text::title_case`].
pub fn title_case(r: &TextRequest) -> Result<TextResult, ApiError> {
    check_text(&r.text, "/text")?;
    Ok(TextResult { text: text::title_case(&r.text) })
}

/// `text.name_key`: [`text::name_key`].
pub fn name_key(r: &TextRequest) -> Result<KeyResult, ApiError> {
    check_text(&r.text, "/text")?;
    Ok(KeyResult { key: text::name_key(&r.text) })
}

/// `text.ascii_key`: [`text::ascii_key`].
pub fn ascii_key(r: &TextRequest) -> Result<KeyResult, ApiError> {
    check_text(&r.text, "/text")?;
    Ok(KeyResult { key: text::ascii_key(&r.text) })
}

/// `text.tone_style`: [`text::to_tone_style`].
pub fn tone_style(r: &ToneStyleRequest) -> Result<TextResult, ApiError> {
    check_text(&r.text, "/text")?;
    Ok(TextResult { text: text::to_tone_style(&r.text, r.style) })
}
