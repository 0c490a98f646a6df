//! The requester's email about an agent's reply: its subject, plain text and HTML, in the
//! requester's locale ([`i18n`](super::i18n)). Pure functions of the reply snapshot and the
//! ticket, so every attempt sends the same text; [`crate::delivery::requester`] adds the headers
//! and sends it.
//!
//! The plain text is the message; the HTML is its accessible twin for clients that show HTML
//! first, built by hand because it is small and every byte of it is known:
//! - every text from a ticket or a reply is escaped (`& < > " '`), so nothing anyone typed
//!   becomes markup, and newlines become `<br>`;
//! - `<html lang dir>` (right to left for Arabic and Hebrew), a `<title>`, one `<h1>`, the
//!   content in `<main>`, the quoted message in `<blockquote>`: what screen readers and axe's
//!   `html-has-lang`, `document-title`, `landmark-one-main`, `region` and `page-has-heading-one`
//!   look for;
//! - no images, styles, scripts or remote resources (nothing to track, nothing to block), and
//!   one link, the configured conversation URL, whose text says where it goes (`link-name`).
//!
//! Both parts start with `##- <please type your reply above this line> -##`, the marker above
//! which `koban mail ingest` keeps the requester's answer.

use super::i18n::text;
use crate::delivery::email::{one_line, text as clean};
use crate::store::outbox::{Quoted, ReplyEvent};

/// What an email is made of.
#[derive(Debug, Clone, Copy)]
pub struct Letter<'a> {
    /// A shipped locale (see [`koban_core::locales::choose`]).
    pub locale: &'a str,
    /// The ticket's reference.
    pub reference: &'a str,
    /// The ticket's subject.
    pub subject: &'a str,
    /// The requester's name (may be empty).
    pub requester: &'a str,
    /// The reply, as snapshotted when it was stored.
    pub reply: &'a ReplyEvent,
    /// The link to the conversation, if configured.
    pub link: Option<&'a str>,
}

/// A composed email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    /// The `Subject` (one line).
    pub subject: String,
    /// The text/plain part.
    pub text: String,
    /// The text/html part.
    pub html: String,
}

/// HTML-escapes `s` (text and attribute values alike).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `2026-12-08T09:30:00.000Z` as `2026-12-08 09:30 UTC` (the same in every locale).
fn date(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(day), Some(time)) if rfc3339.ends_with('Z') => format!("{day} {time} UTC"),
        _ => rfc3339.to_string(),
    }
}

/// Paragraphs of `body` (split at blank lines) as `<p>`s, lines joined with `<br>`.
fn paragraphs(body: &str) -> String {
    body.split("\n\n")
        .map(|p| p.trim_matches('\n'))
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(escape).collect();
            format!("<p>{}</p>\n", lines.join("<br>\n"))
        })
        .collect()
}

