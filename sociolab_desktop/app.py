"""Composition root of the GUI (being written)."""
