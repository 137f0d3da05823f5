"""Article extraction (pure): main text, metadata with provenance, sanitised HTML, paywall/bot-wall status.

Values in, values out: no network, no database. ``extract_article`` reads a fetched page (and optionally its
feed entry); ``extract_text`` gives only its title and main text, by the same steps; ``article_from_feed`` makes
do with the feed entry alone; ``clean_feed_html`` turns a feed's HTML content or summary into plain text.
"""

from newsflow.extract.article import EXTRACTOR_VERSION, article_from_feed, extract_article, extract_text
from newsflow.extract.feedhtml import clean_feed_html

__all__ = ["EXTRACTOR_VERSION", "article_from_feed", "clean_feed_html", "extract_article", "extract_text"]
