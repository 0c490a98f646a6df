//! `GET /openapi.json` over real HTTP: every `/api/v1` route with its headers, statuses and
//! problem+json bodies, and a request schema that follows the server's configuration. (The
//! document is checked against the running server by schemathesis: `scripts/schemathesis.sh`.)

mod tickets_support;

use serde_json::{Value, json};
use tickets_support::{Db, start, test_config};

async fn document(config: koban_server::tickets::TicketsConfig) -> Value {
    let s = start(&Db::Sqlite, config).await;
    let res = s
        .client
        .get(format!("{}/openapi.json", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/json");
    res.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_status_and_header_is_described() {
    let doc = document(test_config()).await;
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let mut names: Vec<&str> = paths.keys().map(String::as_str).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "/api/v1/admin/tickets",
            "/api/v1/admin/tickets/{reference}/close",
            "/api/v1/admin/tickets/{reference}/replies",
            "/api/v1/content",
            "/api/v1/feedback",
            "/api/v1/me/tickets",
            "/api/v1/tickets",
            "/api/v1/tickets/live",
            "/api/v1/tickets/unread",
            "/api/v1/tickets/{reference}",
            "/api/v1/tickets/{reference}/messages",
            "/api/v1/tickets/{reference}/rating",
            "/api/v1/tickets/{reference}/read",
            "/api/v1/tickets/{reference}/solve"
        ]
    );

    let create = &doc["paths"]["/api/v1/tickets"]["post"];
    let key = &create["parameters"][0];
    assert_eq!(key["name"], "Idempotency-Key");
    assert_eq!(key["in"], "header");
    assert_eq!(key["required"], true);
    assert_eq!(key["schema"]["maxLength"], 255);
    assert_eq!(
        create["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/TicketDraft"
    );
    let responses = create["responses"].as_object().unwrap();
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(
        statuses,
        ["201", "400", "409", "413", "415", "422", "429", "503"]
    );
    for (status, response) in responses {
        let content = response["content"].as_object().unwrap();
        let media = if status == "201" {
            "application/json"
        } else {
            "application/problem+json"
        };
        assert!(content.contains_key(media), "{status}: {content:?}");
    }
    let created = &responses["201"];
    assert_eq!(created["headers"]["Location"]["required"], true);
    assert!(created["headers"]["Idempotent-Replayed"].is_object());
    assert_eq!(
        created["links"]["GetTicket"]["parameters"]["header.Authorization"],
        "Bearer {$response.body#/accessToken}"
    );
    for status in ["409", "429", "503"] {
        assert!(
            responses[status]["headers"]["Retry-After"].is_object(),
            "{status}"
        );
    }

    let read = &doc["paths"]["/api/v1/tickets/{reference}"]["get"];
    assert_eq!(read["security"], json!([{ "access_token": [] }]));
    let admin = &doc["paths"]["/api/v1/admin/tickets"]["get"];
    assert_eq!(admin["security"], json!([{ "admin_token": [] }]));
    assert!(admin["responses"]["401"]["headers"]["WWW-Authenticate"].is_object());
    let content = &doc["paths"]["/api/v1/content"]["get"];
    assert!(content["responses"]["200"]["headers"]["ETag"].is_object());
    assert!(content["responses"]["304"].is_object());
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["access_token"]["scheme"], "bearer");
    assert_eq!(schemes["admin_token"]["scheme"], "bearer");

    let problem = &doc["components"]["schemas"]["Problem"];
    for field in ["type", "title", "status", "code"] {
        assert!(
            problem["required"]
                .as_array()
                .unwrap()
                .contains(&json!(field)),
            "{field}"
        );
    }
    assert!(problem["properties"]["errors"].is_object());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_request_schema_follows_the_configuration() {
    let mut config = test_config();
    config.min_fill_ms = 2500;
    config.rules = serde_json::from_value(json!({
        "categories": [
            { "id": "general" },
            { "id": "jobs", "fields": [
                { "id": "job_id", "kind": "text", "required": true },
                { "id": "os", "kind": "select", "options": ["linux", "macos"] }
            ]}
        ]
    }))
    .unwrap();
    let doc = document(config).await;
    let draft = &doc["components"]["schemas"]["TicketDraft"];
    let props = &draft["properties"];
    // Honeypot and fill time are in the document.
    assert_eq!(props["website"]["maxLength"], 0);
    assert_eq!(props["fillMs"]["minimum"], 2500);
    assert!(
        draft["required"]
            .as_array()
            .unwrap()
            .contains(&json!("fillMs"))
    );
    assert_eq!(props["category"]["enum"], json!(["general", "jobs"]));
    assert_eq!(props["subject"]["maxLength"], 200);
    assert!(props["identityToken"].is_object());
    let jobs = &draft["oneOf"][1];
    assert_eq!(jobs["properties"]["category"]["const"], "jobs");
    assert_eq!(jobs["required"], json!(["category", "fields"]));
    let fields = &jobs["properties"]["fields"];
    assert_eq!(fields["additionalProperties"], false);
    assert_eq!(fields["required"], json!(["job_id"]));
    assert_eq!(
        fields["properties"]["os"]["anyOf"][0]["enum"],
        json!(["linux", "macos"])
    );

    // Without a minimum fill time, fillMs is optional.
    let mut config = test_config();
    config.min_fill_ms = 0;
    let doc = document(config).await;
    let draft = &doc["components"]["schemas"]["TicketDraft"];
    assert!(
        !draft["required"]
            .as_array()
            .unwrap()
            .contains(&json!("fillMs"))
    );
    assert!(draft.get("oneOf").is_none(), "no categories, no branches");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_feedback_batch_is_described_with_koban_cores_rules() {
    let doc = document(test_config()).await;
    let send = &doc["paths"]["/api/v1/feedback"]["post"];
    assert_eq!(send["operationId"], "sendFeedback");
    assert_eq!(
        send["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/FeedbackBatch"
    );
    let statuses: Vec<&str> = send["responses"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(statuses, ["202", "400", "413", "415", "422", "429", "503"]);
    assert_eq!(
        send["responses"]["422"]["content"]["application/problem+json"]["schema"]["$ref"],
        "#/components/schemas/FeedbackProblem"
    );
    assert_eq!(
        send["responses"]["429"]["headers"]["Retry-After"]["required"],
        true
    );

    let schemas = &doc["components"]["schemas"];
    let events = &schemas["FeedbackBatch"]["properties"]["events"];
    assert_eq!(
        (events["minItems"].clone(), events["maxItems"].clone()),
        (json!(1), json!(50))
    );
    let branches = schemas["FeedbackEvent"]["oneOf"].as_array().unwrap();
    let kinds: Vec<&Value> = branches
        .iter()
        .map(|b| &b["properties"]["type"]["enum"][0])
        .collect();
    assert_eq!(
        kinds,
        [
            "articleRated",
            "searchNoResults",
            "searchToTicket",
            "flowOutcome"
        ]
    );
    // camelCase members with koban-core's limits.
    let rated = &branches[0]["properties"];
    assert_eq!(rated["articleId"]["pattern"], "^[a-z0-9-]{1,80}$");
    assert_eq!(rated["locale"]["maxLength"], 35);
    assert!(rated["articleId"]["description"].is_string());
    assert!(
        branches[1]["properties"]["query"]["pattern"]
            .as_str()
            .unwrap()
            .contains("{0,198}")
    );
    let flow = &branches[3];
    assert_eq!(
        flow["required"],
        json!(["flowId", "outcome", "stepId", "locale", "type"])
    );
    assert_eq!(
        schemas["FlowOutcomeKind"]["enum"],
        json!(["resolved", "escalated", "abandoned"])
    );
}
