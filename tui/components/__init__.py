"""Widgets of the app's main screen."""
