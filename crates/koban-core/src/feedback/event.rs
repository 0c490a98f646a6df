//! The feedback events the widget sends, as JSON objects tagged by `type` with camelCase fields.
//!
//! ```json
//! { "events": [
//!   { "type": "articleRated", "articleId": "node-offline", "helpful": true, "locale": "en" },
//!   { "type": "searchNoResults", "query": "withdrawl", "locale": "en" },
//!   { "type": "searchToTicket", "query": "payout missing", "locale": "en" },
//!   { "type": "flowOutcome", "flowId": "node-offline", "outcome": "abandoned",
//!     "stepId": "check-agent", "locale": "ja" }
//! ] }
//! ```

use serde::{Deserialize, Serialize};

/// How a guided flow ended for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FlowOutcomeKind {
    /// The flow reached a `resolved` outcome.
    Resolved,
    /// The flow handed over to a ticket (or another support channel).
    Escalated,
    /// The user left the flow before any outcome (closed the panel, started over elsewhere, or
    /// the saved progress expired).
    Abandoned,
}

impl FlowOutcomeKind {
    /// Every outcome, in report order.
    pub const ALL: [FlowOutcomeKind; 3] = [
        FlowOutcomeKind::Resolved,
        FlowOutcomeKind::Escalated,
        FlowOutcomeKind::Abandoned,
    ];

    /// The wire name: `resolved`, `escalated` or `abandoned`.
    pub fn as_str(self) -> &'static str {
        match self {
            FlowOutcomeKind::Resolved => "resolved",
            FlowOutcomeKind::Escalated => "escalated",
            FlowOutcomeKind::Abandoned => "abandoned",
        }
    }

    /// The outcome with wire name `s`.
    pub fn parse(s: &str) -> Option<FlowOutcomeKind> {
        FlowOutcomeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One thing a user did that tells authors how the help content works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Fields are renamed per variant: utoipa reads a variant's `rename_all`, not the enum's
// `rename_all_fields`.
#[serde(tag = "type", rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FeedbackEvent {
    /// "Was this helpful?" answered on an article.
    #[serde(rename_all = "camelCase")]
    ArticleRated {
        /// The article's id (the same in every locale).
        article_id: String,
        /// Yes (`true`) or No (`false`).
        helpful: bool,
        /// The locale the article was read in.
        locale: String,
    },
    /// A search that found nothing.
    #[serde(rename_all = "camelCase")]
    SearchNoResults {
        /// The query as typed.
        query: String,
        /// The widget's locale.
        locale: String,
    },
    /// A search after which the user went on to the ticket form ("Contact support").
    #[serde(rename_all = "camelCase")]
    SearchToTicket {
        /// The query as typed.
        query: String,
        /// The widget's locale.
        locale: String,
    },
    /// A guided flow ended (or was left).
    #[serde(rename_all = "camelCase")]
    FlowOutcome {
        /// The flow's id.
        flow_id: String,
        /// How it ended.
        outcome: FlowOutcomeKind,
        /// The step the user was on when it ended: the outcome step, or for `abandoned` the
        /// last step shown.
        step_id: String,
        /// The locale the flow ran in.
        locale: String,
    },
}

impl FeedbackEvent {
    /// The wire name of the event's `type`.
    pub fn kind(&self) -> &'static str {
        match self {
            FeedbackEvent::ArticleRated { .. } => "articleRated",
            FeedbackEvent::SearchNoResults { .. } => "searchNoResults",
            FeedbackEvent::SearchToTicket { .. } => "searchToTicket",
            FeedbackEvent::FlowOutcome { .. } => "flowOutcome",
        }
    }

    /// The event's locale tag, as sent.
    pub fn locale(&self) -> &str {
        match self {
            FeedbackEvent::ArticleRated { locale, .. }
            | FeedbackEvent::SearchNoResults { locale, .. }
            | FeedbackEvent::SearchToTicket { locale, .. }
            | FeedbackEvent::FlowOutcome { locale, .. } => locale,
        }
    }
}

/// The body of `POST /api/v1/feedback`: 1 to 50 events ([`MAX_EVENTS`](super::MAX_EVENTS)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackBatch {
    /// The events, oldest first.
    pub events: Vec<FeedbackEvent>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn events_are_tagged_by_type_in_camel_case() {
        let e = FeedbackEvent::FlowOutcome {
            flow_id: "gpu-missing".into(),
            outcome: FlowOutcomeKind::Abandoned,
            step_id: "driver".into(),
            locale: "ja".into(),
        };
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(
            v,
            json!({ "type": "flowOutcome", "flowId": "gpu-missing", "outcome": "abandoned",
                    "stepId": "driver", "locale": "ja" })
        );
        assert_eq!(serde_json::from_value::<FeedbackEvent>(v).unwrap(), e);
        let r: FeedbackEvent = serde_json::from_value(
            json!({ "type": "articleRated", "articleId": "a", "helpful": true, "locale": "en" }),
        )
        .unwrap();
        assert_eq!(r.kind(), "articleRated");
        assert_eq!(r.locale(), "en");
        assert_eq!(
            FlowOutcomeKind::parse("escalated"),
            Some(FlowOutcomeKind::Escalated)
        );
        assert_eq!(FlowOutcomeKind::parse("Resolved"), None);
    }
}
