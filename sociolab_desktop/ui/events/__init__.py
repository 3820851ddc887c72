"""The Events area: events with sessions, registrations, signed sheets, attendance sheets and certificates."""
