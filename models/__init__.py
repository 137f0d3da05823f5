"""SQLModel tables of the newsflow store. Their schema changes only through Alembic migrations."""

from models.articles import Article, ArticleSource
from models.backfill import BackfillPartition
from models.entities import ArticleEntity, Entity, EntityMentionRow
from models.feeds import Feed
from models.fetches import FetchAttempt
from models.topics import ArticleTopic

__all__ = [
    "Article",
    "ArticleEntity",
    "ArticleSource",
    "ArticleTopic",
    "BackfillPartition",
    "Entity",
    "EntityMentionRow",
    "Feed",
    "FetchAttempt",
]
