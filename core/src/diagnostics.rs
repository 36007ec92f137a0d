//! Messages in Vietnamese and English, the language of every finding and error.

use serde::{Deserialize, Serialize};

/// A message in Vietnamese (`vi`, the first language of cncd) and English (`en`).
///
/// # Examples
/// ```
/// use cncd::diagnostics::Message;
/// let m = Message::new("Thiếu tên", "Missing name");
/// assert_eq!(m.get("en"), "Missing name");
/// assert_eq!(m.get("fr"), "Thiếu tên"); // any other language falls back to Vietnamese
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Message {
    /// The Vietnamese text.
    pub vi: String,
    /// The English text.
    pub en: String,
}

impl Message {
    /// A message from its two texts.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Message { vi: vi.into(), en: en.into() }
    }

    /// The text in `lang` (`"en"` for English; anything else gives Vietnamese).
    pub fn get(&self, lang: &str) -> &str {
        if lang.eq_ignore_ascii_case("en") {
            &self.en
        } else {
            &self.vi
        }
    }
}

/// The rule ids of `plan/RULES.md` that cncd checks, in the order of that file. A
/// diagnostic's `rule` is one of them; GOV-CHAIN is the chain of command that
/// [`reports::chain`](crate::reports::chain) answers, not a finding. FUND (funding) is
/// recorded by the plan, not checked.
///
/// ```
/// assert!(cncd::diagnostics::RULE_IDS.contains(&"TEAM-SIZE"));
/// ```
pub const RULE_IDS: &[&str] = &[
    "ORG-COMMUNE",
    "ORG-VILLAGE",
    "ORG-SCHOOL",
    "ORG-DECISION",
    "TEAM-SIZE",
    "TEAM-ROLES",
    "TEAM-YOUTH",
    "TEAM-PERSON",
    "NAME-ZALO",
    "GOV-CHAIN",
    "REPORT-TEAM",
    "REPORT-DISTRICT-MONTHLY",
    "REPORT-PROVINCE",
    "TARGETS",
    "TRAIN",
];

/// How much a finding matters. A team (or a name) with an error is not valid; warnings
/// and info never make it invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Breaks a rule.
    Error,
    /// Probably wrong, or not as the standard asks.
    Warning,
    /// An equivalent form, said for information.
    Info,
}

impl Severity {
    /// The name as JSON writes it.
    ///
    /// ```
    /// assert_eq!(cncd::diagnostics::Severity::Warning.as_str(), "warning");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One finding about the data: which rule, how bad, where in the input, and why, in
/// Vietnamese and English, with its numbers as structured parameters.
///
/// `rule` is an id of the plan's rules (`NAME-ZALO`, `TEAM-SIZE`…); `code` a finer,
/// stable snake_case id; `path` a JSON pointer into the request.
///
/// # Examples
/// ```
/// use cncd::diagnostics::{Diagnostic, Severity};
/// let d = Diagnostic::new("TEAM-SIZE", "team_too_small", Severity::Error, "/team/members",
///     "Tổ có 2 thành viên, cần ít nhất 3", "The team has 2 members, at least 3 are needed")
///     .param("min", 3).param("actual", 2);
/// let json = serde_json::to_value(&d).unwrap();
/// assert_eq!(json["params"]["actual"], 2);
/// assert_eq!(json["severity"], "error");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule's id in the plan's digest.
    pub rule: String,
    /// A finer, stable id of the finding.
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// A JSON pointer into the request.
    pub path: String,
    /// Why, for a person.
    pub message: Message,
    /// The numbers and names in the message, for a program.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub params: serde_json::Map<String, serde_json::Value>,
}

impl Diagnostic {
    /// A finding with no parameters yet.
    pub fn new(rule: &str, code: &str, severity: Severity, path: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Diagnostic {
            rule: rule.to_string(),
            code: code.to_string(),
            severity,
            path: path.into(),
            message: Message::new(vi, en),
            params: serde_json::Map::new(),
        }
    }

    /// The same finding with one more parameter.
    pub fn param(mut self, name: &str, value: impl Into<serde_json::Value>) -> Self {
        self.params.insert(name.to_string(), value.into());
        self
    }
}
