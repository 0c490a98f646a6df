# Koban widget, Japanese.

launcher-label = ヘルプ
panel-title = ヘルプ
panel-close = ヘルプを閉じる
language-label = 言語
back = 戻る
loading = ヘルプを読み込んでいます…
retry = 再試行
error-network = オフラインになっているようです。接続を確認して、もう一度お試しください。
error-server = システムで問題が発生しました。しばらくしてからもう一度お試しください。
fallback-text = ヘルプパネルを読み込めませんでした。次の方法でお問い合わせいただけます：

home-greeting = どのようなことでお困りですか？
search-label = ヘルプを検索
search-placeholder = 記事やガイドを検索
search-results = { $count }件の結果
search-no-results = 「{ $query }」に一致する結果はありません
search-no-results-hint = 別のキーワードで検索するか、詳しい人に質問してみてください。
search-ask-community = コミュニティに質問
contact-support = サポートに問い合わせる
suggested-title = このページのおすすめ
categories-title = トピックから探す
category-count = { $count }件の記事
announcements-title = お知らせ
channels-title = その他のサポート方法
support-online = サポートは現在対応中です
support-offline = サポートは現在対応時間外です
support-hours = サポート対応時間：{ $open }〜{ $close }（現地時間）、{ $days }

article-updated = 更新日：{ $date }
article-fallback = この記事はお使いの言語にまだ対応していないため、原文で表示しています。
article-video = 動画ガイドを見る（{ $duration }）
article-related = 関連記事
article-helpful = この記事は役に立ちましたか？
article-yes = はい
article-no = いいえ
article-thanks = フィードバックをありがとうございます！
article-sorry = お役に立てず申し訳ありません。サポートチームに確認を依頼できます。
article-not-found = この記事は見つかりませんでした。

nudge-text = { $title }？解決方法を見る
nudge-dismiss = 提案を閉じる

ticket-title = サポートへのお問い合わせ
ticket-required-note = *の付いた項目は必須です。
ticket-name = お名前
ticket-email = 返信先のメールアドレス
ticket-category = トピック
ticket-subject = 件名
ticket-description = 問題の内容
ticket-choose = 選択してください…
ticket-preview = メッセージと一緒に送信される情報
ticket-preview-page = ページ
ticket-preview-language = 言語
ticket-preview-version = ウィジェットのバージョン
ticket-preview-browser = ブラウザ
ticket-preview-context = ページの詳細
ticket-transcript = 実施したトラブルシューティングの手順
ticket-transcript-remove = 手順をメッセージから削除
ticket-transcript-keep = 手順を再度含める
ticket-send = 送信
ticket-sending = メッセージを送信しています…
ticket-discard = 下書きを破棄
ticket-queued-title = メッセージを保存しました
ticket-queued = 保存しました。オンラインに戻ったら送信されます。
ticket-queued-subject = 件名：{ $subject }
ticket-send-now = 今すぐ送信
ticket-cancel = 送信をキャンセル
ticket-sent = メッセージを送信しました。
ticket-sent-title = 送信完了
ticket-reference = 受付番号：
ticket-back = ヘルプに戻る
ticket-error-fields = 以下の項目を修正してください。
ticket-error-too-fast = 送信が早すぎます。メッセージを確認してから、もう一度送信してください。
ticket-error-too-large = メッセージが大きすぎます。短くしてください。
ticket-error-rejected = メッセージを受け付けられませんでした。別の方法でお問い合わせください。
ticket-error-required = この項目を入力してください。
ticket-error-too-long = { $max }文字以内で入力してください。
ticket-error-email = name@example.comのような形式でメールアドレスを入力してください。
ticket-error-url = https://で始まるウェブアドレスを入力してください。
ticket-error-number = 数値を入力してください。
ticket-error-option = いずれかのオプションを選択してください。
ticket-error-invalid = この項目を確認してください。
ticket-files = ファイルを添付
ticket-files-help = 任意。{ $types }、1ファイルあたり最大{ $size }、{ $count }ファイルまで。
ticket-files-uploading = アップロードしています…
ticket-file-remove = { $name }を削除
ticket-file-empty = 「{ $name }」は空です。
ticket-file-too-large = 「{ $name }」は{ $size }を超えています。
ticket-file-type = 「{ $name }」は添付できません。添付できるのは{ $types }ファイルのみです。
ticket-file-too-many = 「{ $name }」は追加されませんでした。添付できるのは{ $count }ファイルまでです。
ticket-file-failed = 「{ $name }」をアップロードできませんでした。もう一度お試しください。

flow-badge = ガイド
flow-step = ステップ{ $number }
flow-back = 戻る
flow-restart = 最初からやり直す
flow-try-this = こちらをお試しください
flow-worked = 解決しました
flow-not-worked = まだ解決しません
flow-checking = 確認しています…
flow-continue = 続行
flow-done = ヘルプに戻る
flow-resume = 前回の続きから再開
flow-not-found = このガイドは見つかりませんでした。
flow-fallback = このガイドはお使いの言語にまだ対応していないため、原文で表示しています。

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = お問い合わせ履歴
conversation-none = お問い合わせはまだありません。
conversation-unread = 未読の返信{ $count }件
conversation-status = { $status ->
    [open] サポートの対応待ち
    [answered] 回答済み
    [solved] 解決済み
   *[closed] 終了
}
conversation-status-changed = ステータス：{ $status }
conversation-entries = やり取り
conversation-files = 添付ファイル
conversation-you = あなた
conversation-support = サポート
conversation-solve = これで解決しました
conversation-reply-label = 返信内容
conversation-send = 返信を送信
conversation-sending = 返信を送信しています…
conversation-queued = オフラインです。返信は保存され、オンラインに戻ったら送信されます。
conversation-failed = 返信を送信できませんでした。もう一度お試しください。
conversation-rate-question = サポートの対応はいかがでしたか？
conversation-rate-good = 良い
conversation-rate-bad = 悪い
conversation-rate-pick = 「良い」または「悪い」を選択してください。
conversation-rate-comment = コメント（任意）
conversation-rate-send = 評価を送信
conversation-rate-later = 後で
conversation-rate-change = 評価を変更
conversation-rated-good = 「良い」と評価しました。ありがとうございます！
conversation-rated-bad = 「悪い」と評価しました。ご意見をお寄せいただきありがとうございます。
conversation-time-seconds = たった今
conversation-time-minutes = { $count }分前
conversation-time-hours = { $count }時間前
conversation-time-days = { $count ->
    [1] 昨日
   *[other] { $count }日前
}
conversation-time-weeks = { $count }週間前
conversation-time-months = { $count }か月前
conversation-time-years = { $count }年前
ticket-follow = このお問い合わせをフォロー

## Unread badge

launcher-unread = { $label }、未読の返信 { $count } 件
