"""A small async service that still does some of its I/O the blocking way."""
import asyncio
import json
import os
import shutil
import socket
import subprocess
import urllib.request
from pathlib import Path

import aiofiles
import httpx
import requests
from requests import get as http_get

DATA_DIR = Path(__file__).parent / "data"
CONFIG = json.loads(open("config.json").read())  # module level: start-up, not on the loop


async def fetch_profile(user_id: int) -> dict:
    response = requests.get(f"https://api.example.com/users/{user_id}", timeout=5)  # expect: no-blocking-call
    return response.json()


async def fetch_avatar(url: str) -> bytes:
    return http_get(url, timeout=5).content  # expect: no-blocking-call


async def sync_client_in_async_code(urls: list[str]) -> list[int]:
    statuses = []
    with requests.Session() as session:
        for url in urls:
            statuses.append(session.head(url).status_code)  # expect: no-blocking-call
    with httpx.Client() as client:
        statuses.append(client.get(urls[0]).status_code)  # expect: no-blocking-call
    with urllib.request.urlopen(urls[0]) as legacy:  # expect: no-blocking-call
        statuses.append(legacy.status)
    return statuses


async def right_http(urls: list[str]) -> list[int]:
    async with httpx.AsyncClient(timeout=10) as client:
        responses = await asyncio.gather(*(client.get(url) for url in urls))
    legacy = await asyncio.to_thread(requests.get, urls[0], timeout=5)  # offloaded: passed uncalled
    return [r.status_code for r in responses] + [legacy.status_code]


async def build_assets(target: str) -> None:
    subprocess.run(["npm", "run", "build"], check=True)  # expect: no-blocking-call
    os.system(f"cp -r dist {target}")  # expect: no-blocking-call
    proc = subprocess.Popen(["gzip", "-k", target])
    proc.wait()  # expect: no-blocking-call
    shutil.rmtree("dist")  # expect: no-blocking-call


async def build_assets_right(target: str) -> None:
    proc = await asyncio.create_subprocess_exec("npm", "run", "build")
    await proc.wait()
    await asyncio.to_thread(shutil.rmtree, "dist")


async def save_report(name: str, report: dict) -> None:
    path = DATA_DIR / f"{name}.json"
    path.write_text(json.dumps(report))  # expect: no-blocking-call
    with open(DATA_DIR / "index.txt", "a") as index:  # expect: no-blocking-call
        index.write(name + "\n")
    for old in DATA_DIR.glob("*.tmp"):
        old.read_bytes()  # expect: no-blocking-call
        old.unlink()  # metadata call: not reported


async def save_report_right(name: str, report: dict) -> None:
    async with aiofiles.open(DATA_DIR / f"{name}.json", "w") as out:
        await out.write(json.dumps(report))
    loaded = await asyncio.to_thread(json.load, open(DATA_DIR / "index.json"))  # open() handed to the thread

    def append_index() -> None:
        with open(DATA_DIR / "index.txt", "a") as index:  # a sync helper run in a thread
            index.write(name + "\n")

    await asyncio.to_thread(append_index)
    await asyncio.to_thread((DATA_DIR / "last.txt").write_text, name)
    print(loaded)


async def raw_socket(host: str) -> bytes:
    sock = socket.create_connection((host, 7))  # expect: no-blocking-call
    sock.sendall(b"ping")  # expect: no-blocking-call
    return sock.recv(4)  # expect: no-blocking-call


async def raw_socket_right(host: str) -> bytes:
    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.setblocking(False)  # non-blocking: loop.sock_* drive it
    await loop.sock_connect(sock, (host, 7))
    await loop.sock_sendall(sock, b"ping")
    return await loop.sock_recv(sock, 4)


async def ask_user() -> str:
    return input("Continue? [y/N] ")  # expect: no-blocking-call


async def ask_user_right() -> str:
    return await asyncio.to_thread(input, "Continue? [y/N] ")


async def unknown_receivers(session, path, sock) -> None:
    session.get("https://example.com")  # nothing says this is requests
    path.read_text()  # nothing says this is a Path
    sock.recv(10)  # nothing says this is a blocking socket


async def silenced() -> None:
    requests.get("https://example.com", timeout=1)  # noqa: ASYNC210
    requests.get("https://example.com", timeout=1)  # async-pitfalls: disable=no-blocking-call


def sync_tool() -> None:
    requests.get("https://example.com", timeout=1)
    subprocess.run(["ls"], check=True)
    Path("x").write_text("sync code may block")
