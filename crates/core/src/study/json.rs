//! A small JSON reader for the embedded study: a `serde::Deserializer` over strict JSON
//! text (RFC 8259) that does only what the study's derived types ask of it.
//!
//! Why not `serde_json`: in the wasm build, serde_json's reader and the paths it
//! instantiates in every derived `Deserialize` (each struct read both as a map and as a
//! sequence, numbers through serde_json's own float parser) cost about 100 KB of the
//! binary. This reader reads structs only as JSON objects, numbers with the standard
//! library's correctly rounded parser, and keeps nothing it does not need. Natively,
//! [`crate::study::RawStudy::from_json`] still uses serde_json (for its messages
//! on malformed files); a test checks that both readers give the same study, bit for bit.
//!
//! Errors carry the byte offset; [`from_str`] turns it into a 1-based line and column.

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use std::borrow::Cow;
use std::fmt;

/// Nesting deeper than this is refused (serde_json's limit too), so no input can
/// overflow the stack.
const MAX_DEPTH: usize = 128;

/// Why the text did not read as the requested type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// 1-based line of the error (0 when the error has no position).
    pub line: usize,
    /// 1-based column (in characters) of the error.
    pub column: usize,
    /// What went wrong.
    pub message: String,
    pos: Option<usize>,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for JsonError {}

impl de::Error for JsonError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonError { line: 0, column: 0, message: msg.to_string(), pos: None }
    }
}

/// Reads a whole JSON text as a `T`; only whitespace may follow the value.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let mut de = Reader { text, src: text.as_bytes(), pos: 0, depth: 0 };
    let result = T::deserialize(&mut de).and_then(|v| {
        de.ws();
        if de.pos < de.src.len() {
            Err(de.err("trailing characters"))
        } else {
            Ok(v)
        }
    });
    result.map_err(|mut e| {
        // An error raised by a visitor (serde's `custom`) has no position: use where the
        // reader stopped.
        let pos = e.pos.unwrap_or(de.pos).min(text.len());
        let before = &text.as_bytes()[..pos];
        e.line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        e.column = 1 + String::from_utf8_lossy(&before[line_start..]).chars().count();
        e.pos = Some(pos);
        e
    })
}

