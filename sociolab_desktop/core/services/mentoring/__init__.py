"""Mentoring: coaching sessions, diagnostics and development plans, the support programme, outcomes,
the counts the indicators report, and the data of the signed mentoring records."""
