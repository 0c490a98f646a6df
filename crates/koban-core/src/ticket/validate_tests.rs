//! Unit tests of [`super`] (validate.rs), kept in their own file so the module stays readable.
use super::*;
use crate::ticket::rules::{CategoryRule, TicketLimits};

fn rules() -> TicketRules {
    let f = |id: &str, kind, required| CustomFieldRule {
        id: id.into(),
        kind,
        required,
        options: vec![],
    };
    TicketRules {
        categories: vec![
            CategoryRule {
                id: "general".into(),
                fields: vec![],
            },
            CategoryRule {
                id: "jobs".into(),
                fields: vec![
                    f("job_id", FieldKind::Text, true),
                    f("notes", FieldKind::Textarea, false),
                    CustomFieldRule {
                        options: vec!["linux".into(), "macos".into()],
                        ..f("os", FieldKind::Select, false)
                    },
                    f("gpu", FieldKind::Checkbox, false),
                    f("agree", FieldKind::Checkbox, true),
                    f("count", FieldKind::Number, false),
                    f("link", FieldKind::Url, false),
                ],
            },
        ],
        limits: TicketLimits::default(),
    }
}

fn good() -> TicketDraft {
    TicketDraft {
        name: "Ada".into(),
        email: "ada@example.com".into(),
        category: "general".into(),
        subject: "Help".into(),
        description: "It broke".into(),
        ..Default::default()
    }
}

fn jobs(fields: serde_json::Value) -> TicketDraft {
    TicketDraft {
        category: "jobs".into(),
        fields: serde_json::from_value(fields).unwrap(),
        ..good()
    }
}

#[test]
fn a_complete_draft_passes() {
    assert_eq!(validate(&good(), &rules()), Ok(()));
    let d = jobs(serde_json::json!({
        "job_id": "job_1", "notes": "x\ny", "os": "linux", "gpu": false, "agree": true,
        "count": "12.5", "link": "https://example.com/a?b#c"
    }));
    assert_eq!(validate(&d, &rules()), Ok(()));
    let d = jobs(serde_json::json!({ "job_id": "j", "agree": true, "count": 3 }));
    assert_eq!(validate(&d, &rules()), Ok(()));
}

#[test]
fn every_missing_core_field_is_reported() {
    let e = validate(&TicketDraft::default(), &rules()).unwrap_err();
    for field in ["email", "category", "subject", "description"] {
        assert!(e.has(field, ErrorCode::Required), "{field}: {e}");
    }
    assert!(!e.has("name", ErrorCode::Required));
    let mut r = rules();
    r.limits.require_name = true;
    let e = validate(&TicketDraft::default(), &r).unwrap_err();
    assert!(e.has("name", ErrorCode::Required));
    let blank = TicketDraft {
        subject: "   ".into(),
        ..good()
    };
    assert!(
        validate(&blank, &r)
            .unwrap_err()
            .has("subject", ErrorCode::Required)
    );
}

#[test]
fn lengths_are_counted_in_characters_with_the_limit_reported() {
    let d = TicketDraft {
        subject: "あ".repeat(200),
        ..good()
    };
    assert_eq!(validate(&d, &rules()), Ok(()));
    let d = TicketDraft {
        subject: "あ".repeat(201),
        description: "x".repeat(10_001),
        name: "n".repeat(201),
        ..good()
    };
    let e = validate(&d, &rules()).unwrap_err();
    let subject: Vec<_> = e.for_field("subject").collect();
    assert_eq!(subject[0].code, ErrorCode::TooLong);
    assert_eq!(subject[0].max, Some(200));
    assert!(e.has("description", ErrorCode::TooLong));
    assert!(e.has("name", ErrorCode::TooLong));
    let d = TicketDraft {
        context: crate::ticket::TicketContext {
            user_agent: "u".repeat(5000),
            ..Default::default()
        },
        ..good()
    };
    assert!(
        validate(&d, &rules())
            .unwrap_err()
            .has("context.userAgent", ErrorCode::TooLong)
    );
}

#[test]
fn emails() {
    for ok in ["a@b.co", "first.last+tag@sub.example.org", "用户@例子.中国"] {
        assert!(is_email(ok), "{ok}");
    }
    for bad in [
        "a", "a@b", "@b.co", "a@.co", "a@b.", "a b@c.de", "a@b@c.de", "a@b..c",
    ] {
        assert!(!is_email(bad), "{bad}");
        let d = TicketDraft {
            email: bad.into(),
            ..good()
        };
        assert!(
            validate(&d, &rules())
                .unwrap_err()
                .has("email", ErrorCode::InvalidEmail)
        );
    }
}

#[test]
fn categories_are_checked_only_when_the_site_has_some() {
    let d = TicketDraft {
        category: "nope".into(),
        ..good()
    };
    assert!(
        validate(&d, &rules())
            .unwrap_err()
            .has("category", ErrorCode::UnknownCategory)
    );
    assert_eq!(validate(&d, &TicketRules::default()), Ok(()));
}

