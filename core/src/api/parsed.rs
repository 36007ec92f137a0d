//! A request parsed once into a tree, then read into its type while remembering where
//! each value sits, so that a value at fault is named by its JSON pointer.
//!
//! Every request type is read through this one deserializer, so serde's generated code
//! exists once per type. (Wrapping serde_json's streaming deserializer in a path tracker
//! generated it twice, and the wrappers were 72 KB of the WebAssembly module.) The tree
//! keeps the document's order and its duplicate keys, so a request reads exactly as it
//! would from the text: the first problem in document order is the one reported, and a
//! key given twice is the same `duplicate field` error. One difference is deliberate: a
//! struct is read from an object only, where serde_json would also read it from an
//! array, by position.

use super::{json_error, ApiError, ErrorCode};
use serde::de::{
    self, Deserialize, DeserializeOwned, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor,
};
use std::borrow::Cow;
use std::fmt;

/// A JSON value as parsed, in document order. Strings without escapes, keys among them,
/// borrow from the request's text.
#[derive(Debug)]
pub(crate) enum Tree<'a> {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(Cow<'a, str>),
    Seq(Vec<Tree<'a>>),
    Map(Vec<(Cow<'a, str>, Tree<'a>)>),
}

/// A key or string as parsed: borrowed from the text where it has no escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Deserialize<'de> for Tree<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Tree<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<Tree<'de>, E> {
                Ok(Tree::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Tree<'de>, E> {
                Ok(Tree::Bool(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Tree<'de>, E> {
                Ok(Tree::U64(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Tree<'de>, E> {
                Ok(Tree::I64(v))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Tree<'de>, E> {
                Ok(Tree::F64(v))
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Tree<'de>, E> {
                Ok(Tree::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Tree<'de>, E> {
                Ok(Tree::Str(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Tree<'de>, E> {
                Ok(Tree::Str(Cow::Owned(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Tree<'de>, A::Error> {
                let mut items = Vec::with_capacity(a.size_hint().unwrap_or(0).min(4096));
                while let Some(item) = a.next_element()? {
                    items.push(item);
                }
                Ok(Tree::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Tree<'de>, A::Error> {
                let mut entries = Vec::new();
                while let Some((Text(key), value)) = a.next_entry()? {
                    entries.push((key, value));
                }
                Ok(Tree::Map(entries))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses a request: JSON text, and an object (an empty body reads as `{}`).
///
/// # Errors
/// `bad_json` for text that is not JSON, `bad_request` at "" for JSON that is not an object.
pub(crate) fn request_tree(json: &str) -> Result<Tree<'_>, ApiError> {
    let json = if json.trim().is_empty() { "{}" } else { json };
    let tree = parse_tree(json)?;
    // A request is an object, refused here with words of its own rather than serde's.
    if !matches!(tree, Tree::Map(_)) {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            "Yêu cầu phải là một đối tượng JSON {…}",
            "the request must be a JSON object {…}",
        )
        .at(""));
    }
    Ok(tree)
}

/// Parses JSON text of any kind into a tree.
///
/// # Errors
/// `bad_json` for text that is not JSON.
fn parse_tree(json: &str) -> Result<Tree<'_>, ApiError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let tree = Tree::deserialize(&mut de).map_err(|e| json_error(&e, String::new()))?;
    de.end().map_err(|e| json_error(&e, String::new()))?;
    Ok(tree)
}

/// Reads JSON text of any kind into `T` as requests are read, for the crate's own data
/// files: a type read both ways would have its reading compiled twice, once for this
/// deserializer and once for serde_json's.
///
/// # Errors
/// As [`decode`](super::decode), with no need for an object.
pub(crate) fn read<T: DeserializeOwned>(json: &str) -> Result<T, ApiError> {
    T::deserialize(parse_tree(json)?).map_err(PathError::into_api_error)
}

/// One step of a path: a key of an object or an index into an array.
#[derive(Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// A deserialization error and the path to the value it is about.
#[derive(Debug)]
pub(crate) struct PathError {
    /// serde_json's error, whose text and category the error envelope uses.
    pub(crate) inner: serde_json::Error,
    /// The path, innermost step first (it is built as the error travels outwards).
    steps: Vec<Step>,
}

impl PathError {
    /// The path as a JSON pointer (RFC 6901): "" for the whole request.
    pub(crate) fn pointer(&self) -> String {
        let mut out = String::new();
        for step in self.steps.iter().rev() {
            out.push('/');
            match step {
                Step::Key(key) => out.push_str(&super::escape_pointer(key)),
                Step::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }

    /// The error envelope's form of this error: `bad_request` with the pointer.
    #[inline(never)]
    pub(crate) fn into_api_error(self) -> ApiError {
        json_error(&self.inner, self.pointer())
    }

    #[cold]
    #[inline(never)]
    fn at(mut self, step: Step) -> Self {
        self.steps.push(step);
        self
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.fmt(f)
    }
}

impl std::error::Error for PathError {}

// serde_json's own wording for each kind of error (it says "null" where serde says
// "unit value"), so the messages are those of reading the text directly.
impl de::Error for PathError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::from(<serde_json::Error as de::Error>::custom(msg))
    }
    fn invalid_type(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!("invalid type: {}, expected {}", JsonUnexpected(unexp), exp))
    }
    fn invalid_value(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!("invalid value: {}, expected {}", JsonUnexpected(unexp), exp))
    }
}

/// What serde_json says of an unexpected value, written here: serde's words, "null" for
/// the unit value, and a float as serde_json writes it. (serde_json's own version calls
/// serde's `Display` of `Unexpected`, which formats floats with `core::fmt`: 18 KB of the
/// WebAssembly module that nothing else needs.) A test compares the two.
struct JsonUnexpected<'a>(Unexpected<'a>);

impl fmt::Display for JsonUnexpected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.0 {
            Unexpected::Bool(b) => write!(f, "boolean `{b}`"),
            Unexpected::Unsigned(i) => write!(f, "integer `{i}`"),
            Unexpected::Signed(i) => write!(f, "integer `{i}`"),
            Unexpected::Float(x) => match serde_json::Number::from_f64(x) {
                Some(n) => write!(f, "floating point `{n}`"),
                // Not from JSON text, which has no such numbers; as serde_json writes them.
                None if x.is_nan() => f.write_str("floating point `NaN`"),
                None if x > 0.0 => f.write_str("floating point `inf`"),
                None => f.write_str("floating point `-inf`"),
            },
            Unexpected::Char(c) => write!(f, "character `{c}`"),
            Unexpected::Str(s) => write!(f, "string {s:?}"),
            Unexpected::Bytes(_) => f.write_str("byte array"),
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Option => f.write_str("Option value"),
            Unexpected::NewtypeStruct => f.write_str("newtype struct"),
            Unexpected::Seq => f.write_str("sequence"),
            Unexpected::Map => f.write_str("map"),
            Unexpected::Enum => f.write_str("enum"),
            Unexpected::UnitVariant => f.write_str("unit variant"),
            Unexpected::NewtypeVariant => f.write_str("newtype variant"),
            Unexpected::TupleVariant => f.write_str("tuple variant"),
            Unexpected::StructVariant => f.write_str("struct variant"),
            Unexpected::Other(other) => f.write_str(other),
        }
    }
}

impl From<serde_json::Error> for PathError {
    fn from(inner: serde_json::Error) -> Self {
        Self { inner, steps: Vec::new() }
    }
}

impl Tree<'_> {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Tree::Null => Unexpected::Unit,
            Tree::Bool(b) => Unexpected::Bool(*b),
            Tree::U64(n) => Unexpected::Unsigned(*n),
            Tree::I64(n) => Unexpected::Signed(*n),
            Tree::F64(n) => Unexpected::Float(*n),
            Tree::Str(s) => Unexpected::Str(s),
            Tree::Seq(_) => Unexpected::Seq,
            Tree::Map(_) => Unexpected::Map,
        }
    }

    /// The error for a value of the wrong type; not generic, so it is written once.
    fn invalid_type(&self, expected: &dyn de::Expected) -> PathError {
        de::Error::invalid_type(self.unexpected(), expected)
    }
}

