//! The new part of an email reply (`koban mail ingest`): realistic replies from Gmail in the 12
//! locales, Apple Mail, iOS Mail, Outlook and Thunderbird (fixtures in `tests/email_text/`),
//! signatures, inline answers that must be kept, keep-if-empty, and HTML quote containers.
#![cfg(feature = "mail")]

// The tests sit in a module named like the file so that `cargo test -p koban-core email_text`
// selects them.
mod email_text {
    use koban_core::conversation::email_text::{cut_html_quote, new_text};

    const TOKEN: &str = "support+0123456789abcdef0123456789abcdef@reply.test";

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/email_text/{name}.txt", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The fixture's new text, also when the client sent it with CRLF line ends.
    fn new_text_of(name: &str) -> String {
        let text = fixture(name);
        let crlf = new_text(&text.replace('\n', "\r\n"));
        let lf = new_text(&text);
        assert_eq!(lf, crlf, "{name}: CRLF and LF differ");
        lf
    }

    #[test]
    fn gmail_en_with_a_wrapped_attribution() {
        assert_eq!(
            new_text_of("gmail_en_wrapped"),
            "Thanks, restarting it worked.\n\nThe status page now says \"ready\".\n\nAda"
        );
    }

    /// One test per Gmail locale: the fixture's new text is `expected`.
    macro_rules! gmail {
        ($($name:ident => $expected:expr,)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(new_text_of(stringify!($name)), $expected);
            }
        )*};
    }

    gmail! {
        gmail_de => "Danke, jetzt geht es wieder.\n\nViele Grüße\nAda",
        gmail_fr => "Merci, cela fonctionne de nouveau.\n\nAda",
        gmail_es => "Gracias, ya funciona.\n\nSaludos,\nAda",
        gmail_pt_br => "Obrigada, agora funciona.\n\nAda",
        gmail_ru => "Спасибо, теперь всё работает.\n\nАда",
        gmail_ja => "ありがとうございます。再起動したら直りました。\n\nエイダ",
        gmail_zh_hans => "谢谢，重启后已经正常了。\n\nAda",
        gmail_zh_hant => "謝謝，重新啟動後已經正常了。\n\nAda",
        gmail_ko => "감사합니다. 다시 시작하니 잘 됩니다.\n\n에이다",
        gmail_ar => "شكرًا، تعمل الطابعة الآن.\n\nآدا",
        gmail_he => "תודה, עכשיו זה עובד.\n\nעדה",
    }

    #[test]
    fn right_to_left_marks_around_an_attribution() {
        let he = format!(
            "מצוין, תודה.\n\n\u{202b}בתאריך יום ב׳, 7 בדצמ׳ 2026 ב-23:25 מאת \u{202a}Koban \
         Support\u{202c} <{TOKEN}>:\u{202c}\n\n> נא להפעיל מחדש את המדפסת.\n"
        );
        assert_eq!(new_text(&he), "מצוין, תודה.");
        let ar = format!(
            "تم، شكرًا.\n\n\u{200f}في الاثنين، 7 ديسمبر 2026 في 11:25 م كتب Koban Support \
         <{TOKEN}>:\u{200f}\n\n> يرجى إعادة تشغيل الطابعة.\n"
        );
        assert_eq!(new_text(&ar), "تم، شكرًا.");
    }

    #[test]
    fn apple_mail_thunderbird_and_other_attributions() {
        assert_eq!(
            new_text_of("apple_mail"),
            "Yes, that fixed it. Thank you!\n\nAda"
        );
        assert_eq!(
            new_text_of("thunderbird"),
            "Thanks, I will try that tomorrow morning."
        );
        let cases = [
            // Apple Mail in Russian, Thunderbird in Russian, Apple Mail in Chinese.
            format!(
                "Готово.\n\n7 дек. 2026 г., в 23:25, Koban Support <{TOKEN}> написал(а):\n\n> Q"
            ),
            "Готово.\n\n07.12.2026 23:25, Koban Support пишет:\n> Q".to_string(),
            format!("好的。\n\n2026年12月7日 23:25，Koban Support <{TOKEN}> 写道：\n\n> Q"),
            // The generic fallback (an address or a date): Gmail and Thunderbird in Italian, a
            // locale Koban does not speak.
            "Grazie.\n\nIl 07/12/26 23:25, Koban Support ha scritto:\n> Q".to_string(),
            format!(
                "Grazie.\n\nIl giorno lun 7 dic 2026 alle ore 23:25 Koban Support <{TOKEN}>\nha scritto:\n\n> Q"
            ),
        ];
        for text in cases {
            let first = text.lines().next().unwrap();
            assert_eq!(new_text(&text), first, "{text}");
        }
    }

    #[test]
    fn an_attribution_directly_below_the_text_starts_with_its_own_line() {
        let text = format!(
            "Thanks, Ada\nOn Mon, Dec 7, 2026 at 11:25 PM Koban Support <\n{TOKEN}> wrote:\n> Q"
        );
        assert_eq!(new_text(&text), "Thanks, Ada");
    }

    #[test]
    fn ios_mail_quotes_its_attribution_and_signs_from_the_phone() {
        assert_eq!(new_text_of("ios_mail"), "Restarted, all good now.");
    }

    #[test]
    fn outlook_header_blocks_without_quote_marks() {
        assert_eq!(
            new_text_of("outlook_en"),
            "Hi,\n\nIt works now, thanks.\n\nBest regards,\nAda Lovelace\nOperations"
        );
        assert_eq!(
            new_text_of("outlook_de"),
            "Hallo,\n\nder Drucker läuft wieder.\n\nMit freundlichen Grüßen\nAda Lovelace"
        );
        let fr =
            "Merci.\n\n*De :* Koban Support\n*Envoyé :* lundi 7 décembre 2026 23:25\n*À :* Ada";
        assert_eq!(new_text(fr), "Merci.");
        let ja = "了解です。\n\n差出人: Koban Support\n宛先: Ada\n送信日時: 2026年12月7日 23:25";
        assert_eq!(new_text(ja), "了解です。");
    }

    #[test]
    fn original_message_separators() {
        for separator in [
            "-----Original Message-----",
            "----- Ursprüngliche Nachricht -----",
            "-------- Message d’origine --------",
            "-----Исходное сообщение-----",
            "-----元のメッセージ-----",
            "------------------ 原始邮件 ------------------",
            "-----원본 메시지-----",
            "-----הודעה מקורית-----",
        ] {
            let text = format!("Done.\n\n{separator}\nFrom: Koban Support\nPlease restart it.");
            assert_eq!(new_text(&text), "Done.", "{separator}");
        }
    }

    #[test]
    fn a_forwarded_message_is_content() {
        let text = "FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Bob <bob@x.test>\n\
                Subject: Printer\n\nIt is broken again.";
        assert_eq!(new_text(text), text);
    }

    #[test]
    fn signatures() {
        let rfc = "It works.\n\n-- \nAda Lovelace\n+44 20 7946 0000";
        assert_eq!(new_text(rfc), "It works.");
        let trimmed = "It works.\n--\nAda";
        assert_eq!(new_text(trimmed), "It works.");
        for mobile in [
            "Sent from my iPhone",
            "iPhoneから送信",
            "Von meinem iPhone gesendet",
            "Envoyé de mon iPhone",
            "Enviado desde mi iPhone",
            "Enviado do meu iPhone",
            "Отправлено с iPhone",
            "发自我的iPhone",
            "從我的 iPhone 傳送",
            "iPhone에서 보냄",
            "أرسلت من الـ iPhone",
            "נשלח מה-iPhone שלי",
            "Get Outlook for Android",
        ] {
            assert_eq!(new_text(&format!("Yes.\n\n{mobile}\n")), "Yes.", "{mobile}");
        }
    }

    #[test]
    fn dashes_inside_lines_and_mobile_words_mid_text_are_kept() {
        let text = "Run it with --force -- then it works.\n\nSent from my iPhone, sadly.\nBob -- the admin";
        assert_eq!(new_text(text), text);
    }

    #[test]
    fn colon_lines_without_a_following_quote_are_kept() {
        let text = "Steps I tried:\n\n1. Restart: nothing.\n2. Mail support@example.com on 12/7/26:\n\n\
                Still broken.";
        assert_eq!(new_text(text), text);
    }

    #[test]
    fn inline_answers_between_quoted_lines_are_kept() {
        let expected = "Hi,\n\nOn 12/7/26 23:25, Koban Support wrote:\n> Which printer is it?\n\n\
                    The one on floor 2.\n\n> Since when does it show the error?\n\nSince Monday morning.";
        assert_eq!(new_text_of("interleaved"), expected);
        let bottom = fixture("thunderbird_bottom_post");
        assert_eq!(new_text(&bottom), bottom.trim_end());
    }

    #[test]
    fn a_reply_that_is_only_a_quote_is_kept_whole() {
        let quote = "> Please restart the printer.\n> Koban Support";
        assert_eq!(new_text(quote), quote);
        let attributed =
            format!("On Mon, Dec 7, 2026 at 11:25 PM Koban Support <{TOKEN}> wrote:\n\n> Q\n");
        assert_eq!(new_text(&attributed), attributed);
        assert_eq!(new_text("-- \nAda"), "-- \nAda");
        assert_eq!(new_text(""), "");
        assert_eq!(new_text("\r\n\r\n"), "\n\n");
    }

    #[test]
    fn kobans_marker_line() {
        let plain = "Fixed, thanks.\n\n##- Please type your reply above this line -##\n\nKoban Support replied:";
        assert_eq!(new_text(plain), "Fixed, thanks.");
        let quoted = "Fixed, thanks.\n> ##- Please type your reply above this line -##\n> Restart it.\n\n-- \nsig";
        assert_eq!(new_text(quoted), "Fixed, thanks.");
        // A quoted marker above inline answers is not where the reply ends.
        let inline = "> ##- Please type your reply above this line -##\n> Which printer?\nFloor 2.";
        assert_eq!(new_text(inline), inline);
    }

    #[test]
    fn crlf_cr_nul_and_control_characters() {
        let text = "Line\u{0} one\r\nline\u{7} two\rline\tthree\u{1b}[0m\u{85}\r\n\r\n> old\r\n";
        assert_eq!(new_text(text), "Line one\nline two\nline\tthree[0m");
        assert_eq!(new_text("\u{0}\u{0}"), "");
    }

    #[test]
    fn html_gmail_quote() {
        let modern = "<div dir=\"ltr\">Thanks!</div><br><div class=\"gmail_quote gmail_quote_container\">\
                  <div dir=\"ltr\" class=\"gmail_attr\">On Mon wrote:<br></div><blockquote>old";
        assert_eq!(cut_html_quote(modern), "<div dir=\"ltr\">Thanks!</div><br>");
        let older = "<div>Ok</div><div class=\"gmail_extra\"><br><div class=\"gmail_quote\">On Mon";
        assert_eq!(
            cut_html_quote(older),
            "<div>Ok</div><div class=\"gmail_extra\"><br>"
        );
    }

    #[test]
    fn html_blockquote_and_other_clients() {
        let apple = "<div>Yes.<br><div><br><blockquote type=\"cite\"><div>On 7 Dec 2026</div>";
        assert_eq!(cut_html_quote(apple), "<div>Yes.<br><div><br>");
        let outlook =
            "<p>Done</p><div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\" dir=\"ltr\">";
        assert_eq!(cut_html_quote(outlook), "<p>Done</p>");
        let outlook_web =
            "<p>Done</p><hr style=\"display:inline-block\"><div id=\"divRplyFwdMsg\">From";
        assert_eq!(
            cut_html_quote(outlook_web),
            "<p>Done</p><hr style=\"display:inline-block\">"
        );
        let thunderbird = "<p>Ok</p><div class=\"moz-cite-prefix\">On 12/7/26 wrote:<br></div>";
        assert_eq!(cut_html_quote(thunderbird), "<p>Ok</p>");
        let yahoo = "<div>Ok</div><div id=\"yahoo_quoted_1\" class=\"yahoo_quoted\">On Monday";
        assert_eq!(cut_html_quote(yahoo), "<div>Ok</div>");
    }

    #[test]
    fn html_without_a_marker_is_unchanged() {
        let html =
            "<html><body><p>Nothing quoted here: a &lt;blockquote&gt; in text.</p></body></html>";
        assert_eq!(cut_html_quote(html), html);
        assert_eq!(cut_html_quote(""), "");
    }

    #[test]
    fn html_markers_in_upper_case() {
        let html = "<P>Fine</P><BLOCKQUOTE TYPE=cite>old</BLOCKQUOTE>";
        assert_eq!(cut_html_quote(html), "<P>Fine</P>");
        let html = "<P>Fine</P><DIV CLASS=\"GMAIL_QUOTE\">old";
        assert_eq!(cut_html_quote(html), "<P>Fine</P>");
    }

    #[test]
    fn html_multibyte_text_before_the_marker() {
        let ja =
            "<div>ありがとうございます。直りました。</div><div class=\"gmail_quote\">2026年12月7日";
        assert_eq!(
            cut_html_quote(ja),
            "<div>ありがとうございます。直りました。</div>"
        );
        let ar = "<div dir=\"rtl\">شكرًا جزيلًا</div><blockquote>قديم</blockquote>";
        assert_eq!(cut_html_quote(ar), "<div dir=\"rtl\">شكرًا جزيلًا</div>");
        assert_eq!(cut_html_quote("<blockquote>only</blockquote>"), "");
    }

    #[test]
    fn a_large_body_is_handled_in_linear_time() {
        // 80,000 lines that each nearly start history (an attribution without a quote below
        // only, a `From:` without `Sent:`): a quadratic scan would take minutes here.
        let block = format!("Reply\nKoban <{TOKEN}> 12/7/26:\n> quoted\nFrom: x\n\n");
        let text = format!("{}-----Original Message-----\nold", block.repeat(20_000));
        assert_eq!(new_text(&text), block.repeat(20_000).trim_end());
    }
}
