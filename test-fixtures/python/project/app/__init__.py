"""The shop package: the repository's API is re-exported here."""
from .repository import UserRepository, save_user

__all__ = ["UserRepository", "save_user"]
