"""The Sync area: state of the exchange through the share, conflicts to review, automatic rounds."""
