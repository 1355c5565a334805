"""The service layer, calling the repository through every import form."""
import app.repository as repo
from app import save_user as save_from_package
from app.repository import validate_user

from . import repository
from .repository import UserRepository, save_user


async def register(user: dict, users: UserRepository) -> None:
    if not validate_user(user):
        return
    save_user(user)  # expect: no-unawaited-coroutine
    repo.save_user(user)  # expect: no-unawaited-coroutine
    repository.save_user(user)  # expect: no-unawaited-coroutine
    save_from_package(user)  # expect: no-unawaited-coroutine
    users.commit()  # expect: no-unawaited-coroutine
    users.describe()
    await save_user(user)
    await users.commit()


async def list_users(users: UserRepository) -> list:
    found = [user async for user in users.iter_all()]
    rows = users.iter_all()
    async for user in rows:
        found.append(user)
    return found


def register_sync(user: dict) -> None:
    save_user(user)  # expect: no-unawaited-coroutine
