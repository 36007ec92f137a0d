//! The versioned JSON contract: one `call(op, request) -> response` for every door.
//!
//! The C library (`cncd_call`) and the WebAssembly module (`call`) pass their requests
//! through [`call`], so all three doors give the same answer to the same question, and
//! the conformance vectors in `tests/vectors` check it.
//!
//! A response is `{"ok": RESULT}` or `{"error": {"code", "message": {"vi", "en"},
//! "path"?}}` (see [`ApiError`] and [`ErrorCode`]). Findings about the data are part of
//! a result, never errors. A call never panics, whatever the bytes.
//!
//! | op | request | result |
//! |---|---|---|
//! | `version` | `{}` | `{"crate": "x.y.z", "contract": 1}` |
//! | `text.clean` | `{"text"}` | `{"text"}` ([`crate::text::clean`]) |
//! | `text.name_key` | `{"text"}` | `{"key"}` ([`crate::text::name_key`]) |
//! | `text.ascii_key` | `{"text"}` | `{"key"}` ([`crate::text::ascii_key`]) |
//! | `text.tone_style` | `{"text", "style": "traditional" \| "modern"}` | `{"text"}` |
//! | `text.title_case` | `{"text"}` | `{"text"}` ([`crate::text::title_case`]) |
//! | `units.resolve` | `{"registry", "text", "level"?, "within"?, "villages"?, "schools"?}` | `{"status", "candidates": [{"code", "full_name", "kind", "level", "parent"?, "match"}]}` |
//! | `names.format` | `{"registry", "profile"?, "commune": code, "village"?}` | `{"name"}` |
//! | `names.parse` | `{"registry", "profile"?, "name", "province"?, "villages"?}` | `{"prefix", "separators", "village", "commune": {"text", "code", "match"}, "parent": {…}, "extra", "ambiguous", "unit"}` |
//! | `names.check` | `{"registry", "profile"?, "name", "province"?, "villages"?}` | `{"status", "canonical", "commune", "district", "province", "village", "diagnostics"}` |
//! | `names.rehome` | `{"name", "from", "to", "profile"?, "mapping"?}` | `{"names", "communes", "diagnostics"}` |
//! | `teams.validate` | `{"registry", "profile"?, "team", "as_of", "villages"?}` | `{"valid", "counts", "diagnostics"}` |
//! | `roster.validate` | `{"registry", "profile"?, "roster": {"teams"}, "as_of", "villages"?}` | `{"valid", "counts", "diagnostics"}` |
//! | `profile.get` | `{"name"?}` | `{"profile", "builtin"}` |
//! | `coverage.compute` | `{"registry", "profile"?, "roster", "villages"?, "schools"?, "ocop"?}` | `{"provinces", "districts", "communes", "diagnostics"}` ([`crate::coverage`]) |
//! | `activities.summarize` | `{"registry", "profile"?, "roster", "activities", "month"}` | `{"month", "teams", "communes", "districts", "provinces", "diagnostics"}` ([`crate::activities`]) |
//! | `training.check` | `{"roster", "training", "as_of"}` | `{"teams", "trained", "sessions", "diagnostics"}` ([`crate::training`]) |
//! | `targets.progress` | `{"registry", "profile"?, "roster", "activities"?, "targets", "as_of"}` | `{"items", "diagnostics"}` ([`crate::targets`]) |
//! | `reports.chain` | `{"registry", "profile"?, "team"}` | `{"supervisors", "reporter", "department", "board"}` ([`crate::reports::chain`]) |
//! | `reports.schedule` | `{"registry", "profile"?, "roster"?, "month"}` | `{"obligations"}` ([`crate::reports::schedule`]) |
//! | `reports.status` | `{"registry", "profile"?, "roster"?, "month", "submitted"?, "today"}` | `{"items", "counts", "diagnostics"}` ([`crate::reports::status`]) |
//! | `reports.draft` | `{"registry", "profile"?, "roster", "activities"?, "month", "villages"?, "schools"?, "ocop"?, "unit"?}` | `{"reports", "diagnostics"}` ([`crate::reports::drafts`]) |
//! | `units.successors` | `{"code", "from"?: registry, "mapping"?}` | `{"status", "successors": [{"code", "full_name", "province_code", "province_name", "split"}], "via"?, "base_name"?}` |
//!
//! Requests are strict: an unknown field is a `bad_request` that names it, so a typo
//! does not pass silently. An empty request stands for `{}`.
//!
//! ```
//! use cncd::api::call;
//! assert_eq!(call("text.ascii_key", r#"{"text":"Phường Đô Vinh"}"#), r#"{"ok":{"key":"phuong do vinh"}}"#);
//! let err = call("text.ascii_key", r#"{"text": 42}"#);
//! assert!(err.starts_with(r#"{"error":{"code":"bad_request""#) && err.contains(r#""path":"/text""#));
//! ```

