# Koban widget, English (the reference locale: every other locale has exactly these ids).

launcher-label = Help
panel-title = Help
panel-close = Close help
home-greeting = How can we help?
home-empty = Search the help center, follow a guided fix or write to support.
