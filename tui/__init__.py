"""The Textual app and the click CLI of stakeholders. Reaches data only through `db`."""
