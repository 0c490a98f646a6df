//! The widget's UI strings: Fluent files (`locales/<locale>/*.ftl`) parsed with the Fluent
//! project's own parser (`fluent-syntax`), checked, and compiled into a compact JSON message table
//! that the widget resolves with the browser's `Intl.PluralRules` and `Intl.NumberFormat`.
//!
//! Why not `fluent-bundle` (or `leptos-fluent`, built on it) in the wasm: a minimal widget shell
//! with fluent-bundle measures about 143 KB gzip on this machine against 33 KB for a bare Leptos
//! counter (figures from the performance issue), because it ships its own parser, plural tables
//! (intl_pluralrules) and number formatting. Koban needs a fraction of Fluent at run time — text,
//! `{ $variables }` and `{ $count -> [one] … *[other] … }` selectors on CLDR plural categories or
//! exact keys — and the browser already has the plural rules and number formatting. So the
//! parsing and checking happen here, on the host (build time for English, the server for the
//! other locales), and the widget's resolver (`src/i18n.rs`) is about a page of code.
//!
//! Table format (one JSON object per locale): `{ "<id>": <pattern> }` where a pattern is an
//! array of elements: a string (text), `{"v": "name"}` (a variable), or
//! `{"s": "name", "o": {"<key>": <pattern>, ...}, "d": "<default key>"}` (a select on a variable;
//! keys are CLDR plural categories or exact values).
//!
//! ```
//! use koban_core::locales::ftl::compile;
//! let table = compile("hi = Hello { $name }\nn = { $count ->\n    [one] one item\n   *[other] { $count } items\n}\n").unwrap();
//! assert_eq!(table.to_json(), r#"{"hi":["Hello ",{"v":"name"}],"n":[{"d":"other","o":{"one":["one item"],"other":[{"v":"count"}," items"]},"s":"count"}]}"#);
//! assert_eq!(table.variables("n"), Some(vec!["count".to_string()]));
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use serde_json::{Map, Value, json};

use crate::content::Diagnostic;

/// The messages of one locale, compiled.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    messages: BTreeMap<String, Value>,
}

/// Why a file could not be compiled: byte offset and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// Byte offset in the source.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl Table {
    /// The message ids.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    /// The variables message `id` uses (sorted), or `None` if there is no such message.
    pub fn variables(&self, id: &str) -> Option<Vec<String>> {
        let mut out = BTreeSet::new();
        collect_vars(self.messages.get(id)?, &mut out);
        Some(out.into_iter().collect())
    }

    /// The table as the widget reads it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.messages).unwrap_or_default()
    }

    /// Adds the messages of `other` (several `.ftl` files of one locale).
    pub fn extend(&mut self, other: Table) {
        self.messages.extend(other.messages);
    }

    /// Keeps only the messages whose id `keep` accepts (the widget's first download leaves out
    /// what only the ticket form and guides say).
    ///
    /// ```
    /// # use koban_core::locales::ftl::compile;
    /// let mut table = compile("a = A\nticket-b = B\n").unwrap();
    /// table.retain(|id| !id.starts_with("ticket-"));
    /// assert_eq!(table.ids().collect::<Vec<_>>(), ["a"]);
    /// ```
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.messages.retain(|id, _| keep(id));
    }
}

fn collect_vars(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_vars(i, out)),
        Value::Object(o) => {
            for key in ["v", "s"] {
                if let Some(name) = o.get(key).and_then(Value::as_str) {
                    out.insert(name.to_string());
                }
            }
            if let Some(Value::Object(variants)) = o.get("o") {
                variants.values().for_each(|p| collect_vars(p, out));
            }
        }
        _ => {}
    }
}

/// Parses and compiles one `.ftl` source.
pub fn compile(src: &str) -> Result<Table, Vec<CompileError>> {
    let resource = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((_, errors)) => {
            return Err(errors
                .into_iter()
                .map(|e| CompileError {
                    offset: e.pos.start,
                    message: format!("{:?}", e.kind),
                })
                .collect());
        }
    };
    let mut table = Table::default();
    let mut errors = Vec::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let id = m.id.name.to_string();
                let offset = src.find(&format!("\n{id} =")).map_or(0, |o| o + 1);
                let Some(value) = m.value else {
                    errors.push(CompileError {
                        offset,
                        message: format!("message `{id}` has no value"),
                    });
                    continue;
                };
                if !m.attributes.is_empty() {
                    errors.push(CompileError {
                        offset,
                        message: format!("message `{id}`: attributes are not supported"),
                    });
                }
                match pattern(&value) {
                    Ok(p) => {
                        if table.messages.insert(id.clone(), p).is_some() {
                            errors.push(CompileError {
                                offset,
                                message: format!("duplicate message `{id}`"),
                            });
                        }
                    }
                    Err(why) => errors.push(CompileError {
                        offset,
                        message: format!("message `{id}`: {why}"),
                    }),
                }
            }
            Entry::Term(t) => errors.push(CompileError {
                offset: 0,
                message: format!("term `-{}`: terms are not supported", t.id.name),
            }),
            Entry::Junk { content } => errors.push(CompileError {
                offset: src.find(content).unwrap_or(0),
                message: format!("cannot parse `{}`", content.trim()),
            }),
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok(table)
    } else {
        Err(errors)
    }
}

