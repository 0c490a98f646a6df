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