/// Reads an array's elements; an element left unread is an error, as in serde_json.
fn visit_items<'de, V: Visitor<'de>>(items: Vec<Tree<'de>>, visitor: V) -> Result<V::Value, PathError> {
    let len = items.len();
    let mut seq = Items { items: items.into_iter(), index: 0 };
    let value = visitor.visit_seq(&mut seq)?;
    left_over(seq.items.len(), len, "fewer elements in array")?;
    Ok(value)
}

/// Reads an object's entries; an entry left unread is an error, as in serde_json.
fn visit_entries<'de, V: Visitor<'de>>(entries: Vec<(Cow<'de, str>, Tree<'de>)>, visitor: V) -> Result<V::Value, PathError> {
    let len = entries.len();
    let mut map = Entries { entries: entries.into_iter(), key: Cow::Borrowed(""), value: None };
    let value = visitor.visit_map(&mut map)?;
    left_over(map.entries.len(), len, "fewer elements in map")?;
    Ok(value)
}

fn left_over(left: usize, len: usize, expected: &'static str) -> Result<(), PathError> {
    if left == 0 {
        Ok(())
    } else {
        Err(de::Error::invalid_length(len, &expected))
    }
}

// Each method accepts only the kinds of value its type can be read from and refuses the
// others with one non-generic call, as serde_json does: dispatching every type to
// `deserialize_any` would make each visitor's whole set of methods part of the module.
impl<'de> Deserializer<'de> for Tree<'de> {
    type Error = PathError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self {
            Tree::Null => visitor.visit_unit(),
            Tree::Bool(b) => visitor.visit_bool(b),
            Tree::U64(n) => visitor.visit_u64(n),
            Tree::I64(n) => visitor.visit_i64(n),
            Tree::F64(n) => visitor.visit_f64(n),
            Tree::Str(s) => visit_text(s, visitor),
            Tree::Seq(items) => visit_items(items, visitor),
            Tree::Map(entries) => visit_entries(entries, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self {
            Tree::Bool(b) => visitor.visit_bool(b),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self {
            Tree::U64(n) => visitor.visit_u64(n),
            Tree::I64(n) => visitor.visit_i64(n),
            Tree::F64(n) => visitor.visit_f64(n),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self {
            Tree::Str(s) => visit_text(s, visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self {
            Tree::Null => visitor.visit_unit(),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self {
            Tree::Seq(items) => visit_items(items, visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self {
            Tree::Map(entries) => visit_entries(entries, visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        // An object only. serde_json also reads a struct from an array, by position, which
        // skips the check of field names; and each type's reading by position was in the
        // WebAssembly module (37 KB of it).
        match self {
            Tree::Map(entries) => visit_entries(entries, visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self {
            Tree::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, PathError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        match self {
            Tree::Str(variant) => visitor.visit_enum(IntoDeserializer::<PathError>::into_deserializer(variant.into_owned())),
            Tree::Map(entries) if entries.len() == 1 => {
                let (variant, value) = entries.into_iter().next().expect("one entry");
                visitor.visit_enum(Variant { variant, value })
            }
            Tree::Map(_) => Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key")),
            other => Err(other.invalid_type(&"string or map")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        drop(self);
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! { i128 u128 bytes byte_buf }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_string(visitor)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_string(visitor)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_string(visitor)
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_unit(visitor)
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _name: &'static str, _len: usize, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_seq(visitor)
    }
}

fn visit_text<'de, V: Visitor<'de>>(text: Cow<'de, str>, visitor: V) -> Result<V::Value, PathError> {
    match text {
        Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
        Cow::Owned(s) => visitor.visit_string(s),
    }
}

/// The elements of an array, each read with its index on the path.
struct Items<'a> {
    items: std::vec::IntoIter<Tree<'a>>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = PathError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, PathError> {
        let Some(item) = self.items.next() else { return Ok(None) };
        self.index += 1;
        match seed.deserialize(item) {
            Ok(value) => Ok(Some(value)),
            Err(e) => Err(e.at(Step::Index(self.index - 1))),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of an object, each value read with its key on the path.
struct Entries<'a> {
    entries: std::vec::IntoIter<(Cow<'a, str>, Tree<'a>)>,
    /// The key last read, and its value until it is read.
    key: Cow<'a, str>,
    value: Option<Tree<'a>>,
}

impl<'a> Entries<'a> {
    /// The next entry's key, its value kept for `next_value_seed` (not generic, so the
    /// bookkeeping is written once).
    #[inline(never)]
    fn advance(&mut self) -> Option<&str> {
        let (key, value) = self.entries.next()?;
        self.key = key;
        self.value = Some(value);
        Some(&self.key)
    }

    #[inline(never)]
    fn take_value(&mut self) -> Result<Tree<'a>, PathError> {
        self.value.take().ok_or_else(|| <PathError as de::Error>::custom("value is missing"))
    }

    #[cold]
    #[inline(never)]
    fn fail(&mut self, e: PathError) -> PathError {
        e.at(Step::Key(std::mem::take(&mut self.key).into_owned()))
    }
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = PathError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, PathError> {
        let Some(key) = self.advance() else { return Ok(None) };
        // A key refused (an unknown field) is named by the path, as its value would be.
        match seed.deserialize(IntoDeserializer::<PathError>::into_deserializer(key)) {
            Ok(read) => Ok(Some(read)),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, PathError> {
        let value = self.take_value()?;
        seed.deserialize(value).map_err(|e| self.fail(e))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An externally tagged enum's variant and its content.
struct Variant<'a> {
    variant: Cow<'a, str>,
    value: Tree<'a>,
}

impl<'de> de::EnumAccess<'de> for Variant<'de> {
    type Error = PathError;
    type Variant = Content<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Content<'de>), PathError> {
        let read = seed.deserialize(IntoDeserializer::<PathError>::into_deserializer(&*self.variant))?;
        Ok((read, Content { variant: self.variant, value: self.value }))
    }
}

/// The content of a variant, read with the variant's name on the path.
struct Content<'a> {
    variant: Cow<'a, str>,
    value: Tree<'a>,
}

impl<'de> de::VariantAccess<'de> for Content<'de> {
    type Error = PathError;

    fn unit_variant(self) -> Result<(), PathError> {
        match self.value {
            Tree::Null => Ok(()),
            other => Err(other.invalid_type(&"unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, PathError> {
        let variant = self.variant;
        seed.deserialize(self.value).map_err(|e| e.at(Step::Key(variant.into_owned())))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, PathError> {
        let variant = self.variant;
        match self.value {
            Tree::Seq(items) => visit_items(items, visitor).map_err(|e| e.at(Step::Key(variant.into_owned()))),
            other => Err(other.invalid_type(&"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, PathError> {
        let variant = self.variant;
        match self.value {
            Tree::Map(entries) => visit_entries(entries, visitor).map_err(|e| e.at(Step::Key(variant.into_owned()))),
            Tree::Seq(items) => visit_items(items, visitor).map_err(|e| e.at(Step::Key(variant.into_owned()))),
            other => Err(other.invalid_type(&"struct variant")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{call, decode, ErrorCode};
    use super::{de, PathError, Unexpected};
    use crate::teams::Team;

    /// `PathError` words an unexpected value as serde_json does, which it no longer calls.
    fn assert_worded_as_serde_json(u: Unexpected) {
        let mine = <PathError as de::Error>::invalid_type(u, &"a string").to_string();
        let theirs = <serde_json::Error as de::Error>::invalid_type(u, &"a string").to_string();
        assert_eq!(mine, theirs);
        let mine = <PathError as de::Error>::invalid_value(u, &"a string").to_string();
        let theirs = <serde_json::Error as de::Error>::invalid_value(u, &"a string").to_string();
        assert_eq!(mine, theirs);
    }

    #[test]
    fn unexpected_values_are_worded_as_serde_json_words_them() {
        for u in [
            Unexpected::Bool(true),
            Unexpected::Unsigned(u64::MAX),
            Unexpected::Signed(i64::MIN),
            Unexpected::Char('Đ'),
            Unexpected::Str("Phước \"Hà\"\n"),
            Unexpected::Bytes(b"x"),
            Unexpected::Unit,
            Unexpected::Option,
            Unexpected::NewtypeStruct,
            Unexpected::Seq,
            Unexpected::Map,
            Unexpected::Enum,
            Unexpected::UnitVariant,
            Unexpected::NewtypeVariant,
            Unexpected::TupleVariant,
            Unexpected::StructVariant,
            Unexpected::Other("something else"),
        ] {
            assert_worded_as_serde_json(u);
        }
        for x in [0.0, -0.0, 1.5, 2.0, 1e21, 1e-7, 123456789.125, f64::MAX, f64::MIN_POSITIVE, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_worded_as_serde_json(Unexpected::Float(x));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_float_is_worded_as_serde_json_words_it(bits in proptest::num::u64::ANY) {
            assert_worded_as_serde_json(Unexpected::Float(f64::from_bits(bits)));
        }
    }

    /// The error's (pointer, English message) for a team read from `json`.
    fn team_error(json: &str) -> (String, String) {
        let e = decode::<Team>(json).expect_err("the team is refused");
        assert_eq!(e.code, ErrorCode::BadRequest, "{json}");
        (e.path.unwrap_or_default(), e.message.en)
    }

    #[test]
    fn paths_name_the_value_at_fault() {
        let cases = [
            (r#"{"level": "village", "members": [{"name": "An", "roles": ["mayor"]}]}"#, "/members/0/roles/0"),
            (r#"{"level": "village", "members": [{"name": "An"}, {"name": 7}]}"#, "/members/1/name"),
            (r#"{"level": "village", "decision": {"number": 123, "date": "2022-06-01"}}"#, "/decision/number"),
            (r#"{"level": "hamlet"}"#, "/level"),
            (r#"{"level": "village", "members": {"name": "An"}}"#, "/members"),
            // A field that is missing is named as if it were there.
            (r#"{"members": []}"#, "/level"),
        ];
        for (json, path) in cases {
            assert_eq!(team_error(json).0, path, "{json}");
        }
        // So is a key that is refused (a team keeps unknown keys; a request does not);
        // "~" and "/" are escaped (RFC 6901).
        let reply = call("text.clean", r#"{"text": "Hoà", "a/b~c": 1}"#);
        assert!(reply.contains(r#""path":"/a~1b~0c""#), "{reply}");
    }

    #[test]
    fn messages_are_those_of_reading_the_text() {
        for json in [
            r#"{"level": "village", "members": [{"name": null}]}"#,
            r#"{"level": "village", "members": [{"name": "An", "it_skills": "yes"}]}"#,
            r#"{"level": "village", "members": [{"name": "An", "birth_year": 1.5}]}"#,
            r#"{"level": "village", "members": [{"name": "An", "birth_year": "1990"}]}"#,
            r#"{"level": "village", "members": [{"name": "An", "birth_year": 99999999999}]}"#,
            r#"{"level": "village", "level": "commune"}"#,
            r#"{"level": "village", "members": "An"}"#,
            r#"{"level": "village", "decision": 5}"#,
        ] {
            let direct = serde_json::from_str::<Team>(json).expect_err("serde_json refuses it too").to_string();
            let direct = direct.split(" at line ").next().unwrap_or_default();
            assert_eq!(team_error(json).1, direct, "{json}");
        }
    }

    #[test]
    fn a_choice_given_another_type_is_a_bad_request() {
        // serde_json's streaming reader calls this "expected value", a syntax error, so it
        // was `bad_json`; the JSON is valid, and the contract's code is `bad_request`.
        for (json, unexpected) in
            [(r#"{"level": ["village"]}"#, "sequence"), (r#"{"level": 5}"#, "integer `5`"), (r#"{"level": null}"#, "null")]
        {
            assert_eq!(team_error(json), ("/level".into(), format!("invalid type: {unexpected}, expected string or map")), "{json}");
        }
    }

    #[test]
    fn an_object_is_never_read_from_an_array() {
        // serde_json reads a struct from an array, by position, without its field names;
        // a request does not.
        let json = r#"{"name": "x", "tiers": 3, "provinces": [["1", "Tỉnh A"]]}"#;
        assert_eq!(
            serde_json::from_str::<crate::units::RegistryJson>(json).map(|r| r.provinces[0].name.clone()).ok().as_deref(),
            Some("Tỉnh A")
        );
        let e = decode::<crate::units::RegistryJson>(json).expect_err("an array is not an object");
        assert_eq!((e.code, e.path.as_deref()), (ErrorCode::BadRequest, Some("/provinces/0")));
        assert_eq!(e.message.en, "invalid type: sequence, expected struct UnitJson");
    }

    #[test]
    fn read_takes_any_json_with_the_errors_of_requests() {
        use super::read;
        assert_eq!(read::<Vec<u8>>("[1, 2]").ok(), Some(vec![1, 2]));
        assert_eq!(read::<Vec<u8>>("[1, 2").map_err(|e| e.code).err(), Some(ErrorCode::BadJson));
        let e = read::<Vec<u8>>(r#"[1, "2"]"#).expect_err("a string is not a number");
        assert_eq!((e.code, e.path.as_deref()), (ErrorCode::BadRequest, Some("/1")));
    }

    #[test]
    fn a_key_given_twice_is_refused() {
        assert_eq!(team_error(r#"{"level": "village", "level": "commune"}"#), ("".into(), "duplicate field `level`".into()));
    }

    #[test]
    fn the_first_problem_in_the_document_is_the_one_reported() {
        // Sorted keys would report "text" first.
        let reply = call("text.clean", r#"{"zz": 1, "text": 5}"#);
        assert!(reply.contains(r#""path":"/zz""#), "{reply}");
        let reply = call("text.clean", r#"{"text": 5, "zz": 1}"#);
        assert!(reply.contains(r#""path":"/text""#), "{reply}");
    }

    #[test]
    fn bodies_that_are_not_objects() {
        for (body, code, path) in [
            ("", None, None),
            ("  ", None, None),
            ("[1]", Some(ErrorCode::BadRequest), Some("")),
            ("\"text\"", Some(ErrorCode::BadRequest), Some("")),
            ("{\"level\": ", Some(ErrorCode::BadJson), None),
            ("{} {}", Some(ErrorCode::BadJson), None),
        ] {
            let got = decode::<serde_json::Map<String, serde_json::Value>>(body).err();
            assert_eq!(got.as_ref().map(|e| e.code), code, "{body:?}");
            assert_eq!(got.and_then(|e| e.path).as_deref(), path, "{body:?}");
        }
    }
}
