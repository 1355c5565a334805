import { execFileSync } from "node:child_process";
import rule from "../../../rules/python/require-timeout.js";
import { outputsOf } from "./python-syntax.js";
import { pythonRuleTester } from "./rule-tester.js";

const defaultTimeout = (call: string) =>
  `'${call}()' has no explicit timeout, nor has its session: only aiohttp's implicit 5-minute total limit stops it. Set 'timeout=' on the request or the session.`;
const requestDisabled = (call: string, how: string) => `'${call}()' can hang forever: ${how} disables the request's timeout.`;
const clientDisabled = (call: string, how: string) => `'${call}()' is created with no timeout (${how}): every request through it can hang forever.`;
const connection = (call: string) =>
  `'${call}()' has no timeout of its own and can hang forever; wrap it in 'asyncio.wait_for(…, timeout=…)' or run it inside 'async with asyncio.timeout(…)'.`;
const read = (call: string) =>
  `'${call}()' waits forever if the peer goes silent; wrap it in 'asyncio.wait_for(…, timeout=…)' or run it inside 'async with asyncio.timeout(…)'.`;

const aiohttpHeader = "import asyncio\nimport aiohttp\n";

const valid = [
  // Requests with their own timeout.
  `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession() as s:\n        async with s.get(u, timeout=aiohttp.ClientTimeout(total=10)) as r:\n            return await r.text()\n`,
  `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession() as s:\n        return await s.get(u, timeout=5)\n`,
  `${aiohttpHeader}TIMEOUT = aiohttp.ClientTimeout(total=10)\nasync def f(u):\n    async with aiohttp.ClientSession() as s:\n        return await s.post(u, timeout=TIMEOUT)\n`,
  // Sessions created with a timeout.
  `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as s:\n        return await s.get(u)\n`,
  "from aiohttp import ClientSession, ClientTimeout\nasync def f(u):\n    session = ClientSession(timeout=ClientTimeout(total=None, sock_read=30))\n    return await session.get(u)\n",
  // A disabled session whose every request brings its own limit.
  `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None)) as s:\n        r = await s.get(u, timeout=aiohttp.ClientTimeout(total=5))\n        await s.close()\n`,
  // Inside a timeout scope, or the awaitable of wait_for.
  `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession() as s:\n        async with asyncio.timeout(10):\n            async with s.get(u) as r:\n                return await r.read()\n`,
  `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession() as s:\n        return await asyncio.wait_for(s.get(u), 3)\n`,
  `${aiohttpHeader}import async_timeout\nasync def f(u):\n    async with aiohttp.ClientSession() as s:\n        async with async_timeout.timeout(10):\n            return await s.get(u)\n`,
  // A function only ever called under a timeout.
  `${aiohttpHeader}async def fetch(session, u):\n    return await session.get(u)\nasync def main(u):\n    async with aiohttp.ClientSession() as s:\n        return await asyncio.wait_for(fetch(s, u), timeout=10)\n`,
  // Unknown receivers: a parameter nobody in the file calls with a session, an attribute.
  `${aiohttpHeader}async def fetch(session, u):\n    return await session.get(u)\n`,
  `${aiohttpHeader}class Api:\n    def __init__(self):\n        self.session = aiohttp.ClientSession()\n    async def get(self, u):\n        return await self.session.get(u)\n`,
  `${aiohttpHeader}async def f(u, **options):\n    async with aiohttp.ClientSession(**options) as s:\n        return await s.get(u)\n`,
  // ws_connect: its timeout= is for receive/close; the handshake uses the session's — not judged.
  `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession() as s:\n        async with s.ws_connect(u) as ws:\n            await ws.send_str('hi')\n`,
  // Relying on aiohttp's default is allowed by option.
  {
    code: `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession() as s:\n        return await s.get(u)\n`,
    options: [{ allowLibraryDefaults: true }],
  },
  // httpx: 5 s by default; explicit limits.
  "import httpx\nasync def f(u):\n    async with httpx.AsyncClient() as c:\n        return await c.get(u)\n",
  "import httpx\nasync def f(u):\n    async with httpx.AsyncClient(timeout=10.0) as c:\n        return await c.get(u, timeout=httpx.Timeout(5.0))\n",
  "import httpx\nasync def f(u):\n    async with httpx.AsyncClient(timeout=httpx.Timeout(None, read=10)) as c:\n        return await c.get(u)\n",
  // The sync httpx client is no-blocking-call's business.
  "import httpx\ndef f(u):\n    with httpx.Client(timeout=None) as c:\n        return c.get(u)\n",
  // asyncio streams under a limit.
  "import asyncio\nasync def f(h):\n    async with asyncio.timeout(5):\n        reader, writer = await asyncio.open_connection(h, 80)\n        return await reader.readline()\n",
  "import asyncio\nasync def f(h):\n    reader, writer = await asyncio.wait_for(asyncio.open_connection(h, 80), timeout=5)\n    return await asyncio.wait_for(reader.readexactly(4), timeout=5)\n",
  "import asyncio\nasync def talk(h):\n    reader, writer = await asyncio.open_connection(h, 80)\n    return await reader.read(100)\nasync def main():\n    await asyncio.wait_for(talk('example.com'), 10)\n",
  // `asyncio.timeout(None)` bound to a name may be rescheduled.
  "import asyncio\nasync def f(h):\n    async with asyncio.timeout(None) as cm:\n        cm.reschedule(asyncio.get_running_loop().time() + 5)\n        await asyncio.open_connection(h, 80)\n",
  "import anyio, asyncio\nasync def f(h):\n    with anyio.fail_after(5):\n        await asyncio.open_connection(h, 80)\n",
  // A server handler's reader is a parameter nobody in the file calls: unknown.
  "import asyncio\nasync def handle(reader, writer):\n    await reader.readline()\nasync def main():\n    await asyncio.start_server(handle, 'localhost', 8000)\n",
  // The peer is this machine: the program's own server, a local sidecar.
  `${aiohttpHeader}async def f():\n    async with aiohttp.ClientSession() as s:\n        async with s.get("http://localhost:8080/hello") as r:\n            return await r.json()\n`,
  `${aiohttpHeader}async def f(port):\n    async with aiohttp.ClientSession() as s:\n        await s.post(f"http://127.0.0.1:{port}/reset")\n        return await s.request("GET", "http://[::1]:8080/")\n`,
  `${aiohttpHeader}BASE = "http://localhost:9000/api"\nasync def f():\n    async with aiohttp.ClientSession() as s:\n        return await s.get(BASE)\n`,
  "import asyncio\nasync def f():\n    reader, writer = await asyncio.open_connection('127.0.0.1', 8888)\n    return await reader.readline()\n",
  "import asyncio\nPORT = 8888\nasync def f():\n    _, writer = await asyncio.open_connection(port=PORT)\n    writer.write(b'x')\n",
  // A socket that is already connected: nothing to connect.
  "import asyncio\nasync def wrap(sock):\n    return await asyncio.open_connection(sock=sock)\n",
  // Test code: the runner's timeout bounds every wait, and the peers are the test's own servers.
  { code: `${aiohttpHeader}async def test_get(server):\n    async with aiohttp.ClientSession() as s:\n        async with s.get(server.make_url("/")) as r:\n            assert r.status == 200\n`, filename: `${process.cwd()}/tests/test_client.py` },
  { code: "import asyncio\nasync def test_echo(host, port):\n    reader, writer = await asyncio.open_connection(host, port)\n    assert await reader.readline()\n", filename: `${process.cwd()}/pkg/tests/helpers.py` },
  { code: "import httpx\nasync def client_without_read_limit():\n    return httpx.AsyncClient(timeout=httpx.Timeout(None, connect=1))\n", filename: `${process.cwd()}/conftest.py` },
];

