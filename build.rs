//! Build script of the widget: concatenates and minifies `style/*.css` into one stylesheet,
//! compiles the English Fluent messages (koban-core's compiler) into the JSON table the widget
//! starts with, and writes one constant per message id (`msg::ARTICLE_YES` for `article-yes`,
//! `crate::i18n::msg`): the code names messages only through them, so an unknown id does not
//! compile, and an id no code uses is a `dead_code` warning (an error under `make lint`).
//!
//! The first download (built without the `desk` feature, `crate::stage`) leaves out what only
//! the article view, the ticket form and guides use: their stylesheets (`style/60-article.css`,
//! `style/90-ticket.css`, `style/95-flow.css`) and their messages (`article-*`, `ticket-*`,
//! `flow-*` but the guide badge that search results show). The desk build replaces the whole
//! stylesheet and table when it takes over.
//!
//! The CSS minifier is a few lines (comments and whitespace only) because the stylesheet is ours
//! and small; a real CSS toolchain would add a Node step to every Rust build.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    let desk = env::var_os("CARGO_FEATURE_DESK").is_some();
    const DESK_CSS: [&str; 4] = [
        "60-article.css",
        "90-ticket.css",
        "95-flow.css",
        "96-conversation.css",
    ];
    println!("cargo:rerun-if-changed=style");
    println!("cargo:rerun-if-changed=locales");

    let mut files: Vec<_> = fs::read_dir("style")
        .expect("style/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .filter(|p| desk || !DESK_CSS.iter().any(|d| p.ends_with(d)))
        .collect();
    files.sort();
    let css: String = files
        .iter()
        .map(|p| minify_css(&fs::read_to_string(p).expect("read css")))
        .collect();
    fs::write(Path::new(&out).join("koban.css"), css).expect("write css");

    // English, the fallback every other locale's table (fetched from the server) falls back to,
    // compiled with koban-core's Fluent compiler: a parse error fails the build.
    let mut en = koban_core::locales::ftl::Table::default();
    let mut ftl_files: Vec<_> = fs::read_dir("locales/en")
        .expect("locales/en")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    ftl_files.sort();
    for path in ftl_files {
        let src = fs::read_to_string(&path).expect("read ftl");
        match koban_core::locales::ftl::compile(&src) {
            Ok(table) => en.extend(table),
            Err(errors) => panic!("{}: {:?}", path.display(), errors),
        }
    }
    // The loader's plain-JS fallback panel has its own English; the wasm does not need these.
    en.retain(|id| !JS_ONLY.contains(&id));
    if !desk {
        en.retain(first_download_message);
    }
    fs::write(Path::new(&out).join("messages_en.json"), en.to_json()).expect("write messages");
    fs::write(Path::new(&out).join("msg.rs"), message_constants(&en)).expect("write msg.rs");
}

/// Messages only the loader's plain-JS code uses (`public/fallback.js`, shown when the wasm
/// cannot run, fetches them from the server; `public/koban-follow.js`, which draws the unread
/// badge with the table `scripts/package.mjs` bakes in): not in the widget's table, no constant.
const JS_ONLY: [&str; 2] = ["fallback-text", "launcher-unread"];

/// One `Msg` constant per message id of `en`, named after the id (`article-yes` → `ARTICLE_YES`).
fn message_constants(en: &koban_core::locales::ftl::Table) -> String {
    let mut out = String::new();
    let mut names = std::collections::BTreeSet::new();
    for id in en.ids() {
        let name = id.replace('-', "_").to_ascii_uppercase();
        assert!(
            names.insert(name.clone()),
            "message ids that differ only in `-`/`_` or case: {name}"
        );
        out.push_str(&format!(
            "/// `{id}`\npub(crate) const {name}: Msg = Msg({id:?});\n"
        ));
    }
    out
}

/// Whether the first download (no `desk` feature) needs message `id`.
fn first_download_message(id: &str) -> bool {
    !["article-", "ticket-", "flow-", "conversation-"]
        .iter()
        .any(|p| id.starts_with(p))
        || id == "flow-badge"
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
