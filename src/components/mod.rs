//! The widget's view, one component per file.

pub mod announcements;
pub mod app;
#[cfg(feature = "desk")]
pub mod article;
#[cfg(feature = "desk")]
pub mod blocks;
pub mod category;
pub mod channels;
pub mod contact;
#[cfg(feature = "desk")]
pub mod conversation;
#[cfg(feature = "desk")]
pub mod flow;
pub mod focus_trap;
pub mod highlight;
pub mod home;
pub mod nudge;
pub mod panel;
pub mod row;
pub mod search;
pub mod status;
pub mod suggested;
#[cfg(feature = "desk")]
pub mod ticket;
#[cfg(not(feature = "desk"))]
pub mod upgrading;
