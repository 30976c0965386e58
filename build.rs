//! Embeds the bundled `courses/*.ron` in the binary, so `bevidst` works from any folder.

use std::fmt::Write as _;
use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=courses");
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("courses");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from(
        "/// The bundled course files: (name, contents).\npub static BUNDLED: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        let name = f
            .file_name()
            .expect("a read_dir entry has a file name")
            .to_string_lossy();
        println!("cargo::rerun-if-changed={}", f.display());
        let _ = writeln!(
            out,
            "    (\"courses/{name}\", include_str!({:?})),",
            f.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
