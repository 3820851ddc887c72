"""The Reports area: indicators against their targets, the records behind each number, ESF data."""
