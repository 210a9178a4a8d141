//! Records which build this is, for "cite this explorer": the short commit hash of the
//! checkout (`STUDY_EXPLORER_COMMIT`, "unknown" outside a git checkout or without git) and
//! the build date of that commit (`STUDY_EXPLORER_COMMIT_DATE`, YYYY-MM-DD), so the same
//! commit always cites the same way. Reruns when HEAD moves.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn main() {
    let commit = git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".to_string());
    let date =
        git(&["show", "-s", "--format=%cs", "HEAD"]).unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=STUDY_EXPLORER_COMMIT={commit}");
    println!("cargo:rustc-env=STUDY_EXPLORER_COMMIT_DATE={date}");
    // HEAD (and the branch it points to) decide the commit; a worktree's .git is a file.
    if let Some(head) = git(&["rev-parse", "--git-path", "HEAD"]) {
        println!("cargo:rerun-if-changed={head}");
    }
    if let Some(r) = git(&["symbolic-ref", "-q", "HEAD"]) {
        if let Some(p) = git(&["rev-parse", "--git-path", &r]) {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    if let Some(p) = git(&["rev-parse", "--git-path", "packed-refs"]) {
        println!("cargo:rerun-if-changed={p}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
