//! `POST /api/v1/attachments` over real HTTP, on SQLite and (with `KOBAN_TEST_POSTGRES_URL`)
//! PostgreSQL: off by default; when on, size limit, extension allowlist checked together with the
//! content, random names on disk, and tickets referencing uploads once.

mod tickets_support;

use std::path::{Path, PathBuf};

use koban_server::tickets::TicketsConfig;
use koban_server::tickets::attachments::{AttachmentsConfig, prune};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use tickets_support::{Db, Server, start, test_config, ticket, unique};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR fake image data";

fn enabled(dir: &Path) -> TicketsConfig {
    let mut config = test_config();
    config.attachments = Some(AttachmentsConfig {
        dir: dir.to_path_buf(),
        max_bytes: 1024,
    });
    config
}

async fn upload(s: &Server, name: Option<&str>, bytes: &[u8]) -> (u16, Value) {
    let mut part = Part::bytes(bytes.to_vec()).mime_str("image/png").unwrap();
    if let Some(name) = name {
        part = part.file_name(name.to_string());
    }
    let res = s
        .client
        .post(format!("{}/api/v1/attachments", s.base))
        .multipart(Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let body = res.json().await.unwrap_or(Value::Null);
    (status, body)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

async fn off_by_default(db: Db) {
    let s = start(&db, test_config()).await;
    let (status, _) = upload(&s, Some("shot.png"), PNG).await;
    assert_eq!(status, 404);
    let policy = s
        .client
        .get(format!("{}/api/v1/attachments", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(policy.status(), 404, "no policy when attachments are off");
    let mut body = ticket(1);
    body["attachments"] = json!(["att_00000000000000000000000000000000"]);
    let res = s.post(Some("att-off"), &body).await;
    assert_eq!(res.status(), 422);
    let p: Value = res.json().await.unwrap();
    assert_eq!(
        p["errors"],
        json!([{ "field": "attachments", "code": "unknown_attachment" }])
    );
    assert_eq!(s.count().await, 0);
}

async fn uploads_are_checked_and_stored_under_random_names(db: Db) {
    let dir = std::env::temp_dir().join(format!("koban-att-{}", unique()));
    let s = start(&db, enabled(&dir)).await;

    // The policy the widget shows before uploading.
    let policy: Value = s
        .client
        .get(format!("{}/api/v1/attachments", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        policy,
        json!({ "maxBytes": 1024, "maxFiles": 10, "extensions": ["png", "jpg", "jpeg", "pdf", "txt", "log"] })
    );

    let (status, created) = upload(&s, Some("../../Screen Shot.PNG"), PNG).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("att_") && id.len() == 36);
    assert_eq!(created["filename"], "Screen Shot.PNG");
    assert_eq!(created["contentType"], "image/png");
    assert_eq!(created["size"], PNG.len());
    let files = files_in(&dir);
    assert_eq!(files.len(), 1, "{files:?}");
    let stored = files[0].file_name().unwrap().to_str().unwrap();
    assert!(
        stored.len() == 32 && stored.bytes().all(|b| b.is_ascii_hexdigit()),
        "random name: {stored}"
    );
    assert_eq!(std::fs::read(&files[0]).unwrap(), PNG);

    let (status, text) = upload(&s, Some("notes.log"), "line 1\nライン 2\n".as_bytes()).await;
    assert_eq!(status, 201);
    assert_eq!(text["contentType"], "text/plain; charset=utf-8");

    for (name, bytes, status, code) in [
        (
            Some("evil.png"),
            b"<script>alert(1)</script>".as_slice(),
            415,
            "content_mismatch",
        ),
        (
            Some("page.html"),
            b"<html></html>".as_slice(),
            415,
            "file_type_not_allowed",
        ),
        (
            Some("tool.exe"),
            b"MZ\x90\0".as_slice(),
            415,
            "file_type_not_allowed",
        ),
        (Some("photo.jpg"), PNG, 415, "content_mismatch"),
        (
            Some("binary.txt"),
            b"a\0b".as_slice(),
            415,
            "content_mismatch",
        ),
        (Some("big.txt"), &[b'x'; 1025][..], 413, "payload_too_large"),
        (Some("empty.txt"), b"".as_slice(), 400, "empty_file"),
        (None, b"no name".as_slice(), 400, "filename_missing"),
    ] {
        let (got, body) = upload(&s, name, bytes).await;
        assert_eq!(got, status, "{name:?}: {body}");
        assert_eq!(body["code"], code, "{name:?}");
    }
    let res = s
        .client
        .post(format!("{}/api/v1/attachments", s.base))
        .multipart(Form::new().text("other", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let res = s
        .client
        .post(format!("{}/api/v1/attachments", s.base))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        files_in(&dir).len(),
        2,
        "rejected files leave nothing behind"
    );

    // A ticket references the upload, once.
    let mut body = ticket(1);
    body["attachments"] = json!([id, id]);
    let res = s.post(Some("att-1"), &body).await;
    assert_eq!(res.status(), 201);
    let reference = res.json::<Value>().await.unwrap()["reference"]
        .as_str()
        .unwrap()
        .to_string();
    let stored_ticket = s.store.ticket(&reference).await.unwrap().unwrap();
    let linked = s.store.attachments_of(&stored_ticket.id).await.unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].id, id);
    assert_eq!(linked[0].filename, "Screen Shot.PNG");
    let mut again = ticket(2);
    again["attachments"] = json!([id]);
    let res = s.post(Some("att-2"), &again).await;
    assert_eq!(res.status(), 422, "an upload belongs to one ticket");
    let mut unknown = ticket(3);
    unknown["attachments"] = json!(["att_ffffffffffffffffffffffffffffffff"]);
    assert_eq!(s.post(Some("att-3"), &unknown).await.status(), 422);
    assert_eq!(s.count().await, 1);

    // Uploads no ticket took are pruned with their files; linked ones stay.
    prune(
        &s.store,
        &AttachmentsConfig {
            dir: dir.clone(),
            max_bytes: 1024,
        },
        -60_000,
    )
    .await;
    let left = files_in(&dir);
    assert_eq!(left, files, "only the linked file is left");
    assert!(
        s.store
            .attachment(text["id"].as_str().unwrap())
            .await
            .unwrap()
            .is_none()
    );

    // The document describes the route when it is on.
    let doc: Value = s
        .client
        .get(format!("{}/openapi.json", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["paths"]["/api/v1/attachments"]["post"].is_object());
    let _ = std::fs::remove_dir_all(&dir);
}

store_tests!(
    off_by_default,
    uploads_are_checked_and_stored_under_random_names
);
