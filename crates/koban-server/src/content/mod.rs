//! Help content on the server: compiled from `content/` at start and on SIGHUP, served by
//! `GET /api/v1/content`, and the `koban content check|build` commands.
//!
//! - [`store`]: [`ContentStore`], the compiled bundles of every locale (serialized and gzipped
//!   once per compile), swapped atomically on reload.
//! - [`api`]: the `GET /api/v1/content?locale=<tag>` route.
//! - [`reload`]: recompiling on SIGHUP, keeping the old bundles when the new content fails check.
//! - [`cli`]: `koban content check <dir>` and `koban content build --out <dir>`.

pub mod api;
pub mod cli;
pub mod reload;
pub mod store;

pub use store::{CompiledContent, ContentStore, ServedBundle};
