//! A string table as a file of its own, so a build can leave a language out of its code
//! and fetch it when a reader picks it (see the module docs, "Tables built in and
//! fetched").
//!
//! The file is postcard bytes of the language's key, a fingerprint of the key list
//! (`keys::KEYS_FINGERPRINT`) and the texts in key order. [`unpack`] borrows the texts
//! from the bytes, so a table read from a file costs the file and no copy, and refuses a
//! file of another language or of a build with other keys: such a table would put every
//! text under the wrong key.

use super::keys::KEYS_FINGERPRINT;
use super::{Lang, Strings};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What the file holds.
#[derive(Serialize, Deserialize)]
struct Packed<'a> {
    lang: &'a str,
    keys: u64,
    #[serde(borrow)]
    texts: Vec<&'a str>,
}

/// Why a file is not a table this build can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnpackError {
    /// Not a packed string table (cut short, or some other file).
    Malformed,
    /// A table of another language, named by its key.
    OtherLanguage(String),
    /// A table of a build with other keys.
    OtherBuild,
}

impl fmt::Display for UnpackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnpackError::Malformed => write!(f, "not a packed string table"),
            UnpackError::OtherLanguage(key) => write!(f, "a string table for the language {key:?}"),
            UnpackError::OtherBuild => write!(f, "a string table of a build with other keys"),
        }
    }
}

impl std::error::Error for UnpackError {}

/// A table as the bytes of its file.
pub fn pack(table: &Strings) -> Vec<u8> {
    let texts = table.entries().into_iter().map(|(_, text)| text).collect();
    let packed = Packed { lang: table.lang.key(), keys: KEYS_FINGERPRINT, texts };
    // Serializing strings and integers into a growing buffer cannot fail.
    postcard::to_allocvec(&packed).unwrap_or_default()
}

/// The table of `lang` from the bytes of its file. A table lives as long as the program
/// and borrows its texts from the bytes, so they are kept (leaked) only once the file has
/// been checked; a refused file is dropped.
pub fn unpack(lang: Lang, bytes: Vec<u8>) -> Result<Strings, UnpackError> {
    read(lang, &bytes)?;
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    // The same bytes read again, now for as long as the program runs: they passed above.
    Strings::from_texts(lang, read(lang, bytes)?).ok_or(UnpackError::OtherBuild)
}

/// The texts of a file of `lang`'s table, one per key in key order, borrowed from its
/// bytes.
fn read(lang: Lang, bytes: &[u8]) -> Result<Vec<&str>, UnpackError> {
    let packed: Packed<'_> = postcard::from_bytes(bytes).map_err(|_| UnpackError::Malformed)?;
    if packed.lang != lang.key() {
        return Err(UnpackError::OtherLanguage(packed.lang.to_string()));
    }
    if packed.keys != KEYS_FINGERPRINT || packed.texts.len() != Strings::KEYS.len() {
        return Err(UnpackError::OtherBuild);
    }
    Ok(packed.texts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::i18n::{EN, ZH};

    #[test]
    fn a_packed_table_reads_back_entry_for_entry() {
        let table = unpack(Lang::Zh, pack(&ZH)).expect("the packed Chinese table");
        assert_eq!(table.lang, Lang::Zh);
        assert_eq!(table.entries(), ZH.entries());
        assert_eq!(table.fd_do, ZH.fd_do);
        assert_eq!(table.app_name, ZH.app_name);
    }

    #[test]
    fn a_table_already_here_is_not_replaced() {
        use crate::text::i18n::{install, TableExists};
        let fetched = unpack(Lang::Zh, pack(&ZH)).expect("the packed Chinese table");
        assert_eq!(install(fetched), Err(TableExists(Lang::Zh)));
        let english = unpack(Lang::En, pack(&EN)).expect("the packed English table");
        assert_eq!(install(english), Err(TableExists(Lang::En)));
    }

    #[test]
    fn a_table_of_another_language_is_refused() {
        assert_eq!(
            unpack(Lang::Zh, pack(&EN)).err(),
            Some(UnpackError::OtherLanguage("en".into()))
        );
    }

    #[test]
    fn a_table_of_other_keys_is_refused() {
        let mut texts: Vec<&str> = ZH.entries().into_iter().map(|(_, t)| t).collect();
        let other_keys = Packed { lang: "zh", keys: KEYS_FINGERPRINT ^ 1, texts: texts.clone() };
        let bytes = postcard::to_allocvec(&other_keys).unwrap();
        assert_eq!(unpack(Lang::Zh, bytes).err(), Some(UnpackError::OtherBuild));
        // The right fingerprint but one text short.
        texts.pop();
        let short = Packed { lang: "zh", keys: KEYS_FINGERPRINT, texts };
        let bytes = postcard::to_allocvec(&short).unwrap();
        assert_eq!(unpack(Lang::Zh, bytes).err(), Some(UnpackError::OtherBuild));
    }

    #[test]
    fn a_file_that_is_not_a_table_is_refused() {
        assert_eq!(unpack(Lang::Zh, Vec::new()).err(), Some(UnpackError::Malformed));
        assert_eq!(
            unpack(Lang::Zh, b"<!doctype html><title>404</title>".to_vec()).err(),
            Some(UnpackError::Malformed)
        );
        let whole = pack(&ZH);
        let cut = whole[..whole.len() / 2].to_vec();
        assert_eq!(unpack(Lang::Zh, cut).err(), Some(UnpackError::Malformed));
    }

    #[test]
    fn the_fingerprint_is_fnv_1a_over_the_keys() {
        use crate::text::i18n::keys::fingerprint;
        // Python: def fnv(b): h = 0xcbf29ce484222325
        //   for x in b: h = ((h ^ x) * 0x100000001b3) % 2**64
        // fnv(b"") = 0xcbf29ce484222325, fnv(b"a\xff") = 0x089bc907b544c769,
        // fnv(b"a\xffbc\xff") = 0xa0a3542c19b900ab (FNV-1a of "a" alone is 0xaf63dc4c8601ec8c).
        assert_eq!(fingerprint(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fingerprint(&["a"]), 0x089b_c907_b544_c769);
        assert_eq!(fingerprint(&["a", "bc"]), 0xa0a3_542c_19b9_00ab);
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_eq!(KEYS_FINGERPRINT, fingerprint(Strings::KEYS));
    }
}
