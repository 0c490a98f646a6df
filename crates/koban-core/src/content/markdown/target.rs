//! Which link and image targets the Markdown compiler keeps: `http:`, `https:`, `mailto:` (links
//! only) and relative targets, with `other-id.md` read as a link to another article; anything
//! else, or any target with control characters, is rejected.

/// What a link or image target turned out to be.
#[derive(Debug, PartialEq)]
pub(super) enum Target {
    /// Safe to keep as written.
    Keep(String),
    /// A link to another article, by id.
    Article(String),
    /// Not allowed.
    Rejected,
}

/// Classifies a link or image target.
pub(super) fn classify(url: &str, allow_mailto: bool) -> Target {
    if url.is_empty() || url.chars().any(char::is_control) {
        return Target::Rejected;
    }
    let end = url.find([':', '/', '?', '#']).unwrap_or(url.len());
    if url[end..].starts_with(':') {
        let scheme = url[..end].to_ascii_lowercase();
        let ok = match scheme.as_str() {
            "http" | "https" => true,
            "mailto" => allow_mailto,
            _ => false,
        };
        return if ok {
            Target::Keep(url.to_string())
        } else {
            Target::Rejected
        };
    }
    // Relative. `other-id.md` (optionally `#fragment`) is another article.
    let path = url.split('#').next().unwrap_or("");
    if let Some(id) = path.strip_suffix(".md")
        && crate::content::is_valid_id(id)
    {
        return Target::Article(id.to_string());
    }
    Target::Keep(url.to_string())
}
