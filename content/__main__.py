"""Entry point for `python -m content`."""

from content.check import main

raise SystemExit(main())
