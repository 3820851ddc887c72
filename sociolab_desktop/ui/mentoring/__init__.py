"""Windows of the Mentoring area: sessions, assessments, the support programme and its outcomes."""
