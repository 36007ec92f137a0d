//! What a request can fail with, as HTTP statuses and the contract's error envelope:
//! `{"error": {"code", "message": {"vi", "en"}, "path"?, "diagnostics"?}}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cncd::diagnostics::{Diagnostic, Message};
use serde_json::json;

/// A request the service refuses, or could not serve.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The body is not JSON of the expected shape (400, `bad_json` or `bad_request`).
    #[error("{code} at {path:?}: {en}")]
    BadRequest {
        /// `bad_json` or `bad_request`.
        code: &'static str,
        /// A JSON pointer into the body, or the query parameter.
        path: String,
        /// Vietnamese.
        vi: String,
        /// English.
        en: String,
    },
    /// The data breaks an error-level rule (422, `rule_violation`, with the diagnostics).
    #[error("the data breaks {} rule(s)", .0.len())]
    Invalid(Vec<Diagnostic>),
    /// No such record (404, `not_found`).
    #[error("no {0}")]
    NotFound(String),
    /// The database failed (500, `storage`).
    #[error("storage: {0}")]
    Storage(#[from] rusqlite::Error),
}

impl ServiceError {
    pub(crate) fn bad_request(path: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) -> Self {
        ServiceError::BadRequest { code: "bad_request", path: path.into(), vi: vi.into(), en: en.into() }
    }
}

impl IntoResponse for ServiceError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            ServiceError::BadRequest { code, path, vi, en } => {
                (StatusCode::BAD_REQUEST, json!({"code": code, "message": Message::new(vi, en), "path": path}))
            }
            ServiceError::Invalid(diagnostics) => {
                let n = diagnostics.iter().filter(|d| d.severity == cncd::diagnostics::Severity::Error).count();
                let message = Message::new(
                    format!("Dữ liệu vi phạm {n} quy định, không được lưu"),
                    format!("the data breaks {n} rule(s) and was not stored"),
                );
                (StatusCode::UNPROCESSABLE_ENTITY, json!({"code": "rule_violation", "message": message, "diagnostics": diagnostics}))
            }
            ServiceError::NotFound(what) => (
                StatusCode::NOT_FOUND,
                json!({"code": "not_found", "message": Message::new(format!("Không tìm thấy {what}"), format!("no {what}"))}),
            ),
            ServiceError::Storage(e) => {
                // The client learns that storage failed; the details go to the log, not to it.
                eprintln!("cncd-service: storage error: {e}");
                let message = Message::new("Lỗi lưu trữ, dữ liệu chưa được lưu", "storage failed; nothing was stored");
                (StatusCode::INTERNAL_SERVER_ERROR, json!({"code": "storage", "message": message}))
            }
        };
        (status, axum::Json(json!({ "error": body }))).into_response()
    }
}
