//! Unit tests of [`super`] (markdown.rs), kept in their own file so the module stays readable.
use super::*;

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn p(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(inlines)
}

#[test]
fn headings_and_emphasis() {
    let out = compile_markdown("# Title\n\n## Sub *it* **bold** `code`\n");
    assert_eq!(
        out.blocks,
        vec![
            Block::Heading {
                level: 1,
                content: vec![t("Title")]
            },
            Block::Heading {
                level: 2,
                content: vec![
                    t("Sub "),
                    Inline::Emphasis(vec![t("it")]),
                    t(" "),
                    Inline::Strong(vec![t("bold")]),
                    t(" "),
                    Inline::Code("code".into()),
                ]
            },
        ]
    );
}

#[test]
fn tight_and_loose_lists_with_nesting() {
    let out = compile_markdown("1. one\n2. two\n   - a\n   - b\n\n3. three\n\n- x\n- y\n");
    let Block::List {
        ordered,
        start,
        items,
    } = &out.blocks[0]
    else {
        panic!("{:?}", out.blocks)
    };
    assert!(*ordered);
    assert_eq!(*start, Some(1));
    assert_eq!(items.len(), 3);
    assert_eq!(items[0], vec![p(vec![t("one")])]);
    assert_eq!(
        items[1],
        vec![
            p(vec![t("two")]),
            Block::List {
                ordered: false,
                start: None,
                items: vec![vec![p(vec![t("a")])], vec![p(vec![t("b")])]]
            }
        ]
    );
    assert_eq!(
        out.blocks[1],
        Block::List {
            ordered: false,
            start: None,
            items: vec![vec![p(vec![t("x")])], vec![p(vec![t("y")])]]
        }
    );
}

#[test]
fn ordered_lists_keep_their_start() {
    let out = compile_markdown("3. c\n4. d\n");
    assert!(matches!(
        out.blocks[0],
        Block::List {
            ordered: true,
            start: Some(3),
            ..
        }
    ));
}

#[test]
fn code_blocks_keep_text_and_language() {
    let out = compile_markdown("```bash title=x\nsudo <run> &\n```\n\n    indented\n");
    assert_eq!(
        out.blocks,
        vec![
            Block::Code {
                lang: Some("bash".into()),
                text: "sudo <run> &".into()
            },
            Block::Code {
                lang: None,
                text: "indented".into()
            },
        ]
    );
    assert!(out.raw_html.is_empty());
}

#[test]
fn tables_have_head_and_rows() {
    let out = compile_markdown("| A | **B** |\n|---|:-:|\n| 1 | `2` |\n| 3 | 4 |\n");
    assert_eq!(
        out.blocks,
        vec![Block::Table {
            head: vec![vec![t("A")], vec![Inline::Strong(vec![t("B")])]],
            rows: vec![
                vec![vec![t("1")], vec![Inline::Code("2".into())]],
                vec![vec![t("3")], vec![t("4")]],
            ]
        }]
    );
}

#[test]
fn callouts_and_quotes() {
    let out = compile_markdown(
        "> [!WARNING]\n> Be careful.\n\n> [!TIP]\n> A tip.\n\n> [!CAUTION]\n> x\n\n> [!IMPORTANT]\n> y\n\n> [!NOTE]\n> z\n\n> plain\n",
    );
    let kinds: Vec<_> = out
        .blocks
        .iter()
        .map(|b| match b {
            Block::Callout { kind, .. } => Some(*kind),
            _ => None,
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            Some(CalloutKind::Warning),
            Some(CalloutKind::Tip),
            Some(CalloutKind::Caution),
            Some(CalloutKind::Important),
            Some(CalloutKind::Note),
            None
        ]
    );
    assert_eq!(
        out.blocks[0],
        Block::Callout {
            kind: CalloutKind::Warning,
            blocks: vec![p(vec![t("Be careful.")])]
        }
    );
    assert_eq!(out.blocks[5], Block::Quote(vec![p(vec![t("plain")])]));
}

#[test]
fn links_by_scheme() {
    let out = compile_markdown(
        "[a](https://x.example/a?b=1) [b](http://x.example) [c](mailto:s@x.example) \
         [d](../docs/page) [e](node-offline.md) [f](node-offline.md#fix) \
         [g](javascript:alert(1)) [h](data:text/html,x) [i](JaVaScRiPt:alert(1)) \
         [j](java&#9;script:alert(1)) <https://auto.example> <s@x.example> [k](vbscript:x)",
    );
    let Block::Paragraph(inl) = &out.blocks[0] else {
        panic!()
    };
    let hrefs: Vec<&str> = inl
        .iter()
        .filter_map(|i| match i {
            Inline::Link { href, .. } => Some(href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        hrefs,
        vec![
            "https://x.example/a?b=1",
            "http://x.example",
            "mailto:s@x.example",
            "../docs/page",
            "#article:node-offline",
            "#article:node-offline",
            "https://auto.example",
            "mailto:s@x.example",
        ]
    );
    let bad: Vec<&str> = out.bad_links.iter().map(|(_, u)| u.as_str()).collect();
    assert_eq!(
        bad,
        vec![
            "javascript:alert(1)",
            "data:text/html,x",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "vbscript:x"
        ]
    );
    let text = Inline::plain_text(inl);
    assert!(text.contains(" g "), "{text}");
    let links: Vec<&str> = out.article_links.iter().map(|(_, i)| i.as_str()).collect();
    assert_eq!(links, vec!["node-offline", "node-offline"]);
}

#[test]
fn images_split_paragraphs_and_are_checked() {
    let out = compile_markdown(
        "Before ![A *cat*](https://img.example/cat.png) after.\n\n![bad](javascript:x)\n\n[![nested](https://img.example/n.png)](https://x.example)",
    );
    assert_eq!(
        out.blocks,
        vec![
            p(vec![t("Before ")]),
            Block::Image {
                src: "https://img.example/cat.png".into(),
                alt: "A cat".into()
            },
            p(vec![t(" after.")]),
            p(vec![t("bad")]),
            p(vec![Inline::Link {
                href: "https://x.example".into(),
                content: vec![t("nested")]
            }]),
        ]
    );
    assert_eq!(out.bad_links.len(), 1);
}

#[test]
fn raw_html_is_dropped_and_reported() {
    let src = "Intro\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> end\n\n<div>\n<b>x</b>\n</div>\n";
    let out = compile_markdown(src);
    assert_eq!(
        out.blocks,
        vec![p(vec![t("Intro")]), p(vec![t("Text  end")])]
    );
    let lines: Vec<usize> = out
        .raw_html
        .iter()
        .map(|&o| src[..o].matches('\n').count() + 1)
        .collect();
    assert_eq!(lines, vec![3, 5, 7]);
    let json = serde_json::to_string(&out.blocks).unwrap();
    assert!(
        !json.contains("script") && !json.contains("onerror"),
        "{json}"
    );
}

#[test]
fn breaks_and_rules() {
    let out = compile_markdown("a\nb  \nc\n\n---\n");
    assert_eq!(
        out.blocks,
        vec![
            p(vec![
                t("a"),
                Inline::SoftBreak,
                t("b"),
                Inline::HardBreak,
                t("c")
            ]),
            Block::Rule
        ]
    );
}

#[test]
fn strikethrough_and_footnotes_stay_text() {
    let out = compile_markdown("~~old~~ and [^1]\n");
    assert_eq!(out.blocks, vec![p(vec![t("~~old~~ and [^1]")])]);
}
