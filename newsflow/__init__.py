"""newsflow: an event-driven news ingestion pipeline on Prefect 3.

The package is cut into three rings:

* pure logic (``newsflow.parse``, ``newsflow.identity``, ``newsflow.extract``, ``newsflow.topics``,
  ``newsflow.entities``): values in, values out; no Prefect, no HTTP, no database;
* resources (``newsflow.resources``, ``newsflow.store``, ``newsflow.settings``): the HTTP client, database
  sessions and settings;
* the Prefect tasks and flows (top-level ``tasks`` and ``flows`` packages) that wire the two.
"""

__version__ = "0.1.0"
