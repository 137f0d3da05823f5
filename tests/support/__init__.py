"""Test helpers: loopback servers for real data."""
