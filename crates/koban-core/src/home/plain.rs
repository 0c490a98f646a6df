//! Inline Markdown as plain text, for search snippets and summaries: a flow's question
//! ``run `gridshare-node gpu list` `` is found and shown as "run gridshare-node gpu list".
//!
//! Hand-written because it runs in the widget (the first download, which has a size limit), where
//! the content compiler's Markdown parser (pulldown-cmark, `authoring`) is not built in. Only the
//! inline syntax that short texts use is read: code spans, emphasis and strong emphasis (`*`, `_`,
//! `~~`), links and images (`[text](url)`, `![alt](src)`) and backslash escapes. Anything that is
//! not such syntax (an unmatched `*`, `snake_case`, `a [b] c`) stays as written.
//!
//! ```
//! use koban_core::home::plain::strip_markdown;
//! assert_eq!(strip_markdown("Run `gridshare-node gpu list`, then **restart**."), "Run gridshare-node gpu list, then restart.");
//! assert_eq!(strip_markdown("See [the docs](https://docs.example) for `job_id`"), "See the docs for job_id");
//! ```

/// `text` without its inline Markdown syntax (see the module docs).
pub fn strip_markdown(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    // Emphasis openers written so far (where in `out`, which character, how many); the ones a
    // closer matches are dropped at the end, the closers are never written.
    let mut openers: Vec<(usize, char, usize)> = Vec::new();
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(char::is_ascii_punctuation) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '`' => {
                let run = count(&chars[i..], '`');
                match find_run(&chars, i + run, '`', run) {
                    Some(end) => {
                        let code: String = chars[i + run..end].iter().collect();
                        out.extend(code.trim().chars());
                        i = end + run;
                    }
                    None => {
                        out.extend(&chars[i..i + run]);
                        i += run;
                    }
                }
            }
            '!' | '[' => match link(&chars, if c == '!' { i + 1 } else { i }) {
                Some((label, end)) => {
                    out.extend(strip_markdown(&label).chars());
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '*' | '_' | '~' => {
                let run = count(&chars[i..], c);
                let before = i.checked_sub(1).map(|b| chars[b]);
                let after = chars.get(i + run).copied();
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                // Strikethrough is `~~` only; `_` never opens or closes inside a word.
                let usable = c != '~' || run == 2;
                let opens = usable && !space(after) && !(c == '_' && word(before));
                let closes = usable && !space(before) && !(c == '_' && word(after));
                match openers.iter().rposition(|o| o.1 == c).filter(|_| closes) {
                    Some(p) => {
                        dropped.push((openers[p].0, openers[p].2));
                        openers.truncate(p);
                    }
                    None => {
                        if opens {
                            openers.push((out.len(), c, run));
                        }
                        out.extend(std::iter::repeat_n(c, run));
                    }
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    let mut text = String::with_capacity(out.len());
    let mut k = 0;
    while k < out.len() {
        match dropped.iter().find(|d| d.0 == k) {
            Some(&(_, len)) => k += len,
            None => {
                text.push(out[k]);
                k += 1;
            }
        }
    }
    text
}

/// How many times `c` repeats at the start of `s`.
fn count(s: &[char], c: char) -> usize {
    s.iter().take_while(|&&x| x == c).count()
}

/// Where the next run of exactly `len` times `c` at or after `from` starts.
fn find_run(s: &[char], from: usize, c: char, len: usize) -> Option<usize> {
    let mut j = from;
    while j < s.len() {
        let run = count(&s[j..], c);
        if run == len {
            return Some(j);
        }
        j += run.max(1);
    }
    None
}

/// A link `[label](destination)` starting at `at`: its label and the index after it.
fn link(s: &[char], at: usize) -> Option<(String, usize)> {
    if s.get(at) != Some(&'[') {
        return None;
    }
    let close = at + s[at..].iter().position(|&c| c == ']')?;
    if s.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = close + 1 + s[close + 1..].iter().position(|&c| c == ')')?;
    Some((s[at + 1..close].iter().collect(), end + 1))
}

#[cfg(test)]
mod tests {
    use super::strip_markdown;

    /// Each (Markdown, plain text) pair.
    fn check(cases: &[(&str, &str)]) {
        for (markdown, plain) in cases {
            assert_eq!(strip_markdown(markdown), *plain, "{markdown}");
        }
    }

    #[test]
    fn code_spans_lose_their_backticks() {
        check(&[
            (
                "On the machine, run `gridshare-node gpu list`. What does it print?",
                "On the machine, run gridshare-node gpu list. What does it print?",
            ),
            ("``a ` b``", "a ` b"),
            ("`*not emphasis*`", "*not emphasis*"),
            ("a ` lone backtick", "a ` lone backtick"),
        ]);
    }

    #[test]
    fn emphasis_markers_go_when_they_pair() {
        check(&[
            ("**Restart** the *agent*", "Restart the agent"),
            ("__bold__ and _it_", "bold and it"),
            ("~~old~~ new", "old new"),
            ("***both***", "both"),
        ]);
    }

    #[test]
    fn lookalikes_stay() {
        let same = [
            "snake_case_name and job_id",
            "2 * 3 = 6",
            "5* rating",
            "a [b] c",
            "[x] (y)",
            "1.5× rewards, 100% sure ~ roughly",
            "",
        ];
        check(&same.map(|t| (t, t)));
    }

    #[test]
    fn links_images_and_escapes() {
        check(&[
            (
                "See [**the** docs](https://d.example/a_b) now",
                "See the docs now",
            ),
            ("![GPU list](gpu.png)", "GPU list"),
            ("[unclosed](x", "[unclosed](x"),
            (r"\*not\* \`code\` a\\b", r"*not* `code` a\b"),
            (r"\a stays", r"\a stays"),
        ]);
    }
}
