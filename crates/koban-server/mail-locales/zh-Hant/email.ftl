# Koban's email to a requester about an agent's reply, Traditional Chinese.
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = 請在此行上方輸入您的回覆
email-wrote = { $name } 寫道：
email-quote = { $name } 於 { $date } 寫道：
email-support = 支援團隊
email-you = 您
email-attachments = 此回覆的附件：{ $files }
email-reference = 參考編號：{ $reference }
email-link = 查看對話
email-link-line = 查看對話：{ $url }
email-footer = 您收到此郵件是因為您聯絡了支援團隊。直接回覆此郵件，您的回覆將加入對話。
