"""Widgets: main window, timeline view, filter and details docks, dialogs."""
