//! Embeds the bundled `courses/*.ron` (modules, and the organisation profile
//! `organisation.ron`) and the handbook in `courses/handbook/` (its documents
//! and `reviewed.lock`) in the binary, so `bevidst` works from any folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

/// The `*.ron` files directly in `dir`, sorted.
fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().is_some_and(|e| e == "ron")
                        && p.file_name().is_some_and(|n| n != "organisation.ron")
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// `static NAME: &[(&str, &str)]` of (shown name, contents) for the files.
fn embed(out: &mut String, doc: &str, static_name: &str, shown_dir: &str, files: &[PathBuf]) {
    let _ = writeln!(out, "/// {doc}: (name, contents).");
    let _ = writeln!(out, "pub static {static_name}: &[(&str, &str)] = &[");
    for f in files {
        let name = f
            .file_name()
            .expect("a read_dir entry has a file name")
            .to_string_lossy();
        println!("cargo::rerun-if-changed={}", f.display());
        let _ = writeln!(
            out,
            "    (\"{shown_dir}/{name}\", include_str!({:?})),",
            f.display().to_string()
        );
    }
    out.push_str("];\n");
}

fn main() {
    println!("cargo::rerun-if-changed=courses");
    let courses =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("courses");
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));

    let mut out = String::new();
    embed(
        &mut out,
        "The bundled course files",
        "BUNDLED",
        "courses",
        &ron_files(&courses),
    );
    let profile = courses.join("organisation.ron");
    println!("cargo::rerun-if-changed={}", profile.display());
    out.push_str("/// The bundled `organisation.ron`: (name, contents), if there is one.\n");
    if profile.is_file() {
        let _ = writeln!(
            out,
            "pub static BUNDLED_ORGANISATION: Option<(&str, &str)> = Some((\"courses/organisation.ron\", include_str!({:?})));",
            profile.display().to_string()
        );
    } else {
        out.push_str("pub static BUNDLED_ORGANISATION: Option<(&str, &str)> = None;\n");
    }
    fs::write(out_dir.join("bundled.rs"), out).expect("OUT_DIR is writable");

    let handbook = courses.join("handbook");
    println!("cargo::rerun-if-changed={}", handbook.display());
    let mut out = String::new();
    embed(
        &mut out,
        "The bundled handbook's documents",
        "BUNDLED_HANDBOOK",
        "courses/handbook",
        &ron_files(&handbook),
    );
    let lock = handbook.join("reviewed.lock");
    println!("cargo::rerun-if-changed={}", lock.display());
    out.push_str("/// The bundled `reviewed.lock`: (name, contents), if there is one.\n");
    if lock.is_file() {
        let _ = writeln!(
            out,
            "pub static BUNDLED_LOCK: Option<(&str, &str)> = Some((\"courses/handbook/reviewed.lock\", include_str!({:?})));",
            lock.display().to_string()
        );
    } else {
        out.push_str("pub static BUNDLED_LOCK: Option<(&str, &str)> = None;\n");
    }
    fs::write(out_dir.join("bundled_handbook.rs"), out).expect("OUT_DIR is writable");
}
