//! `strings-table <lang>`: writes that language's string table, packed
//! (`study_core::text::i18n::packed`), to standard output. The page's build leaves the
//! Chinese table out of its code; `scripts/strings-table.sh` runs this after each build
//! to write the file the page fetches when a reader picks Chinese.

use std::io::Write;
use std::process::ExitCode;
use study_core::text::i18n::{packed, Lang};

fn main() -> ExitCode {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let Some(lang) = Lang::from_key(&arg) else {
        eprintln!("strings-table: name a language: en or zh (got {arg:?})");
        return ExitCode::FAILURE;
    };
    let Some(table) = lang.table() else {
        eprintln!("strings-table: this build has no {} table", lang.key());
        return ExitCode::FAILURE;
    };
    let bytes = packed::pack(table);
    match std::io::stdout().lock().write_all(&bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("strings-table: cannot write the table: {e}");
            ExitCode::FAILURE
        }
    }
}
