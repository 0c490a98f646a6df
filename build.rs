//! Build script of the widget: concatenates and minifies `style/*.css` into one stylesheet and
//! compiles the English Fluent messages into a lookup table.
//!
//! The CSS minifier is a few lines (comments and whitespace only) because the stylesheet is ours
//! and small; a real CSS toolchain would add a Node step to every Rust build.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    println!("cargo:rerun-if-changed=style");
    println!("cargo:rerun-if-changed=locales");

    let mut files: Vec<_> = fs::read_dir("style")
        .expect("style/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .collect();
    files.sort();
    let css: String = files
        .iter()
        .map(|p| minify_css(&fs::read_to_string(p).expect("read css")))
        .collect();
    fs::write(Path::new(&out).join("koban.css"), css).expect("write css");

    let mut entries = String::new();
    let mut ftl_files: Vec<_> = fs::read_dir("locales/en")
        .expect("locales/en")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    ftl_files.sort();
    for path in ftl_files {
        for line in fs::read_to_string(&path).expect("read ftl").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some((id, value)) = line.split_once(" = ") {
                entries.push_str(&format!("        {:?} => {:?},\n", id.trim(), value.trim()));
            }
        }
    }
    let code = format!(
        "/// Looks up an English message by id.\npub fn lookup(id: &str) -> Option<&'static str> {{\n    Some(match id {{\n{entries}        _ => return None,\n    }})\n}}\n"
    );
    fs::write(Path::new(&out).join("messages_en.rs"), code).expect("write messages");
}

fn minify_css(src: &str) -> String {
    let mut no_comments = String::with_capacity(src.len());
    let mut rest = src;
    while let Some(start) = rest.find("/*") {
        no_comments.push_str(&rest[..start]);
        rest = rest[start + 2..].split_once("*/").map_or("", |(_, r)| r);
    }
    no_comments.push_str(rest);
    let collapsed = no_comments.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = collapsed;
    for p in ["{", "}", ";", ":", ","] {
        out = out
            .replace(&format!(" {p}"), p)
            .replace(&format!("{p} "), p);
    }
    out.replace(";}", "}")
}
