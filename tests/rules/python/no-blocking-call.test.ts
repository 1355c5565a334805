import rule from "../../../rules/python/no-blocking-call.js";
import { blockingAdvice, type BlockingKind } from "../../../rules/python/knowledge.js";
import { execFileSync } from "node:child_process";
import { outputsOf } from "./python-syntax.js";
import { pythonRuleTester } from "./rule-tester.js";

const message = (name: string, kind: BlockingKind) => `'${name}()' blocks the event loop inside 'async def'; ${blockingAdvice[kind]}.`;
const offload = (callee: string) => `Run it in a worker thread: 'await asyncio.to_thread(${callee}, …)'.`;

const valid = [
  // Test code reads and writes fixture files: nothing else waits on the loop there.
  { code: "from pathlib import Path\nasync def test_upload(client):\n    with open('data.bin', 'rb') as f:\n        await client.post('/', data=f)\n    assert Path('out.txt').read_text() == 'ok'\n", filename: `${process.cwd()}/tests/test_upload.py` },
  { code: "import shutil\nasync def copy_fixture(tmp):\n    shutil.copyfile('a', tmp)\n", filename: `${process.cwd()}/src/pkg/upload_test.py` },
  // Module level and sync functions may block.
  "import requests\nrequests.get('https://example.com')\n",
  "import requests, subprocess\ndef f():\n    requests.get('u')\n    subprocess.run(['ls'])\n    with open('x') as fh:\n        return fh.read()\n",
  // A nested sync def or a lambda inside async def is not async context: it may be run in a thread.
  "import asyncio, requests\nasync def f():\n    def g():\n        return requests.get('u')\n    return await asyncio.to_thread(g)\n",
  "import requests\nasync def f(loop):\n    return await loop.run_in_executor(None, lambda: requests.get('u'))\n",
  // Passed uncalled to a worker thread.
  "import asyncio, requests\nasync def f():\n    return await asyncio.to_thread(requests.get, 'u', timeout=5)\n",
  "import subprocess\nasync def f(loop):\n    await loop.run_in_executor(None, subprocess.run, ['ls'])\n",
  "import asyncio\nasync def f(p):\n    return await asyncio.to_thread(open, p)\n",
  // `open()` as an argument of to_thread: the file is read in the thread.
  "import asyncio, json\nasync def f(p):\n    return await asyncio.to_thread(json.load, open(p))\n",
  "import asyncio\nasync def f(p):\n    return await asyncio.to_thread(open(p).read)\n",
  // `with open()` in a sync helper.
  "import asyncio\nasync def f(p):\n    def read():\n        with open(p) as fh:\n            return fh.read()\n    return await asyncio.to_thread(read)\n",
  // Not the builtin open.
  "from aiofiles import open\nasync def f(p):\n    async with open(p) as fh:\n        return await fh.read()\n",
  "import aiofiles\nasync def f(p):\n    async with aiofiles.open(p) as fh:\n        return await fh.read()\n",
  "async def f(open):\n    open('x')\n",
  "import aiofiles\nopen = aiofiles.open\nasync def f():\n    async with open('x') as fh:\n        pass\n",
  "from aiofiles import *\nasync def f():\n    async with open('x') as fh:\n        pass\n",
  "async def f():\n    def open(p):\n        return p\n    open('x')\n",
  // `requests`/`input` are something else here.
  "async def f(requests):\n    requests.get('u')\n",
  "async def f(input):\n    return input()\n",
  // Unknown receivers: never judged.
  "async def f(session, url):\n    return session.get(url)\n",
  "async def f(path):\n    return path.read_text()\n",
  "async def f(sock):\n    return sock.recv(10)\n",
  "import requests\nclass C:\n    def __init__(self):\n        self.s = requests.Session()\n    async def f(self):\n        return self.s.get('u')\n",
  // A parameter whose only caller passes a str, or a function passed around (callers unknown).
  "from pathlib import Path\nasync def f(path):\n    return path.read_text()\nasync def g():\n    await f('x')\n",
  "from pathlib import Path\nasync def f(path):\n    return path.read_text()\nHANDLERS = [f]\nasync def g():\n    await f(Path('x'))\n",
  // A name bound to a Path and to something else.
  "from pathlib import Path\nasync def f(s):\n    p = Path('a')\n    if s:\n        p = s\n    return p.read_text()\n",
  // Path metadata calls are not judged; PurePath does no I/O.
  "from pathlib import Path\nasync def f():\n    Path('a').mkdir(exist_ok=True)\n    return Path('a').exists()\n",
  // A socket switched to non-blocking mode (what loop.sock_* needs).
  "import socket\nasync def f(loop):\n    s = socket.socket()\n    s.setblocking(False)\n    await loop.sock_connect(s, ('h', 1))\n    s.send(b'x')\n",
  // A default value of an async def runs once, where the function is defined.
  "import json\nasync def f(config=json.load(open('config.json'))):\n    return config\n",
  // Non-blocking wait.
  "import os\nasync def f(pid):\n    return os.waitpid(pid, os.WNOHANG)\n",
  // Starting a process returns at once; waiting on it is what blocks.
  "import subprocess\nasync def f():\n    p = subprocess.Popen(['ls'])\n    return p.pid\n",
  // The async replacements.
  "import httpx\nasync def f(u):\n    async with httpx.AsyncClient() as c:\n        return await c.get(u)\n",
  "import asyncio\nasync def f():\n    p = await asyncio.create_subprocess_exec('ls')\n    await p.wait()\n",
  "import aiohttp\nasync def f(u):\n    async with aiohttp.ClientSession() as s:\n        async with s.get(u) as r:\n            return await r.text()\n",
  // time.sleep is no-blocking-sleep's.
  "import time\nasync def f():\n    time.sleep(1)\n",
  // Allowed by option.
  { code: "async def f():\n    return open('x').read()\n", options: [{ allow: ["open"] }] },
  { code: "from pathlib import Path\nasync def f():\n    return Path('x').read_text()\n", options: [{ allow: ["pathlib.Path.read_text"] }] },
];

