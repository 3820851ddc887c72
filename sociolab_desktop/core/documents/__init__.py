"""Printed documents: pure functions of plain data and a Translator that return PDF bytes.

Nothing is imported here, so that `import ...documents.consent_form` for its data class stays
cheap; ReportLab loads when a document is built (base.py, styles.py, fonts.py).
"""
