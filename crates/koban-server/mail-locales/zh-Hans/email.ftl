# Koban's email to a requester about an agent's reply, Simplified Chinese.
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = 请在此行上方输入您的回复
email-wrote = { $name } 写道：
email-quote = { $name } 于 { $date } 写道：
email-support = 支持团队
email-you = 您
email-attachments = 此回复的附件：{ $files }
email-reference = 参考编号：{ $reference }
email-link = 查看对话
email-link-line = 查看对话：{ $url }
email-footer = 您收到此邮件是因为您联系了支持团队。直接回复此邮件，您的回复将添加到对话中。