const invalid = [
  {
    name: "test code: only file I/O is exempt, a blocking HTTP call is still reported",
    code: "import requests\nasync def test_remote():\n    requests.get('https://example.com')\n",
    filename: `${process.cwd()}/tests/test_remote.py`,
    errors: [
      {
        message: message("requests.get", "http"),
        suggestions: [{ messageId: "offloadToThread", output: "import asyncio\nimport requests\nasync def test_remote():\n    await asyncio.to_thread(requests.get, 'https://example.com')\n" }],
      },
    ],
  },
  {
    name: "requests.get: suggestion adds `import asyncio`",
    code: "import requests\n\nasync def fetch(url):\n    return requests.get(url, timeout=10)\n",
    errors: [
      {
        message: "'requests.get()' blocks the event loop inside 'async def'; use an async HTTP client (aiohttp, or httpx.AsyncClient).",
        line: 4,
        column: 12,
        endLine: 4,
        endColumn: 41,
        suggestions: [
          {
            desc: offload("requests.get"),
            output: "import asyncio\nimport requests\n\nasync def fetch(url):\n    return await asyncio.to_thread(requests.get, url, timeout=10)\n",
          },
        ],
      },
    ],
  },
  {
    name: "from requests import get as alias",
    code: "import asyncio\nfrom requests import get as fetch_sync\nasync def f(u):\n    r = fetch_sync(u)\n    return r\n",
    errors: [
      {
        message: message("requests.get", "http"),
        line: 4,
        column: 9,
        endColumn: 22,
        suggestions: [{ messageId: "offloadToThread", output: "import asyncio\nfrom requests import get as fetch_sync\nasync def f(u):\n    r = await asyncio.to_thread(fetch_sync, u)\n    return r\n" }],
      },
    ],
  },
  {
    name: "`from requests import get` and `import requests as r`",
    code: "import asyncio\nimport requests as r\nfrom requests import get\nasync def f(u):\n    get(u)\n    r.delete(u)\n",
    errors: [
      { message: message("requests.get", "http"), line: 5, column: 5, endColumn: 11, suggestions: [{ messageId: "offloadToThread", output: "import asyncio\nimport requests as r\nfrom requests import get\nasync def f(u):\n    await asyncio.to_thread(get, u)\n    r.delete(u)\n" }] },
      { message: message("requests.delete", "http"), line: 6, column: 5, endColumn: 16, suggestions: [{ messageId: "offloadToThread", output: "import asyncio\nimport requests as r\nfrom requests import get\nasync def f(u):\n    get(u)\n    await asyncio.to_thread(r.delete, u)\n" }] },
    ],
  },
  {
    name: "precedence: an attribute of the result needs parentheses",
    code: "import asyncio, requests\nasync def f(u):\n    return requests.post(u, json={'a': 1}).json()\n",
    errors: [
      {
        message: message("requests.post", "http"),
        suggestions: [{ messageId: "offloadToThread", output: "import asyncio, requests\nasync def f(u):\n    return (await asyncio.to_thread(requests.post, u, json={'a': 1})).json()\n" }],
      },
    ],
  },
  {
    name: "already awaited (a TypeError at run time): only the call changes",
    code: "import asyncio, requests\nasync def f(u):\n    return await requests.get(u)\n",
    errors: [{ message: message("requests.get", "http"), suggestions: [{ messageId: "offloadToThread", output: "import asyncio, requests\nasync def f(u):\n    return await asyncio.to_thread(requests.get, u)\n" }] }],
  },
  {
    name: "arguments over several lines, trailing comma",
    code: "import asyncio, requests\nasync def f(url, data):\n    return requests.post(\n        url,\n        json=data,\n    )\n",
    errors: [
      {
        message: message("requests.post", "http"),
        line: 3,
        column: 12,
        endLine: 6,
        endColumn: 6,
        suggestions: [{ messageId: "offloadToThread", output: "import asyncio, requests\nasync def f(url, data):\n    return await asyncio.to_thread(requests.post,\n        url,\n        json=data,\n    )\n" }],
      },
    ],
  },
  {
    name: "requests.Session created in scope: assigned, entered, chained",
    code: "import asyncio, requests\nasync def f(u):\n    s = requests.Session()\n    s.get(u)\n    with requests.Session() as t:\n        t.post(u, data=b'x')\n    requests.session().delete(u)\n",
    errors: [
      { message: message("requests.Session.get", "http"), line: 4, column: 5, endColumn: 13, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, requests\nasync def f(u):\n    s = requests.Session()\n    await asyncio.to_thread(s.get, u)\n    with requests.Session() as t:\n        t.post(u, data=b'x')\n    requests.session().delete(u)\n" }] },
      { message: message("requests.Session.post", "http"), line: 6, column: 9, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, requests\nasync def f(u):\n    s = requests.Session()\n    s.get(u)\n    with requests.Session() as t:\n        await asyncio.to_thread(t.post, u, data=b'x')\n    requests.session().delete(u)\n" }] },
      { message: message("requests.Session.delete", "http"), line: 7, column: 5, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, requests\nasync def f(u):\n    s = requests.Session()\n    s.get(u)\n    with requests.Session() as t:\n        t.post(u, data=b'x')\n    await asyncio.to_thread(requests.session().delete, u)\n" }] },
    ],
  },
  {
    name: "urllib.request.urlopen: the response blocks too, no to_thread suggestion",
    code: "import urllib.request\nasync def f(u):\n    with urllib.request.urlopen(u) as resp:\n        return resp.read()\n",
    errors: [{ message: message("urllib.request.urlopen", "http"), line: 3, column: 10, endColumn: 35, suggestions: [] }],
  },
  {
    name: "httpx sync API and sync Client",
    code: "import asyncio, httpx\nasync def f(u):\n    httpx.get(u)\n    with httpx.Client() as c:\n        c.get(u)\n",
    errors: [
      { message: message("httpx.get", "http"), line: 3, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, httpx\nasync def f(u):\n    await asyncio.to_thread(httpx.get, u)\n    with httpx.Client() as c:\n        c.get(u)\n" }] },
      { message: message("httpx.Client.get", "http"), line: 5, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, httpx\nasync def f(u):\n    httpx.get(u)\n    with httpx.Client() as c:\n        await asyncio.to_thread(c.get, u)\n" }] },
    ],
  },
  {
    name: "subprocess and os process calls",
    code: "import asyncio, os, subprocess\nasync def f(cmd, pid):\n    subprocess.run(cmd, check=True)\n    os.system('ls')\n    os.popen('ls').read()\n    os.waitpid(pid, 0)\n",
    errors: [
      { message: message("subprocess.run", "subprocess"), line: 3, column: 5, endColumn: 36, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, os, subprocess\nasync def f(cmd, pid):\n    await asyncio.to_thread(subprocess.run, cmd, check=True)\n    os.system('ls')\n    os.popen('ls').read()\n    os.waitpid(pid, 0)\n" }] },
      { message: message("os.system", "subprocess"), line: 4, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, os, subprocess\nasync def f(cmd, pid):\n    subprocess.run(cmd, check=True)\n    await asyncio.to_thread(os.system, 'ls')\n    os.popen('ls').read()\n    os.waitpid(pid, 0)\n" }] },
      { message: message("os.popen", "subprocess"), line: 5, suggestions: [] },
      { message: message("os.waitpid", "process-wait"), line: 6, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, os, subprocess\nasync def f(cmd, pid):\n    subprocess.run(cmd, check=True)\n    os.system('ls')\n    os.popen('ls').read()\n    await asyncio.to_thread(os.waitpid, pid, 0)\n" }] },
    ],
  },
  {
    name: "Popen: wait and communicate on a provable Popen",
    code: "import asyncio, subprocess\nasync def f():\n    p = subprocess.Popen(['ls'], stdout=subprocess.PIPE)\n    out, _ = p.communicate(timeout=5)\n    subprocess.Popen(['x']).wait()\n",
    errors: [
      { message: message("subprocess.Popen.communicate", "process-wait"), line: 4, column: 14, endColumn: 38, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, subprocess\nasync def f():\n    p = subprocess.Popen(['ls'], stdout=subprocess.PIPE)\n    out, _ = await asyncio.to_thread(p.communicate, timeout=5)\n    subprocess.Popen(['x']).wait()\n" }] },
      { message: message("subprocess.Popen.wait", "process-wait"), line: 5, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, subprocess\nasync def f():\n    p = subprocess.Popen(['ls'], stdout=subprocess.PIPE)\n    out, _ = p.communicate(timeout=5)\n    await asyncio.to_thread(subprocess.Popen(['x']).wait)\n" }] },
    ],
  },
  {
    name: "builtin open: with-statement and read chain, no to_thread suggestion",
    code: "async def f(p):\n    with open(p) as fh:\n        data = fh.read()\n    return open(p, 'rb').read()\n",
    errors: [
      { message: "'open()' blocks the event loop inside 'async def'; use 'aiofiles.open()', or move the file work into a function run with 'await asyncio.to_thread(...)'.", line: 2, column: 10, endColumn: 17, suggestions: [] },
      { message: message("open", "file"), line: 4, column: 12, endColumn: 25, suggestions: [] },
    ],
  },
  {
    name: "io.open and codecs.open",
    code: "import io, codecs\nasync def f(p):\n    io.open(p)\n    codecs.open(p)\n",
    errors: [
      { message: message("io.open", "file"), line: 3, suggestions: [] },
      { message: message("codecs.open", "file"), line: 4, suggestions: [] },
    ],
  },
  {
    name: "pathlib: Path(...) call, a name bound to one, a `/` join, `.parent`, `.open()`",
    code: "import asyncio\nfrom pathlib import Path\nasync def f():\n    Path('a').read_text()\n    base = Path('a')\n    (base / 'b').write_bytes(b'')\n    base.parent.read_bytes()\n    with base.open() as fh:\n        pass\n",
    errors: [
      { message: message("pathlib.Path.read_text", "path-io"), line: 4, column: 5, endColumn: 26, suggestions: [{ messageId: "offloadToThread", output: "import asyncio\nfrom pathlib import Path\nasync def f():\n    await asyncio.to_thread(Path('a').read_text)\n    base = Path('a')\n    (base / 'b').write_bytes(b'')\n    base.parent.read_bytes()\n    with base.open() as fh:\n        pass\n" }] },
      { message: message("pathlib.Path.write_bytes", "path-io"), line: 6, suggestions: [{ messageId: "offloadToThread", output: "import asyncio\nfrom pathlib import Path\nasync def f():\n    Path('a').read_text()\n    base = Path('a')\n    await asyncio.to_thread((base / 'b').write_bytes, b'')\n    base.parent.read_bytes()\n    with base.open() as fh:\n        pass\n" }] },
      { message: message("pathlib.Path.read_bytes", "path-io"), line: 7, suggestions: [{ messageId: "offloadToThread", output: "import asyncio\nfrom pathlib import Path\nasync def f():\n    Path('a').read_text()\n    base = Path('a')\n    (base / 'b').write_bytes(b'')\n    await asyncio.to_thread(base.parent.read_bytes)\n    with base.open() as fh:\n        pass\n" }] },
      { message: message("pathlib.Path.open", "file"), line: 8, column: 10, endColumn: 21, suggestions: [] },
    ],
  },
  {
    name: "pathlib: names bound in a loop over glob() and by a join (the seed's pattern), import pathlib",
    code: "import asyncio, pathlib\nasync def f(names):\n    root = pathlib.Path.home() / 'data'\n    for name in names:\n        target = root / name\n        target.write_text('x')\n    for old in root.glob('*.tmp'):\n        old.read_text()\n",
    errors: [
      { message: message("pathlib.Path.write_text", "path-io"), line: 6, column: 9, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, pathlib\nasync def f(names):\n    root = pathlib.Path.home() / 'data'\n    for name in names:\n        target = root / name\n        await asyncio.to_thread(target.write_text, 'x')\n    for old in root.glob('*.tmp'):\n        old.read_text()\n" }] },
      { message: message("pathlib.Path.read_text", "path-io"), line: 8, column: 9, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, pathlib\nasync def f(names):\n    root = pathlib.Path.home() / 'data'\n    for name in names:\n        target = root / name\n        target.write_text('x')\n    for old in root.glob('*.tmp'):\n        await asyncio.to_thread(old.read_text)\n" }] },
    ],
  },
  {
    name: "a parameter whose every same-file caller passes a Path",
    code: "import asyncio\nfrom pathlib import Path\nasync def load(path):\n    return path.read_text()\nasync def main():\n    await load(Path('a'))\n    await load(path=Path('b'))\n",
    errors: [{ message: message("pathlib.Path.read_text", "path-io"), line: 4, column: 12, suggestions: [{ messageId: "offloadToThread", output: "import asyncio\nfrom pathlib import Path\nasync def load(path):\n    return await asyncio.to_thread(path.read_text)\nasync def main():\n    await load(Path('a'))\n    await load(path=Path('b'))\n" }] }],
  },
  {
    name: "sockets: create_connection (no suggestion), a socket made in scope, accept(), DNS",
    code: "import asyncio, socket\nasync def f(host):\n    socket.create_connection((host, 80))\n    with socket.socket() as server:\n        conn, addr = server.accept()\n        conn.recv(1024)\n    socket.gethostbyname(host)\n",
    errors: [
      { message: message("socket.create_connection", "socket"), line: 3, suggestions: [] },
      { message: message("socket.socket.accept", "socket"), line: 5, column: 22, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, socket\nasync def f(host):\n    socket.create_connection((host, 80))\n    with socket.socket() as server:\n        conn, addr = await asyncio.to_thread(server.accept)\n        conn.recv(1024)\n    socket.gethostbyname(host)\n" }] },
      { message: message("socket.socket.recv", "socket"), line: 6, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, socket\nasync def f(host):\n    socket.create_connection((host, 80))\n    with socket.socket() as server:\n        conn, addr = server.accept()\n        await asyncio.to_thread(conn.recv, 1024)\n    socket.gethostbyname(host)\n" }] },
      { message: message("socket.gethostbyname", "dns"), line: 7, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, socket\nasync def f(host):\n    socket.create_connection((host, 80))\n    with socket.socket() as server:\n        conn, addr = server.accept()\n        conn.recv(1024)\n    await asyncio.to_thread(socket.gethostbyname, host)\n" }] },
    ],
  },
  {
    name: "input() and shutil",
    code: "import shutil\nasync def f():\n    answer = input('Continue? ')\n    shutil.rmtree('build')\n",
    errors: [
      { message: message("input", "input"), line: 3, column: 14, endColumn: 33, suggestions: [{ messageId: "offloadToThread", output: "import asyncio\nimport shutil\nasync def f():\n    answer = await asyncio.to_thread(input, 'Continue? ')\n    shutil.rmtree('build')\n" }] },
      { message: message("shutil.rmtree", "file-tree"), line: 4, suggestions: [{ messageId: "offloadToThread", output: "import asyncio\nimport shutil\nasync def f():\n    answer = input('Continue? ')\n    await asyncio.to_thread(shutil.rmtree, 'build')\n" }] },
    ],
  },
  {
    name: "a list comprehension may await; a generator expression may not (no suggestion)",
    code: "import asyncio, requests\nasync def f(us):\n    a = [requests.get(u) for u in us]\n    b = list(requests.get(u) for u in us)\n",
    errors: [
      { message: message("requests.get", "http"), line: 3, column: 10, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, requests\nasync def f(us):\n    a = [await asyncio.to_thread(requests.get, u) for u in us]\n    b = list(requests.get(u) for u in us)\n" }] },
      { message: message("requests.get", "http"), line: 4, column: 14, suggestions: [] },
    ],
  },
  {
    name: "`asyncio` is bound to something else: no suggestion",
    code: "import trio as asyncio\nimport requests\nasync def f(u):\n    requests.get(u)\n",
    errors: [{ message: message("requests.get", "http"), line: 4, suggestions: [] }],
  },
  {
    name: "async method; a blocking call in the offloaded call's own arguments still runs on the loop",
    code: "import asyncio, requests\nclass Client:\n    async def fetch(self, u):\n        return await asyncio.to_thread(len, requests.get(u).text)\n",
    errors: [{ message: message("requests.get", "http"), line: 4, column: 45, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, requests\nclass Client:\n    async def fetch(self, u):\n        return await asyncio.to_thread(len, (await asyncio.to_thread(requests.get, u)).text)\n" }] }],
  },
  {
    name: "`setblocking` on another function's socket does not make this one non-blocking",
    code: "import asyncio, socket\nasync def a():\n    sock = socket.socket()\n    sock.setblocking(False)\nasync def b():\n    sock = socket.socket()\n    return sock.recv(1)\n",
    errors: [{ message: message("socket.socket.recv", "socket"), line: 7, column: 12, suggestions: [{ messageId: "offloadToThread", output: "import asyncio, socket\nasync def a():\n    sock = socket.socket()\n    sock.setblocking(False)\nasync def b():\n    sock = socket.socket()\n    return await asyncio.to_thread(sock.recv, 1)\n" }] }],
  },
  {
    name: "CRLF line endings",
    code: "import asyncio\r\nimport requests\r\nasync def f(u):\r\n    requests.get(u)\r\n",
    errors: [{ message: message("requests.get", "http"), line: 4, column: 5, endColumn: 20, suggestions: [{ messageId: "offloadToThread", output: "import asyncio\r\nimport requests\r\nasync def f(u):\r\n    await asyncio.to_thread(requests.get, u)\r\n" }] }],
  },
];

pythonRuleTester().run("no-blocking-call", rule as never, { valid, invalid } as never);

describe("no-blocking-call suggestion outputs", () => {
  it("every suggestion compiles as Python", () => {
    const { fixes, suggestions } = outputsOf(invalid);
    expect(fixes).toEqual([]);
    expect(suggestions.length).toBeGreaterThan(20);
    // One interpreter for all: `compile()` rejects what py_compile rejects (`await` outside `async def` too).
    const failures = execFileSync(
      "python3",
      ["-c", "import json,sys\nfor i, s in enumerate(json.load(sys.stdin)):\n    try: compile(s, f'<{i}>', 'exec')\n    except SyntaxError as e: print(i, e)"],
      { input: JSON.stringify(suggestions), encoding: "utf8" },
    );
    expect(failures).toBe("");
  });
});
