//! The widget's view, one component per file.

pub mod app;
pub mod home;
pub mod panel;