struct Reader<'a> {
    text: &'a str,
    /// `text` as bytes.
    src: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn err(&self, message: &str) -> JsonError {
        JsonError { line: 0, column: 0, message: message.to_string(), pos: Some(self.pos) }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.src.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next non-whitespace byte, not consumed.
    fn peek(&mut self) -> Result<u8, JsonError> {
        self.ws();
        self.src.get(self.pos).copied().ok_or_else(|| self.err("unexpected end of input"))
    }

    fn expect(&mut self, b: u8, what: &str) -> Result<(), JsonError> {
        if self.peek()? == b {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.err(what))
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), JsonError> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.err("expected a value"))
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits =
            self.src.get(self.pos..self.pos + 4).ok_or_else(|| self.err("bad \\u escape"))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.err("bad \\u escape"))?;
        let v = u32::from_str_radix(text, 16).map_err(|_| self.err("bad \\u escape"))?;
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return Err(self.err("bad \\u escape"));
        }
        self.pos += 4;
        Ok(v)
    }

    /// Moves past the characters of a string that need no attention (up to a quote, a
    /// backslash, a control character or the end), returning where the run began.
    fn plain_run(&mut self) -> usize {
        let start = self.pos;
        while let Some(&b) = self.src.get(self.pos) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.pos += 1;
        }
        start
    }

    /// A string value (the opening quote is next), escapes resolved: borrowed from the
    /// input when it has none, which is every key of the study and most values, so
    /// reading a key or skipping a value allocates nothing.
    fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.expect(b'"', "expected a string")?;
        let start = self.plain_run();
        if self.src.get(self.pos) == Some(&b'"') {
            self.pos += 1;
            // Both ends sit next to an ASCII quote, so they are character boundaries.
            return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
        }
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            match self.src.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let e = *self
                        .src
                        .get(self.pos)
                        .ok_or_else(|| self.err("unexpected end of input"))?;
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi) {
                                if !self.src[self.pos..].starts_with(b"\\u") {
                                    return Err(self.err("unpaired surrogate"));
                                }
                                self.pos += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("unpaired surrogate"));
                                }
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                            } else {
                                char::from_u32(hi)
                            };
                            out.push(c.ok_or_else(|| self.err("unpaired surrogate"))?);
                        }
                        _ => return Err(self.err("bad escape")),
                    }
                    let run = self.plain_run();
                    out.push_str(&self.text[run..self.pos]);
                }
                Some(_) => return Err(self.err("control character in string")),
                None => return Err(self.err("unexpected end of input")),
            }
        }
    }

    /// A number token: integers as u64 / i64 when they fit, everything else as f64.
    fn number<'de, V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, JsonError> {
        self.ws();
        let start = self.pos;
        let digits = |r: &mut Self| {
            let s = r.pos;
            while r.src.get(r.pos).is_some_and(u8::is_ascii_digit) {
                r.pos += 1;
            }
            r.pos - s
        };
        let neg = self.src.get(self.pos) == Some(&b'-');
        if neg {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = digits(self);
        if n == 0 || (n > 1 && self.src[int_start] == b'0') {
            self.pos = start;
            return Err(self.err("expected a value"));
        }
        let mut integer = true;
        if self.src.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            integer = false;
            if digits(self) == 0 {
                return Err(self.err("expected a digit"));
            }
        }
        if let Some(b'e' | b'E') = self.src.get(self.pos) {
            self.pos += 1;
            integer = false;
            if let Some(b'+' | b'-') = self.src.get(self.pos) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.err("expected a digit"));
            }
        }
        // Only ASCII digits, signs, '.' and 'e' were consumed.
        let text = std::str::from_utf8(&self.src[start..self.pos]).unwrap_or("");
        if integer {
            if neg {
                if let Ok(v) = text.parse::<i64>() {
                    return visitor.visit_i64(v);
                }
            } else if let Ok(v) = text.parse::<u64>() {
                return visitor.visit_u64(v);
            }
        }
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => visitor.visit_f64(v),
            _ => Err(self.err("number out of range")),
        }
    }

    /// Skips one value of any kind.
    fn skip(&mut self) -> Result<(), JsonError> {
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' | b'[' => {
                let close = if self.src[self.pos] == b'{' { b'}' } else { b']' };
                self.enter()?;
                self.pos += 1;
                let mut first = true;
                while self.peek()? != close {
                    if !first {
                        self.expect(b',', "expected ',' or a closing bracket")?;
                    }
                    first = false;
                    if close == b'}' {
                        self.string()?;
                        self.expect(b':', "expected ':'")?;
                    }
                    self.skip()?;
                }
                self.pos += 1;
                self.depth -= 1;
                Ok(())
            }
            b't' => self.literal("true"),
            b'f' => self.literal("false"),
            b'n' => self.literal("null"),
            _ => self.number(de::IgnoredAny).map(drop),
        }
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("recursion limit exceeded"));
        }
        Ok(())
    }
}

/// The elements of an array or the entries of an object, comma-separated.
struct Items<'r, 'a> {
    de: &'r mut Reader<'a>,
    close: u8,
    first: bool,
}

impl Items<'_, '_> {
    /// Whether another item follows (consuming the comma before it).
    fn more(&mut self) -> Result<bool, JsonError> {
        if self.de.peek()? == self.close {
            return Ok(false);
        }
        if !self.first {
            self.de.expect(b',', "expected ',' or a closing bracket")?;
        }
        self.first = false;
        Ok(true)
    }
}

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = JsonError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, JsonError> {
        if self.more()? {
            seed.deserialize(&mut *self.de).map(Some)
        } else {
            Ok(None)
        }
    }
}

