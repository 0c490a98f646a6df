# Koban's email to a requester about an agent's reply, German.
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = Bitte schreib deine Antwort über diese Zeile
email-wrote = { $name } schrieb:
email-quote = Am { $date } schrieb { $name }:
email-support = Support
email-you = Du
email-attachments = An diese Antwort angehängte Dateien: { $files }
email-reference = Referenznummer: { $reference }
email-link = Unterhaltung ansehen
email-link-line = Unterhaltung ansehen: { $url }
email-footer = Du bekommst diese E-Mail, weil du den Support kontaktiert hast. Antworte einfach darauf, dann wird deine Antwort zur Unterhaltung hinzugefügt.
