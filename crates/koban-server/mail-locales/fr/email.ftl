# Koban's email to a requester about an agent's reply, French.
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = Veuillez écrire votre réponse au-dessus de cette ligne
email-wrote = { $name } a écrit :
email-quote = Le { $date }, { $name } a écrit :
email-support = Assistance
email-you = Vous
email-attachments = Fichiers joints à cette réponse : { $files }
email-reference = Référence : { $reference }
email-link = Voir la conversation
email-link-line = Voir la conversation : { $url }
email-footer = Vous recevez cet e-mail parce que vous avez contacté l’assistance. Répondez-y et votre réponse sera ajoutée à la conversation.
