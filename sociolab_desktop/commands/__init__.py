"""One module per sub-command of `sociolab-desktop`."""
