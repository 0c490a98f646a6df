//! The new part of an email reply: what `koban mail ingest` stores as a message, without the
//! quoted history and the signature the mail client added below it.
//!
//! - [`new_text`] takes a decoded `text/plain` body and returns its new text: line ends made
//!   `\n`, control characters other than `\n` and `\t` removed, then cut at the first sign of
//!   history (Koban's own `##- … -##` marker, an "Original Message" separator, a "On … wrote:"
//!   attribution followed by `>` lines, an Outlook `From:`/`Sent:` header block), and without a
//!   trailing block of `>` lines, an RFC 3676 `-- ` signature or a final "Sent from my iPhone".
//!   The attribution, separator, header and mobile forms of the 12 locales Koban speaks are
//!   known (en, de, fr, es, pt, ru, ja, zh-Hans, zh-Hant, ko, ar, he), with a generic fallback
//!   (an attribution line holding an address or a date).
//! - [`cut_html_quote`] cuts an HTML-only body before its quote container (`gmail_quote`,
//!   `<blockquote`, Outlook's `divRplyFwdMsg`, …), before it is turned into text.
//!
//! **Why hand-written:** no maintained crate does this. `email_reply_parser` 0.1.2 knows English
//! only, pulls in `regex` and `fancy-regex`, and drops any line containing `--`; `mail-parser`
//! has no such feature (stalwartlabs/mail-parser#39). This is plain string code, no dependency,
//! so the widget's wasm build (which never calls it) pays nothing once the linker drops it.
//!
//! **A heuristic:** clients write history in many ways, and a user's own words can look like
//! one. Three rules bound the damage: an attribution only counts when everything after it is
//! quoted (so a reply written between or below quoted lines is kept whole); a cut that leaves
//! nothing returns the whole normalized text (a message is never lost, at worst it keeps its
//! history); and agents still have the whole mail in their own client.
//!
//! ```
//! use koban_core::conversation::email_text::{cut_html_quote, new_text};
//! let body = "Thanks, it works now.\r\n\r\nOn Mon, Dec 7, 2026 at 11:25 PM Koban Support \
//!             <support@reply.test> wrote:\r\n\r\n> Please restart the printer.\r\n";
//! assert_eq!(new_text(body), "Thanks, it works now.");
//! assert_eq!(new_text("> only a quote"), "> only a quote");
//! assert_eq!(cut_html_quote("<p>Yes</p><BLOCKQUOTE>old</BLOCKQUOTE>"), "<p>Yes</p>");
//! ```

/// The new part of a reply's decoded `text/plain` body (see the [module](self) documentation).
/// Never empty unless the normalized input is blank: when the cuts leave nothing, the whole
/// normalized text is returned.
pub fn new_text(text: &str) -> String {
    let text = normalize(text);
    let stripped = strip(&text);
    if stripped.trim().is_empty() {
        return text;
    }
    stripped
}

/// The prefix of an HTML body before its first quote container: the `<` of the tag that holds
/// `class="gmail_quote…`, `id="divRplyFwdMsg"`, `id="appendonsend"`, `class="moz-cite-prefix"`
/// or `class="yahoo_quoted"`, or the first `<blockquote` (ASCII case-insensitive). Without a
/// marker the body is returned unchanged.
pub fn cut_html_quote(html: &str) -> &str {
    const NEEDLES: [&[u8]; 6] = [
        b"class=\"gmail_quote",
        b"<blockquote",
        b"id=\"divRplyFwdMsg\"",
        b"id=\"appendonsend\"",
        b"class=\"moz-cite-prefix\"",
        b"class=\"yahoo_quoted\"",
    ];
    let bytes = html.as_bytes();
    let Some(at) = NEEDLES.iter().filter_map(|n| find_ascii_ci(bytes, n)).min() else {
        return html;
    };
    // The tag's `<`, when no `>` lies between it and the marker. Every index here is that of an
    // ASCII byte, so a char boundary.
    let cut = match bytes[..at].iter().rposition(|&b| b == b'<' || b == b'>') {
        Some(i) if bytes[i] == b'<' => i,
        _ => at,
    };
    &html[..cut]
}

fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// CRLF and lone CR become LF; control characters other than `\n` and `\t` go.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn strip(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut end = cut(&lines);
    while end > 0 && (is_blank(lines[end - 1]) || is_quoted(lines[end - 1])) {
        end -= 1;
    }
    if let Some(sig) = lines[..end].iter().position(|l| is_signature(l)) {
        end = sig;
    }
    end = trim_blank(&lines, end);
    if end > 0 && is_mobile(lines[end - 1]) {
        end = trim_blank(&lines, end - 1);
    }
    lines[..end].join("\n")
}

