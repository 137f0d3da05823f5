"""The feed alert as a person receives it: an artifact, and a message through a Prefect notification block
(a custom webhook block aimed at a loopback server standing in for Slack)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.orchestration.conftest import PrefectServer, api

pytestmark = [pytest.mark.prefect]


def test_the_alert_goes_through_the_named_notification_block(
    prefect_here: PrefectServer, sqlite_store: str, httpserver: Any
) -> None:
    from prefect.blocks.notifications import CustomWebhookNotificationBlock

    from flows.alerts import feed_alert_flow
    from newsflow.resources.db import session_scope
    from newsflow.store.feeds import subscribe

    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    CustomWebhookNotificationBlock(
        name="newsroom", url=httpserver.url_for("/hook"), json_data={"subject": "{{subject}}", "text": "{{body}}"}
    ).save("newsflow-test-newsroom", overwrite=True)
    with session_scope() as session:
        feed, _ = subscribe(session, "https://news.example/feed.xml")

    health = feed_alert_flow(
        f"newsflow.feed.{feed.id}", failures=3, notify_block="custom-webhook/newsflow-test-newsroom"
    )
    assert health["feed"] == "https://news.example/feed.xml" and health["state"] == "new"

    (request, _), = httpserver.log
    sent = json.loads(request.data)
    assert sent["subject"] == "newsflow: feed failing: https://news.example/feed.xml"
    assert sent["text"].startswith("# Feed failing: https://news.example/feed.xml")
    found = api(prefect_here, "POST", "/artifacts/filter", {"artifacts": {"key": {"any_": ["feed-alert"]}}})
    assert any("https://news.example/feed.xml" in artifact["data"] for artifact in found)
