//! The widget panel's navigation: its views ([`Route`]), the stack of views with the scroll
//! offset each was left at ([`NavStack`]), and the text form the stack travels in when the first
//! download hands the panel over to the desk build ([`encode_stack`], [`decode_stack`]).
//!
//! ```
//! use koban_core::nav::{NavStack, Route, decode_stack, encode_stack};
//! let mut nav = NavStack::default();
//! nav.navigate(Route::Category("billing".into()), 0);
//! nav.navigate(Route::Article("add-credits".into()), 120); // the category list was at 120 px
//! assert_eq!(nav.back(), 120);
//! let routes: Vec<Route> = nav.routes().cloned().collect();
//! assert_eq!(decode_stack(&encode_stack(&routes)), routes);
//! ```

/// A view of the panel. The panel keeps a stack of them; Back pops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Home: search, suggestions, categories, channels.
    Home,
    /// The articles of one category.
    Category(String),
    /// One article.
    Article(String),
    /// The ticket form (or, once sent, its confirmation).
    Ticket,
    /// A guided flow.
    Flow(String),
    /// "Your requests": the requests this browser (or the identified user) filed.
    Requests,
    /// One request's conversation, by reference.
    Request(String),
}

impl Route {
    /// The route as one key: a kind letter, then the id (`a` + article id, `f` + flow id, `t`
    /// for the ticket form, ...).
    pub fn to_key(&self) -> String {
        let (kind, id) = self.key_parts();
        let mut key = String::from(kind);
        key.push_str(id);
        key
    }

    /// The kind letter and the id of [`Route::to_key`].
    fn key_parts(&self) -> (char, &str) {
        match self {
            Route::Home => ('h', ""),
            Route::Category(id) => ('c', id),
            Route::Article(id) => ('a', id),
            Route::Ticket => ('t', ""),
            Route::Flow(id) => ('f', id),
            Route::Requests => ('r', ""),
            Route::Request(reference) => ('m', reference),
        }
    }

    /// The route [`Route::to_key`] wrote; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Route> {
        let id = key.get(1..).unwrap_or_default().to_string();
        Some(match key.as_bytes().first()? {
            b'h' => Route::Home,
            b'c' => Route::Category(id),
            b'a' => Route::Article(id),
            b't' => Route::Ticket,
            b'f' => Route::Flow(id),
            b'r' => Route::Requests,
            b'm' => Route::Request(id),
            _ => return None,
        })
    }
}

/// The routes as one line of text per route ([`Route::to_key`]); a backslash or a line break in
/// an id (ids come from the host page: `showArticle`, `startFlow`) is escaped, so every route
/// comes back from [`decode_stack`] as it was.
pub fn encode_stack(routes: &[Route]) -> String {
    // By hand rather than `replace` and `join`: this runs in the widget's first download.
    let mut text = String::new();
    for (i, route) in routes.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let (kind, id) = route.key_parts();
        text.push(kind);
        for c in id.chars() {
            match c {
                '\\' => text.push_str("\\\\"),
                '\n' => text.push_str("\\n"),
                c => text.push(c),
            }
        }
    }
    text
}

/// The routes [`encode_stack`] wrote, leaving out lines that are no route.
pub fn decode_stack(text: &str) -> Vec<Route> {
    text.split('\n')
        .filter_map(|line| {
            let mut key = String::with_capacity(line.len());
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                key.push(match (c, chars.clone().next()) {
                    ('\\', Some('n')) => {
                        chars.next();
                        '\n'
                    }
                    ('\\', Some('\\')) => {
                        chars.next();
                        '\\'
                    }
                    _ => c,
                });
            }
            Route::from_key(&key)
        })
        .collect()
}

/// The panel's view stack, bottom first: never empty (home at the bottom when nothing else), the
/// last entry shown, each with the scroll offset to restore when Back returns to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavStack(Vec<(Route, i32)>);