const invalid = [
  {
    name: "aiohttp request and session without timeout (seed 001_04/003_19 pattern, session in the same function)",
    code: `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession() as session:\n        async with session.get(u) as r:\n            return await r.text()\n`,
    errors: [
      {
        message: defaultTimeout("session.get"),
        line: 5,
        column: 20,
        endLine: 5,
        endColumn: 34,
        suggestions: [
          {
            desc: "Add 'timeout=aiohttp.ClientTimeout(total=30)' to the request.",
            output: `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession() as session:\n        async with session.get(u, timeout=aiohttp.ClientTimeout(total=30)) as r:\n            return await r.text()\n`,
          },
          {
            desc: "Add 'timeout=aiohttp.ClientTimeout(total=30)' where the session is created.",
            output: `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:\n        async with session.get(u) as r:\n            return await r.text()\n`,
          },
        ],
      },
    ],
  },
  {
    name: "a typed session parameter resolved through its same-file callers",
    code: `${aiohttpHeader}async def fetch(session: aiohttp.ClientSession, url: str) -> str:\n    async with session.get(url) as r:\n        return await r.text()\nasync def main(urls):\n    async with aiohttp.ClientSession() as session:\n        return [await fetch(session, u) for u in urls]\n`,
    errors: [
      {
        message: defaultTimeout("session.get"),
        line: 4,
        column: 16,
        suggestions: [
          {
            messageId: "addRequestTimeout",
            output: `${aiohttpHeader}async def fetch(session: aiohttp.ClientSession, url: str) -> str:\n    async with session.get(url, timeout=aiohttp.ClientTimeout(total=30)) as r:\n        return await r.text()\nasync def main(urls):\n    async with aiohttp.ClientSession() as session:\n        return [await fetch(session, u) for u in urls]\n`,
          },
          {
            messageId: "addSessionTimeout",
            output: `${aiohttpHeader}async def fetch(session: aiohttp.ClientSession, url: str) -> str:\n    async with session.get(url) as r:\n        return await r.text()\nasync def main(urls):\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:\n        return [await fetch(session, u) for u in urls]\n`,
          },
        ],
      },
    ],
  },
  {
    name: "`ClientSession(timeout=None)` means aiohttp's default: the session suggestion replaces the None",
    code: `${aiohttpHeader}async def f(u):\n    s = aiohttp.ClientSession(timeout=None)\n    await s.post(u, data=b'x')\n`,
    errors: [
      {
        message: defaultTimeout("s.post"),
        line: 5,
        column: 11,
        endColumn: 31,
        suggestions: [
          { messageId: "addRequestTimeout", output: `${aiohttpHeader}async def f(u):\n    s = aiohttp.ClientSession(timeout=None)\n    await s.post(u, data=b'x', timeout=aiohttp.ClientTimeout(total=30))\n` },
          { messageId: "addSessionTimeout", output: `${aiohttpHeader}async def f(u):\n    s = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))\n    await s.post(u, data=b'x')\n` },
        ],
      },
    ],
  },
  {
    name: "`timeout=None` on an aiohttp request disables its limit (aiohttp 3.x)",
    code: `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as s:\n        return await s.get(u, timeout=None)\n`,
    errors: [
      {
        message: requestDisabled("s.get", "'timeout=None'"),
        line: 5,
        column: 22,
        endColumn: 44,
        suggestions: [
          {
            desc: "Limit it to 30 seconds: 'timeout=aiohttp.ClientTimeout(total=30)'.",
            output: `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as s:\n        return await s.get(u, timeout=aiohttp.ClientTimeout(total=30))\n`,
          },
        ],
      },
    ],
  },
  {
    name: "a session created with its timeout disabled: reported once, where it is created",
    code: `${aiohttpHeader}async def f(u):\n    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None))\n    await session.get(u)\n    await session.get(u + '/more')\n`,
    errors: [
      {
        message: clientDisabled("aiohttp.ClientSession", "'aiohttp.ClientTimeout(total=None)' sets no 'total' or 'sock_read' limit"),
        line: 4,
        column: 15,
        endColumn: 79,
        suggestions: [
          {
            desc: "Limit it to 30 seconds: 'timeout=aiohttp.ClientTimeout(total=30)'.",
            output: `${aiohttpHeader}async def f(u):\n    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))\n    await session.get(u)\n    await session.get(u + '/more')\n`,
          },
        ],
      },
    ],
  },
  {
    name: "`ClientTimeout()` and `ClientTimeout(connect=5)` set no overall limit in aiohttp 3.x; from-imports add `import aiohttp` only when needed",
    code: "from aiohttp import ClientSession, ClientTimeout\nasync def f():\n    a = ClientSession(timeout=ClientTimeout())\n    b = ClientSession(timeout=ClientTimeout(connect=5))\n    return a, b\n",
    errors: [
      {
        message: clientDisabled("ClientSession", "'ClientTimeout()' sets no 'total' or 'sock_read' limit"),
        line: 3,
        suggestions: [{ desc: "Limit it to 30 seconds: 'timeout=ClientTimeout(total=30)'.", output: "from aiohttp import ClientSession, ClientTimeout\nasync def f():\n    a = ClientSession(timeout=ClientTimeout(total=30))\n    b = ClientSession(timeout=ClientTimeout(connect=5))\n    return a, b\n" }],
      },
      {
        message: clientDisabled("ClientSession", "'ClientTimeout(connect=5)' sets no 'total' or 'sock_read' limit"),
        line: 4,
        suggestions: [{ desc: "Limit it to 30 seconds: 'timeout=ClientTimeout(connect=5, total=30)'.", output: "from aiohttp import ClientSession, ClientTimeout\nasync def f():\n    a = ClientSession(timeout=ClientTimeout())\n    b = ClientSession(timeout=ClientTimeout(connect=5, total=30))\n    return a, b\n" }],
      },
    ],
  },
  {
    name: "a disabled timeout through a module constant",
    code: `${aiohttpHeader}NO_LIMIT = aiohttp.ClientTimeout(total=None)\nasync def f():\n    async with aiohttp.ClientSession(timeout=NO_LIMIT) as s:\n        pass\n`,
    errors: [
      {
        message: clientDisabled("aiohttp.ClientSession", "'aiohttp.ClientTimeout(total=None)' sets no 'total' or 'sock_read' limit"),
        line: 5,
        column: 16,
        suggestions: [{ messageId: "setTimeout", output: `${aiohttpHeader}NO_LIMIT = aiohttp.ClientTimeout(total=30)\nasync def f():\n    async with aiohttp.ClientSession(timeout=NO_LIMIT) as s:\n        pass\n` }],
      },
    ],
  },
  {
    name: "a disabled session whose requests are not all bounded is reported",
    code: `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None)) as s:\n        await s.get(u, timeout=aiohttp.ClientTimeout(total=5))\n        await s.get(u)\n`,
    errors: [
      {
        message: clientDisabled("aiohttp.ClientSession", "'aiohttp.ClientTimeout(total=None)' sets no 'total' or 'sock_read' limit"),
        line: 4,
        suggestions: [{ messageId: "setTimeout", output: `${aiohttpHeader}async def f(u):\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as s:\n        await s.get(u, timeout=aiohttp.ClientTimeout(total=5))\n        await s.get(u)\n` }],
      },
    ],
  },
  {
    name: "aiohttp.request without timeout",
    code: `${aiohttpHeader}async def f(u):\n    async with aiohttp.request('GET', u) as r:\n        return await r.read()\n`,
    errors: [
      {
        message: defaultTimeout("aiohttp.request"),
        line: 4,
        column: 16,
        endColumn: 41,
        suggestions: [{ messageId: "addRequestTimeout", output: `${aiohttpHeader}async def f(u):\n    async with aiohttp.request('GET', u, timeout=aiohttp.ClientTimeout(total=30)) as r:\n        return await r.read()\n` }],
      },
    ],
  },
  {
    name: "httpx: a client with `timeout=None`, a request with `timeout=None`, a Timeout without read limit",
    code: "import httpx\nasync def f(u):\n    async with httpx.AsyncClient(timeout=None) as c:\n        await c.get(u)\n    async with httpx.AsyncClient() as d:\n        await d.get(u, timeout=None)\n    e = httpx.AsyncClient(timeout=httpx.Timeout(10, read=None))\n    await httpx.AsyncClient().get(u, timeout=None)\n",
    errors: [
      {
        message: clientDisabled("httpx.AsyncClient", "'timeout=None'"),
        line: 3,
        column: 16,
        endColumn: 47,
        suggestions: [{ desc: "Limit it to 30 seconds: 'timeout=httpx.Timeout(30)'.", output: "import httpx\nasync def f(u):\n    async with httpx.AsyncClient(timeout=httpx.Timeout(30)) as c:\n        await c.get(u)\n    async with httpx.AsyncClient() as d:\n        await d.get(u, timeout=None)\n    e = httpx.AsyncClient(timeout=httpx.Timeout(10, read=None))\n    await httpx.AsyncClient().get(u, timeout=None)\n" }],
      },
      {
        message: requestDisabled("d.get", "'timeout=None'"),
        line: 6,
        column: 15,
        suggestions: [{ messageId: "setTimeout", output: "import httpx\nasync def f(u):\n    async with httpx.AsyncClient(timeout=None) as c:\n        await c.get(u)\n    async with httpx.AsyncClient() as d:\n        await d.get(u, timeout=httpx.Timeout(30))\n    e = httpx.AsyncClient(timeout=httpx.Timeout(10, read=None))\n    await httpx.AsyncClient().get(u, timeout=None)\n" }],
      },
      {
        message: clientDisabled("httpx.AsyncClient", "'httpx.Timeout(10, read=None)' sets no 'read' limit"),
        line: 7,
        suggestions: [{ desc: "Limit it to 30 seconds: 'timeout=httpx.Timeout(10, read=30)'.", output: "import httpx\nasync def f(u):\n    async with httpx.AsyncClient(timeout=None) as c:\n        await c.get(u)\n    async with httpx.AsyncClient() as d:\n        await d.get(u, timeout=None)\n    e = httpx.AsyncClient(timeout=httpx.Timeout(10, read=30))\n    await httpx.AsyncClient().get(u, timeout=None)\n" }],
      },
      {
        message: requestDisabled("httpx.AsyncClient().get", "'timeout=None'"),
        line: 8,
        suggestions: [{ messageId: "setTimeout", output: "import httpx\nasync def f(u):\n    async with httpx.AsyncClient(timeout=None) as c:\n        await c.get(u)\n    async with httpx.AsyncClient() as d:\n        await d.get(u, timeout=None)\n    e = httpx.AsyncClient(timeout=httpx.Timeout(10, read=None))\n    await httpx.AsyncClient().get(u, timeout=httpx.Timeout(30))\n" }],
      },
    ],
  },
  {
    name: "httpx.Timeout(None): the first argument is the fallback for read",
    code: "from httpx import AsyncClient, Timeout\nasync def f():\n    return AsyncClient(timeout=Timeout(None, connect=5))\n",
    errors: [
      {
        message: clientDisabled("AsyncClient", "'Timeout(None, connect=5)' sets no 'read' limit"),
        suggestions: [{ desc: "Limit it to 30 seconds: 'timeout=Timeout(30, connect=5)'.", output: "from httpx import AsyncClient, Timeout\nasync def f():\n    return AsyncClient(timeout=Timeout(30, connect=5))\n" }],
      },
    ],
  },
  {
    name: "asyncio.open_connection and reads on its reader, with no limit",
    code: "import asyncio\nasync def f(host):\n    reader, writer = await asyncio.open_connection(host, 80)\n    writer.write(b'PING\\n')\n    line = await reader.readline()\n    data = await reader.read(100)\n    return line, data\n",
    errors: [
      {
        message: connection("asyncio.open_connection"),
        line: 3,
        column: 28,
        endColumn: 61,
        suggestions: [{ desc: "Wrap it in 'asyncio.wait_for(…, timeout=30)'.", output: "import asyncio\nasync def f(host):\n    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, 80), timeout=30)\n    writer.write(b'PING\\n')\n    line = await reader.readline()\n    data = await reader.read(100)\n    return line, data\n" }],
      },
      {
        message: read("reader.readline"),
        line: 5,
        column: 18,
        endColumn: 35,
        suggestions: [{ messageId: "wrapInWaitFor", output: "import asyncio\nasync def f(host):\n    reader, writer = await asyncio.open_connection(host, 80)\n    writer.write(b'PING\\n')\n    line = await asyncio.wait_for(reader.readline(), timeout=30)\n    data = await reader.read(100)\n    return line, data\n" }],
      },
      {
        message: read("reader.read"),
        line: 6,
        suggestions: [{ messageId: "wrapInWaitFor", output: "import asyncio\nasync def f(host):\n    reader, writer = await asyncio.open_connection(host, 80)\n    writer.write(b'PING\\n')\n    line = await reader.readline()\n    data = await asyncio.wait_for(reader.read(100), timeout=30)\n    return line, data\n" }],
      },
    ],
  },
  {
    name: "a connection opened under a limit, then read without one; `wait_for(..., None)` and `asyncio.timeout(None)` bound nothing",
    code: "import asyncio\nasync def f(host):\n    r, w = await asyncio.wait_for(asyncio.open_connection(host, 80), timeout=5)\n    await asyncio.wait_for(r.readexactly(4), None)\n    async with asyncio.timeout(None):\n        await r.readuntil(b'\\n')\n",
    errors: [
      // An argument of another call: wrapping it is left to the author.
      { message: read("r.readexactly"), line: 4, column: 28, suggestions: [] },
      {
        message: read("r.readuntil"),
        line: 6,
        column: 15,
        suggestions: [{ messageId: "wrapInWaitFor", output: "import asyncio\nasync def f(host):\n    r, w = await asyncio.wait_for(asyncio.open_connection(host, 80), timeout=5)\n    await asyncio.wait_for(r.readexactly(4), None)\n    async with asyncio.timeout(None):\n        await asyncio.wait_for(r.readuntil(b'\\n'), timeout=30)\n" }],
      },
    ],
  },
  {
    name: "option defaultSeconds; open_unix_connection; a function whose callers are not all bounded",
    code: "import asyncio\nasync def connect(path):\n    return await asyncio.open_unix_connection(path)\nasync def main():\n    await asyncio.wait_for(connect('/a'), 5)\n    await connect('/b')\n",
    options: [{ defaultSeconds: 2.5 }],
    errors: [
      {
        message: connection("asyncio.open_unix_connection"),
        line: 3,
        suggestions: [{ desc: "Wrap it in 'asyncio.wait_for(…, timeout=2.5)'.", output: "import asyncio\nasync def connect(path):\n    return await asyncio.wait_for(asyncio.open_unix_connection(path), timeout=2.5)\nasync def main():\n    await asyncio.wait_for(connect('/a'), 5)\n    await connect('/b')\n" }],
      },
    ],
  },
  {
    name: "the TypeScript rule's defaultMs is used when defaultSeconds is not given",
    code: "import asyncio\nasync def f(h):\n    return await asyncio.open_connection(h, 80)\n",
    options: [{ defaultMs: 5000 }],
    errors: [{ message: connection("asyncio.open_connection"), suggestions: [{ desc: "Wrap it in 'asyncio.wait_for(…, timeout=5)'.", output: "import asyncio\nasync def f(h):\n    return await asyncio.wait_for(asyncio.open_connection(h, 80), timeout=5)\n" }] }],
  },
  {
    name: "a remote host, even where localhost is mentioned later in the URL; a file whose name merely contains 'test'",
    code: `${aiohttpHeader}async def f():\n    async with aiohttp.ClientSession() as s:\n        return await s.get("https://example.com/?next=http://localhost/")\n`,
    filename: `${process.cwd()}/app/latest_tests.py`,
    errors: [
      {
        message: defaultTimeout("s.get"),
        line: 5,
        suggestions: [
          { messageId: "addRequestTimeout", output: `${aiohttpHeader}async def f():\n    async with aiohttp.ClientSession() as s:\n        return await s.get("https://example.com/?next=http://localhost/", timeout=aiohttp.ClientTimeout(total=30))\n` },
          { messageId: "addSessionTimeout", output: `${aiohttpHeader}async def f():\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as s:\n        return await s.get("https://example.com/?next=http://localhost/")\n` },
        ],
      },
    ],
  },
  {
    name: "reads on a stream over a handed-over socket: its peer is unknown",
    code: "import asyncio\nasync def f(sock):\n    reader, writer = await asyncio.open_connection(sock=sock)\n    return await reader.readline()\n",
    errors: [
      {
        message: read("reader.readline"),
        line: 4,
        suggestions: [{ messageId: "wrapInWaitFor", output: "import asyncio\nasync def f(sock):\n    reader, writer = await asyncio.open_connection(sock=sock)\n    return await asyncio.wait_for(reader.readline(), timeout=30)\n" }],
      },
    ],
  },
  {
    name: "`aiohttp` bound to something else: reported without suggestions",
    code: "from aiohttp import ClientSession\naiohttp = None\nasync def f(u):\n    async with ClientSession() as s:\n        return await s.get(u)\n",
    errors: [{ message: defaultTimeout("s.get"), line: 5, suggestions: [] }],
  },
];

pythonRuleTester().run("require-timeout", rule as never, { valid, invalid } as never);

describe("require-timeout suggestion outputs", () => {
  it("every suggestion compiles as Python", () => {
    const { fixes, suggestions } = outputsOf(invalid);
    expect(fixes).toEqual([]);
    expect(suggestions.length).toBeGreaterThan(15);
    // One interpreter for all: `compile()` rejects what py_compile rejects (a repeated keyword argument too).
    const failures = execFileSync(
      "python3",
      ["-c", "import json,sys\nfor i, s in enumerate(json.load(sys.stdin)):\n    try: compile(s, f'<{i}>', 'exec')\n    except SyntaxError as e: print(i, e)"],
      { input: JSON.stringify(suggestions), encoding: "utf8" },
    );
    expect(failures).toBe("");
  });
});
