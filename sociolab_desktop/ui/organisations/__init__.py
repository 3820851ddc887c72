"""The Organisations area: list, form, one organisation's window with its people and timeline."""
