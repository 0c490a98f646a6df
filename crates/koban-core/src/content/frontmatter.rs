//! Splitting an article file into its TOML front matter (between `+++` fences, as Zola does) and
//! its Markdown body, keeping track of where each starts so diagnostics get file lines.
//!
//! Hand-written: it is a dozen lines of fence matching, and the crates that do it (e.g.
//! `gray_matter`) bring YAML and JSON engines we do not want.

/// An article file split into front matter and body.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    /// The TOML between the fences.
    pub front: &'a str,
    /// 1-based file line of the first line of `front`.
    pub front_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based file line of the first line of `body`.
    pub body_line: usize,
}

/// Splits `src`; the error is a 1-based line and a message.
pub(crate) fn split(src: &str) -> Result<Split<'_>, (usize, String)> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut lines = src.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err((
            1,
            "missing front matter: the file must start with a `+++` line".into(),
        ));
    }
    let front_start = first.len();
    let mut pos = front_start;
    for (line, l) in (2..).zip(lines) {
        if l.trim_end() == "+++" {
            return Ok(Split {
                front: &src[front_start..pos],
                front_line: 2,
                body: &src[pos + l.len()..],
                body_line: line + 1,
            });
        }
        pos += l.len();
    }
    Err((1, "front matter is not closed: no second `+++` line".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body_with_lines() {
        let s = split("+++\nid = \"a\"\ntitle = \"b\"\n+++\n\nBody\n").unwrap();
        assert_eq!(s.front, "id = \"a\"\ntitle = \"b\"\n");
        assert_eq!(s.front_line, 2);
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let s = split("\u{feff}+++\r\nid = 1\r\n+++\r\nx").unwrap();
        assert_eq!(s.front, "id = 1\r\n");
        assert_eq!(s.body, "x");
    }

    #[test]
    fn missing_or_unclosed_fences_are_errors() {
        assert_eq!(split("# Title\n").unwrap_err().0, 1);
        assert!(split("+++\nid = 1\n").unwrap_err().1.contains("not closed"));
        assert!(split("").is_err());
    }
}
