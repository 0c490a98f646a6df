//! Words and numbers for attachments: file sizes in the user's locale (the browser's
//! `Intl.NumberFormat` with byte units) and why a file was not attached.

use koban_core::ticket::files::{AttachmentPolicy, FileProblem};
use wasm_bindgen::JsValue;

use crate::api::ApiError;
use crate::i18n::{msg, tf};

/// `bytes` as "1.5 MB" / "300 kB" / "12 byte" in `locale`.
pub fn format_size(bytes: u64, locale: &str) -> String {
    let (value, unit) = match bytes {
        b if b >= 1_000_000 => (b as f64 / 1e6, "megabyte"),
        b if b >= 1_000 => (b as f64 / 1e3, "kilobyte"),
        b => (b as f64, "byte"),
    };
    let options = js_sys::Object::new();
    for (k, v) in [
        ("style", "unit"),
        ("unit", unit),
        ("maximumFractionDigits", "1"),
    ] {
        let v = if k == "maximumFractionDigits" {
            JsValue::from_f64(1.0)
        } else {
            JsValue::from_str(v)
        };
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &v);
    }
    let locales = js_sys::Array::of1(&JsValue::from_str(locale));
    js_sys::Intl::NumberFormat::new(&locales, &options)
        .format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn extensions(policy: &AttachmentPolicy) -> String {
    policy
        .extensions
        .iter()
        .map(|e| e.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The help text under the file picker.
pub fn policy_text(policy: &AttachmentPolicy, locale: &str) -> String {
    tf(
        msg::TICKET_FILES_HELP,
        &[
            ("types", extensions(policy)),
            ("size", format_size(policy.max_bytes, locale)),
            ("count", policy.max_files.to_string()),
        ],
    )
}

/// Why `name` was not attached, checked before uploading.
pub fn problem_text(
    problem: FileProblem,
    name: &str,
    policy: &AttachmentPolicy,
    locale: &str,
) -> String {
    let name = name.to_string();
    match problem {
        FileProblem::Empty => tf(msg::TICKET_FILE_EMPTY, &[("name", name)]),
        FileProblem::TooLarge => tf(
            msg::TICKET_FILE_TOO_LARGE,
            &[
                ("name", name),
                ("size", format_size(policy.max_bytes, locale)),
            ],
        ),
        FileProblem::NotAllowed => tf(
            msg::TICKET_FILE_TYPE,
            &[("name", name), ("types", extensions(policy))],
        ),
        FileProblem::TooMany => tf(
            msg::TICKET_FILE_TOO_MANY,
            &[("name", name), ("count", policy.max_files.to_string())],
        ),
    }
}

/// Why the server did not take `name`.
pub fn upload_error_text(
    error: &ApiError,
    name: &str,
    policy: &AttachmentPolicy,
    locale: &str,
) -> String {
    match error {
        ApiError::Status(413) => problem_text(FileProblem::TooLarge, name, policy, locale),
        ApiError::Status(415) => problem_text(FileProblem::NotAllowed, name, policy, locale),
        _ => tf(msg::TICKET_FILE_FAILED, &[("name", name.to_string())]),
    }
}
