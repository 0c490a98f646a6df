//! The one version string shared by the widget bundle, its asset URLs and the server.

/// The Koban version (the workspace version). Versioned assets live under `/v/<VERSION>/`.
///
/// ```
/// assert!(koban_core::version::VERSION.split('.').count() == 3);
/// ```
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Path prefix of the versioned, immutable assets of this build, e.g. `/v/0.1.0/`.
///
/// ```
/// assert_eq!(koban_core::version::asset_prefix(), format!("/v/{}/", koban_core::version::VERSION));
/// ```
pub fn asset_prefix() -> String {
    format!("/v/{VERSION}/")
}
