# Koban widget, English (the reference locale: every other locale has exactly these ids).

launcher-label = Help
panel-title = Help
panel-close = Close help
back = Back
loading = Loading help…
retry = Try again
error-network = You seem to be offline. Check your connection and try again.
error-server = Something went wrong on our side. Please try again in a moment.

home-greeting = How can we help?
search-label = Search help
search-placeholder = Search articles and guides
search-results = { $count } results
search-no-results = No results for “{ $query }”
search-no-results-hint = Try other words, or ask people who know.
search-ask-community = Ask the community
contact-support = Contact support
suggested-title = Suggested for this page
categories-title = Browse by topic
category-count = { $count } articles
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