impl<'de> MapAccess<'de> for Items<'_, '_> {
    type Error = JsonError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, JsonError> {
        if !self.more()? {
            return Ok(None);
        }
        if self.de.peek()? != b'"' {
            return Err(self.de.err("expected a key"));
        }
        let key = seed.deserialize(&mut *self.de)?;
        self.de.expect(b':', "expected ':'")?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, JsonError> {
        seed.deserialize(&mut *self.de)
    }
}

/// A struct's fields in declared order: where each value starts, if present.
struct Fields<'r, 'a> {
    de: &'r mut Reader<'a>,
    found: Vec<Option<usize>>,
    next: usize,
}

impl<'de> SeqAccess<'de> for Fields<'_, '_> {
    type Error = JsonError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, JsonError> {
        let at = self.found.get(self.next).copied().flatten();
        self.next += 1;
        match at {
            Some(pos) => {
                self.de.pos = pos;
                seed.deserialize(&mut *self.de).map(Some)
            }
            None => Ok(None),
        }
    }
}

impl<'a> Reader<'a> {
    /// Reads an array or object with `visit`, then its closing bracket.
    fn items<'de, V: Visitor<'de>>(
        &mut self,
        open: u8,
        visitor: V,
        visit: fn(V, &mut Items<'_, 'a>) -> Result<V::Value, JsonError>,
    ) -> Result<V::Value, JsonError> {
        let (close, what) =
            if open == b'{' { (b'}', "expected an object") } else { (b']', "expected an array") };
        self.expect(open, what)?;
        self.enter()?;
        let mut items = Items { de: self, close, first: true };
        let value = visit(visitor, &mut items)?;
        self.expect(close, "expected ',' or a closing bracket")?;
        self.depth -= 1;
        Ok(value)
    }
}

macro_rules! numbers {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
            self.number(visitor)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'_> {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.peek()? {
            b'"' => self.deserialize_string(visitor),
            b'{' => self.deserialize_map(visitor),
            b'[' => self.deserialize_seq(visitor),
            b't' | b'f' => self.deserialize_bool(visitor),
            b'n' => self.deserialize_unit(visitor),
            _ => self.number(visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.peek()? {
            b't' => self.literal("true").and_then(|()| visitor.visit_bool(true)),
            b'f' => self.literal("false").and_then(|()| visitor.visit_bool(false)),
            _ => Err(self.err("expected a boolean")),
        }
    }

    numbers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8 deserialize_u16
             deserialize_u32 deserialize_u64 deserialize_f32 deserialize_f64);

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.string()? {
            Cow::Borrowed(s) => visitor.visit_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        visitor.visit_string(self.string()?.into_owned())
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, JsonError> {
        Err(self.err("bytes are not supported"))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, JsonError> {
        Err(self.err("bytes are not supported"))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        if self.peek()? == b'n' {
            self.literal("null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.peek()?;
        self.literal("null")?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.items(b'[', visitor, |v, items| v.visit_seq(items))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.items(b'{', visitor, |v, items| v.visit_map(items))
    }

    /// Structs are JSON objects (serde_json also accepts arrays; the study never uses
    /// them), handed to the visitor as a *sequence* of the values of `fields` in declared
    /// order: serde's derived `visit_seq` is far smaller than its `visit_map` (no matching
    /// of key names, no per-field bookkeeping), so only it is compiled. A key the struct
    /// does not declare is skipped; a missing field is reported as absent (`None`), which
    /// the derived code turns into the field's default or an error, as for a map.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        self.expect(b'{', "expected an object")?;
        self.enter()?;
        let mut found: Vec<Option<usize>> = vec![None; fields.len()];
        let mut first = true;
        while self.peek()? != b'}' {
            if !first {
                self.expect(b',', "expected ',' or '}'")?;
            }
            first = false;
            let key_at = self.pos;
            let key = self.string()?;
            self.expect(b':', "expected ':'")?;
            self.ws();
            if let Some(i) = fields.iter().position(|f| *f == key) {
                if found[i].is_some() {
                    self.pos = key_at;
                    return Err(self.err("duplicate field"));
                }
                found[i] = Some(self.pos);
            }
            self.skip()?;
        }
        let end = self.pos + 1;
        let value = visitor.visit_seq(Fields { de: &mut *self, found, next: 0 })?;
        self.pos = end;
        self.depth -= 1;
        Ok(value)
    }

    /// Enums are unit variants written as strings (the only kind the study has).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        if self.peek()? != b'"' {
            return Err(self.err("expected a string naming a variant"));
        }
        let s = self.string()?.into_owned();
        visitor.visit_enum(IntoDeserializer::<JsonError>::into_deserializer(s))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.skip()?;
        visitor.visit_unit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        One,
        TwoWords,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct S {
        a: u32,
        b: f64,
        c: String,
        #[serde(default)]
        d: Option<i64>,
        e: Vec<Kind>,
    }

    #[test]
    fn reads_objects_numbers_strings_and_enums() {
        let s: S = from_str(r#" {"a": 7, "z": [1, {"x": null}, "skip\"me"], "b": -1.5e2, "c": "\u00e9\ud83d\ude00\n/", "e": ["one", "two_words"]} "#).unwrap();
        assert_eq!(
            s,
            S {
                a: 7, b: -150.0, c: "é😀\n/".into(), d: None, e: vec![Kind::One, Kind::TwoWords]
            }
        );
        let s: S = from_str(r#"{"a":0,"b":3,"c":"","d":-4,"e":[]}"#).unwrap();
        assert_eq!((s.b, s.d), (3.0, Some(-4)));
    }

    #[test]
    fn strings_with_text_between_escapes_match_serde_json() {
        // Plain runs before, between and after escapes, multi-byte text among them, a key
        // with an escape, and a control character refused.
        for text in [
            r#""plain""#,
            r#""""#,
            r#""Zoë \"quoted\" then 中文\\ and \u00e9nd""#,
            r#""\n\t""#,
            r#""a\/b\u4e2d""#,
        ] {
            let ours: String = from_str(text).unwrap();
            let theirs: String = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs, "{text}");
        }
        let s: S = from_str(r#"{"\u0061":1,"b":1,"c":"x\"y","e":[]}"#).unwrap();
        assert_eq!((s.a, s.c.as_str()), (1, "x\"y"));
        assert!(from_str::<String>("\"a\u{1}b\"").is_err());
        assert!(from_str::<String>(r#""unterminated \"#).is_err());
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = from_str::<S>("{\n  \"a\": 1,\n  \"b\": x}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 8), "{e}");
        assert!(from_str::<S>(r#"{"a":1,"b":1,"c":"","e":[]} x"#).is_err());
        assert!(from_str::<S>(r#"{"a":1,"b":1,"c":"","e":[],}"#).is_err());
        assert!(from_str::<S>(r#"{"a":-1,"b":1,"c":"","e":[]}"#).is_err());
        assert!(from_str::<S>(r#"{"a":01,"b":1,"c":"","e":[]}"#).is_err());
        assert!(from_str::<S>(r#"{"a":1,"b":1,"c":"\ud800","e":[]}"#).is_err());
        assert!(from_str::<S>(r#"{"a":1,"b":1,"c":"","e":["three"]}"#).is_err());
        assert!(from_str::<S>(r#"{"a":1,"b":1,"e":[]}"#).is_err());
        assert!(from_str::<S>(r#"{"a":1,"a":1,"b":1,"c":"","e":[]}"#).is_err());
        assert!(from_str::<S>(&format!("{{\"z\":{}", "[".repeat(200))).is_err());
        assert!(from_str::<S>("").is_err());
    }
}