fn trim_blank(lines: &[&str], mut end: usize) -> usize {
    while end > 0 && is_blank(lines[end - 1]) {
        end -= 1;
    }
    end
}

/// The index of the first line of quoted history, or `lines.len()`.
fn cut(lines: &[&str]) -> usize {
    let n = lines.len();
    // next[i]: the first non-blank line at or after i. rest[i]: from line i on, every line is
    // blank, quoted or a mobile signature until the end or a line that starts other history.
    let (mut next, mut rest) = (vec![n; n + 1], vec![true; n + 1]);
    for i in (0..n).rev() {
        let line = lines[i];
        next[i] = if is_blank(line) { next[i + 1] } else { i };
        rest[i] = if is_signature(line) || is_history(lines, i) {
            true
        } else if is_blank(line) || is_quoted(line) || is_mobile(line) {
            rest[i + 1]
        } else {
            false
        };
    }
    for (i, line) in lines.iter().enumerate() {
        if is_blank(line) {
            continue;
        }
        if (is_marker(line) && (!is_quoted(line) || rest[i + 1])) || is_separator(line) {
            return i;
        }
        if is_header_block(lines, i) {
            // Outlook draws a rule of underscores just above its header block.
            let above = trim_blank(lines, i);
            return if above > 0 && is_rule(lines[above - 1]) {
                above - 1
            } else {
                i
            };
        }
        if next[i + 1] < n
            && is_quoted(lines[next[i + 1]])
            && rest[i + 1]
            && let Some(start) = attribution_start(lines, i)
        {
            return start;
        }
    }
    n
}

/// An unquoted line that starts history by itself: the marker, a separator, a header block.
fn is_history(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    (is_marker(line) && !is_quoted(line)) || is_separator(line) || is_header_block(lines, i)
}

/// The line trimmed of white space and of the invisible direction and zero-width marks that
/// right-to-left clients put around names and colons.
fn clean(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || c == '\u{FEFF}'
}

fn is_blank(line: &str) -> bool {
    clean(line).is_empty()
}

fn is_quoted(line: &str) -> bool {
    clean(line).starts_with('>')
}

/// RFC 3676's `-- `, or a line that is `--` once trimmed.
fn is_signature(line: &str) -> bool {
    line == "-- " || line.trim() == "--"
}

/// Koban's own `##- Please type your reply above this line -##`, also quoted.
fn is_marker(line: &str) -> bool {
    let mut t = clean(line);
    while let Some(rest) = t.strip_prefix('>') {
        t = clean(rest);
    }
    t.len() > 6 && t.starts_with("##-") && t.ends_with("-##")
}

/// A rule line: at least five `_` or `-` and nothing else.
fn is_rule(line: &str) -> bool {
    let t = clean(line);
    t.len() >= 5 && t.chars().all(|c| c == '_' || c == '-')
}

/// `-----Original Message-----` and its translations, between dashes (or `_`, `=`, `*`).
fn is_separator(line: &str) -> bool {
    const SEPARATORS: [&str; 12] = [
        "original message",
        "ursprüngliche nachricht",
        "message d'origine",
        "mensaje original",
        "mensagem original",
        "исходное сообщение",
        "元のメッセージ",
        "原始邮件",
        "原始郵件",
        "원본 메시지",
        "الرسالة الأصلية",
        "הודעה מקורית",
    ];
    let t = clean(line);
    let core = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | '=' | '*'));
    t.starts_with(['-', '_', '=', '*'])
        && SEPARATORS.contains(&core.to_lowercase().replace('’', "'").as_str())
}

/// `From:` (in one of the 12 locales) with a `Sent:` or `Date:` label within the next 4 lines:
/// Outlook's header block, which quotes history without `>`.
fn is_header_block(lines: &[&str], i: usize) -> bool {
    const FROM: &str = "from|von|de|от|差出人|发件人|寄件者|보낸 사람|من|מאת";
    const SENT: &str = "sent|date|gesendet|datum|envoyé|enviado|enviada|fecha|data|отправлено|\
                        дата|送信日時|日付|发送时间|日期|寄件日期|傳送時間|보낸 날짜|날짜|\
                        تاريخ الإرسال|التاريخ|נשלח|תאריך";
    has_label(lines[i], FROM) && lines[i + 1..].iter().take(4).any(|l| has_label(l, SENT))
}

/// The line starts with one of the `|`-separated `labels` (case-insensitive, `*bold*` allowed)
/// and a colon.
fn has_label(line: &str, labels: &str) -> bool {
    let t = clean(line).trim_start_matches('*').to_lowercase();
    labels.split('|').any(|label| {
        t.strip_prefix(label)
            .map(|rest| rest.trim_start_matches(['*', ' ', '\u{a0}']))
            .is_some_and(|rest| rest.starts_with([':', '：']))
    })
}

