//! The whole content directory: [`Corpus::load`] reads `site.toml` and every
//! `<locale>/articles/*.md`, and runs the cross-file checks (duplicate ids, dangling `related`,
//! unknown categories, links to unknown articles, ids missing from the default locale).
//! [`check`] is the `koban content check` entry point.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::article::{self, SourceArticle};
use super::diagnostic::Diagnostic;
use super::flow_source::{self, SourceFlow};
use super::site::SiteConfig;

/// All authored content: the site settings and the articles of every locale.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The content directory.
    pub root: PathBuf,
    /// `site.toml`.
    pub site: SiteConfig,
    /// Articles per locale, by file name order. Locales without a folder have no entry.
    pub articles: BTreeMap<String, Vec<SourceArticle>>,
    /// Guided flows per locale (`<locale>/flows/*.toml`), by file name order.
    pub flows: BTreeMap<String, Vec<SourceFlow>>,
}

/// Checks the content in `dir`: every problem, sorted by file and line. Empty means it is fine.
pub fn check(dir: &Path) -> Vec<Diagnostic> {
    match Corpus::load(dir) {
        Ok(_) => Vec::new(),
        Err(d) => d,
    }
}

impl Corpus {
    /// Loads and checks the content in `dir`. Any problem is an error: the diagnostics, sorted by
    /// file and line.
    pub fn load(dir: &Path) -> Result<Corpus, Vec<Diagnostic>> {
        let (corpus, mut diags) = Self::load_lenient(dir);
        diags.sort();
        diags.dedup();
        match corpus {
            Some(c) if diags.is_empty() => Ok(c),
            _ => Err(diags),
        }
    }

