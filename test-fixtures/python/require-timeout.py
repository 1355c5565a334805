"""Network clients with and without time limits."""
import asyncio

import aiohttp
import httpx

SLOW_API = aiohttp.ClientTimeout(total=None)  # no limit at all
API_TIMEOUT = aiohttp.ClientTimeout(total=10)


async def fetch_json(session: aiohttp.ClientSession, url: str) -> dict:
    async with session.get(url) as response:  # expect: require-timeout
        return await response.json()


async def crawl(urls: list[str]) -> list[dict]:
    async with aiohttp.ClientSession() as session:  # only aiohttp's implicit 5-minute default
        return [await fetch_json(session, url) for url in urls]


async def crawl_with_limits(urls: list[str]) -> list[str]:
    async with aiohttp.ClientSession(timeout=API_TIMEOUT) as session:
        pages = []
        for url in urls:
            async with session.get(url) as response:  # the session has a limit
                pages.append(await response.text())
        return pages


async def per_request_limits(url: str) -> bytes:
    async with aiohttp.ClientSession() as session:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=5)) as response:
            body = await response.read()
        async with session.post(url, data=body, timeout=None) as echo:  # expect: require-timeout
            return await echo.read()


async def streaming_download(url: str) -> None:
    async with aiohttp.ClientSession(timeout=SLOW_API) as session:  # expect: require-timeout
        async with session.get(url) as response:  # the session is reported, not every request
            async for _chunk in response.content.iter_chunked(65536):
                pass


async def bounded_by_scope(url: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with asyncio.timeout(10):
            async with session.get(url) as response:
                return await response.text()


async def bounded_by_wait_for(url: str) -> int:
    async with aiohttp.ClientSession() as session:
        response = await asyncio.wait_for(session.get(url), timeout=3)
        return response.status


async def httpx_clients(url: str) -> None:
    async with httpx.AsyncClient() as client:  # httpx: 5 s by default
        await client.get(url)
        await client.get(url, timeout=None)  # expect: require-timeout
    async with httpx.AsyncClient(timeout=None) as unbounded:  # expect: require-timeout
        await unbounded.get(url)
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=2.0)) as tuned:
        await tuned.get(url)


async def echo_client(host: str, port: int) -> bytes:
    reader, writer = await asyncio.open_connection(host, port)  # expect: require-timeout
    writer.write(b"hello\n")
    await writer.drain()
    reply = await reader.readline()  # expect: require-timeout
    writer.close()
    return reply


async def echo_client_right(host: str, port: int) -> bytes:
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout=5)
    writer.write(b"hello\n")
    async with asyncio.timeout(5):
        reply = await reader.readline()
    writer.close()
    return reply


async def handshake(host: str) -> bytes:
    reader, _writer = await asyncio.open_connection(host, 443)  # every caller bounds it
    return await reader.readexactly(2)


async def main() -> None:
    await asyncio.wait_for(handshake("example.com"), timeout=5)
    await crawl(["https://example.com"])


async def unknown_session(session, url: str) -> None:
    await session.get(url)  # nothing in this file says what `session` is


async def silenced(url: str) -> None:
    async with aiohttp.ClientSession() as session:
        await session.get(url)  # async-pitfalls: disable=require-timeout


if __name__ == "__main__":
    asyncio.run(main())
