"""Events and attendance: events with sessions, registrations, door check-in, signed sheets, certificates."""
