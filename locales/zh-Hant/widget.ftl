# Koban widget, Traditional Chinese.

launcher-label = 說明
panel-title = 說明
panel-close = 關閉說明
language-label = 語言
back = 返回
loading = 正在載入說明…
retry = 再試一次
error-network = 您似乎已離線。請檢查網路連線，然後再試一次。
error-server = 我們的系統發生問題。請稍後再試一次。
fallback-text = 說明面板無法載入。您仍可透過以下方式聯絡我們：

home-greeting = 有什麼可以幫您的嗎？
search-label = 搜尋說明
search-placeholder = 搜尋文章和指南
search-results = { $count } 筆結果
search-no-results = 找不到與「{ $query }」相關的結果
search-no-results-hint = 請試試其他關鍵字，或向熟悉的人請教。
search-ask-community = 向社群提問
contact-support = 聯絡支援團隊
suggested-title = 本頁推薦
categories-title = 依主題瀏覽
category-count = { $count } 篇文章
announcements-title = 公告
channels-title = 其他取得協助的方式
support-online = 支援團隊目前在線上
support-offline = 支援團隊目前不在線上
support-hours = 支援時間：您當地時間 { $open }–{ $close }，{ $days }

article-updated = 更新於 { $date }
article-fallback = 本文尚未提供您所用語言的版本，因此以原文顯示。
article-video = 觀看影片指南（{ $duration }）
article-related = 相關文章
article-helpful = 這篇文章有幫助嗎？
article-yes = 是
article-no = 否
article-thanks = 感謝您的意見回饋！
article-sorry = 很抱歉沒能幫上忙。我們的團隊可以協助查看。
article-not-found = 找不到這篇文章。

nudge-text = { $title }？查看解決方法
nudge-dismiss = 關閉建議

ticket-title = 聯絡支援團隊
ticket-required-note = 標有 * 的欄位為必填。
ticket-name = 您的姓名
ticket-email = 接收回覆的電子郵件地址
ticket-category = 主題
ticket-subject = 主旨
ticket-description = 描述問題
ticket-choose = 請選擇…
ticket-preview = 隨訊息傳送的資訊
ticket-preview-page = 頁面
ticket-preview-language = 語言
ticket-preview-version = 小工具版本
ticket-preview-browser = 瀏覽器
ticket-preview-context = 頁面詳細資料
ticket-transcript = 您已嘗試的疑難排解步驟
ticket-transcript-remove = 從訊息中移除這些步驟
ticket-transcript-keep = 重新附上這些步驟
ticket-send = 傳送訊息
ticket-sending = 正在傳送訊息…
ticket-discard = 捨棄草稿
ticket-queued-title = 訊息已儲存
ticket-queued = 已儲存，將在您恢復連線後傳送。
ticket-queued-subject = 主旨：{ $subject }
ticket-send-now = 立即嘗試傳送
ticket-cancel = 取消傳送
ticket-sent = 您的訊息已傳送。
ticket-sent-title = 訊息已傳送
ticket-reference = 您的參考編號：
ticket-back = 返回說明
ticket-error-fields = 請修正下方標示的欄位。
ticket-error-too-fast = 速度太快了！請檢查訊息內容後重新傳送。
ticket-error-too-large = 訊息過長，請縮短內容。
ticket-error-rejected = 無法受理您的訊息。請透過其他方式與我們聯絡。
ticket-error-required = 請填寫此欄位。
ticket-error-too-long = 請縮短至 { $max } 個字元以內。
ticket-error-email = 請輸入電子郵件地址，例如 name@example.com。
ticket-error-url = 請輸入以 https:// 開頭的網址。
ticket-error-number = 請輸入數字。
ticket-error-option = 請選擇其中一個選項。
ticket-error-invalid = 請檢查此欄位。
ticket-files = 附加檔案
ticket-files-help = 選填。{ $types }；每個檔案上限 { $size }，最多 { $count } 個檔案。
ticket-files-uploading = 正在上傳…
ticket-file-remove = 移除 { $name }
ticket-file-empty = 「{ $name }」是空白檔案。
ticket-file-too-large = 「{ $name }」超過 { $size }。
ticket-file-type = 無法附加「{ $name }」：僅支援 { $types } 檔案。
ticket-file-too-many = 未新增「{ $name }」：最多 { $count } 個檔案。
ticket-file-failed = 「{ $name }」上傳失敗，請再試一次。

flow-badge = 指南
flow-step = 步驟 { $number }
flow-back = 返回
flow-restart = 重新開始
flow-try-this = 試試這個方法
flow-worked = 問題已解決
flow-not-worked = 仍未解決
flow-checking = 正在檢查…
flow-continue = 繼續
flow-done = 返回說明
flow-resume = 從上次中斷處繼續
flow-not-found = 找不到這份指南。
flow-fallback = 本指南尚未提供您所用語言的版本，因此以原文顯示。

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = 我的請求
conversation-none = 您還沒有任何請求。
conversation-unread = { $count } 則未讀回覆
conversation-status = { $status ->
    [open] 等待支援團隊回覆
    [answered] 已回覆
    [solved] 已解決
   *[closed] 已關閉
}
conversation-status-changed = 狀態：{ $status }
conversation-entries = 對話
conversation-files = 附件
conversation-you = 您
conversation-support = 支援團隊
conversation-solve = 我的問題已解決
conversation-reply-label = 您的回覆
conversation-send = 傳送回覆
conversation-sending = 正在傳送您的回覆…
conversation-queued = 您已離線。您的回覆已儲存，將在您恢復連線後傳送。
conversation-failed = 您的回覆傳送失敗，請再試一次。
conversation-rate-question = 您對這次獲得的協助滿意嗎？
conversation-rate-good = 滿意
conversation-rate-bad = 不滿意
conversation-rate-pick = 請選擇「滿意」或「不滿意」。
conversation-rate-comment = 意見（選填）
conversation-rate-send = 送出評分
conversation-rate-later = 稍後再說
conversation-rate-change = 變更評分
conversation-rated-good = 您對這次的協助表示滿意。謝謝！
conversation-rated-bad = 您對這次的協助表示不滿意。感謝您告訴我們。
conversation-time-seconds = 剛剛
conversation-time-minutes = { $count } 分鐘前
conversation-time-hours = { $count } 小時前
conversation-time-days = { $count ->
    [1] 昨天
   *[other] { $count } 天前
}
conversation-time-weeks = { $count } 週前
conversation-time-months = { $count } 個月前
conversation-time-years = { $count } 年前
ticket-follow = 追蹤此請求

## Unread badge

launcher-unread = { $label }，{ $count } 則未讀回覆