impl Letter<'_> {
    fn t(&self, id: &str, args: &[(&str, &str)]) -> String {
        text(self.locale, id, args)
    }

    /// The name shown for the agent `name` (their display name, else "Support").
    fn agent(&self, name: Option<&str>) -> String {
        name.map(one_line)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| self.t("email-support", &[]))
    }

    /// The author of a quoted message.
    fn author(&self, quoted: &Quoted) -> String {
        if quoted.author == "agent" {
            return self.agent(quoted.author_name.as_deref());
        }
        Some(one_line(self.requester))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| self.t("email-you", &[]))
    }

    /// The subject, the text and the HTML.
    pub fn compose(&self) -> Composed {
        let subject_text: String = one_line(self.subject).chars().take(200).collect();
        let subject = one_line(&self.t(
            "email-subject",
            &[("reference", self.reference), ("subject", &subject_text)],
        ));
        let marker = format!("##- {} -##", self.t("email-reply-above", &[]));
        let agent = self.agent(self.reply.author_name.as_deref());
        let wrote = self.t("email-wrote", &[("name", &agent)]);
        let body = clean(&self.reply.body);
        let files = (!self.reply.attachments.is_empty()).then(|| {
            let names: Vec<String> = self.reply.attachments.iter().map(|f| one_line(f)).collect();
            self.t("email-attachments", &[("files", &names.join(", "))])
        });
        let quote = self.reply.previous.as_ref().map(|q| {
            let heading = self.t(
                "email-quote",
                &[("date", &date(&q.created_at)), ("name", &self.author(q))],
            );
            (heading, clean(&q.body))
        });
        let reference = self.t("email-reference", &[("reference", self.reference)]);
        let footer = self.t("email-footer", &[]);

        let mut plain = format!("{marker}\n\n{wrote}\n\n{}\n", body.trim_end());
        if let Some(files) = &files {
            plain.push_str(&format!("\n{files}\n"));
        }
        if let Some((heading, quoted)) = &quote {
            plain.push_str(&format!("\n{heading}\n"));
            for line in quoted.trim_end().lines() {
                plain.push_str(if line.is_empty() { ">" } else { "> " });
                plain.push_str(line);
                plain.push('\n');
            }
        }
        plain.push_str(&format!("\n{reference}\n"));
        if let Some(link) = self.link {
            plain.push_str(&format!(
                "{}\n",
                self.t("email-link-line", &[("url", link)])
            ));
        }
        plain.push_str(&format!("\n{footer}\n"));

        let dir = if koban_core::locales::is_rtl(self.locale) {
            "rtl"
        } else {
            "ltr"
        };
        let mut html = format!(
            "<!doctype html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{}</title>\n</head>\n<body>\n<main>\n<p>{}</p>\n<h1>{}</h1>\n<p>{}</p>\n{}",
            escape(self.locale),
            escape(&subject),
            escape(&marker),
            escape(&subject_text),
            escape(&wrote),
            paragraphs(&body),
        );
        if let Some(files) = &files {
            html.push_str(&format!("<p>{}</p>\n", escape(files)));
        }
        if let Some((heading, quoted)) = &quote {
            html.push_str(&format!(
                "<p>{}</p>\n<blockquote>\n{}</blockquote>\n",
                escape(heading),
                paragraphs(quoted)
            ));
        }
        html.push_str(&format!("<p>{}</p>\n", escape(&reference)));
        if let Some(link) = self.link {
            html.push_str(&format!(
                "<p><a href=\"{}\">{}</a></p>\n",
                escape(link),
                escape(&self.t("email-link", &[]))
            ));
        }
        html.push_str(&format!(
            "<p>{}</p>\n</main>\n</body>\n</html>\n",
            escape(&footer)
        ));
        Composed {
            subject,
            text: plain,
            html,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(previous: Option<Quoted>) -> ReplyEvent {
        ReplyEvent {
            id: "rpl_1".into(),
            body: "Fixed <script>alert(1)</script>\n\nSecond & last\u{1b}[31m".into(),
            created_at: "2026-12-08T09:30:00.000Z".into(),
            author_name: Some("Grace \"G\" Hopper".into()),
            attachments: vec!["log <1>.txt".into(), "b.png".into()],
            previous,
        }
    }

    fn quoted(author: &str, name: Option<&str>) -> Quoted {
        Quoted {
            author: author.into(),
            author_name: name.map(Into::into),
            body: "My job\n\nis stuck <b>".into(),
            created_at: "2026-12-08T08:00:59.999Z".into(),
        }
    }

    fn letter<'a>(locale: &'a str, reply: &'a ReplyEvent, link: Option<&'a str>) -> Letter<'a> {
        Letter {
            locale,
            reference: "KB-7F3K-92QD",
            subject: "Job\r\nBcc: x@example.com",
            requester: "Ada",
            reply,
            link,
        }
    }

    #[test]
    fn the_text_has_the_marker_the_reply_the_quote_the_reference_and_the_link() {
        let r = reply(Some(quoted("user", None)));
        let c = letter("en", &r, Some("https://app.example.com/?help=requests&r=1")).compose();
        assert_eq!(c.subject, "Re: [KB-7F3K-92QD] Job  Bcc: x@example.com");
        assert_eq!(
            c.text,
            "##- Please type your reply above this line -##\n\n\
             Grace \"G\" Hopper wrote:\n\n\
             Fixed <script>alert(1)</script>\n\nSecond & last[31m\n\n\
             Files attached to this reply: log <1>.txt, b.png\n\n\
             On 2026-12-08 08:00 UTC, Ada wrote:\n> My job\n>\n> is stuck <b>\n\n\
             Reference: KB-7F3K-92QD\n\
             View the conversation: https://app.example.com/?help=requests&r=1\n\n\
             You get this email because you contacted support. Reply to it and your answer is \
             added to the conversation.\n"
        );
    }

    #[test]
    fn the_html_escapes_everything_and_has_what_axe_looks_for() {
        let r = reply(Some(quoted("agent", None)));
        let c = letter("en", &r, Some("https://app.example.com/?a=1&b=\"2\"")).compose();
        let h = &c.html;
        assert!(
            h.starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">"),
            "{h}"
        );
        assert!(h.contains("<title>Re: [KB-7F3K-92QD] Job  Bcc: x@example.com</title>"));
        assert!(h.contains("<main>") && h.contains("</main>") && h.contains("<h1>"));
        assert!(
            h.contains("<p>Fixed &lt;script&gt;alert(1)&lt;/script&gt;</p>"),
            "{h}"
        );
        assert!(h.contains("<p>Second &amp; last[31m</p>"), "{h}");
        assert!(h.contains("Grace &quot;G&quot; Hopper wrote:"), "{h}");
        assert!(h.contains("log &lt;1&gt;.txt"), "{h}");
        assert!(h.contains("<p>On 2026-12-08 08:00 UTC, Support wrote:</p>\n<blockquote>\n<p>My job</p>\n<p>is stuck &lt;b&gt;</p>\n</blockquote>"), "{h}");
        assert!(
            h.contains("<a href=\"https://app.example.com/?a=1&amp;b=&quot;2&quot;\">View the conversation</a>"),
            "{h}"
        );
        assert!(!h.contains("<script") && !h.contains("<img") && !h.contains("style"));
        assert_eq!(h.matches("<a ").count(), 1);
        let no_link = letter("en", &r, None).compose();
        assert!(!no_link.html.contains("<a ") && !no_link.text.contains("View the"));
    }

    #[test]
    fn right_to_left_locales_say_so_and_every_text_is_localized() {
        let r = ReplyEvent {
            author_name: None,
            attachments: vec![],
            ..reply(None)
        };
        let ar = letter("ar", &r, None).compose();
        assert!(ar.html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(
            ar.text
                .starts_with("##- يُرجى كتابة ردك فوق هذا السطر -##\n\nكتب الدعم:\n")
        );
        assert!(ar.text.contains("الرقم المرجعي: KB-7F3K-92QD"));
        let ja = letter("ja", &r, None).compose();
        assert!(ja.html.contains("<html lang=\"ja\" dir=\"ltr\">"));
        assert!(ja.text.contains("サポート からの返信："), "{}", ja.text);
        assert!(!ja.text.contains("wrote") && !ja.text.contains("\n> "));
        assert_eq!(date("not a date"), "not a date");
    }
}
