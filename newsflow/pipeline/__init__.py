"""The pipeline's steps as plain functions (no Prefect): each combines a resource with the pure stages.

Prefect tasks in the top-level ``tasks`` package are thin wrappers around these, so every step can be run
and tested without the engine.
"""
