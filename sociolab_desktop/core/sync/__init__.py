"""Offline-first sync through the lead partner's shared folder (see DESIGN.md, "Sync")."""
