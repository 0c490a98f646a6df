# Koban widget, Simplified Chinese.

launcher-label = 帮助
panel-title = 帮助
panel-close = 关闭帮助
language-label = 语言
back = 返回
loading = 正在加载帮助…
retry = 重试
error-network = 您似乎已离线。请检查网络连接，然后重试。
error-server = 我们的系统出现问题。请稍后重试。
fallback-text = 帮助面板无法加载。您仍可以通过以下方式联系我们：

home-greeting = 有什么可以帮您？
search-label = 搜索帮助
search-placeholder = 搜索文章和指南
search-results = { $count } 个结果
search-no-results = 未找到与“{ $query }”相关的结果
search-no-results-hint = 试试其他关键词，或向有经验的人请教。
search-ask-community = 向社区提问
contact-support = 联系支持团队
suggested-title = 本页推荐
categories-title = 按主题浏览
category-count = { $count } 篇文章
announcements-title = 公告
channels-title = 其他获取帮助的方式
support-online = 支持团队当前在线
support-offline = 支持团队当前不在线
support-hours = 支持时间：您当地时间 { $open }–{ $close }，{ $days }

article-updated = 更新于 { $date }
article-fallback = 本文暂无您所用语言的版本，因此以原文显示。
article-video = 观看视频指南（{ $duration }）
article-related = 相关文章
article-helpful = 这篇文章对您有帮助吗？
article-yes = 是
article-no = 否
article-thanks = 感谢您的反馈！
article-sorry = 很抱歉没能帮到您。我们的团队可以帮您查看。
article-not-found = 找不到这篇文章。

nudge-text = { $title }？查看解决方法
nudge-dismiss = 关闭建议

ticket-title = 联系支持团队
ticket-required-note = 标有 * 的字段为必填项。
ticket-name = 您的姓名
ticket-email = 用于接收回复的电子邮件地址
ticket-category = 主题
ticket-subject = 标题
ticket-description = 描述问题
ticket-choose = 请选择…
ticket-preview = 随消息发送的信息
ticket-preview-page = 页面
ticket-preview-language = 语言
ticket-preview-version = 小组件版本
ticket-preview-browser = 浏览器
ticket-preview-context = 页面详情
ticket-transcript = 您已尝试的排查步骤
ticket-transcript-remove = 从消息中移除这些步骤
ticket-transcript-keep = 重新附上这些步骤
ticket-send = 发送消息
ticket-sending = 正在发送消息…
ticket-discard = 舍弃草稿
ticket-queued-title = 消息已保存
ticket-queued = 已保存，将在您恢复联网后发送。
ticket-queued-subject = 标题：{ $subject }
ticket-send-now = 立即尝试发送
ticket-cancel = 取消发送
ticket-sent = 您的消息已发送。
ticket-sent-title = 消息已发送
ticket-reference = 您的参考编号：
ticket-back = 返回帮助
ticket-error-fields = 请更正下方标出的字段。
ticket-error-too-fast = 操作过快！请检查消息内容后重新发送。
ticket-error-too-large = 消息过长，请精简内容。
ticket-error-rejected = 无法受理您的消息。请通过其他方式联系我们。
ticket-error-required = 请填写此项。
ticket-error-too-long = 请缩短至 { $max } 个字符以内。
ticket-error-email = 请输入电子邮件地址，例如 name@example.com。
ticket-error-url = 请输入以 https:// 开头的网址。
ticket-error-number = 请输入数字。
ticket-error-option = 请选择其中一个选项。
ticket-error-invalid = 请检查此字段。
ticket-files = 添加附件
ticket-files-help = 可选。{ $types }；每个文件不超过 { $size }，最多 { $count } 个文件。
ticket-files-uploading = 正在上传…
ticket-file-remove = 移除 { $name }
ticket-file-empty = “{ $name }”是空文件。
ticket-file-too-large = “{ $name }”超过 { $size }。
ticket-file-type = 无法附加“{ $name }”：仅支持 { $types } 文件。
ticket-file-too-many = 未添加“{ $name }”：最多 { $count } 个文件。
ticket-file-failed = “{ $name }”上传失败，请重试。

flow-badge = 指南
flow-step = 第 { $number } 步
flow-back = 返回
flow-restart = 重新开始
flow-try-this = 试试这个方法
flow-worked = 问题已解决
flow-not-worked = 仍未解决
flow-checking = 正在检查…
flow-continue = 继续
flow-done = 返回帮助
flow-resume = 从上次中断处继续
flow-not-found = 找不到此指南。
flow-fallback = 本指南暂无您所用语言的版本，因此以原文显示。

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = 我的请求
conversation-none = 您还没有任何请求。
conversation-unread = { $count } 条未读回复
conversation-status = { $status ->
    [open] 等待支持团队回复
    [answered] 已回复
    [solved] 已解决
   *[closed] 已关闭
}
conversation-status-changed = 状态：{ $status }
conversation-entries = 对话
conversation-files = 附件
conversation-you = 您
conversation-support = 支持团队
conversation-solve = 我的问题已解决
conversation-reply-label = 您的回复
conversation-send = 发送回复
conversation-sending = 正在发送您的回复…
conversation-queued = 您已离线。您的回复已保存，将在您恢复联网后发送。
conversation-failed = 您的回复发送失败，请重试。
conversation-rate-question = 您对这次获得的帮助满意吗？
conversation-rate-good = 满意
conversation-rate-bad = 不满意
conversation-rate-pick = 请选择“满意”或“不满意”。
conversation-rate-comment = 评论（可选）
conversation-rate-send = 提交评价
conversation-rate-later = 稍后再说
conversation-rate-change = 更改评价
conversation-rated-good = 您对这次的帮助表示满意。谢谢！
conversation-rated-bad = 您对这次的帮助表示不满意。感谢您告诉我们。
conversation-time-seconds = 刚刚
conversation-time-minutes = { $count } 分钟前
conversation-time-hours = { $count } 小时前
conversation-time-days = { $count ->
    [1] 昨天
   *[other] { $count } 天前
}
conversation-time-weeks = { $count } 周前
conversation-time-months = { $count } 个月前
conversation-time-years = { $count } 年前
ticket-follow = 关注此请求

## Unread badge

launcher-unread = { $label }，{ $count } 条未读回复
