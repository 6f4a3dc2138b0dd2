"""User accounts as the business unit manages them: list, create, edit and deactivate."""
