"""Windows for one person: form, page, merge."""
