"""The HTTP API and the dashboard (`sitroom serve`)."""
