//! The environment as settings. `KOBAN_<KEY>` (and `DATABASE_URL`) are gathered into a table of
//! `koban.toml` keys, each value typed like its key's default: whole numbers; `true`/`false`
//! (also `1`/`0`, `yes`/`no`, `on`/`off`, and empty for false); lists comma-separated; strings as
//! given. The table is read into [`Config`] like the file, with `deny_unknown_fields`, so a
//! variable that is no setting (`KOBAN_ADMIN_TOKN`) is an error that names it.
//!
//! Some `KOBAN_*` variables are not settings and are let through: the command line's own
//! options (`env = "KOBAN_..."` of any `koban` command, listed by [`crate::cli::env_variables`])
//! and those of [`NOT_SETTINGS`].

use super::{Config, ConfigError, err};

/// `KOBAN_*` variables that are neither settings nor command-line options, yet may be set where
/// `koban` runs (the harness that starts it sets them, and the server inherits them). A name
/// ending in `*` stands for every variable with that prefix.
pub const NOT_SETTINGS: &[&str] = &[
    // Fault injection of test builds (src/tickets/faults.rs), read on its own.
    "KOBAN_FAULTS",
    // The binary under test (scripts/schemathesis.sh, bench/).
    "KOBAN_BIN",
    // The PostgreSQL of the tests (scripts/start-postgres.sh).
    "KOBAN_PG_PORT",
    "KOBAN_PG_DIR",
    // Test harnesses (KOBAN_TEST_POSTGRES_URL in the Makefile and tests/).
    "KOBAN_TEST_*",
    // Benchmarks (bench/: KOBAN_BENCH_RUNS, KOBAN_BENCH_POSTGRES_URL...).
    "KOBAN_BENCH_*",
];

/// Whether the variable `name` is a `KOBAN_*` variable that is not a setting.
pub fn is_not_a_setting(name: &str) -> bool {
    NOT_SETTINGS.iter().any(|n| match n.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => name == *n,
    }) || crate::cli::env_variables().iter().any(|v| v == name)
}

/// Sets `config`'s keys from `env`; returns the problems, each naming its variable. A variable
/// with a problem changes nothing.
pub(super) fn apply(config: &mut Config, env: &[(String, String)]) -> Vec<ConfigError> {
    let defaults = toml::Table::try_from(Config::default()).unwrap_or_default();
    let mut table = match toml::Table::try_from(&*config) {
        Ok(t) => t,
        Err(e) => return vec![err("koban.toml", e.to_string())],
    };
    let mut errors = Vec::new();
    for (name, raw) in env {
        let key = match name.strip_prefix("KOBAN_") {
            _ if name == "DATABASE_URL" => "database_url".to_string(),
            Some(k) if !is_not_a_setting(name) => k.to_ascii_lowercase(),
            _ => continue,
        };
        let value = match typed(defaults.get(&key), raw) {
            Ok(v) => v,
            Err(message) => {
                errors.push(err(name, message));
                continue;
            }
        };
        // Read alone first, so that an unknown key or a bad value names its variable.
        let alone = toml::Table::from_iter([(key.clone(), value.clone())]);
        match alone.try_into::<Config>() {
            Ok(_) => {
                table.insert(key, value);
            }
            Err(e) => errors.push(err(name, e.message())),
        }
    }
    match table.try_into::<Config>() {
        Ok(c) => *config = c,
        Err(e) => errors.push(err("environment", e.message())),
    }
    errors
}

/// `raw` as a value of the type of `default` (a string when the key has none: an unknown key,
/// refused when the table is read).
fn typed(default: Option<&toml::Value>, raw: &str) -> Result<toml::Value, String> {
    use toml::Value;
    Ok(match default {
        Some(Value::Integer(_)) => raw
            .trim()
            .parse::<u64>()
            .ok()
            .and_then(|n| i64::try_from(n).ok())
            .map(Value::Integer)
            .ok_or_else(|| format!("expected a whole number, got `{raw}`"))?,
        Some(Value::Boolean(_)) => match raw.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Value::Boolean(true),
            "false" | "0" | "no" | "off" | "" => Value::Boolean(false),
            _ => return Err(format!("expected true or false, got `{raw}`")),
        },
        Some(Value::Array(_)) => Value::Array(
            raw.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
                .collect(),
        ),
        _ => Value::String(raw.to_string()),
    })
}
