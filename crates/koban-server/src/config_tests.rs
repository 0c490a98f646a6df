//! Unit tests of [`super`] (config.rs), kept in their own file so the module stays readable.
use super::*;

fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn every_key_is_optional() {
    assert_eq!(Config::parse("").unwrap(), Config::default());
    let c = Config::parse("min_fill_ms = 0\ncors_origins = [\"https://a.example\"]").unwrap();
    assert_eq!(c.min_fill_ms, 0);
    assert!(c.check().is_empty());
}

#[test]
fn errors_name_the_key() {
    let e = Config::parse("min_fill_ms = \"soon\"").unwrap_err();
    assert_eq!(e.key, "min_fill_ms");
    let e = Config::parse("\n\ncolour = 1").unwrap_err();
    assert!(e.message.contains("colour"), "{e}");
    let mut c = Config::default();
    let errors = c.apply_env(&env(&[("KOBAN_BODY_LIMIT_BYTES", "lots")]));
    assert_eq!(errors[0].key, "KOBAN_BODY_LIMIT_BYTES");
    c.cors_origins = vec!["app.example.com".into()];
    c.trusted_proxies = vec!["10.0.0.0/99".into()];
    c.webhook_url = "https://hooks.example/x".into();
    c.database_url = "mysql://x".into();
    let keys: Vec<String> = c.check().into_iter().map(|e| e.key).collect();
    assert_eq!(
        keys,
        [
            "database_url",
            "cors_origins",
            "trusted_proxies",
            "webhook_secret"
        ]
    );
}

#[test]
fn environment_overrides_the_file() {
    let dir = std::env::temp_dir().join(format!("koban-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("koban.toml");
    std::fs::write(&file, "admin_token = \"from-file\"\nmin_fill_ms = 1000\n").unwrap();
    let c = Config::load_with_env(
        Some(&file),
        &env(&[
            ("KOBAN_ADMIN_TOKEN", "from-env"),
            ("KOBAN_CORS_ORIGINS", "https://a.example, https://b.example"),
            ("DATABASE_URL", "postgres://u@127.0.0.1/db"),
            ("KOBAN_ASSETS", "dist"),
            ("KOBAN_RATE_LIMIT_FEEDBACK_PER_MINUTE", "5"),
        ]),
    )
    .unwrap();
    assert_eq!(c.admin_token, "from-env");
    assert_eq!(c.min_fill_ms, 1000);
    assert_eq!(c.cors_origins, ["https://a.example", "https://b.example"]);
    assert_eq!(c.database_url, "postgres://u@127.0.0.1/db");
    assert!(c.to_toml_masked().contains("********"));
    assert_eq!(
        mask_url("https://discord.com/api/webhooks/1/tok"),
        "https://discord.com/********"
    );
    assert_eq!(
        mask_url("smtps://u:pw@mail.example:465"),
        "smtps://u:********@mail.example:465"
    );
    assert_eq!(mask_url("smtp://127.0.0.1:2525"), "smtp://127.0.0.1:2525");
    assert!(Config::load_with_env(Some(&dir.join("missing.toml")), &[]).is_err());
    let t = c.tickets(Default::default());
    assert_eq!(t.admin_token.as_deref(), Some("from-env"));
    assert_eq!(c.feedback().rate_limit_per_minute, 5);
    assert_eq!(c.feedback().cors_origins, t.cors_origins);
    assert!(t.delivery_targets.is_empty());
}

#[test]
fn an_unknown_variable_is_named_and_the_others_pass() {
    let mut c = Config::default();
    let errors = c.apply_env(&env(&[
        ("KOBAN_ADMIN_TOKN", "s3cret-value"),
        ("KOBAN_ADMIN_TOKEN", "right"),
    ]));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].key, "KOBAN_ADMIN_TOKN");
    assert!(errors[0].message.contains("admin_tokn"), "{}", errors[0]);
    assert!(!errors[0].message.contains("s3cret"), "{}", errors[0]);
    assert_eq!(c.admin_token, "right", "the good variables still apply");
    let allowed = [
        "KOBAN_ASSETS",
        "KOBAN_CONTENT",
        "KOBAN_LOCALES",
        "KOBAN_CONFIG",
        "KOBAN_LOG_FORMAT",
        "KOBAN_FAULTS",
        "KOBAN_BIN",
        "KOBAN_PG_PORT",
        "KOBAN_PG_DIR",
        "KOBAN_TEST_POSTGRES_URL",
        "KOBAN_BENCH_RUNS",
        "KOBAN_BENCH_POSTGRES_URL",
    ];
    let pairs: Vec<(&str, &str)> = allowed.iter().map(|n| (*n, "x")).collect();
    let mut c = Config::default();
    assert_eq!(c.apply_env(&env(&pairs)), []);
    assert_eq!(c, Config::default());
    // Typed like the defaults: numbers, booleans, lists.
    let errors = c.apply_env(&env(&[
        ("KOBAN_ATTACHMENTS_ENABLED", "yes"),
        ("KOBAN_RATE_LIMIT_IP_PER_MINUTE", "99999999999"),
        ("KOBAN_MIN_FILL_MS", "-1"),
        ("KOBAN_TRUSTED_PROXIES", "10.0.0.1, ,10.0.0.0/8"),
    ]));
    let keys: Vec<&str> = errors.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        ["KOBAN_RATE_LIMIT_IP_PER_MINUTE", "KOBAN_MIN_FILL_MS"]
    );
    assert!(c.attachments_enabled);
    assert_eq!(c.trusted_proxies, ["10.0.0.1", "10.0.0.0/8"]);
    assert_eq!(c.min_fill_ms, Config::default().min_fill_ms);
}

