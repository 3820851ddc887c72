"""Building blocks every form and dialog uses: error lines under fields, date fields, Save and
Cancel in our own words, and the window-modal questions a form asks."""
