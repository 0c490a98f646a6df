//! Reading tickets: `GET /api/v1/tickets/{reference}` for the submitter (with the access token
//! from creation) and `GET /api/v1/admin/tickets` for agents (with the admin token).

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use koban_core::conversation::Thread;
use koban_core::ticket::thread::{PublicReply, PublicTicket};
use serde::Deserialize;

use super::TicketsState;
use super::conversation::owned_ticket;
use crate::problem::{Problem, ProblemCode};
use crate::store::replies::{MessageAuthor, ReplyRecord};
use crate::store::tickets::TicketRecord;

/// The submitter's view of `t` with its public `replies` (internal notes left out) and its
/// `thread`.
pub fn public_ticket(t: TicketRecord, replies: Vec<ReplyRecord>, thread: Thread) -> PublicTicket {
    PublicTicket {
        id: t.id,
        reference: t.reference,
        status: t.status,
        subject: t.subject,
        created_at: t.created_at,
        updated_at: t.updated_at,
        replies: replies
            .into_iter()
            .filter(|r| r.public && r.author != MessageAuthor::User)
            .map(|r| PublicReply {
                body: r.body,
                created_at: r.created_at,
            })
            .collect(),
        entries: thread.entries,
        rating: thread.rating,
        unread: thread.unread,
    }
}

/// Handler of `GET /api/v1/tickets/{reference}`: 404 for an unknown reference and for a wrong or
/// missing token alike.
#[utoipa::path(
    get,
    path = "/api/v1/tickets/{reference}",
    tag = "tickets",
    operation_id = "getTicket",
    summary = "Read your ticket",
    description = "A ticket and its conversation, for the person who submitted it: \
        `Authorization: Bearer <accessToken>` with the token returned at creation, or the \
        identity token of the verified sender who filed it (their requests from any device). An \
        unknown reference and a wrong or missing token get the same 404. `status` is `open` (waiting for \
        support), `answered` (support replied), `solved` (by the user) or `closed`; `entries` \
        is the conversation oldest first (messages and status changes), `unread` the replies not \
        yet marked read, `rating` the satisfaction rating once given; `replies` are support's \
        public replies alone, oldest first.",
    params(("reference" = String, Path, description = "The reference, e.g. `KB-7F3K-92QD` (case and dashes are forgiven).")),
    security(("access_token" = [])),
    responses(
        (status = 200, description = "The ticket.", body = PublicTicket),
        (status = 404, description = "No such ticket, or not yours.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 503, description = "Store unavailable or request timed out (`timeout`); retry after `Retry-After`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn ticket(
    State(state): State<TicketsState>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> Result<Json<PublicTicket>, Problem> {
    let ticket = owned_ticket(&state, &reference, &headers).await?;
    let replies = state.store().replies_of(&ticket.id, true).await?;
    let thread = state.store().thread(&ticket).await?;
    Ok(Json(public_ticket(ticket, replies, thread)))
}

/// Paging of the admin list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// At most this many tickets (default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// Skip this many (default 0).
    #[param(minimum = 0)]
    pub offset: Option<i64>,
}

/// Handler of `GET /api/v1/admin/tickets`: every field, newest first. 404 when no admin token is
/// configured, 401 for a wrong one, 400 for paging out of range.
#[utoipa::path(
    get,
    path = "/api/v1/admin/tickets",
    tag = "admin",
    operation_id = "listTickets",
    summary = "List tickets (agents)",
    description = "Every ticket with every field, newest first. Needs `Authorization: Bearer \
        <admin_token>`; without an `admin_token` configured the admin API is off (404). Ticket \
        text is returned as submitted: escape it wherever it is shown.",
    params(Page),
    security(("admin_token" = [])),
    responses(
        (status = 200, description = "Tickets, newest first.", body = Vec<TicketRecord>),
        (status = 400, description = "`limit` or `offset` out of range or not a number.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "Missing or wrong admin token.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("WWW-Authenticate" = String, description = "`Bearer`"))),
        (status = 404, description = "The admin API is off (no `admin_token`).", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 503, description = "Store unavailable or request timed out (`timeout`); retry after `Retry-After`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn admin_list(
    State(state): State<TicketsState>,
    page: Result<Query<Page>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Json<Vec<TicketRecord>>, Problem> {
    super::admin::authorize(&state, &headers)?;
    let Query(page) = page?;
    let limit = page.limit.unwrap_or(100);
    let offset = page.offset.unwrap_or(0);
    if !(1..=500).contains(&limit) || offset < 0 {
        return Err(Problem::new(ProblemCode::BadQuery)
            .detail("limit must be 1 to 500 and offset at least 0"));
    }
    Ok(Json(state.store().list_tickets(limit, offset).await?))
}
