"""Qt rendering without widgets: timeline graphics items and the image exporter."""