mod context;
mod error;
mod limits;
pub mod names;
mod parsed;
pub(crate) use parsed::read;
pub mod reporting;
pub mod teams;
pub mod text;
pub mod units;

pub use context::{Context, BUILTIN_MAPPINGS, DEFAULT_MAPPING};
pub use error::{ApiError, ErrorCode};
pub use limits::{MAX_REQUEST_BYTES, MAX_TEXT_BYTES};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The version of the JSON contract. It changes only when a change would break a caller.
pub const CONTRACT_VERSION: u32 = 1;

/// The operations this version answers, in the order of the documentation.
pub const OPERATIONS: &[&str] = &[
    "version",
    "text.clean",
    "text.name_key",
    "text.ascii_key",
    "text.tone_style",
    "text.title_case",
    "units.resolve",
    "units.successors",
    "names.format",
    "names.parse",
    "names.check",
    "names.rehome",
    "teams.validate",
    "roster.validate",
    "profile.get",
    "coverage.compute",
    "activities.summarize",
    "training.check",
    "targets.progress",
    "reports.chain",
    "reports.schedule",
    "reports.status",
    "reports.draft",
    "units.list",
];

/// Request of `version`: no fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionRequest {}

/// Result of `version`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionResult {
    /// The version of the `cncd` crate, as in its Cargo.toml.
    #[serde(rename = "crate")]
    pub crate_version: String,
    /// [`CONTRACT_VERSION`].
    pub contract: u32,
}

/// `version`: the crate's version and the contract's.
///
/// # Examples
/// ```
/// let v = cncd::api::version();
/// assert_eq!(v.contract, cncd::api::CONTRACT_VERSION);
/// assert_eq!(v.crate_version, env!("CARGO_PKG_VERSION"));
/// ```
pub fn version() -> VersionResult {
    VersionResult { crate_version: env!("CARGO_PKG_VERSION").to_string(), contract: CONTRACT_VERSION }
}

/// Runs operation `op` on a JSON request and returns the JSON response envelope.
///
/// The response is always one JSON object: `{"ok": …}` on success, `{"error": …}` when
/// the call itself failed (see [`ErrorCode`] for the codes). It never panics.
///
/// # Examples
/// ```
/// use cncd::api::call;
/// assert_eq!(call("version", "{}"), format!(r#"{{"ok":{{"crate":"{}","contract":1}}}}"#, env!("CARGO_PKG_VERSION")));
/// assert_eq!(call("text.tone_style", r#"{"text":"Hòa","style":"modern"}"#), r#"{"ok":{"text":"Hoà"}}"#);
/// assert!(call("no.such.op", "{}").contains(r#""code":"unknown_op""#));
/// assert!(call("text.clean", "{").contains(r#""code":"bad_json""#));
/// ```
pub fn call(op: &str, request_json: &str) -> String {
    Context::new().call(op, request_json)
}

