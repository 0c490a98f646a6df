# Koban's email to a requester about an agent's reply, English (the reference locale: every other locale has exactly these ids and variables).
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

# The subject. Keep "Re:" (RFC 5322's reply prefix, which every mail client threads on) and the bracketed reference.
email-subject = Re: [{ $reference }] { $subject }
# The first line, between "##-" and "-##": replies by email keep what is written above it.
email-reply-above = Please type your reply above this line
# Above the agent's reply; $name is the agent's display name (or email-support).
email-wrote = { $name } wrote:
# Above the quoted message the reply answers; $date is like 2026-12-08 09:30 UTC, $name the author.
email-quote = On { $date }, { $name } wrote:
# The agent's name when they gave none.
email-support = Support
# The requester's name when the ticket has none.
email-you = You
# $files: the file names, comma-separated (the files are in the conversation, not in the email).
email-attachments = Files attached to this reply: { $files }
email-reference = Reference: { $reference }
# The text of the link to the conversation (HTML part).
email-link = View the conversation
# The link to the conversation in the plain-text part.
email-link-line = View the conversation: { $url }
# The last paragraph.
email-footer = You get this email because you contacted support. Reply to it and your answer is added to the conversation.