    /// Loads what can be loaded, with every problem found. `None` when `site.toml` is unusable.
    pub fn load_lenient(dir: &Path) -> (Option<Corpus>, Vec<Diagnostic>) {
        let site_file = dir.join("site.toml");
        let text = match std::fs::read_to_string(&site_file) {
            Ok(t) => t,
            Err(e) => {
                return (
                    None,
                    vec![Diagnostic::new(&site_file, 1, format!("cannot read: {e}"))],
                );
            }
        };
        let (site, mut diags) = SiteConfig::parse(&site_file, &text);
        let Some(site) = site else {
            return (None, diags);
        };
        let mut articles = BTreeMap::new();
        let mut flows = BTreeMap::new();
        let locales: BTreeSet<&str> = site.locales().iter().map(String::as_str).collect();
        for locale in site.locales() {
            let folder = dir.join(locale).join("articles");
            if let Some(list) = load_folder(&folder, locale, &mut diags) {
                articles.insert(locale.clone(), list);
            }
            let folder = dir.join(locale).join("flows");
            if let Some(list) = flow_source::load_folder(&folder, locale, &mut diags) {
                flows.insert(locale.clone(), list);
            }
        }
        // A folder with articles for a locale that site.toml does not list would be ignored.
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut unlisted: Vec<String> = entries
                .flatten()
                .filter(|e| e.path().join("articles").is_dir())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|name| !locales.contains(name.as_str()))
                .collect();
            unlisted.sort();
            for name in unlisted {
                diags.push(Diagnostic::new(
                    dir.join(&name),
                    1,
                    format!(
                        "folder `{name}` has articles but `{name}` is not in site.toml `locales`"
                    ),
                ));
            }
        }
        let corpus = Corpus {
            root: dir.to_path_buf(),
            site,
            articles,
            flows,
        };
        corpus.cross_check(&mut diags);
        corpus.cross_check_flows(&mut diags);
        (Some(corpus), diags)
    }

    /// The default locale's articles (empty if it has none).
    pub fn default_articles(&self) -> &[SourceArticle] {
        self.articles
            .get(self.site.default_locale())
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The default locale's flows (empty if it has none).
    pub fn default_flows(&self) -> &[SourceFlow] {
        self.flows
            .get(self.site.default_locale())
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// `45 articles and 6 flows in 2 locales, 7 categories`: what `koban content check` prints.
    pub fn summary(&self) -> String {
        let n = self.default_articles().len();
        let f = self.default_flows().len();
        let l = self.site.locales().len();
        let c = self.site.category_ids().count();
        format!(
            "{n} article{} and {f} flow{} in {l} locale{}, {c} categor{}",
            plural(n, "", "s"),
            plural(f, "", "s"),
            plural(l, "", "s"),
            plural(c, "y", "ies")
        )
    }

    /// Flows against the rest of the content: unique ids, the default locale has every flow,
    /// articles / categories / channels they name exist, and a translated flow has the same
    /// steps as the default locale's.
    fn cross_check_flows(&self, diags: &mut Vec<Diagnostic>) {
        let default = self.site.default_locale();
        let categories: BTreeSet<&str> = self.site.category_ids().collect();
        let channels: BTreeSet<&str> = self.site.channel_ids().collect();
        let default_flows: BTreeMap<&str, &SourceFlow> = self
            .default_flows()
            .iter()
            .map(|f| (f.flow.id.as_str(), f))
            .collect();
        for (locale, list) in &self.flows {
            let articles: BTreeSet<&str> = [locale.as_str(), default]
                .iter()
                .filter_map(|l| self.articles.get(*l))
                .flatten()
                .map(|a| a.article.id.as_str())
                .collect();
            let mut seen: BTreeMap<&str, &SourceFlow> = BTreeMap::new();
            for f in list {
                let id = f.flow.id.as_str();
                if let Some(prev) = seen.insert(id, f) {
                    diags.push(Diagnostic::new(
                        &f.file,
                        f.id_line,
                        format!(
                            "duplicate flow id `{id}`: also {}:{}",
                            prev.file.display(),
                            prev.id_line
                        ),
                    ));
                }
                for (line, a) in &f.article_refs {
                    if !articles.contains(a.as_str()) {
                        diags.push(Diagnostic::new(
                            &f.file,
                            *line,
                            format!("article `{a}` does not exist"),
                        ));
                    }
                }
                for (line, c) in &f.category_refs {
                    if !categories.contains(c.as_str()) {
                        diags.push(Diagnostic::new(
                            &f.file,
                            *line,
                            format!("unknown ticket category `{c}` (not in site.toml)"),
                        ));
                    }
                }
                for (line, c) in &f.channel_refs {
                    if !channels.contains(c.as_str()) {
                        diags.push(Diagnostic::new(
                            &f.file,
                            *line,
                            format!("unknown channel `{c}` (not in site.toml)"),
                        ));
                    }
                }
                if locale == default {
                    continue;
                }
                let Some(original) = default_flows.get(id) else {
                    diags.push(Diagnostic::new(
                        &f.file,
                        f.id_line,
                        format!("flow `{id}` exists in `{locale}` but not in the default locale `{default}`"),
                    ));
                    continue;
                };
                for step in &original.flow.steps {
                    if f.flow.step(&step.id).is_none() {
                        diags.push(Diagnostic::new(
                            &f.file,
                            f.id_line,
                            format!("text missing: step `{}` of flow `{id}` is not translated in `{locale}`", step.id),
                        ));
                    }
                }
                for (step, line) in f.flow.steps.iter().zip(&f.step_lines) {
                    if original.flow.step(&step.id).is_none() {
                        diags.push(Diagnostic::new(
                            &f.file,
                            *line,
                            format!(
                                "step `{}` is not in the default locale's flow `{id}`",
                                step.id
                            ),
                        ));
                    }
                }
            }
        }
    }

    fn cross_check(&self, diags: &mut Vec<Diagnostic>) {
        let default = self.site.default_locale();
        let categories: BTreeSet<&str> = self.site.category_ids().collect();
        let default_ids: BTreeSet<&str> = self
            .default_articles()
            .iter()
            .map(|a| a.article.id.as_str())
            .collect();
        for (locale, list) in &self.articles {
            let mut first: BTreeMap<&str, &SourceArticle> = BTreeMap::new();
            for a in list {
                let id = a.article.id.as_str();
                if let Some(prev) = first.get(id) {
                    diags.push(Diagnostic::new(
                        &a.file,
                        a.id_line,
                        format!(
                            "duplicate id `{id}`: also used by {}:{}",
                            prev.file.display(),
                            prev.id_line
                        ),
                    ));
                } else {
                    first.insert(id, a);
                }
            }
            let known = |id: &str| first.contains_key(id) || default_ids.contains(id);
            for a in list {
                let art = &a.article;
                if locale != default && !default_ids.contains(art.id.as_str()) {
                    diags.push(Diagnostic::new(
                        &a.file,
                        a.id_line,
                        format!(
                            "id `{}` exists in `{locale}` but not in the default locale `{default}`",
                            art.id
                        ),
                    ));
                }
                if !categories.contains(art.category.as_str()) {
                    diags.push(Diagnostic::new(
                        &a.file,
                        a.category_line,
                        format!("unknown category `{}` (not in site.toml)", art.category),
                    ));
                }
                for (r, &line) in art.related.iter().zip(&a.related_lines) {
                    if !known(r) {
                        diags.push(Diagnostic::new(
                            &a.file,
                            line,
                            format!("related article `{r}` does not exist"),
                        ));
                    } else if r == &art.id {
                        diags.push(Diagnostic::new(
                            &a.file,
                            line,
                            format!("article `{r}` lists itself as related"),
                        ));
                    }
                }
                for (line, id) in &a.article_links {
                    if !known(id) {
                        diags.push(Diagnostic::new(
                            &a.file,
                            *line,
                            format!("link to `{id}.md`: there is no article `{id}`"),
                        ));
                    }
                }
            }
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Reads `folder/*.md` (sorted by name). `None` when the folder does not exist.
fn load_folder(
    folder: &Path,
    locale: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<SourceArticle>> {
    let entries = std::fs::read_dir(folder).ok()?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && p.is_file())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        match std::fs::read_to_string(&file) {
            Ok(src) => out.extend(article::parse(&file, &src, locale, diags)),
            Err(e) => diags.push(Diagnostic::new(&file, 1, format!("cannot read: {e}"))),
        }
    }
    Some(out)
}
