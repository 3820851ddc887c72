"""The door check-in window: search or scan, check in, walk-ins, live counters and undo."""
