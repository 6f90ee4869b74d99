"""Qt rendering without widgets: timeline graphics items and the image exporter."""

from nevroadmap.render._workarounds import protect_none

protect_none()
