//! Guided flows in the panel (desk build only): the flow view and the "Continue where you left
//! off" row on the home view. The first download hands the panel over to the desk build when a
//! saved run waits (`crate::stage`).

pub mod resume;
pub mod view;

#[cfg(feature = "desk")]
pub use view::FlowView;
