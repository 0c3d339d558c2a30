"""Modal screens (dialogs that return a value) of the app."""
