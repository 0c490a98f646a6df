//! Files attached to a ticket: the server's upload policy and the check the widget runs before
//! uploading, so the user hears at once (in their language) that a file is too large or of a
//! kind support does not accept. The server checks again, by the file's bytes.
//!
//! ```
//! use koban_core::ticket::files::{check_file, AttachmentPolicy, FileProblem};
//! let policy = AttachmentPolicy { max_bytes: 1_000, max_files: 2, extensions: vec!["png".into(), "log".into()] };
//! assert_eq!(check_file(&policy, "node.LOG", 10, 0), Ok(()));
//! assert_eq!(check_file(&policy, "node.exe", 10, 0), Err(FileProblem::NotAllowed));
//! assert_eq!(check_file(&policy, "big.png", 1_001, 0), Err(FileProblem::TooLarge));
//! assert_eq!(check_file(&policy, "third.png", 10, 2), Err(FileProblem::TooMany));
//! ```

use serde::{Deserialize, Serialize};

/// What the server accepts, for the widget to show and check before uploading.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AttachmentPolicy {
    /// Largest accepted file in bytes (`attachment_max_bytes`).
    pub max_bytes: u64,
    /// Most files one ticket can list.
    #[cfg_attr(feature = "openapi", schema(value_type = u64))]
    pub max_files: usize,
    /// Accepted file name extensions, lower case, without the dot.
    pub extensions: Vec<String>,
}

/// Why a file cannot be attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// Empty file.
    Empty,
    /// Over [`AttachmentPolicy::max_bytes`].
    TooLarge,
    /// Extension not accepted.
    NotAllowed,
    /// The ticket already has [`AttachmentPolicy::max_files`].
    TooMany,
}

/// Checks a file named `name` of `size` bytes, with `already` files attached.
pub fn check_file(
    policy: &AttachmentPolicy,
    name: &str,
    size: u64,
    already: usize,
) -> Result<(), FileProblem> {
    if already >= policy.max_files {
        return Err(FileProblem::TooMany);
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if !ext.is_some_and(|e| policy.extensions.contains(&e)) {
        return Err(FileProblem::NotAllowed);
    }
    if size == 0 {
        return Err(FileProblem::Empty);
    }
    if size > policy.max_bytes {
        return Err(FileProblem::TooLarge);
    }
    Ok(())
}

/// A file uploaded for the ticket being written (kept with the draft, so a reload keeps it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFile {
    /// The id the server returned, listed in the ticket's `attachments`.
    pub id: String,
    /// The file name, for display.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_in_order_count_kind_emptiness_size() {
        let p = AttachmentPolicy {
            max_bytes: 5,
            max_files: 1,
            extensions: vec!["txt".into()],
        };
        assert_eq!(check_file(&p, "a.txt", 5, 0), Ok(()));
        assert_eq!(check_file(&p, "a.TXT", 1, 0), Ok(()));
        assert_eq!(check_file(&p, "a.txt", 0, 0), Err(FileProblem::Empty));
        assert_eq!(check_file(&p, "a.txt", 6, 0), Err(FileProblem::TooLarge));
        assert_eq!(check_file(&p, "txt", 1, 0), Err(FileProblem::NotAllowed));
        assert_eq!(
            check_file(&p, "a.txt.exe", 1, 0),
            Err(FileProblem::NotAllowed)
        );
        assert_eq!(check_file(&p, "a.txt", 1, 1), Err(FileProblem::TooMany));
    }
}
