//! [`Diagnostic`]: one problem found in authored content, with its file and 1-based line.

use std::fmt;
use std::path::PathBuf;

/// A problem in the content, printed as `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    /// The file, as the content directory was given joined with the file's relative path.
    pub file: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong, in English (authors' tool output).
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic for `file` at `line`.
    pub fn new(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: line.max(1),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// The 0-based line of byte `offset` in `text` (the number of newlines before it).
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}
