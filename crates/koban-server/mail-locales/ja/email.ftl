# Koban's email to a requester about an agent's reply, Japanese.
# Compiled by crates/koban-server/src/mail/i18n.rs; not the widget's strings (those are in locales/).

email-subject = Re: [{ $reference }] { $subject }
email-reply-above = この行より上に返信を入力してください
email-wrote = { $name } からの返信：
email-quote = { $date }、{ $name } のメッセージ：
email-support = サポート
email-you = あなた
email-attachments = この返信の添付ファイル：{ $files }
email-reference = 受付番号：{ $reference }
email-link = やり取りを表示
email-link-line = やり取りを表示：{ $url }
email-footer = サポートへのお問い合わせについてお送りしています。このメールに返信すると、やり取りに追加されます。
