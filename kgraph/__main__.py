"""``python -m kgraph`` = the ``kgraph`` command."""

import sys

from .cli import main

sys.exit(main())
