# Koban's email to a requester about an agent's reply, Spanish.
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = Escribe tu respuesta encima de esta línea
email-wrote = { $name } escribió:
email-quote = El { $date }, { $name } escribió:
email-support = Soporte
email-you = Tú
email-attachments = Archivos adjuntos a esta respuesta: { $files }
email-reference = Referencia: { $reference }
email-link = Ver la conversación
email-link-line = Ver la conversación: { $url }
email-footer = Recibes este correo porque contactaste con soporte. Respóndelo y tu respuesta se añadirá a la conversación.