/// Where the attribution that ends on line `end` starts, if that line ends with `:` and reads as
/// one (possibly wrapped over up to 3 lines). Windows of locale forms are tried from the largest
/// (a wrapped line starts right after a blank line) before the generic fallback.
fn attribution_start(lines: &[&str], end: usize) -> Option<usize> {
    if is_quoted(lines[end]) || !clean(lines[end]).ends_with([':', '：']) {
        return None;
    }
    let mut low = end;
    while low + 2 > end && low > 0 && !is_blank(lines[low - 1]) && !is_quoted(lines[low - 1]) {
        low -= 1;
    }
    let known = (low..=end).find(|&start| {
        let joined: Vec<&str> = lines[start..=end].iter().map(|l| clean(l)).collect();
        let joined = joined.join(" ").to_lowercase();
        let body = joined.trim_end_matches([':', '：']).trim_end();
        is_known_attribution(&clean(lines[start]).to_lowercase(), body, start == end)
    });
    known.or_else(|| (low..=end).find(|&start| has_address_or_date(clean(lines[start]))))
}

/// The locale forms: `first` is the attribution's first line, `body` all its lines joined
/// without the final colon (both lower case), `single` when it is one line.
fn is_known_attribution(first: &str, body: &str, single: bool) -> bool {
    // An opening word and a verb that ends the line (`true`) or stands inside it.
    const OPENED: [(&str, &[&str], bool); 7] = [
        ("on ", &["wrote"], true),
        ("am ", &["schrieb"], false),
        ("le ", &["a écrit", "a ecrit"], true),
        ("el ", &["escribió", "escribio"], true),
        ("em ", &["escreveu"], true),
        ("في ", &["كتب", "كتابة", "بواسطة"], false),
        ("בתאריך", &["מאת", "כתב"], false),
    ];
    // Forms known by their last word: ru, zh, ko, ja, he (Apple Mail, Thunderbird).
    const ENDINGS: &str =
        "написал(а)|написал|написала|пишет|写道|寫道|작성|のメール|書きました|כתב/ה|כתבה";
    let opened = OPENED.iter().any(|&(open, verbs, at_end)| {
        let verb = |v: &&str| {
            if at_end {
                body.ends_with(v)
            } else {
                body.contains(v)
            }
        };
        first.starts_with(open) && verbs.iter().any(verb)
    });
    let ended = ENDINGS.split('|').any(|e| body.ends_with(e));
    opened || ended && (single || has_address_or_date(first))
}

fn has_address_or_date(line: &str) -> bool {
    line.contains('@') || has_date(line)
}

/// A date or time token: a year 19xx/20xx, `2026年`/`2026년`, `12/7/26`-like (`/`, `.`, `-`), or
/// `23:25`.
fn has_date(line: &str) -> bool {
    let b = line.as_bytes();
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < b.len() {
        let run = digits_at(i);
        if run == 0 {
            i += 1;
            continue;
        }
        let (start, after) = (i, i + run);
        i = after;
        let year = run == 4 && (b[start..].starts_with(b"19") || b[start..].starts_with(b"20"));
        if year || line[after..].starts_with(['年', '년']) {
            return true;
        }
        let Some(&sep) = b.get(after) else { break };
        let next = digits_at(after + 1);
        if sep == b':' && run <= 2 && next == 2 {
            return true;
        }
        let third = after + 1 + next;
        if matches!(sep, b'/' | b'.' | b'-')
            && run <= 4
            && (1..=2).contains(&next)
            && b.get(third) == Some(&sep)
            && digits_at(third + 1) > 0
        {
            return true;
        }
    }
    false
}

/// A mobile client's signature line ("Sent from my iPhone" and its translations).
fn is_mobile(line: &str) -> bool {
    const STARTS: [&str; 16] = [
        "sent from my ",
        "sent from mail for windows",
        "sent from outlook",
        "sent from yahoo mail",
        "get outlook for ",
        "envoyé de mon ",
        "envoyé depuis mon ",
        "enviado desde mi ",
        "enviado do meu ",
        "enviado de meu ",
        "отправлено с ",
        "отправлено из ",
        "发自我的",
        "أرسلت من ",
        "أُرسلت من ",
        "נשלח מ",
    ];
    let t = clean(line).to_lowercase();
    t.chars().count() <= 80
        && (STARTS.iter().any(|s| t.starts_with(s))
            || t.starts_with("von meinem ") && t.ends_with("gesendet")
            || t.ends_with("から送信")
            || t.ends_with("에서 보냄")
            || t.starts_with("從我的 ") && t.ends_with("傳送"))
}
