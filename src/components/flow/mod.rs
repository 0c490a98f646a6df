//! Guided flows in the panel: the flow view (desk build only) and the "Continue where you left
//! off" row on the home view (both builds).

pub mod resume;
#[cfg(feature = "desk")]
pub mod view;

#[cfg(feature = "desk")]
pub use view::FlowView;