#[test]
fn custom_fields_are_checked_by_kind() {
    let d = jobs(serde_json::json!({
        "os": "windows", "gpu": "yes", "count": "twelve", "link": "ftp://x",
        "extra": "?", "notes": 3
    }));
    let e = validate(&d, &rules()).unwrap_err();
    assert!(e.has("fields.job_id", ErrorCode::Required), "{e}");
    assert!(e.has("fields.agree", ErrorCode::Required));
    assert!(e.has("fields.os", ErrorCode::NotAnOption));
    assert!(e.has("fields.gpu", ErrorCode::InvalidType));
    assert!(e.has("fields.count", ErrorCode::NotANumber));
    assert!(e.has("fields.link", ErrorCode::InvalidUrl));
    assert!(e.has("fields.extra", ErrorCode::UnknownField));
    assert!(e.has("fields.notes", ErrorCode::InvalidType));
    let d = jobs(serde_json::json!({
        "job_id": "x".repeat(1001), "agree": false, "notes": "y".repeat(10_000),
        "count": true
    }));
    let e = validate(&d, &rules()).unwrap_err();
    assert!(e.has("fields.job_id", ErrorCode::TooLong));
    assert!(e.has("fields.agree", ErrorCode::Required));
    assert!(e.has("fields.count", ErrorCode::NotANumber));
    assert_eq!(e.0.len(), 3, "{e}");
}

#[test]
fn nul_characters_attachments_and_blank_overlong_fields() {
    let d = TicketDraft {
        subject: "a\0b".into(),
        name: "\0".into(),
        attachments: vec!["att_x".into(); 11],
        ..good()
    };
    let e = validate(&d, &rules()).unwrap_err();
    assert!(e.has("subject", ErrorCode::InvalidCharacter), "{e}");
    assert!(e.has("name", ErrorCode::InvalidCharacter), "{e}");
    assert!(e.has("attachments", ErrorCode::TooLong), "{e}");
    // Too long is too long even when it is only spaces (an optional field left "empty").
    let d = jobs(serde_json::json!({ "job_id": "j", "agree": true, "notes": " ".repeat(10_001) }));
    assert!(
        validate(&d, &rules())
            .unwrap_err()
            .has("fields.notes", ErrorCode::TooLong)
    );
}

#[test]
fn urls() {
    for ok in [
        "http://a",
        "HTTPS://example.com:8443/x",
        "https://user@host/p",
        "http://[::1]:80/",
    ] {
        assert!(is_http_url(ok), "{ok}");
    }
    for bad in [
        "",
        "example.com",
        "javascript:alert(1)",
        "http://",
        "https:// x",
        "http:///p",
    ] {
        assert!(!is_http_url(bad), "{bad}");
    }
}

#[test]
fn errors_serialize_as_field_and_code() {
    let e = validate(
        &TicketDraft {
            subject: "x".repeat(300),
            ..good()
        },
        &rules(),
    )
    .unwrap_err();
    assert_eq!(
        serde_json::to_value(&e).unwrap(),
        serde_json::json!([{ "field": "subject", "code": "too_long", "max": 200 }])
    );
    assert_eq!(e.to_string(), "1 invalid field(s): subject too_long");
}

#[test]
fn wire_names_round_trip_through_serde_and_from_wire() {
    for code in ErrorCode::ALL {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.as_str()));
        assert_eq!(ErrorCode::from_wire(code.as_str()), Some(code));
    }
}

/// `is_finite_number` is `str::parse::<f64>` + `is_finite`, on every string of up to 5
/// characters over a number-ish alphabet and around the overflow limit.
#[test]
fn is_finite_number_matches_rusts_float_parser() {
    let std = |s: &str| s.parse::<f64>().is_ok_and(f64::is_finite);
    let alphabet = ["0", "1", "9", ".", "e", "E", "+", "-", "i", " "];
    let mut cases: Vec<String> = vec![String::new()];
    let mut level = cases.clone();
    for _ in 0..5 {
        level = level
            .iter()
            .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
            .collect();
        cases.extend(level.iter().cloned());
    }
    let limit = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";
    let below = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791";
    for n in [limit, below] {
        let (head, tail) = n.split_at(1);
        cases.extend([
            n.to_string(),
            format!("-{n}"),
            format!("{n}0"),
            format!("{n}.5"),
            format!("{n}e-1"),
            format!("{head}.{tail}e308"),
            format!("{head}.{tail}9e308"),
            format!("0.{n}e309"),
            format!("000{n}.000"),
            format!("{head}.{tail}E+308"),
        ]);
    }
    cases.extend(
        [
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e308",
            "1e309",
            "0.1e310",
            "10e308",
            "1e-400",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "0e99999999999999999999",
            "inf",
            "-infinity",
            "NaN",
            "1_000",
            "0x10",
            "١٢",
            "1.5e3",
            ".5",
            "5.",
        ]
        .map(String::from),
    );
    for s in &cases {
        assert_eq!(is_finite_number(s), std(s), "{s:?}");
    }
}
