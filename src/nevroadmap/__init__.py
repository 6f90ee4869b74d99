"""NEV Roadmap: a zoomable timeline of new-energy-vehicle technology claims.

This module holds the version only and stays free of Qt, so ``import nevroadmap``
is fast and safe in headless tools.
"""

__version__ = "0.1.0"
