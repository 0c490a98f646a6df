//! Unit tests of [`super`] (model.rs), kept in their own file so the module stays readable.
use super::*;

#[test]
fn block_tree_json_is_compact_and_round_trips() {
    let body = vec![
        Block::Heading {
            level: 2,
            content: vec![Inline::Text("Fix".into())],
        },
        Block::Paragraph(vec![
            Inline::Strong(vec![Inline::Text("a".into())]),
            Inline::SoftBreak,
            Inline::Link {
                href: "#article:node-offline".into(),
                content: vec![Inline::Code("x".into())],
            },
        ]),
        Block::List {
            ordered: false,
            start: None,
            items: vec![vec![Block::Rule]],
        },
        Block::Callout {
            kind: CalloutKind::Tip,
            blocks: vec![],
        },
    ];
    let json = serde_json::to_string(&body).unwrap();
    assert_eq!(
        json,
        r##"[{"h":{"l":2,"c":[{"t":"Fix"}]}},{"p":[{"b":[{"t":"a"}]},"sb",{"a":{"h":"#article:node-offline","c":[{"c":"x"}]}}]},{"ul":{"i":[["hr"]]}},{"note":{"k":"tip","b":[]}}]"##
    );
    let back: Vec<Block> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, body);
}

#[test]
fn article_links_are_recognised() {
    let link = Inline::Link {
        href: "#article:wallet-connect".into(),
        content: vec![],
    };
    assert_eq!(link.article_id(), Some("wallet-connect"));
    let web = Inline::Link {
        href: "https://example.net".into(),
        content: vec![],
    };
    assert_eq!(web.article_id(), None);
}

#[test]
fn forum_search_link_encodes_the_query() {
    let forum = Channel {
        id: "forum".into(),
        kind: ChannelKind::Forum,
        url: "https://forum.example".into(),
        search_url: Some("https://forum.example/search?q={query}".into()),
        label: "Forum".into(),
    };
    assert_eq!(
        forum.search_link("ノード & GPU").unwrap(),
        "https://forum.example/search?q=%E3%83%8E%E3%83%BC%E3%83%89%20%26%20GPU"
    );
}
