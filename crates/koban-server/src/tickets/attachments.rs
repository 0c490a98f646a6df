//! `POST /api/v1/attachments`: files sent with a ticket (config `attachments_enabled`, off by
//! default).
//!
//! One `multipart/form-data` part named `file`, with a file name. The file is accepted only if
//! - it is not empty and at most `attachment_max_bytes` (413 beyond);
//! - its extension is on the allowlist (`png`, `jpg`/`jpeg`, `pdf`, `txt`, `log`) **and** its
//!   content sniffs as that same kind: PNG and JPEG by their signatures, PDF by `%PDF-`, text
//!   as UTF-8 without NUL or other control characters (besides tab, newline, carriage return,
//!   form feed) and not starting like one of the binary kinds. Anything else is a 415; the
//!   client's `Content-Type` is ignored and the stored media type is the sniffed one.
//!
//! The bytes are written to `attachments_dir` (default `data/attachments`, outside any served
//! directory) under a random name — never derived from the uploader's file name, which is kept
//! only as a display label — first to a temporary name, then renamed, so a half-written file is
//! never referenced. The answer is `{ id, filename, contentType, size }`; a ticket lists the
//! `id` in its `attachments` and is linked to it in its own transaction (an id can be used by
//! one ticket only). Uploads no ticket refers to within a day are pruned.

use std::path::{Path, PathBuf};
use std::time::Instant;

use axum::Json;
use axum::extract::multipart::{Field, MultipartError, MultipartRejection};
use axum::extract::{Extension, Multipart, State};
use axum::http::StatusCode;
use koban_core::ticket::files::AttachmentPolicy;
use serde::{Deserialize, Serialize};

use super::{ClientIp, TicketsState, random_hex, sha256_hex};
use crate::limits::too_many;
use crate::problem::{Problem, ProblemCode};
use crate::store::{Store, now_ms};

/// Settings of file uploads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentsConfig {
    /// Where files are stored.
    pub dir: PathBuf,
    /// Largest accepted file.
    pub max_bytes: usize,
}

/// What a file was sniffed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `image/png`.
    Png,
    /// `image/jpeg`.
    Jpeg,
    /// `application/pdf`.
    Pdf,
    /// `text/plain; charset=utf-8`.
    Text,
}

impl Kind {
    /// The kind an allowed extension promises (case-insensitive), or `None`.
    pub fn from_extension(ext: &str) -> Option<Kind> {
        match ext.to_ascii_lowercase().as_str() {
            "png" => Some(Kind::Png),
            "jpg" | "jpeg" => Some(Kind::Jpeg),
            "pdf" => Some(Kind::Pdf),
            "txt" | "log" => Some(Kind::Text),
            _ => None,
        }
    }

    /// The media type stored and reported.
    pub fn content_type(self) -> &'static str {
        match self {
            Kind::Png => "image/png",
            Kind::Jpeg => "image/jpeg",
            Kind::Pdf => "application/pdf",
            Kind::Text => "text/plain; charset=utf-8",
        }
    }
}

/// What `bytes` are, judged by content alone.
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Kind::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(Kind::Jpeg);
    }
    if bytes.starts_with(b"%PDF-") {
        return Some(Kind::Pdf);
    }
    let text = std::str::from_utf8(bytes).ok()?;
    text.chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .then_some(Kind::Text)
}

/// The 201 body.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UploadedAttachment {
    /// What a ticket lists in `attachments`.
    #[schema(pattern = "^att_[0-9a-f]{32}$")]
    pub id: String,
    /// The file name as sent (display only).
    pub filename: String,
    /// The sniffed media type.
    pub content_type: String,
    /// Size in bytes.
    pub size: u64,
}

/// File name extensions [`Kind::from_extension`] accepts.
pub const EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "pdf", "txt", "log"];

/// Handler of `GET /api/v1/attachments` (mounted only when enabled): the upload policy.
#[utoipa::path(
    get,
    path = "/api/v1/attachments",
    tag = "tickets",
    operation_id = "getAttachmentPolicy",
    summary = "What files a ticket may carry",
    description = "Size limit, number of files per ticket and accepted extensions, so a client \
        can tell the user before uploading. Only when the server enables attachments (404 \
        otherwise).",
    responses(
        (status = 200, description = "The policy.", body = AttachmentPolicy),
    )
)]
pub async fn policy(State(state): State<TicketsState>) -> Result<Json<AttachmentPolicy>, Problem> {
    let config = state.config();
    let files = config.attachments.as_ref().ok_or_else(Problem::not_found)?;
    Ok(Json(AttachmentPolicy {
        max_bytes: files.max_bytes as u64,
        max_files: config.rules.limits.attachments_max,
        extensions: EXTENSIONS.iter().map(|e| e.to_string()).collect(),
    }))
}

