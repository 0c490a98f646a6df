//! The help content of the active locale, fetched through the API client and indexed for search
//! once per locale.
//!
//! A plain signal filled by `spawn_local` rather than a `LocalResource`: the async-derived
//! machinery behind resources costs about 25 KB of wasm, and this widget needs only "load for the
//! current locale, and again on retry".
//!
//! ```ignore
//! let content = Content::expect();
//! move || content.get().map(|r| r.map(|c| c.bundle.articles.len()))
//! ```

use std::sync::Arc;

use koban_core::content::ContentBundle;
use koban_core::home::needed::content_needed;
use koban_core::home::search_docs::search_docs;
use koban_core::search::{DocKind, Index, Normalizer};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::state::{Route, WidgetState};

/// A locale's bundle with its search index.
pub struct Loaded {
    /// The bundle as the server sent it.
    pub bundle: ContentBundle,
    /// Search index over `bundle.articles`, in the same order.
    pub index: Index,
    /// The widget's locale the bundle was loaded for (the panel's language).
    pub locale: String,
}

impl Loaded {
    /// Where search document `doc` leads (an article or a flow), with its title, summary and
    /// their `lang` ([`Loaded::lang`]).
    pub fn doc_link(&self, doc: usize) -> (Route, String, String, Option<String>) {
        let d = self.index.doc(doc);
        let route = match d.kind {
            DocKind::Article => Route::Article(d.id.clone()),
            DocKind::Flow => Route::Flow(d.id.clone()),
        };
        let lang = self.lang(Some(self.bundle.doc_locale(doc)));
        (route, d.title.clone(), d.summary.clone(), lang)
    }

    /// The `lang` attribute for text of the bundle in `locale` (`None`: the bundle's own): set
    /// when it is not the panel's language (WCAG 3.1.2, [`ContentBundle::lang_in`]).
    pub fn lang(&self, locale: Option<&str>) -> Option<String> {
        self.bundle.lang_in(locale, &self.locale)
    }
}

/// The content of the active locale: `None` while loading.
pub type ContentState = Option<Result<Arc<Loaded>, ApiError>>;

/// The content, provided as context by the root component.
#[derive(Clone, Copy)]
pub struct Content {
    state: RwSignal<ContentState>,
    widget: WidgetState,
}

impl Content {
    /// The content, from context.
    pub fn expect() -> Self {
        expect_context()
    }

    /// The current content state, tracked.
    pub fn get(&self) -> ContentState {
        self.state.get()
    }

    /// Loads the content again (after an error).
    pub fn refetch(&self) {
        load(*self, self.widget.locale.get_untracked());
    }
}

/// Creates the content state and loads it once it is needed, and again whenever the widget's
/// locale changes after that.
///
/// Needed is koban-core's [`content_needed`]: the panel is open (always, inline), or a nudge may
/// show (nudges on and the page reports an error code). A widget booted on idle on a page that
/// never opens it therefore fetches, parses and indexes nothing, and adds no long task to the
/// host page.
pub fn provide_content(widget: WidgetState) {
    let content = Content {
        state: RwSignal::new(None),
        widget,
    };
    provide_context(content);
    let needed = Memo::new(move |_| {
        let open = widget.open();
        widget
            .context
            .with(|c| content_needed(open, widget.nudges, c))
    });
    let loaded_for = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let locale = widget.locale.get();
        if needed.get() && loaded_for.get_value().as_deref() != Some(locale.as_str()) {
            loaded_for.set_value(Some(locale.clone()));
            load(content, locale);
        }
    });
}

fn load(content: Content, locale: String) {
    let api = content.widget.api.get_value();
    content.state.set(None);
    spawn_local(async move {
        let bundle = api.content(&locale).await;
        // Decoding the bundle and building the index are two tasks, not one: the browser can
        // paint and handle input in between, and the host page sees no long task from us.
        crate::timer::sleep(0).await;
        let result = bundle.map(|bundle| {
            let index = Index::build_with(search_docs(&bundle), Normalizer::with_hook(js_nfkc));
            Arc::new(Loaded {
                bundle,
                index,
                locale: locale.clone(),
            })
        });
        // A late answer for a locale the user has already left is dropped.
        if content.widget.locale.get_untracked() == locale {
            content.state.set(Some(result));
        }
    });
}

/// NFKC and lowercase through the browser's own Unicode tables (no tables in the wasm).
fn js_nfkc(s: &str) -> String {
    let js = js_sys::JsString::from(s).normalize("NFKC");
    String::from(js.to_lower_case())
}
