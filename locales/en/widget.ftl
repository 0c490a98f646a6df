# Koban widget, English (the reference locale: every other locale has exactly these ids).

launcher-label = Help
panel-title = Help
panel-close = Close help
language-label = Language
back = Back
loading = Loading help…
retry = Try again
error-network = You seem to be offline. Check your connection and try again.
error-server = Something went wrong on our side. Please try again in a moment.
fallback-text = The help panel could not load. You can still reach us here:

home-greeting = How can we help?
search-label = Search help
search-placeholder = Search articles and guides
search-results = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
search-no-results = No results for “{ $query }”
search-no-results-hint = Try other words, or ask people who know.
search-ask-community = Ask the community
contact-support = Contact support
suggested-title = Suggested for this page
categories-title = Browse by topic
category-count = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
announcements-title = Announcements
channels-title = Other ways to get help
support-online = Support is online now
support-offline = Support is offline right now
support-hours = Support hours: { $open }–{ $close } your time, { $days }

article-updated = Updated { $date }
article-fallback = This article is not available in your language yet, so it is shown in the original language.
article-video = Watch the video guide ({ $duration })
article-related = Related articles
article-helpful = Was this helpful?
article-yes = Yes
article-no = No
article-thanks = Thanks for your feedback!
article-sorry = Sorry this did not help. Our team can take a look.
article-not-found = This article could not be found.

nudge-text = { $title }? See how to fix it
nudge-dismiss = Dismiss suggestion

ticket-title = Contact support
ticket-required-note = Fields marked * are required.
ticket-name = Your name
ticket-email = Email address for our reply
ticket-category = Topic
ticket-subject = Subject
ticket-description = Describe the problem
ticket-choose = Choose…
ticket-preview = What is sent with your message
ticket-preview-page = Page
ticket-preview-language = Language
ticket-preview-version = Widget version
ticket-preview-browser = Browser
ticket-preview-context = Page details
ticket-transcript = Troubleshooting steps you took
ticket-transcript-remove = Remove the steps from the message
ticket-transcript-keep = Include the steps again
ticket-send = Send message
ticket-sending = Sending your message…
ticket-discard = Discard draft
ticket-queued-title = Message saved
ticket-queued = Saved — will be sent when you're back online.
ticket-queued-subject = Subject: { $subject }
ticket-send-now = Try sending now
ticket-cancel = Cancel sending
ticket-sent = Your message was sent.
ticket-sent-title = Message sent
ticket-reference = Your reference:
ticket-back = Back to help
ticket-error-fields = Please correct the fields marked below.
ticket-error-too-fast = That was quick! Please check your message and send it again.
ticket-error-too-large = The message is too large. Please shorten it.
ticket-error-rejected = Your message could not be accepted. Please contact us another way.
ticket-error-required = Please fill this in.
ticket-error-too-long = Please shorten this to { $max } characters or fewer.
ticket-error-email = Please enter an email address like name@example.com.
ticket-error-url = Please enter a web address starting with https://.
ticket-error-number = Please enter a number.
ticket-error-option = Please choose one of the options.
ticket-error-invalid = Please check this field.
ticket-files = Attach files
ticket-files-help = { $count ->
    [one] Optional. { $types }; up to { $size }, one file.
   *[other] Optional. { $types }; up to { $size } each, { $count } files at most.
}
ticket-files-uploading = Uploading…
ticket-file-remove = Remove { $name }
ticket-file-empty = “{ $name }” is empty.
ticket-file-too-large = “{ $name }” is larger than { $size }.
ticket-file-type = “{ $name }” cannot be attached: only { $types } files.
ticket-file-too-many = { $count ->
    [one] “{ $name }” was not added: one file at most.
   *[other] “{ $name }” was not added: { $count } files at most.
}
ticket-file-failed = “{ $name }” could not be uploaded. Please try again.

flow-badge = Guide
flow-step = Step { $number }
flow-back = Back
flow-restart = Start over
flow-try-this = Try this
flow-worked = This worked
flow-not-worked = Still not working
flow-checking = Checking…
flow-continue = Continue
flow-done = Back to help
flow-resume = Continue where you left off
flow-not-found = This guide could not be found.
flow-fallback = This guide is not available in your language yet, so it is shown in the original language.

## Unread badge

# The launcher's accessible name while replies are unread: { $label } is its visible text ("Help", or the host's own label).
launcher-unread = { $count ->
    [one] { $label }, { $count } unread reply
   *[other] { $label }, { $count } unread replies
}

## Conversations: "Your requests", a request's thread, the reply box and the rating.
## All of them are the desk build's (the first download hands over when requests are followed).
conversation-requests-title = Your requests
conversation-none = You have no requests yet.
conversation-unread = { $count ->
    [one] { $count } unread reply
   *[other] { $count } unread replies
}
conversation-status = { $status ->
    [open] Waiting for support
    [answered] Answered
    [solved] Solved
   *[closed] Closed
}
conversation-status-changed = Status: { $status }
conversation-entries = Conversation
conversation-files = Attached files
conversation-you = You
conversation-support = Support
conversation-solve = This solved my problem
conversation-reply-label = Your reply
conversation-send = Send reply
conversation-sending = Sending your reply…
conversation-queued = You are offline. Your reply is saved and will be sent when you are back online.
conversation-failed = Your reply could not be sent. Please try again.
conversation-rate-question = How was the help you got?
conversation-rate-good = Good
conversation-rate-bad = Bad
conversation-rate-pick = Choose good or bad.
conversation-rate-comment = Comment (optional)
conversation-rate-send = Send rating
conversation-rate-later = Not now
conversation-rate-change = Change your rating
conversation-rated-good = You rated the help good. Thank you!
conversation-rated-bad = You rated the help bad. Thank you for telling us.
conversation-time-seconds = just now
conversation-time-minutes = { $count ->
    [one] { $count } minute ago
   *[other] { $count } minutes ago
}
conversation-time-hours = { $count ->
    [one] { $count } hour ago
   *[other] { $count } hours ago
}
conversation-time-days = { $count ->
    [one] yesterday
   *[other] { $count } days ago
}
conversation-time-weeks = { $count ->
    [one] { $count } week ago
   *[other] { $count } weeks ago
}
conversation-time-months = { $count ->
    [one] { $count } month ago
   *[other] { $count } months ago
}
conversation-time-years = { $count ->
    [one] { $count } year ago
   *[other] { $count } years ago
}
ticket-follow = Follow this request
