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
