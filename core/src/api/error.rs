//! The error envelope: why a call itself failed.

use crate::diagnostics::Message;
use serde::{Deserialize, Serialize};

/// Why a call failed, as a stable snake_case code. Codes are never removed or reused for
/// another meaning; new ones may be added, so match with a fallback arm.
///
/// # Examples
/// ```
/// use cncd::api::ErrorCode;
/// assert_eq!(ErrorCode::BadJson.as_str(), "bad_json");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The request is not well-formed JSON (the message gives line and column).
    BadJson,
    /// The operation name is not one this version knows.
    UnknownOp,
    /// The JSON is well-formed but not the request the operation takes (`path` points at
    /// the problem: a wrong type, a missing or unknown field, a bad value).
    BadRequest,
    /// A registry named by the request does not exist.
    UnknownRegistry,
    /// A profile named by the request does not exist.
    UnknownProfile,
    /// The request, or one of its values, is past a documented size limit.
    TooLarge,
    /// A bug in cncd: it failed where it should not (a door that catches a panic reports
    /// it with this code). Please report it with the request.
    Internal,
}

impl ErrorCode {
    /// Every code, in the order of their numbers (never reordered: new codes go last).
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::BadJson,
        ErrorCode::UnknownOp,
        ErrorCode::BadRequest,
        ErrorCode::UnknownRegistry,
        ErrorCode::UnknownProfile,
        ErrorCode::TooLarge,
        ErrorCode::Internal,
    ];

    /// The code as it appears in the JSON envelope.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadJson => "bad_json",
            ErrorCode::UnknownOp => "unknown_op",
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::UnknownRegistry => "unknown_registry",
            ErrorCode::UnknownProfile => "unknown_profile",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::Internal => "internal",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failed call: a code, a message in both languages, and where in the request.
///
/// # Examples
/// ```
/// use cncd::api::{ApiError, ErrorCode};
/// let e = ApiError::new(ErrorCode::TooLarge, "Quá lớn", "Too large").at("/text");
/// assert_eq!(e.to_string(), "too_large at /text: Too large");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code}{}: {}", path.as_ref().map(|p| format!(" at {p}")).unwrap_or_default(), message.en)]
pub struct ApiError {
    /// What kind of failure.
    pub code: ErrorCode,
    /// What went wrong, for a person.
    pub message: Message,
    /// A JSON pointer (RFC 6901) into the request, where the problem is.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub path: Option<String>,
}

impl ApiError {
    /// An error without a path.
    pub fn new(code: ErrorCode, vi: impl Into<String>, en: impl Into<String>) -> Self {
        ApiError { code, message: Message::new(vi, en), path: None }
    }

    /// The same error, pointing at `path` (a JSON pointer) in the request.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }
}
