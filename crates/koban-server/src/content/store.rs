//! [`ContentStore`]: the compiled content the API serves.
//!
//! Compiling (reading `content/`, checking it, building one bundle per locale) happens at start
//! and on reload, never per request: each bundle is serialized to JSON and gzipped once, and the
//! handler only picks bytes. A reload builds a complete new [`CompiledContent`] first and swaps it
//! in only when the content passed check, so a bad edit never takes the API down.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use axum::body::Bytes;
use koban_core::content::{self, Corpus, Diagnostic, build_bundle};

/// One locale's bundle, ready to send.
#[derive(Debug, Clone)]
pub struct ServedBundle {
    /// The locale of the bundle.
    pub locale: String,
    /// The bundle's content hash (its `version` field); the `ETag` is this, quoted.
    pub version: String,
    /// The JSON, as `koban content build` writes it.
    pub json: Bytes,
    /// The same JSON, gzipped.
    pub gzip: Bytes,
}

impl ServedBundle {
    /// The strong entity tag of the JSON: `"<version>"`.
    pub fn etag(&self) -> String {
        format!("\"{}\"", self.version)
    }

    /// The strong entity tag of the gzipped JSON (another representation, so another tag):
    /// `"<version>-gzip"`.
    pub fn gzip_etag(&self) -> String {
        format!("\"{}-gzip\"", self.version)
    }
}

/// The bundles of every locale, compiled from one state of the content directory.
#[derive(Debug, Clone)]
pub struct CompiledContent {
    /// The site's default locale.
    pub default_locale: String,
    /// The site's locales, in `site.toml` order.
    pub locales: Vec<String>,
    /// `45 articles in 2 locales, 7 categories`.
    pub summary: String,
    bundles: BTreeMap<String, ServedBundle>,
}

impl CompiledContent {
    /// Checks and compiles the content in `dir`.
    pub fn compile(dir: &Path) -> Result<CompiledContent, Vec<Diagnostic>> {
        let corpus = Corpus::load(dir)?;
        let mut bundles = BTreeMap::new();
        for locale in corpus.site.locales() {
            let bundle = build_bundle(&corpus, locale);
            let json = serde_json::to_vec(&bundle).expect("a bundle always serializes");
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gz.write_all(&json).expect("writing to memory");
            let gzip = gz.finish().expect("writing to memory");
            bundles.insert(
                locale.clone(),
                ServedBundle {
                    locale: locale.clone(),
                    version: bundle.version,
                    json: Bytes::from(json),
                    gzip: Bytes::from(gzip),
                },
            );
        }
        Ok(CompiledContent {
            default_locale: corpus.site.default_locale().to_string(),
            locales: corpus.site.locales().to_vec(),
            summary: corpus.summary(),
            bundles,
        })
    }

    /// The bundle for a requested language tag (negotiated; none or unknown → default locale).
    pub fn negotiate(&self, requested: Option<&str>) -> &ServedBundle {
        let locale = content::negotiate(
            requested.unwrap_or_default(),
            &self.locales,
            &self.default_locale,
        );
        self.bundles
            .get(&locale)
            .or_else(|| self.bundles.get(&self.default_locale))
            .or_else(|| self.bundles.values().next())
            .expect("site.toml always has at least its default locale")
    }

    /// Every bundle, by locale.
    pub fn bundles(&self) -> impl Iterator<Item = &ServedBundle> {
        self.bundles.values()
    }
}

/// The content directory and its current compiled state.
#[derive(Debug)]
pub struct ContentStore {
    dir: PathBuf,
    current: RwLock<Arc<CompiledContent>>,
}

impl ContentStore {
    /// Compiles the content in `dir`; fails with its diagnostics if it does not pass check.
    pub fn load(dir: impl Into<PathBuf>) -> Result<ContentStore, Vec<Diagnostic>> {
        let dir = dir.into();
        let compiled = CompiledContent::compile(&dir)?;
        Ok(ContentStore {
            dir,
            current: RwLock::new(Arc::new(compiled)),
        })
    }

    /// The content directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The content being served now.
    pub fn current(&self) -> Arc<CompiledContent> {
        match self.current.read() {
            Ok(c) => Arc::clone(&c),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Recompiles the directory. On success the new content is served from now on and its
    /// summary returned; on failure the old content stays and the diagnostics are returned.
    pub fn reload(&self) -> Result<String, Vec<Diagnostic>> {
        let compiled = CompiledContent::compile(&self.dir)?;
        let summary = compiled.summary.clone();
        let new = Arc::new(compiled);
        match self.current.write() {
            Ok(mut c) => *c = new,
            Err(poisoned) => *poisoned.into_inner() = new,
        }
        Ok(summary)
    }
}
