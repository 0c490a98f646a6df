//! `GET /openapi.json`: the OpenAPI 3.1 description of the API under `/api/v1`, generated from
//! the code with utoipa: the handlers' `#[utoipa::path]` attributes (routes, parameters, headers,
//! every status with its problem+json body, security) and the request/response types'
//! `ToSchema` derives (koban-core's ticket types through its `openapi` feature).
//!
//! The request body is then [refined](refine) with what this server is configured to accept —
//! the categories and custom fields of the site's content, the length limits, the minimum fill
//! time — so the document states exactly what `POST /api/v1/tickets` accepts and rejects
//! (schemathesis checks both directions in `scripts/schemathesis.sh`); the feedback batch gets
//! koban-core's feedback rules the same way ([`feedback`]).
//!
//! `GET /api/v1/content` is served by [`crate::content`]; it is described here by a path stub
//! so this module owns the whole document without touching the content handler.

pub mod feedback;
pub mod refine;

use std::sync::Arc;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::problem::ProblemDetails;
use crate::store::tickets::TicketRecord;
use crate::tickets::TicketsConfig;
use crate::tickets::create::CreatedTicket;

/// The generated part of the document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Koban API",
        description = "Ticket intake, help content and feedback for the Koban help widget. Errors are \
            RFC 9457 problem details (`application/problem+json`) with a stable `code`.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0"),
    ),
    paths(
        crate::tickets::create::create,
        crate::tickets::read::ticket,
        crate::tickets::read::admin_list,
        crate::tickets::conversation::add_message,
        crate::tickets::conversation::solve,
        crate::tickets::conversation::rate,
        crate::tickets::conversation::mark_read,
        crate::tickets::follow::unread,
        crate::tickets::follow::live,
        crate::tickets::follow::mine,
        crate::tickets::admin::reply,
        crate::tickets::admin::close,
        crate::tickets::attachments::upload,
        crate::tickets::attachments::policy,
        crate::feedback::submit::submit,
        content_stub,
    ),
    components(schemas(
        koban_core::ticket::TicketDraft,
        koban_core::ticket::TicketContext,
        koban_core::ticket::FieldValue,
        koban_core::ticket::FieldError,
        koban_core::ticket::ErrorCode,
        CreatedTicket,
        koban_core::ticket::thread::PublicTicket,
        koban_core::ticket::thread::PublicReply,
        koban_core::conversation::ThreadEntry,
        koban_core::conversation::Author,
        koban_core::conversation::ThreadAttachment,
        koban_core::conversation::Status,
        koban_core::conversation::Rating,
        koban_core::conversation::RatingDraft,
        koban_core::conversation::Score,
        koban_core::conversation::RequestSummary,
        koban_core::conversation::follow_up::FollowUpDraft,
        koban_core::conversation::follow_up::Followed,
        koban_core::conversation::follow_up::FollowedRequest,
        koban_core::conversation::follow_up::Unread,
        crate::tickets::conversation::CreatedMessage,
        crate::tickets::conversation::StatusBody,
        crate::tickets::follow::ChangedEvent,
        crate::tickets::follow::MyRequests,
        crate::tickets::admin::AgentReply,
        TicketRecord,
        ProblemDetails,
        crate::tickets::attachments::UploadedAttachment,
        crate::tickets::attachments::UploadForm,
        koban_core::ticket::files::AttachmentPolicy,
        koban_core::feedback::FeedbackBatch,
        koban_core::feedback::FeedbackEvent,
        koban_core::feedback::FlowOutcomeKind,
        koban_core::feedback::FeedbackFieldError,
        koban_core::feedback::FeedbackErrorCode,
        crate::feedback::submit::FeedbackAccepted,
        crate::feedback::submit::FeedbackProblem,
    )),
    modifiers(&Security),
    tags(
        (name = "tickets", description = "Submitting and reading tickets."),
        (name = "conversations", description = "Following a ticket: replies, follow-ups, status, rating."),
        (name = "admin", description = "The agents' side (admin token)."),
        (name = "content", description = "Help content for the widget."),
        (name = "feedback", description = "How the help content performs, reported by the widget."),
    )
)]
pub struct ApiDoc;

/// Adds the bearer schemes: the ticket's access token, the admin token and identity tokens.
struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let bearer = |description: &str| {
            let mut http = Http::new(HttpAuthScheme::Bearer);
            http.description = Some(description.to_string());
            SecurityScheme::Http(http)
        };
        components.add_security_scheme(
            "access_token",
            bearer("The `accessToken` returned when the ticket was created."),
        );
        components.add_security_scheme(
            "admin_token",
            bearer("The server's `admin_token` (config) / `KOBAN_ADMIN_TOKEN`."),
        );
        components.add_security_scheme(
            "identity_token",
            bearer("An identity token of `Koban('identify')`: an HS256 JWT from the platform's backend."),
        );
    }
}

/// Path stub of `GET /api/v1/content` (handler in [`crate::content::api`]).
#[utoipa::path(
    get,
    path = "/api/v1/content",
    tag = "content",
    operation_id = "getContent",
    summary = "Help content bundle",
    description = "The compiled help content (articles, categories, search index) in the \
        locale that best matches `locale`, gzipped when accepted. Strong `ETag`; \
        `If-None-Match` gets 304. Public and cacheable for a minute.",
    params(
        ("locale" = Option<String>, Query, description = "A BCP 47 tag or an Accept-Language style list; missing or unknown: the default locale."),
        ("If-None-Match" = Option<String>, Header, description = "ETags already held."),
    ),
    responses(
        (status = 200, description = "The bundle.", body = Object, content_type = "application/json",
            headers(
                ("ETag" = String, description = "Strong tag of this bundle and encoding."),
                ("Content-Language" = String, description = "The locale served."),
                ("Cache-Control" = String, description = "`public, max-age=60`"),
                ("Vary" = String, description = "`Accept-Encoding`"),
            )),
        (status = 304, description = "Not modified.",
            headers(("ETag" = String, description = "Strong tag of this bundle and encoding."))),
        (status = 400, description = "Unreadable query string.", body = ProblemDetails, content_type = "application/problem+json"),
    )
)]
#[allow(dead_code)]
fn content_stub() {}

/// The document for a server whose ticket intake runs with `config`.
pub fn document(config: &TicketsConfig) -> serde_json::Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    refine::refine(&mut doc, config);
    feedback::refine(&mut doc);
    doc
}

/// The document, serialized once at start.
#[derive(Debug, Clone)]
pub struct Document(Arc<Vec<u8>>);

impl Document {
    /// Builds the document for `config`.
    pub fn new(config: &TicketsConfig) -> Document {
        Document(Arc::new(
            serde_json::to_vec_pretty(&document(config)).unwrap_or_default(),
        ))
    }

    /// The `GET /openapi.json` response.
    pub fn response(&self) -> Response {
        let mut res = self.0.as_ref().clone().into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        res
    }
}
