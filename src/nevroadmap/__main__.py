"""``python -m nevroadmap``."""

from nevroadmap.cli import main

raise SystemExit(main())
