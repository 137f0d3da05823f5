"""The lines that sign a news story off below its last paragraph: who else reported or edited it, how to reach
the writer, and the writer's short biography with a social-media handle.

They are the publisher's notes about the story, not the story: the public article-extraction benchmark's true
bodies leave them out ("(Reporting by Will Dunham; Editing by Tom Brown)" is kept on 1 of its 7 pages that carry
such a line). Only the closing run of a body is tested (``leftovers._trim_edge``), where a line like these cannot
be the story's own sentence.
"""

from __future__ import annotations

import re

# "Keith Bradsher contributed reporting from Hong Kong.", "Associated Press writers … contributed to this
# report.", "(Reporting by …; Editing by …)", "Additional reporting by …", "Writing by …"; lowercase, searched on
# the lowercased line. USA Today's "Contributing: Ann Lee" stays: the benchmark keeps it
_CONTRIBUTED_RE = re.compile(
    # at the line's end: not a sentence about money or work someone contributed
    r"\bcontributed (?:(?:reporting|research)(?: to this (?:report|story|article))?"
    r"|to this (?:report|story|article))(?: from [^.]{1,40})?\.?\)?$"
)
_REPORTED_BY_RE = re.compile(
    r"^(?P<paren>\()?(?P<additional>additional )?(?:with )?(?:reporting|writing|editing) by\b"
)
# How to reach the writer: "Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik.", "Reach the
# reporters on Twitter at http://twitter.com/…", "Contact Ann Lee at 555-0100 or ann@example.com"
_CONTACT_RE = re.compile(
    r"^(?:e-?mail|reach|contact|write to|follow)\b[^.!?]{0,80}?"
    r"(?:[\w.+-]@[\w-]+\.\w|\s@\w|\b(?:on|at) (?:twitter|x|facebook|instagram|linkedin|bluesky|threads)\b|"
    r"https?://)"
)
# A writer's biography that ends on where to follow them ("Mike Wall's book … is out now. Follow him on
# Twitter @michaelwall."), with the handle: not a story's last sentence ("… asked fans to follow her on Instagram,
# where she posts daily.")
_FOLLOW_WRITER_RE = re.compile(
    r"\bfollow (?:him|her|me|us)(?: on| at| via)? (?:(?:twitter|x|facebook|instagram|linkedin|bluesky|threads) )?@\w"
)
# A profile's address alone ("twitter.com/paultakahashi"; an e-mail address alone is leftovers' _EMAIL_LINE_RE)
_PROFILE_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin|threads)\.(?:com|net)/[\w./-]+$"
)
SIGN_OFF_MAX_WORDS = 60


def is_sign_off(text: str) -> bool:
    """A contributor credit, a contact line, a short biography ending on a handle, or a profile's address."""
    if len(text.split()) > SIGN_OFF_MAX_WORDS:
        return False
    lower = text.strip().lower()
    return bool(
        _CONTRIBUTED_RE.search(lower)
        or _is_reported_by(lower)
        or _CONTACT_RE.match(lower)
        or _FOLLOW_WRITER_RE.search(lower)
        or _PROFILE_RE.match(lower)
    )


def _is_reported_by(lower: str) -> bool:
    """A credit line ("(Reporting by …)", "Additional reporting by …", "Reporting by …; Editing by …"), not a
    sentence that opens the same way ("Reporting by the Times found that …"), which ends on a full stop and names
    no editor."""
    match = _REPORTED_BY_RE.match(lower)
    if not match:
        return False
    return (
        bool(match.group("paren") or match.group("additional"))
        or not lower.endswith(".") or ";" in lower or "editing by" in lower[match.end() :]
    )