/// The envelope `{"error": …}` for an error, as [`call`] writes it.
///
/// # Examples
/// ```
/// use cncd::api::{error_envelope, ApiError, ErrorCode};
/// let e = ApiError::new(ErrorCode::Internal, "Lỗi", "Bug");
/// assert_eq!(error_envelope(&e), r#"{"error":{"code":"internal","message":{"vi":"Lỗi","en":"Bug"}}}"#);
/// ```
pub fn error_envelope(e: &ApiError) -> String {
    #[derive(Serialize)]
    struct Envelope<'a> {
        error: &'a ApiError,
    }
    serde_json::to_string(&Envelope { error: e })
        .unwrap_or_else(|_| r#"{"error":{"code":"internal","message":{"vi":"Lỗi nội bộ","en":"internal error"}}}"#.to_string())
}

/// Runs operation `op` and returns the JSON of its result alone (what [`call`] wraps in
/// `{"ok": …}`), or the error.
///
/// # Examples
/// ```
/// assert_eq!(cncd::api::call_raw("text.clean", r#"{"text":" Xã  Phước Hà "}"#).unwrap(), r#"{"text":"Xã Phước Hà"}"#);
/// ```
pub fn call_raw(op: &str, request_json: &str) -> Result<String, ApiError> {
    Context::new().call_raw(op, request_json)
}

impl Context {
    /// [`call_raw`] with this context's built-in data.
    pub fn call_raw(&self, op: &str, request_json: &str) -> Result<String, ApiError> {
        if request_json.len() > MAX_REQUEST_BYTES {
            return Err(ApiError::new(
                ErrorCode::TooLarge,
                format!("Yêu cầu dài {} byte, vượt giới hạn {} byte", request_json.len(), MAX_REQUEST_BYTES),
                format!("The request is {} bytes long, over the limit of {} bytes", request_json.len(), MAX_REQUEST_BYTES),
            ));
        }
        match op {
            "version" => run(request_json, |_: &VersionRequest| Ok(version())),
            "text.clean" => run(request_json, text::clean),
            "text.name_key" => run(request_json, text::name_key),
            "text.ascii_key" => run(request_json, text::ascii_key),
            "text.tone_style" => run(request_json, text::tone_style),
            "text.title_case" => run(request_json, text::title_case),
            "units.resolve" => run(request_json, |r| units::resolve(self, r)),
            "units.successors" => run(request_json, |r| units::successors(self, r)),
            "units.list" => run(request_json, |r| units::list(self, r)),
            "names.format" => run(request_json, |r| names::format(self, r)),
            "names.parse" => run(request_json, |r| names::parse(self, r)),
            "names.check" => run(request_json, |r| names::check(self, r)),
            "names.rehome" => run(request_json, |r| names::rehome(self, r)),
            "teams.validate" => run(request_json, |r| teams::validate_team(self, r)),
            "roster.validate" => run(request_json, |r| teams::validate_roster(self, r)),
            "profile.get" => run(request_json, teams::get_profile),
            "coverage.compute" => run(request_json, |r| reporting::coverage(self, r)),
            "activities.summarize" => run(request_json, |r| reporting::summarize(self, r)),
            "training.check" => run(request_json, reporting::training),
            "targets.progress" => run(request_json, |r| reporting::progress(self, r)),
            "reports.chain" => run(request_json, |r| reporting::chain(self, r)),
            "reports.schedule" => run(request_json, |r| reporting::schedule(self, r)),
            "reports.status" => run(request_json, |r| reporting::status(self, r)),
            "reports.draft" => run(request_json, |r| reporting::draft(self, r)),
            _ => Err(ApiError::new(
                ErrorCode::UnknownOp,
                format!("Không có thao tác {op:?}; các thao tác: {}", OPERATIONS.join(", ")),
                format!("No operation {op:?}; the operations are: {}", OPERATIONS.join(", ")),
            )),
        }
    }
}

