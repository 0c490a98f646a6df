//! What the widget's home view and search need from a content bundle, as pure functions:
//!
//! - [`page_context`]: the host's `setContext` object to the active context strings
//!   (`route:/nodes`, `error:E_NODE_OFFLINE`, `page:billing`) that articles' `contexts` match.
//! - [`search_docs`]: the bundle's articles as plain-text [`SearchDoc`](crate::search::SearchDoc)s.
//! - [`announcements`]: which announcements are in effect at a given time.
//! - [`hours`]: whether support is open now, and its hours in the user's time zone.
//! - [`links`]: which hrefs may be rendered as links.
//! - [`suggest`]: "Suggested for this page" and the proactive nudge.
//! - [`needed`]: whether the widget needs the content bundle yet.

pub mod announcements;
pub mod hours;
pub mod links;
pub mod needed;
pub mod page_context;
pub mod search_docs;
pub mod suggest;
