"""`python -m sociolab_desktop` runs the same entry point as `sociolab-desktop`."""

import sys

from sociolab_desktop.cli import main

sys.exit(main())