/// The multipart form (for the OpenAPI document).
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The file, with a file name ending in .png, .jpg, .jpeg, .pdf, .txt or .log.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}

/// The uploader's file name as a display label: no directories, no control characters, at most
/// 255 characters.
pub fn display_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    base.chars()
        .filter(|c| !c.is_control())
        .take(255)
        .collect::<String>()
        .trim()
        .to_string()
}

/// 413 `payload_too_large` for a file over `max` bytes.
fn too_large(max: usize) -> Problem {
    Problem::new(ProblemCode::PayloadTooLarge)
        .titled("File too large")
        .detail(format!("At most {max} bytes"))
}

/// A multipart part that cannot be read: 413 when over the limit, 400 `bad_multipart` otherwise.
fn multipart_problem(e: &MultipartError, max: usize) -> Problem {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large(max)
    } else {
        Problem::new(ProblemCode::BadMultipart).detail(e.body_text())
    }
}

/// Reads `field` up to `max` bytes.
async fn read_limited(mut field: Field<'_>, max: usize) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field
        .chunk()
        .await
        .map_err(|e| multipart_problem(&e, max))?
    {
        if bytes.len() + chunk.len() > max {
            return Err(too_large(max));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// Writes `bytes` to `dir/name` via a temporary file and a rename.
async fn store_file(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    use tokio::io::AsyncWriteExt;
    tokio::fs::create_dir_all(dir).await?;
    let tmp = dir.join(format!(".{name}.part"));
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .await?;
    file.write_all(bytes).await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(&tmp, dir.join(name)).await
}

/// Why a file was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRefused {
    /// No file name (after [`display_name`]).
    NoName,
    /// No bytes.
    Empty,
    /// Over `max_bytes`.
    TooLarge,
    /// The extension is not on the allowlist.
    NotAllowed,
    /// The content is not what the extension promises.
    Mismatch,
}

/// Why [`accept_file`] stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    /// The file breaks the policy.
    #[error("file refused: {0:?}")]
    Refused(FileRefused),
    /// It could not be written.
    #[error("cannot write the file: {0}")]
    Io(std::io::Error),
    /// Its row could not be stored.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Checks a file against the policy (see the module doc: a name, not empty, at most
/// `max_bytes`, an allowed extension whose kind the content sniffs as), writes it under a random
/// name (temporary file, then rename) and records it as an upload no ticket refers to yet. The
/// upload handler and `koban mail ingest` both take files through here.
pub async fn accept_file(
    store: &Store,
    config: &AttachmentsConfig,
    name: &str,
    bytes: &[u8],
) -> Result<UploadedAttachment, AcceptError> {
    let filename = display_name(name);
    let refused = |why| Err(AcceptError::Refused(why));
    if filename.is_empty() {
        return refused(FileRefused::NoName);
    }
    if bytes.is_empty() {
        return refused(FileRefused::Empty);
    }
    if bytes.len() > config.max_bytes {
        return refused(FileRefused::TooLarge);
    }
    let Some(promised) = filename
        .rsplit_once('.')
        .and_then(|(_, ext)| Kind::from_extension(ext))
    else {
        return refused(FileRefused::NotAllowed);
    };
    if sniff(bytes) != Some(promised) {
        return refused(FileRefused::Mismatch);
    }
    let id = format!("att_{}", random_hex(16));
    let stored_name = random_hex(16);
    store_file(&config.dir, &stored_name, bytes)
        .await
        .map_err(AcceptError::Io)?;
    if let Err(e) = store
        .insert_attachment(
            &id,
            &stored_name,
            &filename,
            promised.content_type(),
            bytes.len() as i64,
            &sha256_hex(bytes),
            now_ms(),
        )
        .await
    {
        let _ = tokio::fs::remove_file(config.dir.join(&stored_name)).await;
        return Err(e.into());
    }
    Ok(UploadedAttachment {
        id,
        filename,
        content_type: promised.content_type().to_string(),
        size: bytes.len() as u64,
    })
}

/// Handler of `POST /api/v1/attachments` (mounted only when enabled).
#[utoipa::path(
    post,
    path = "/api/v1/attachments",
    tag = "tickets",
    operation_id = "uploadAttachment",
    summary = "Upload a file for a ticket",
    description = "One `file` part with a file name. Allowed: .png, .jpg/.jpeg, .pdf, .txt and \
        .log, when the content is of that kind (checked by its bytes, not by the declared \
        type). List the returned `id` in the ticket's `attachments`. Only when the server \
        enables attachments.",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored.", body = UploadedAttachment),
        (status = 400, description = "Not a multipart body, no `file` part, no file name, or an empty file.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 413, description = "File larger than `attachment_max_bytes`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 415, description = "Extension not allowed, or the content is not what the extension says.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "Too many uploads from this address.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
        (status = 503, description = "Store unavailable.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn upload(
    State(state): State<TicketsState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<UploadedAttachment>), Problem> {
    let Some(config) = state.config().attachments.as_ref() else {
        return Err(Problem::not_found());
    };
    if let Some(ip) = ip
        && let Err(wait) = state
            .0
            .ip_limiter
            .check(&format!("attachment:{ip}"), Instant::now())
    {
        return Err(too_many(wait, "address"));
    }
    let mut multipart = multipart?;
    let mut upload = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| multipart_problem(&e, config.max_bytes))?
    {
        if field.name() != Some("file") {
            continue;
        }
        if upload.is_some() {
            return Err(ProblemCode::OneFile.into());
        }
        let name = field.file_name().unwrap_or("").to_string();
        let bytes = read_limited(field, config.max_bytes).await?;
        upload = Some((name, bytes));
    }
    let (filename, bytes) = upload.ok_or(ProblemCode::FileMissing)?;
    let uploaded = accept_file(state.store(), config, &filename, &bytes)
        .await
        .map_err(|e| match e {
            AcceptError::Refused(FileRefused::NoName) => ProblemCode::FilenameMissing.into(),
            AcceptError::Refused(FileRefused::Empty) => ProblemCode::EmptyFile.into(),
            AcceptError::Refused(FileRefused::TooLarge) => too_large(config.max_bytes),
            AcceptError::Refused(FileRefused::NotAllowed) => ProblemCode::FileTypeNotAllowed.into(),
            AcceptError::Refused(FileRefused::Mismatch) => ProblemCode::ContentMismatch.into(),
            AcceptError::Io(e) => Problem::unavailable(&e),
            AcceptError::Store(e) => e.into(),
        })?;
    Ok((StatusCode::CREATED, Json(uploaded)))
}

/// Deletes uploads no ticket referenced within `max_age_ms`, rows and files.
pub async fn prune(store: &Store, config: &AttachmentsConfig, max_age_ms: i64) {
    match store.prune_orphan_attachments(now_ms() - max_age_ms).await {
        Ok(names) => {
            for name in &names {
                if let Err(e) = tokio::fs::remove_file(config.dir.join(name)).await {
                    tracing::warn!("cannot remove pruned attachment {name}: {e}");
                }
            }
            if !names.is_empty() {
                tracing::info!("pruned {} unreferenced attachment(s)", names.len());
            }
        }
        Err(e) => tracing::warn!("cannot prune attachments: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_not_the_name() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), Some(Kind::Png));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Kind::Jpeg));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(Kind::Pdf));
        assert_eq!(sniff("log line\r\n\tあ\n".as_bytes()), Some(Kind::Text));
        assert_eq!(sniff(b"MZ\x90\0"), None, "executable");
        assert_eq!(sniff(b"text\0with nul"), None);
        assert_eq!(sniff(b"\x1b[31mred"), None, "terminal escapes");
        assert_eq!(sniff(&[0xC3, 0x28]), None, "invalid UTF-8");
        assert_eq!(Kind::from_extension("JPG"), Some(Kind::Jpeg));
        assert_eq!(Kind::from_extension("html"), None);
        assert_eq!(Kind::from_extension("svg"), None);
    }

    #[test]
    fn display_names_lose_directories_and_controls() {
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("C:\\Users\\a\\shot.png"), "shot.png");
        assert_eq!(display_name("a\r\nb.txt"), "ab.txt");
        assert_eq!(display_name(&"x".repeat(300)).len(), 255);
    }
}
