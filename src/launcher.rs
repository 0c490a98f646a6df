//! The launcher button's content: the localized label, or the host's `launcherLabel`, and the
//! host's `launcherIcon` before it. The loader draws the button; the widget only relabels it.
//!
//! ```ignore
//! launcher::label(&button, Some("Support"), Some("/icons/help.svg"));
//! ```

/// Sets the launcher's text (the host's label, else the localized "Help") and optional icon.
pub fn label(launcher: &web_sys::HtmlElement, text: Option<&str>, icon: Option<&str>) {
    let localized;
    let text = match text {
        Some(t) => t,
        None => {
            localized = crate::i18n::t(crate::i18n::msg::LAUNCHER_LABEL);
            &localized
        }
    };
    launcher.set_text_content(Some(text));
    let Some(src) = icon else { return };
    let Some(img) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("img").ok())
    else {
        return;
    };
    // Decorative: the button's name is its text.
    let _ = img.set_attribute("src", src);
    let _ = img.set_attribute("alt", "");
    let _ = img.set_attribute("class", "kb-launcher-icon");
    let _ = launcher.prepend_with_node_1(&img);
}
