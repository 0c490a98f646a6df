# Koban's email to a requester about an agent's reply, Hebrew (right to left).
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = נא לכתוב את התשובה מעל שורה זו
email-wrote = { $name } כתב/ה:
email-quote = ב-{ $date }, { $name } כתב/ה:
email-support = תמיכה
email-you = את/ה
email-attachments = קבצים שצורפו לתשובה זו: { $files }
email-reference = מספר הפנייה: { $reference }
email-link = הצגת השיחה
email-link-line = הצגת השיחה: { $url }
email-footer = קיבלת הודעה זו כי פנית לתמיכה. אפשר להשיב עליה, והתשובה תתווסף לשיחה.
