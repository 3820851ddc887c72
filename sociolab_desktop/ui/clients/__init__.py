"""The Clients area: the list of persons, searched and filtered."""
