# Koban's email to a requester about an agent's reply, Russian.
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = Пожалуйста, напишите ответ над этой строкой
email-wrote = { $name } пишет:
email-quote = { $date }, { $name } пишет:
email-support = Поддержка
email-you = Вы
email-attachments = Файлы, прикреплённые к ответу: { $files }
email-reference = Номер обращения: { $reference }
email-link = Открыть переписку
email-link-line = Открыть переписку: { $url }
email-footer = Вы получили это письмо, потому что обратились в поддержку. Ответьте на него, и ваш ответ будет добавлен в переписку.