fn run<Req: DeserializeOwned, Res: Serialize>(
    request_json: &str,
    f: impl FnOnce(&Req) -> Result<Res, ApiError>,
) -> Result<String, ApiError> {
    let req: Req = decode(request_json)?;
    let res = f(&req)?;
    serde_json::to_string(&res).map_err(|e| ApiError::new(ErrorCode::Internal, format!("Lỗi nội bộ: {e}"), format!("internal error: {e}")))
}

/// Reads a reference that is a name (a string) or an object given inline, keeping the
/// deserializer's path so that an error inside the object points into it (serde's
/// untagged enums would only say that nothing matched).
pub(crate) fn name_or_object<'de, D, T, R>(
    d: D,
    expecting: &'static str,
    named: fn(String) -> R,
    inline: impl FnOnce(T) -> R,
) -> Result<R, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct V<T, R, F> {
        expecting: &'static str,
        named: fn(String) -> R,
        inline: F,
        t: std::marker::PhantomData<T>,
    }
    impl<'de, T: serde::Deserialize<'de>, R, F: FnOnce(T) -> R> serde::de::Visitor<'de> for V<T, R, F> {
        type Value = R;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<R, E> {
            Ok((self.named)(v.to_string()))
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<R, A::Error> {
            T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(self.inline)
        }
    }
    d.deserialize_any(V { expecting, named, inline, t: std::marker::PhantomData })
}

/// Decodes a request, turning serde's errors into `bad_json` (with line and column) or
/// `bad_request` (with a JSON pointer to the value at fault), as every operation of the
/// contract does. A service that takes cncd's types in its own bodies uses it to refuse
/// bad bodies with the same errors. The request must be a JSON object; an empty body
/// reads as `{}`.
///
/// # Examples
/// ```
/// use cncd::{api::{decode, ErrorCode}, teams::Team};
/// let e = decode::<Team>(r#"{"level": "village", "members": [{"name": "An", "roles": ["mayor"]}]}"#).unwrap_err();
/// assert_eq!((e.code, e.path.as_deref()), (ErrorCode::BadRequest, Some("/members/0/roles/0")));
/// assert_eq!(decode::<Team>("{\"level\": ").unwrap_err().code, ErrorCode::BadJson);
/// assert_eq!(decode::<Team>(r#"["village"]"#).unwrap_err().path.as_deref(), Some(""));
/// ```
pub fn decode<T: DeserializeOwned>(json: &str) -> Result<T, ApiError> {
    // Everything but the type's own reading is in functions that are not generic, so it
    // is compiled once rather than once per request type.
    let tree = parsed::request_tree(json)?;
    T::deserialize(tree).map_err(parsed::PathError::into_api_error)
}

/// Turns a serde_json error into the error envelope's form.
pub(crate) fn json_error(e: &serde_json::Error, pointer: String) -> ApiError {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => ApiError::new(
            ErrorCode::BadJson,
            format!("JSON không hợp lệ ở dòng {line}, cột {column}: {e}"),
            format!("invalid JSON at line {line}, column {column}: {e}"),
        ),
        Category::Data => {
            let text = e.to_string();
            let detail = text.split(" at line ").next().unwrap_or(&text).to_string();
            let mut path = pointer;
            let vi = if let Some(field) = backticked(&detail, "missing field `") {
                path.push('/');
                path.push_str(&escape_pointer(field));
                format!("Thiếu trường bắt buộc \"{field}\"")
            } else if let Some(field) = backticked(&detail, "unknown field `") {
                format!("Trường \"{field}\" không có trong yêu cầu này")
            } else if detail.starts_with("invalid type") {
                format!("Sai kiểu dữ liệu ({detail})")
            } else if detail.starts_with("unknown variant") || detail.starts_with("invalid value") {
                format!("Giá trị không hợp lệ ({detail})")
            } else {
                format!("Yêu cầu không hợp lệ ({detail})")
            };
            ApiError::new(ErrorCode::BadRequest, vi, detail).at(path)
        }
    }
}

fn backticked<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(prefix)?;
    rest.split('`').next()
}

/// RFC 6901 escaping of one reference token.
pub(crate) fn escape_pointer(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
