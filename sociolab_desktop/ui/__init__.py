"""The window layer (PySide6). Only this package and app.py import Qt."""
