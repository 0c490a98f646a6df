//! The conversation calls of the typed API client ([`ApiClient`]): a thread, the requests a
//! browser or an identity follows, a follow-up (exactly once, like a ticket), solve, rating and
//! the read mark. Every call is authorized by `Authorization: Bearer <token>`: the request's
//! access token, or the identity token of a user the platform vouches for. Tokens go in a header
//! or a POST body, never in a URL.
//!
//! ```ignore
//! let thread = api.thread("KB-7F3K-92QD", &token).await?;
//! let answer = api.add_message("KB-7F3K-92QD", &token, &outbox.key, &outbox.body).await?;
//! ```

use gloo_net::http::{Request, RequestBuilder};
use koban_core::conversation::follow_up::Followed;
use koban_core::conversation::{RatingDraft, RequestSummary, Score, Thread};
use koban_core::decode::{requests_from_json, thread_from_json};

use crate::api::{Answer, ApiClient, ApiError, encode, refused};

impl ApiClient {
    fn authorized(&self, builder: RequestBuilder, token: &str) -> RequestBuilder {
        builder.header("authorization", &format!("Bearer {token}"))
    }

    /// Sends `builder` with the JSON text `body`; `Err` only when no response arrived.
    async fn send_json(
        builder: RequestBuilder,
        body: String,
    ) -> Result<gloo_net::http::Response, ApiError> {
        builder
            .header("content-type", "application/json")
            .body(body)
            .map_err(|_| ApiError::Network)?
            .send()
            .await
            .map_err(|_| ApiError::Network)
    }

    fn ticket_url(&self, reference: &str, rest: &str) -> String {
        format!("{}/api/v1/tickets/{}{rest}", self.base(), encode(reference))
    }

    /// `GET /api/v1/tickets/{reference}`: the request with its whole conversation.
    pub async fn thread(&self, reference: &str, token: &str) -> Result<Thread, ApiError> {
        let res = self
            .authorized(Request::get(&self.ticket_url(reference, "")), token)
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        read(res, thread_from_json).await
    }

    /// `POST /api/v1/tickets/unread`: the followed requests that exist, with their unread
    /// replies (the list of "Your requests" for this browser).
    pub async fn followed(&self, followed: &Followed) -> Result<Vec<RequestSummary>, ApiError> {
        let body = serde_json::to_string(followed).map_err(|_| ApiError::Decode)?;
        let url = format!("{}/api/v1/tickets/unread", self.base());
        let res = Self::send_json(Request::post(&url), body).await?;
        read(res, requests_from_json).await
    }

    /// `GET /api/v1/me/tickets` with an identity token: the identity's requests from any device.
    pub async fn my_requests(&self, identity: &str) -> Result<Vec<RequestSummary>, ApiError> {
        let res = self
            .authorized(
                Request::get(&format!("{}/api/v1/me/tickets", self.base())),
                identity,
            )
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        read(res, requests_from_json).await
    }

    /// `POST /api/v1/tickets/{reference}/messages` with a frozen body and its `Idempotency-Key`.
    /// `Err` only when no response arrived ([`ApiError::Network`]).
    pub async fn add_message(
        &self,
        reference: &str,
        token: &str,
        key: &str,
        body: &str,
    ) -> Result<Answer<()>, ApiError> {
        let url = self.ticket_url(reference, "/messages");
        let builder = self
            .authorized(Request::post(&url), token)
            .header("idempotency-key", key);
        let res = Self::send_json(builder, body.to_string()).await?;
        let status = res.status();
        if res.ok() {
            return Ok(Answer::Created(()));
        }
        let text = res.text().await.map_err(|_| ApiError::Network)?;
        Ok(refused(status, &res, &text))
    }

    /// `POST /api/v1/tickets/{reference}/solve`: "This solved my problem".
    pub async fn solve(&self, reference: &str, token: &str) -> Result<(), ApiError> {
        let req = self.authorized(Request::post(&self.ticket_url(reference, "/solve")), token);
        ok(req.send().await.map_err(|_| ApiError::Network)?)
    }

    /// `POST /api/v1/tickets/{reference}/read`: the replies shown so far are read.
    pub async fn mark_read(&self, reference: &str, token: &str) -> Result<(), ApiError> {
        let req = self.authorized(Request::post(&self.ticket_url(reference, "/read")), token);
        ok(req.send().await.map_err(|_| ApiError::Network)?)
    }

    /// `PUT /api/v1/tickets/{reference}/rating`: good or bad, with an optional comment.
    pub async fn rate(
        &self,
        reference: &str,
        token: &str,
        score: Score,
        comment: &str,
    ) -> Result<(), ApiError> {
        let draft = RatingDraft {
            score,
            comment: Some(comment.trim().to_string()).filter(|c| !c.is_empty()),
        };
        let body = serde_json::to_string(&draft).map_err(|_| ApiError::Decode)?;
        let builder = self.authorized(Request::put(&self.ticket_url(reference, "/rating")), token);
        ok(Self::send_json(builder, body).await?)
    }
}

/// `Ok` for a 2xx answer.
fn ok(res: gloo_net::http::Response) -> Result<(), ApiError> {
    if res.ok() {
        Ok(())
    } else {
        Err(ApiError::Status(res.status()))
    }
}

/// The body of a 2xx answer, read by koban-core's hand-written reader (`koban_core::decode`:
/// the derived ones would cost tens of KB of wasm).
async fn read<T>(
    res: gloo_net::http::Response,
    reader: fn(&str) -> Option<T>,
) -> Result<T, ApiError> {
    if !res.ok() {
        return Err(ApiError::Status(res.status()));
    }
    let text = res.text().await.map_err(|_| ApiError::Network)?;
    reader(&text).ok_or(ApiError::Decode)
}
