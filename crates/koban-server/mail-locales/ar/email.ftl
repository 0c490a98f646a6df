# Koban's email to a requester about an agent's reply, Arabic (right to left).
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = يُرجى كتابة ردك فوق هذا السطر
email-wrote = كتب { $name }:
email-quote = في { $date }، كتب { $name }:
email-support = الدعم
email-you = أنت
email-attachments = الملفات المرفقة بهذا الرد: { $files }
email-reference = الرقم المرجعي: { $reference }
email-link = عرض المحادثة
email-link-line = عرض المحادثة: { $url }
email-footer = وصلتك هذه الرسالة لأنك تواصلت مع الدعم. ردّ عليها وستُضاف إجابتك إلى المحادثة.
