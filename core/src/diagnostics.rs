//! Messages in Vietnamese and English, the language of every finding and error.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

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
/// stable snake_case id; `path` a JSON pointer into the request. `rule` and `code` are
/// [`Cow`]s: the ids cncd writes are `&'static str`, borrowed, so a finding costs no
/// allocation for them; compare them as strings (`d.code == "team_too_small"`).
///
/// # Examples
/// ```
/// use cncd::diagnostics::{Diagnostic, Severity};
/// let d = Diagnostic::new("TEAM-SIZE", "team_too_small", Severity::Error, "/team/members",
///     "Tổ có 2 thành viên, cần ít nhất 3", "The team has 2 members, at least 3 are needed")
///     .param("min", 3).param("actual", 2);
/// assert_eq!(d.code, "team_too_small");
/// assert_eq!(d.params["actual"], 2);
/// let json = serde_json::to_value(&d).unwrap();
/// assert_eq!(json["params"], serde_json::json!({"actual": 2, "min": 3}));
/// assert_eq!(json["severity"], "error");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule's id in the plan's digest.
    pub rule: Cow<'static, str>,
    /// A finer, stable id of the finding.
    pub code: Cow<'static, str>,
    /// How much it matters.
    pub severity: Severity,
    /// A JSON pointer into the request.
    pub path: String,
    /// Why, for a person.
    pub message: Message,
    /// The numbers and names in the message, for a program.
    #[serde(default, skip_serializing_if = "Params::is_empty")]
    pub params: Params,
}

impl Diagnostic {
    /// A finding with no parameters yet.
    pub fn new(
        rule: impl Into<Cow<'static, str>>,
        code: impl Into<Cow<'static, str>>,
        severity: Severity,
        path: impl Into<String>,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Diagnostic::from_parts(rule.into(), code.into(), severity, path.into(), Message { vi: vi.into(), en: en.into() })
    }

    /// [`Diagnostic::new`] once its arguments are converted: compiled once, not for each
    /// combination of their types (the WebAssembly module counts every copy).
    fn from_parts(rule: Cow<'static, str>, code: Cow<'static, str>, severity: Severity, path: String, message: Message) -> Self {
        Diagnostic { rule, code, severity, path, message, params: Params::new() }
    }

    /// The same finding with one more parameter (or another value for `name`).
    pub fn param(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<Value>) -> Self {
        self.params.set(name.into(), value.into());
        self
    }
}

/// The parameters of a [`Diagnostic`]: a small map from names to JSON values, kept in
/// the order of their names, as JSON writes it (`{"actual": 2, "min": 3}`).
///
/// A finding has a handful of parameters, so they are a sorted list, not a tree: one
/// allocation, and none for the names cncd writes, which are `&'static str`. Indexing by
/// a name that is not there gives `null`, as indexing a [`serde_json::Value`] does.
///
/// # Examples
/// ```
/// use cncd::diagnostics::Params;
/// let mut p = Params::new();
/// p.insert("typed", "Phuoc Ha");
/// p.insert("slot", "commune");
/// assert_eq!(p.get("slot").and_then(|v| v.as_str()), Some("commune"));
/// assert_eq!(p["typed"], "Phuoc Ha");
/// assert!(p["none"].is_null());
/// let names: Vec<&str> = p.iter().map(|(name, _)| name).collect();
/// assert_eq!(names, ["slot", "typed"]);
/// assert!(p.contains_key("slot") && !p.contains_key("none"));
/// for (name, value) in &p {
///     assert!(value.is_string(), "{name}");
/// }
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(Vec<(Cow<'static, str>, Value)>);

impl Params {
    /// No parameters; allocates nothing.
    pub const fn new() -> Self {
        Params(Vec::new())
    }

    /// Sets `name` to `value`, replacing the value it had.
    pub fn insert(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<Value>) {
        self.set(name.into(), value.into());
    }

    /// [`Params::insert`], compiled once rather than for each type of value.
    #[inline(never)]
    fn set(&mut self, name: Cow<'static, str>, value: Value) {
        match self.0.binary_search_by(|(n, _)| (**n).cmp(&*name)) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (name, value)),
        }
    }

    /// The value of `name`, if it has one.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.binary_search_by(|(n, _)| (**n).cmp(name)).ok().map(|i| &self.0[i].1)
    }

    /// Whether `name` has a value.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// How many parameters there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The parameters, in the order of their names.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(n, v)| (&**n, v))
    }
}

impl<'a> IntoIterator for &'a Params {
    type Item = (&'a str, &'a Value);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (Cow<'static, str>, Value)>, fn(&'a (Cow<'static, str>, Value)) -> (&'a str, &'a Value)>;

    /// The parameters, in the order of their names: `for (name, value) in &d.params`.
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(n, v)| (&**n, v))
    }
}

impl std::ops::Index<&str> for Params {
    type Output = Value;

    /// The value of `name`, or `null` when it has none.
    fn index(&self, name: &str) -> &Value {
        static NULL: Value = Value::Null;
        self.get(name).unwrap_or(&NULL)
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(&**name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ParamsVisitor;
        impl<'de> Visitor<'de> for ParamsVisitor {
            type Value = Params;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of parameters")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Params, A::Error> {
                let mut p = Params::new();
                while let Some((name, value)) = map.next_entry::<String, Value>()? {
                    p.insert(name, value);
                }
                Ok(p)
            }
        }
        d.deserialize_map(ParamsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// `Params` writes the JSON the `serde_json::Map` it replaced wrote, and reads it
        /// back: the contract's bytes do not depend on the type.
        #[test]
        fn params_write_what_a_json_map_writes(entries in proptest::collection::vec(("[a-zA-Zé_]{0,6}", any::<i64>()), 0..8)) {
            let mut params = Params::new();
            let mut map = serde_json::Map::new();
            for (name, value) in &entries {
                params.insert(name.clone(), *value);
                map.insert(name.clone(), (*value).into());
            }
            let json = serde_json::to_string(&params).unwrap();
            prop_assert_eq!(&json, &serde_json::to_string(&map).unwrap());
            prop_assert_eq!(params.len(), map.len());
            for (name, value) in &map {
                prop_assert_eq!(params.get(name), Some(value));
            }
            prop_assert_eq!(serde_json::from_str::<Params>(&json).unwrap(), params);
        }
    }

    #[test]
    fn a_diagnostic_reads_back_what_it_wrote() {
        let d = Diagnostic::new("TEAM-SIZE", "team_too_small", Severity::Error, "/team/members", "Tổ có 2 thành viên", "2 members")
            .param("min", 3)
            .param("actual", 2)
            .param("min", 4);
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.contains(r#""params":{"actual":2,"min":4}"#), "{json}");
        assert_eq!(serde_json::from_str::<Diagnostic>(&json).unwrap(), d);
        let bare = Diagnostic::new("TEAM-SIZE", "team_too_small", Severity::Error, "", "", "");
        assert!(!serde_json::to_string(&bare).unwrap().contains("params"));
        assert!(serde_json::from_str::<Diagnostic>(
            r#"{"rule":"X","code":"y","severity":"info","path":"","message":{"vi":"","en":""},"params":[1]}"#
        )
        .is_err());
    }
}
