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
use koban_core::conversation::follow_up::{Followed, Unread};
use koban_core::conversation::{RequestSummary, Score};
use koban_core::problem::ProblemDetails;
use koban_core::ticket::thread::PublicTicket;
use serde::Deserialize;

use crate::api::{ApiClient, ApiError, encode};

/// The server's answer to a request that must happen once (a follow-up): stored, or refused
/// with the status, `Retry-After` and problem details that decide what happens next.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// 2xx: stored (now, or by an earlier attempt with the same key).
    Stored,
    /// Any other status.
    Refused {
        /// HTTP status.
        status: u16,
        /// `Retry-After`, as sent.
        retry_after: Option<String>,
        /// The problem details (`None` when the body was not one).
        problem: Option<ProblemDetails>,
    },
}

/// The 200 body of `GET /api/v1/me/tickets` (the parts the widget reads).
#[derive(Debug, Clone, Deserialize)]
struct MyRequests {
    requests: Vec<RequestSummary>,
}

impl ApiClient {
    fn authorized(&self, builder: RequestBuilder, token: &str) -> RequestBuilder {
        builder.header("authorization", &format!("Bearer {token}"))
    }

    fn ticket_url(&self, reference: &str, rest: &str) -> String {
        format!("{}/api/v1/tickets/{}{rest}", self.base(), encode(reference))
    }

    /// `GET /api/v1/tickets/{reference}`: the request with its whole conversation.
    pub async fn thread(&self, reference: &str, token: &str) -> Result<PublicTicket, ApiError> {
        let res = self
            .authorized(Request::get(&self.ticket_url(reference, "")), token)
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        json(res).await
    }

    /// `POST /api/v1/tickets/unread`: the followed requests that exist, with their unread
    /// replies (the list of "Your requests" for this browser).
    pub async fn followed(&self, followed: &Followed) -> Result<Unread, ApiError> {
        let body = serde_json::to_string(followed).map_err(|_| ApiError::Decode)?;
        let res = Request::post(&format!("{}/api/v1/tickets/unread", self.base()))
            .header("content-type", "application/json")
            .body(body)
            .map_err(|_| ApiError::Network)?
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        json(res).await
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
        json::<MyRequests>(res).await.map(|m| m.requests)
    }

    /// `POST /api/v1/tickets/{reference}/messages` with a frozen body and its `Idempotency-Key`.
    /// `Err` only when no response arrived ([`ApiError::Network`]).
    pub async fn add_message(
        &self,
        reference: &str,
        token: &str,
        key: &str,
        body: &str,
    ) -> Result<Answer, ApiError> {
        let res = self
            .authorized(
                Request::post(&self.ticket_url(reference, "/messages")),
                token,
            )
            .header("content-type", "application/json")
            .header("idempotency-key", key)
            .body(body.to_string())
            .map_err(|_| ApiError::Network)?
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        let status = res.status();
        if res.ok() {
            return Ok(Answer::Stored);
        }
        let retry_after = res.headers().get("retry-after");
        let text = res.text().await.map_err(|_| ApiError::Network)?;
        Ok(Answer::Refused {
            status,
            retry_after,
            problem: koban_core::decode::problem_from_json(&text),
        })
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
        let mut body = serde_json::json!({ "score": score.as_str() });
        if !comment.trim().is_empty() {
            body["comment"] = comment.trim().into();
        }
        let res = self
            .authorized(Request::put(&self.ticket_url(reference, "/rating")), token)
            .header("content-type", "application/json")
            .body(body.to_string())
            .map_err(|_| ApiError::Network)?
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        ok(res)
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

/// The JSON body of a 2xx answer.
async fn json<T: for<'de> Deserialize<'de>>(res: gloo_net::http::Response) -> Result<T, ApiError> {
    if !res.ok() {
        return Err(ApiError::Status(res.status()));
    }
    let text = res.text().await.map_err(|_| ApiError::Network)?;
    serde_json::from_str(&text).map_err(|_| ApiError::Decode)
}