impl Default for NavStack {
    #[inline]
    fn default() -> Self {
        NavStack(vec![(Route::Home, 0)])
    }
}

impl NavStack {
    /// A stack of `routes` (bottom first), each at the top of its scroll; home for none.
    #[inline]
    pub fn of(routes: Vec<Route>) -> Self {
        if routes.is_empty() {
            return Self::default();
        }
        NavStack(routes.into_iter().map(|r| (r, 0)).collect())
    }

    /// The routes, bottom first.
    #[inline]
    pub fn routes(&self) -> impl Iterator<Item = &Route> {
        self.0.iter().map(|(r, _)| r)
    }

    /// The route shown.
    #[inline]
    pub fn current(&self) -> &Route {
        self.0.last().map_or(&Route::Home, |(r, _)| r)
    }

    /// Whether there is a view to go back to.
    #[inline]
    pub fn can_go_back(&self) -> bool {
        self.0.len() > 1
    }

    /// Shows `route`, remembering `scroll` (the current view's scroll offset) for Back. Showing
    /// the route already shown adds nothing.
    #[inline]
    pub fn navigate(&mut self, route: Route, scroll: i32) {
        if let Some(last) = self.0.last_mut() {
            last.1 = scroll;
        }
        if self.current() != &route {
            self.0.push((route, 0));
        }
    }

    /// Goes back one view (never below the first) and returns the scroll offset to restore there.
    #[inline]
    pub fn back(&mut self) -> i32 {
        if self.0.len() > 1 {
            self.0.pop();
        }
        self.0.last().map_or(0, |(_, s)| *s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn odd_routes() -> Vec<Route> {
        vec![
            Route::Home,
            Route::Category("billing".into()),
            Route::Article("node-offline".into()),
            Route::Ticket,
            Route::Flow("gpu:not found/ü".into()),
            Route::Article(String::new()),
            Route::Article("two\nlines".into()),
            Route::Flow("back\\slash\\n".into()),
            Route::Category("\\".into()),
            Route::Requests,
            Route::Request("KB-7F3K-92QD".into()),
        ]
    }

    #[test]
    fn every_route_survives_its_key() {
        for route in odd_routes() {
            assert_eq!(Route::from_key(&route.to_key()), Some(route.clone()));
        }
        assert_eq!(Route::from_key(""), None);
        assert_eq!(Route::from_key("x1"), None);
    }

    #[test]
    fn the_stack_survives_the_hand_over_text() {
        let routes = odd_routes();
        let text = encode_stack(&routes);
        assert_eq!(text.lines().count(), routes.len(), "one line per route");
        assert_eq!(decode_stack(&text), routes);
        assert_eq!(decode_stack(""), vec![]);
        assert_eq!(decode_stack("h\nx\n\nt"), vec![Route::Home, Route::Ticket]);
    }

    #[test]
    fn navigate_and_back_keep_scroll_offsets() {
        let mut nav = NavStack::default();
        assert!(!nav.can_go_back());
        assert_eq!(nav.back(), 0, "back on home stays home");
        assert_eq!(nav.current(), &Route::Home);
        nav.navigate(Route::Category("nodes".into()), 40);
        nav.navigate(Route::Article("a".into()), 300);
        nav.navigate(Route::Article("a".into()), 10);
        assert_eq!(nav.routes().count(), 3, "the same route twice is one view");
        assert!(nav.can_go_back());
        assert_eq!(nav.back(), 300);
        assert_eq!(nav.current(), &Route::Category("nodes".into()));
        assert_eq!(nav.back(), 40);
        assert_eq!(nav.current(), &Route::Home);
    }

    #[test]
    fn a_restored_stack_is_never_empty() {
        assert_eq!(NavStack::of(Vec::new()), NavStack::default());
        let nav = NavStack::of(vec![Route::Home, Route::Ticket]);
        assert_eq!(nav.current(), &Route::Ticket);
        assert!(nav.can_go_back());
    }
}
