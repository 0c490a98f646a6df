//! One flow file, `content/<locale>/flows/<id>.toml`: parsed, compiled into a [`Flow`] (the
//! instruction text through the same Markdown compiler as articles) and checked, every problem
//! with its `file:line`. Cross-file checks (articles, categories, channels, the other locales)
//! run in [`crate::content::corpus`].
//!
//! The file format is documented in `docs/content-format.md` (Flows).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::diagnostic::{Diagnostic, line_of};
use super::markdown::compile_markdown;
use super::plain::plain_text;
use super::site::toml_error;
use crate::flow::graph::{Problem, problems};
use crate::flow::{Branch, Choice, Flow, Outcome, Step, StepKind};

/// Default `timeout_ms` of a check step.
pub const DEFAULT_CHECK_TIMEOUT_MS: u32 = 5_000;

/// A flow as parsed from its file, with the lines the cross-file checks report.
#[derive(Debug, Clone)]
pub struct SourceFlow {
    /// The file.
    pub file: PathBuf,
    /// The compiled flow.
    pub flow: Flow,
    pub(crate) id_line: usize,
    /// Line of each step's `id`, in step order.
    pub(crate) step_lines: Vec<usize>,
    /// (line, article id) of `article` steps.
    pub(crate) article_refs: Vec<(usize, String)>,
    /// (line, category id) of `ticket` outcomes.
    pub(crate) category_refs: Vec<(usize, String)>,
    /// (line, channel id) of `link` outcomes.
    pub(crate) channel_refs: Vec<(usize, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FlowToml {
    id: Spanned<String>,
    title: Spanned<String>,
    summary: Spanned<String>,
    #[serde(default)]
    contexts: Vec<Spanned<String>>,
    start: Spanned<String>,
    #[serde(default)]
    steps: Vec<StepToml>,
}

type Text = Option<Spanned<String>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepToml {
    id: Spanned<String>,
    kind: Spanned<String>,
    text: Text,
    #[serde(default)]
    choices: Vec<ChoiceToml>,
    #[serde(default)]
    checklist: Vec<Spanned<String>>,
    worked: Text,
    not_worked: Text,
    check: Text,
    timeout_ms: Option<u32>,
    on: Option<BTreeMap<String, Spanned<String>>>,
    fallback: Text,
    article: Text,
    next: Text,
    outcome: Text,
    category: Text,
    summary: Text,
    channel: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceToml {
    label: Spanned<String>,
    next: Spanned<String>,
}

/// Parses and checks one flow file of `locale`. `None` when it cannot be parsed at all.
pub fn parse(
    file: &Path,
    src: &str,
    locale: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<SourceFlow> {
    let raw: FlowToml = match toml::from_str(src) {
        Ok(r) => r,
        Err(e) => {
            diags.push(toml_error(file, src, 1, &e));
            return None;
        }
    };
    let line = |s: &Spanned<String>| line_of(src, s.span().start) + 1;
    let mut d = |line: usize, message: String| diags.push(Diagnostic::new(file, line, message));
    let id = raw.id.get_ref().clone();
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if id != stem {
        d(
            line(&raw.id),
            format!("flow id `{id}` must match the file name `{stem}.toml`"),
        );
    }
    for (name, value) in [("title", &raw.title), ("summary", &raw.summary)] {
        if value.get_ref().trim().is_empty() {
            d(line(value), format!("text missing: `{name}` is empty"));
        }
    }
    for c in &raw.contexts {
        let kind = c.get_ref().split(':').next().unwrap_or_default();
        if !super::article::CONTEXT_KINDS.contains(&kind) || !c.get_ref().contains(':') {
            d(
                line(c),
                format!(
                    "context `{}` must start with route:, page: or error:",
                    c.get_ref()
                ),
            );
        }
    }
    let mut out = SourceFlow {
        file: file.to_path_buf(),
        flow: Flow {
            id,
            locale: locale.to_string(),
            title: raw.title.get_ref().clone(),
            summary: plain_text(raw.summary.get_ref()),
            contexts: raw.contexts.iter().map(|c| c.get_ref().clone()).collect(),
            start: raw.start.get_ref().clone(),
            steps: Vec::new(),
        },
        id_line: line(&raw.id),
        step_lines: Vec::new(),
        article_refs: Vec::new(),
        category_refs: Vec::new(),
        channel_refs: Vec::new(),
    };
    // Lines of every target a step names, to point at the right `next` on unknown targets.
    let mut target_lines: Vec<Vec<(String, usize)>> = Vec::new();
    for s in &raw.steps {
        let at = line(&s.id);
        let step_id = s.id.get_ref();
        let targets: Vec<(String, usize)> = s
            .choices
            .iter()
            .map(|c| &c.next)
            .chain(
                [&s.worked, &s.not_worked, &s.fallback, &s.next]
                    .into_iter()
                    .flatten(),
            )
            .chain(s.on.iter().flat_map(|m| m.values()))
            .map(|v| (v.get_ref().clone(), line(v)))
            .collect();
        let need = |name: &str, v: &Text, d: &mut dyn FnMut(usize, String)| -> String {
            match v {
                Some(v) => v.get_ref().clone(),
                None => {
                    d(at, format!("step `{step_id}` needs `{name}`"));
                    String::new()
                }
            }
        };
        // Markdown for an instruction's body; plain text for a question, check or outcome.
        let markdown = |name: &str, v: &Text, d: &mut dyn FnMut(usize, String)| -> String {
            let t = v.as_ref().map(|v| v.get_ref().clone()).unwrap_or_default();
            if t.trim().is_empty() {
                let l = v.as_ref().map(&line).unwrap_or(at);
                d(l, format!("text missing: step `{step_id}` has no `{name}`"));
            }
            t
        };
        let text = |name: &str, v: &Text, d: &mut dyn FnMut(usize, String)| -> String {
            plain_text(&markdown(name, v, d))
        };
        let kind = match s.kind.get_ref().as_str() {
            "question" => {
                let text = text("text", &s.text, &mut d);
                let choices = s
                    .choices
                    .iter()
                    .map(|c| {
                        if c.label.get_ref().trim().is_empty() {
                            d(
                                line(&c.label),
                                format!("text missing: a choice of step `{step_id}` has no label"),
                            );
                        }
                        Choice {
                            label: plain_text(c.label.get_ref()),
                            next: c.next.get_ref().clone(),
                        }
                    })
                    .collect();
                StepKind::Question { text, choices }
            }
            "instruction" => {
                let body = compile_markdown(&markdown("text", &s.text, &mut d)).blocks;
                let checklist = s
                    .checklist
                    .iter()
                    .map(|c| plain_text(c.get_ref()))
                    .collect();
                let worked = need("worked", &s.worked, &mut d);
                let not_worked = need("not_worked", &s.not_worked, &mut d);
                StepKind::Instruction {
                    body,
                    checklist,
                    worked,
                    not_worked,
                }
            }
            "check" => {
                let check = need("check", &s.check, &mut d);
                let text = text("text", &s.text, &mut d);
                let fallback = match &s.fallback {
                    Some(f) => f.get_ref().clone(),
                    None => {
                        d(
                            at,
                            format!(
                                "check step `{step_id}` has no `fallback` (taken when the check fails, times out or is not registered)"
                            ),
                        );
                        String::new()
                    }
                };
                let on: Vec<Branch> =
                    s.on.iter()
                        .flatten()
                        .map(|(value, next)| Branch {
                            value: value.clone(),
                            next: next.get_ref().clone(),
                        })
                        .collect();
                if on.is_empty() {
                    d(at, format!("check step `{step_id}` has no `on` results"));
                }
                let timeout_ms = s.timeout_ms.unwrap_or(DEFAULT_CHECK_TIMEOUT_MS);
                StepKind::Check {
                    check,
                    text,
                    timeout_ms,
                    on,
                    fallback,
                }
            }
            "article" => {
                let article = s
                    .article
                    .as_ref()
                    .map(|a| a.get_ref().clone())
                    .unwrap_or_default();
                match &s.article {
                    Some(a) => out.article_refs.push((line(a), article.clone())),
                    None => d(at, format!("step `{step_id}` needs `article`")),
                }
                let next = need("next", &s.next, &mut d);
                StepKind::Article { article, next }
            }
            "outcome" => {
                let text = text("text", &s.text, &mut d);
                let outcome = match s.outcome.as_ref().map(|o| o.get_ref().as_str()) {
                    Some("resolved") => Outcome::Resolved,
                    Some("ticket") => {
                        let category = s
                            .category
                            .as_ref()
                            .map(|c| c.get_ref().clone())
                            .unwrap_or_default();
                        match &s.category {
                            Some(c) => out.category_refs.push((line(c), category.clone())),
                            None => d(at, format!("ticket outcome `{step_id}` needs `category`")),
                        }
                        let summary = text_of(&s.summary);
                        if summary.trim().is_empty() {
                            d(
                                at,
                                format!(
                                    "text missing: ticket outcome `{step_id}` has no `summary`"
                                ),
                            );
                        }
                        Outcome::Ticket { category, summary }
                    }
                    Some("link") => {
                        let channel = text_of(&s.channel);
                        match &s.channel {
                            Some(c) => out.channel_refs.push((line(c), channel.clone())),
                            None => d(at, format!("link outcome `{step_id}` needs `channel`")),
                        }
                        Outcome::Link { channel }
                    }
                    other => {
                        d(
                            at,
                            format!(
                                "step `{step_id}`: `outcome` must be resolved, ticket or link, not {other:?}"
                            ),
                        );
                        Outcome::Resolved
                    }
                };
                StepKind::Outcome { outcome, text }
            }
            other => {
                d(
                    line(&s.kind),
                    format!(
                        "step `{step_id}`: unknown kind `{other}` (question, instruction, check, article, outcome)"
                    ),
                );
                continue;
            }
        };
        out.step_lines.push(at);
        target_lines.push(targets);
        out.flow.steps.push(Step {
            id: step_id.clone(),
            kind,
        });
    }
    let step_line = |i: usize| out.step_lines.get(i).copied().unwrap_or(out.id_line);
    let name = |i: usize| out.flow.steps[i].id.clone();
    for p in problems(&out.flow) {
        let (line, message) = match p {
            Problem::DuplicateId { step, first } => (
                step_line(step),
                format!(
                    "duplicate step id `{}`: also on line {}",
                    name(step),
                    step_line(first)
                ),
            ),
            Problem::UnknownStart => (
                line(&raw.start),
                format!("start step `{}` does not exist", out.flow.start),
            ),
            Problem::UnknownTarget { step, target } => {
                let at = target_lines[step]
                    .iter()
                    .find(|(t, _)| *t == target)
                    .map_or(step_line(step), |(_, l)| *l);
                (
                    at,
                    format!(
                        "step `{}` leads to `{target}`, which does not exist",
                        name(step)
                    ),
                )
            }
            Problem::Unreachable { step } => (
                step_line(step),
                format!("step `{}` is unreachable from the start step", name(step)),
            ),
            Problem::NoOutcome { step } => (
                step_line(step),
                format!("no outcome can be reached from step `{}`", name(step)),
            ),
            Problem::CycleWithoutExit { steps } => {
                let ids: Vec<String> = steps.iter().map(|&i| name(i)).collect();
                (
                    step_line(steps[0]),
                    format!("cycle with no exit: {} → {}", ids.join(" → "), ids[0]),
                )
            }
            Problem::TooFewChoices { step } => (
                step_line(step),
                format!("question `{}` needs at least two choices", name(step)),
            ),
        };
        diags.push(Diagnostic::new(file, line, message));
    }
    Some(out)
}

fn text_of(v: &Text) -> String {
    v.as_ref().map(|v| v.get_ref().clone()).unwrap_or_default()
}

/// Reads `folder/*.toml` (sorted by name). `None` when the folder does not exist.
pub fn load_folder(
    folder: &Path,
    locale: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<SourceFlow>> {
    let entries = std::fs::read_dir(folder).ok()?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        match std::fs::read_to_string(&file) {
            Ok(src) => out.extend(parse(&file, &src, locale, diags)),
            Err(e) => diags.push(Diagnostic::new(&file, 1, format!("cannot read: {e}"))),
        }
    }
    Some(out)
}
