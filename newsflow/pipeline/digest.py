"""Markdown reports for people (pure): the digest of what was stored lately, and a failing-feed alert."""

from __future__ import annotations

from collections.abc import Mapping

from newsflow.store.monitoring import StoredSince


def _cell(value: object) -> str:
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def digest_markdown(stored: StoredSince) -> str:
    """What the store received since ``stored.since``: topics, feeds, entities and the latest headlines."""
    lines = [f"# newsflow digest since {stored.since:%Y-%m-%d %H:%M} UTC", ""]
    if not stored.articles:
        return "\n".join([*lines, "Nothing new was stored."]) + "\n"
    lines.append(f"**{stored.articles} article(s)** stored or updated from {len(stored.by_feed)} feed(s).")
    lines += ["", "## Topics", "", "| topic | articles |", "|---|---|"]
    lines += [f"| {_cell(topic)} | {count} |" for topic, count in stored.by_topic]
    lines += ["", "## Feeds", "", "| feed | articles |", "|---|---|"]
    lines += [f"| {_cell(url)} | {count} |" for url, count in stored.by_feed]
    if stored.top_entities:
        lines += ["", "## Most-mentioned entities", "", "| entity | label | articles |", "|---|---|---|"]
        lines += [f"| {_cell(name)} | {label} | {count} |" for name, label, count in stored.top_entities]
    lines += ["", "## Latest headlines", ""]
    for item in stored.latest:
        title = f"[{_cell(item.title)}]({item.url})" if item.url else _cell(item.title)
        when = f"{item.published_at:%Y-%m-%d}" if item.published_at else "undated"
        lines.append(f"- {title} — {when}, {_cell(item.topic or 'no topic')}")
    return "\n".join(lines) + "\n"


def alert_markdown(health: Mapping[str, object], failures: int) -> str:
    """The alert a person sees when a feed keeps failing: what, since when, and what to do."""
    url = health.get("feed")
    return "\n".join(
        [
            f"# Feed failing: {url}",
            "",
            f"The feed failed **{failures} times** within the alert window "
            f"({health.get('failures_in_row')} failures in a row now).",
            "",
            "| | |",
            "|---|---|",
            f"| feed id | {_cell(health.get('id'))} |",
            f"| state | {_cell(health.get('state'))} |",
            f"| last error | `{_cell(health.get('error'))}` (HTTP {_cell(health.get('http'))}) |",
            f"| last success | {_cell(health.get('last_success') or 'never')} |",
            f"| next attempt | {_cell(health.get('next_due'))} |",
            "",
            "Check the URL in a browser; `newsflow feeds list` shows every subscription's health.",
        ]
    ) + "\n"