fn pattern(p: &Pattern<&str>) -> Result<Value, String> {
    let mut out: Vec<Value> = Vec::new();
    for element in &p.elements {
        match element {
            PatternElement::TextElement { value } => match out.last_mut() {
                Some(Value::String(s)) => s.push_str(value),
                _ => out.push(Value::String(value.to_string())),
            },
            PatternElement::Placeable { expression } => out.push(expression_json(expression)?),
        }
    }
    Ok(Value::Array(out))
}

fn expression_json(e: &Expression<&str>) -> Result<Value, String> {
    match e {
        Expression::Inline(InlineExpression::VariableReference { id }) => {
            Ok(json!({ "v": id.name }))
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => {
            Ok(Value::String(value.to_string()))
        }
        Expression::Inline(_) => Err("only `{ $variable }` placeables are supported".into()),
        Expression::Select { selector, variants } => {
            let InlineExpression::VariableReference { id } = selector else {
                return Err("a select must be on a `$variable`".into());
            };
            let mut options = Map::new();
            let mut default = None;
            for v in variants {
                let key = match &v.key {
                    VariantKey::Identifier { name } => name.to_string(),
                    VariantKey::NumberLiteral { value } => value.to_string(),
                };
                if v.default {
                    default = Some(key.clone());
                }
                options.insert(key, pattern(&v.value)?);
            }
            Ok(json!({ "s": id.name, "o": options, "d": default.unwrap_or_default() }))
        }
    }
}

/// Loads `<dir>/<locale>/*.ftl` for every locale folder: the tables, and every problem (parse
/// errors, ids different from `en`, variables different from `en`) as `file:line` diagnostics.
pub fn load(dir: &Path) -> (BTreeMap<String, Table>, Vec<Diagnostic>) {
    let mut tables = BTreeMap::new();
    let mut diags = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    folders.sort();
    let mut files_of: BTreeMap<String, Vec<std::path::PathBuf>> = BTreeMap::new();
    for folder in folders {
        let locale = folder
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        let mut table = Table::default();
        for file in &files {
            let src = std::fs::read_to_string(file).unwrap_or_default();
            match compile(&src) {
                Ok(t) => table.extend(t),
                Err(errors) => diags.extend(
                    errors
                        .into_iter()
                        .map(|e| Diagnostic::new(file, line_at(&src, e.offset), e.message)),
                ),
            }
        }
        files_of.insert(locale.clone(), files);
        tables.insert(locale, table);
    }
    if let Some(en) = tables.get("en") {
        for (locale, table) in &tables {
            let file = files_of[locale]
                .first()
                .cloned()
                .unwrap_or_else(|| dir.join(locale));
            let src = std::fs::read_to_string(&file).unwrap_or_default();
            let line = |id: &str| {
                src.find(&format!("\n{id} ="))
                    .map_or(1, |o| line_at(&src, o + 1))
            };
            for id in en.ids().filter(|id| !table.messages.contains_key(*id)) {
                diags.push(Diagnostic::new(
                    &file,
                    1,
                    format!("`{locale}` is missing message `{id}`"),
                ));
            }
            for id in table.ids().filter(|id| !en.messages.contains_key(*id)) {
                diags.push(Diagnostic::new(
                    &file,
                    line(id),
                    format!("message `{id}` is not in `en`"),
                ));
            }
            for id in table.ids().filter(|id| en.messages.contains_key(*id)) {
                let (mine, theirs) = (table.variables(id), en.variables(id));
                if mine != theirs {
                    diags.push(Diagnostic::new(
                        &file,
                        line(id),
                        format!(
                            "message `{id}` uses variables {:?}, `en` uses {:?}",
                            mine.unwrap_or_default(),
                            theirs.unwrap_or_default()
                        ),
                    ));
                }
            }
        }
    } else {
        diags.push(Diagnostic::new(
            dir.join("en"),
            1,
            "no `en` locale (the reference)",
        ));
    }
    (tables, diags)
}

fn line_at(src: &str, offset: usize) -> usize {
    src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