/// Every `KOBAN_*` variable the repository's scripts, harnesses and tests set is a setting or
/// one of the known others, so none of them stops a server they start.
#[test]
fn the_repository_sets_no_unknown_variable() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("Makefile")];
    let mut dirs: Vec<_> = ["scripts", "bench", "tests", ".ci"]
        .iter()
        .map(|d| root.join(d))
        .collect();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    let keys = toml::Table::try_from(Config::default()).unwrap();
    let mut seen = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (i, _) in text.match_indices("KOBAN_") {
            // Not a variable: part of a longer name (`__KOBAN_VERSION__`, a placeholder).
            if text[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            let name: String = text[i..]
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            let key = name["KOBAN_".len()..].to_ascii_lowercase();
            let known = keys.contains_key(&key) || env::is_not_a_setting(&name);
            assert!(
                known,
                "{}: {name} is neither a setting nor in env::NOT_SETTINGS",
                file.display()
            );
            seen += 1;
        }
    }
    assert!(
        seen > 20,
        "only {seen} KOBAN_ variables found: wrong directory?"
    );
}

#[test]
fn replies_by_email_are_checked_together() {
    let keys = |c: &Config| -> Vec<String> { c.check().into_iter().map(|e| e.key).collect() };
    let on = Config {
        smtp_url: "smtp://127.0.0.1:2525".into(),
        smtp_from: "help@example.com".into(),
        smtp_to: "team@example.com".into(),
        reply_domain: "reply.example.com".into(),
        reply_secret: "x".repeat(32),
        agents: vec!["Mika Tanaka <mika@example.com>".into()],
        conversation_url: "https://app.example.com/?help=requests".into(),
        ..Config::default()
    };
    assert_eq!(keys(&on), Vec::<String>::new());
    let bad = Config {
        smtp_url: String::new(),
        smtp_from: "help@reply.example.com".into(),
        reply_domain: "Reply.Example.com".into(),
        reply_local: "sup+port".into(),
        reply_secret: "short".into(),
        agents: vec!["nobody".into()],
        conversation_url: "javascript:alert(1)".into(),
        mail_max_bytes: 10,
        ..on.clone()
    };
    let found = keys(&bad);
    for key in [
        "reply_domain",
        "reply_local",
        "reply_secret",
        "agents",
        "conversation_url",
        "mail_max_bytes",
    ] {
        assert!(found.contains(&key.to_string()), "{key} not in {found:?}");
    }
    let looping = Config {
        smtp_from: "help@reply.example.com".into(),
        agents: vec!["mika@reply.example.com".into()],
        ..on.clone()
    };
    assert_eq!(keys(&looping), ["smtp_from", "agents"]);
    assert!(!on.to_toml_masked().contains(&"x".repeat(32)));
    let env = [(
        "KOBAN_AGENTS".to_string(),
        "a@example.com,Bo <b@example.com>".to_string(),
    )];
    let mut from_env = on.clone();
    assert!(from_env.apply_env(&env).is_empty());
    assert_eq!(from_env.mail().unwrap().agents[1].name, "Bo");
}

#[test]
fn replies_reach_the_requester_only_with_smtp_and_a_reply_domain() {
    let on = Config {
        smtp_url: "smtp://127.0.0.1:2525".into(),
        smtp_from: "help@example.com".into(),
        smtp_to: "team@example.com".into(),
        reply_domain: "reply.example.com".into(),
        reply_secret: "x".repeat(32),
        ..Config::default()
    };
    assert_eq!(on.requester_targets(), ["requester"]);
    assert_eq!(
        on.tickets(Default::default()).requester_targets,
        ["requester"]
    );
    // The team's targets stay the team's.
    assert_eq!(on.delivery_targets(), ["email"]);
    let delivery = on.delivery();
    let requester = delivery.requester.as_ref().unwrap();
    assert_eq!(requester.from, "help@example.com");
    assert_eq!(requester.mail.reply_domain, "reply.example.com");
    assert!(!format!("{delivery:?}").contains(&"x".repeat(32)));
    for off in [
        Config {
            reply_domain: String::new(),
            ..on.clone()
        },
        Config {
            smtp_url: String::new(),
            ..on.clone()
        },
    ] {
        assert!(off.requester_targets().is_empty());
        assert!(off.delivery().requester.is_none());
    }
}
