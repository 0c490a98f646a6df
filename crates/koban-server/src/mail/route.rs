//! Which ticket a mail is for.
//!
//! The reply address `<reply_local>+<token>@<reply_domain>` names a ticket
//! ([`super::token`]). The address is the envelope recipient (`--recipient`, what the MTA
//! delivers to: authoritative, so nothing else is looked at), else the MTA's `Delivered-To`
//! (the topmost one: the MTA prepends it), else the `To`/`Cc` addresses at `reply_domain`, which
//! must name one ticket. Without a valid address, the ids of Koban's own mails (`obx_…`) in
//! `In-Reply-To`, then in `References`, must lead to exactly one ticket (a reply to the team's
//! mail, or a client that drops the `+token`). Anything else is an unknown recipient.

use mail_parser::Message;

use super::MailConfig;
use super::parse::{outbox_ids, raw_values};
use crate::store::tickets::TicketRecord;
use crate::store::{Store, StoreError};

/// The ticket `message` is for, if any (see the module doc).
pub async fn ticket(
    store: &Store,
    mail: &MailConfig,
    message: &Message<'_>,
    recipient: Option<&str>,
) -> Result<Option<TicketRecord>, StoreError> {
    if let Some(reference) = addressed(mail, message, recipient) {
        return store.ticket(&reference).await;
    }
    for ids in [
        outbox_ids(message.in_reply_to()),
        outbox_ids(message.references()),
    ] {
        if let [ticket_id] = store.tickets_of_outbox(&ids).await?.as_slice() {
            return store.ticket_by_id(ticket_id).await;
        }
    }
    Ok(None)
}

/// The ticket reference the mail's reply address names, if any.
fn addressed(mail: &MailConfig, message: &Message<'_>, recipient: Option<&str>) -> Option<String> {
    let bare = |a: &str| {
        a.trim()
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_string()
    };
    if let Some(recipient) = recipient.filter(|r| !r.trim().is_empty()) {
        return mail.reference_of(&bare(recipient));
    }
    if let Some(delivered) = raw_values(message, "Delivered-To").next() {
        return mail.reference_of(&bare(&delivered));
    }
    let mut found: Vec<String> = Vec::new();
    for address in message
        .all_to()
        .chain(message.all_cc())
        .flat_map(|a| a.iter())
        .filter_map(|a| a.address())
    {
        if let Some(reference) = mail.reference_of(address)
            && !found.contains(&reference)
        {
            found.push(reference);
        }
    }
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::parse::parse;

    fn config() -> MailConfig {
        crate::config::Config {
            reply_domain: "reply.test".into(),
            reply_secret: "0123456789abcdef0123456789abcdef".into(),
            ..Default::default()
        }
        .mail()
        .unwrap()
    }

    #[test]
    fn the_envelope_then_delivered_to_then_to_and_cc() {
        let mail = config();
        let a = mail.reply_address("KB-7F3K-92QD");
        let b = mail.reply_address("KB-AAAA-BBBB");
        let raw = |headers: String| format!("{headers}From: x@y.test\r\n\r\nhi\r\n");
        let m = raw(format!("To: Support <{a}>\r\nCc: someone@else.test\r\n"));
        let m = parse(m.as_bytes()).unwrap();
        assert_eq!(addressed(&mail, &m, None).as_deref(), Some("KB-7F3K-92QD"));
        // The envelope wins, even when it names nothing.
        assert_eq!(
            addressed(&mail, &m, Some(&b)).as_deref(),
            Some("KB-AAAA-BBBB")
        );
        assert_eq!(addressed(&mail, &m, Some("support@reply.test")), None);
        assert_eq!(
            addressed(&mail, &m, Some("")).as_deref(),
            Some("KB-7F3K-92QD")
        );
        let m = raw(format!(
            "Delivered-To: {b}\r\nDelivered-To: {a}\r\nTo: {a}\r\n"
        ));
        let m = parse(m.as_bytes()).unwrap();
        assert_eq!(addressed(&mail, &m, None).as_deref(), Some("KB-AAAA-BBBB"));
        // Two tickets in To/Cc: neither.
        let m = raw(format!("To: {a}\r\nCc: {b}\r\n"));
        assert_eq!(addressed(&mail, &parse(m.as_bytes()).unwrap(), None), None);
        let m = raw(format!("To: {a}, {a}\r\n"));
        assert!(addressed(&mail, &parse(m.as_bytes()).unwrap(), None).is_some());
    }
}
