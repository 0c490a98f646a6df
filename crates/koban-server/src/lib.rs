//! Koban server: serves the widget bundle, the demo dashboard and (in later modules) the content,
//! ticket and feedback APIs.
//!
//! - [`cli`]: the `koban` command line.
//! - [`app`]: the axum router, built from a [`app::ServerConfig`].
//! - [`assets`]: the widget's static files with their caching and CORS rules.
//! - [`demo`]: the demo dashboard pages.

pub mod app;
pub mod assets;
pub mod cli;
pub mod demo;
