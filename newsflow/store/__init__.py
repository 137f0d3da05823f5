"""The store (resource ring): plain functions over a SQLModel session, one module per table group."""
