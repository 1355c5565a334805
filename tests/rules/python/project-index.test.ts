import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ANSWER_LIFETIME_MS } from "../../../rules/python/file-system-answers.js";
import { projectRootOf, resolveModule, type PathKind } from "../../../rules/python/module-resolution.js";
import { clearProjectIndex, moduleSummaryAt, outlineOf, sessionForFile, setOverlay } from "../../../rules/python/project-index.js";

let root: string;

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

const stat = (target: string): PathKind => {
  const stats = statSync(target, { throwIfNoEntry: false });
  return stats?.isFile() ? "file" : stats?.isDirectory() ? "dir" : null;
};

/** What `dotted` (a name bound in `file`, then attributes) resolves to, seen from `file`. */
function describe_(file: string, dotted: string): string {
  const session = sessionForFile(path.join(root, file));
  if (!session) return "no module";
  const resolved = session.lookup(session.current, dotted.split("."));
  switch (resolved?.kind) {
    case undefined:
      return "unknown";
    case "function":
      return `${session.functionKind(resolved.fn, resolved.ctx)} ${resolved.fn.name} in ${path.relative(root, resolved.ctx.path ?? "?")}`;
    case "class":
      return `class ${resolved.cls.name} in ${path.relative(root, resolved.ctx.path ?? "?")}`;
    case "module":
      return `module ${resolved.location.kind}`;
    case "library":
      return `library ${resolved.qualified}`;
    case "builtin":
      return `builtin ${resolved.name}`;
  }
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "project-index-"));
  clearProjectIndex();
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  clearProjectIndex();
});

describe("project root and module resolution", () => {
  it("finds the nearest directory with a root marker, else the file's directory", () => {
    write({ "a/pyproject.toml": "", "a/pkg/mod.py": "", "b/setup.cfg": "", "b/x/y.py": "", "g/.git/HEAD": "", "g/h/i.py": "", "s/setup.py": "", "s/t/u.py": "" });
    expect(projectRootOf(path.join(root, "a/pkg/mod.py"), stat)).toBe(path.join(root, "a"));
    expect(projectRootOf(path.join(root, "b/x/y.py"), stat)).toBe(path.join(root, "b"));
    expect(projectRootOf(path.join(root, "g/h/i.py"), stat)).toBe(path.join(root, "g"));
    expect(projectRootOf(path.join(root, "s/t/u.py"), stat)).toBe(path.join(root, "s"));
    // No marker anywhere above (a virtual file system with nothing in it): the file's own directory.
    expect(projectRootOf("/work/scripts/tool.py", () => null)).toBe("/work/scripts");
  });

  it("prefers a regular package over a module, and a module over a namespace directory", () => {
    write({ "setup.py": "", "pkg/__init__.py": "", "pkg.py": "", "mod.py": "", "other/mod/x.py": "", "ns/a.py": "" });
    const from = path.join(root, "main.py");
    expect(resolveModule(from, 0, "pkg", stat)).toMatchObject({ kind: "package", file: path.join(root, "pkg/__init__.py") });
    expect(resolveModule(from, 0, "mod", stat)).toMatchObject({ kind: "module", file: path.join(root, "mod.py") });
    expect(resolveModule(from, 0, "ns", stat)).toMatchObject({ kind: "namespace", dirs: [path.join(root, "ns")] });
    expect(resolveModule(from, 0, "ns.a", stat)).toMatchObject({ kind: "module", file: path.join(root, "ns/a.py") });
    expect(resolveModule(from, 0, "missing", stat)).toBeUndefined();
    expect(resolveModule(from, 0, "mod.sub", stat)).toBeUndefined(); // a module has no submodules
  });

  it("resolves relative imports from the file's package", () => {
    write({ "setup.py": "", "app/__init__.py": "", "app/core/__init__.py": "", "app/core/y.py": "", "app/api/v1.py": "" });
    const from = path.join(root, "app/api/v1.py");
    expect(resolveModule(from, 1, "", stat)).toMatchObject({ kind: "namespace", dirs: [path.join(root, "app/api")] });
    expect(resolveModule(from, 2, "", stat)).toMatchObject({ kind: "package", file: path.join(root, "app/__init__.py") });
    expect(resolveModule(from, 2, "core.y", stat)).toMatchObject({ kind: "module", file: path.join(root, "app/core/y.py") });
  });
});

describe("project index", () => {
  it("absolute imports: from-import, module alias, `import a.b` attribute chains", () => {
    write({
      "pyproject.toml": "",
      "app/__init__.py": "",
      "app/repository.py": "async def save_user(u): ...\ndef load_user(u): ...\n",
      "app/service.py": "from app.repository import save_user\nimport app.repository as repo\nimport app.repository\nfrom app import repository\n",
    });
    expect(describe_("app/service.py", "save_user")).toBe("coroutine save_user in app/repository.py");
    expect(describe_("app/service.py", "repo.save_user")).toBe("coroutine save_user in app/repository.py");
    expect(describe_("app/service.py", "repo.load_user")).toBe("sync load_user in app/repository.py");
    expect(describe_("app/service.py", "app.repository.save_user")).toBe("coroutine save_user in app/repository.py");
    expect(describe_("app/service.py", "repository.save_user")).toBe("coroutine save_user in app/repository.py");
    expect(describe_("app/service.py", "repo.missing")).toBe("unknown");
  });

  it("relative imports: `from . import x`, `from .repo import f`, `from ..core import y`", () => {
    write({
      "setup.py": "",
      "app/__init__.py": "",
      "app/core.py": "async def y(): ...\n",
      "app/api/__init__.py": "",
      "app/api/repo.py": "async def save_user(u): ...\n",
      "app/api/views.py": "from . import repo\nfrom .repo import save_user\nfrom ..core import y as why\n",
    });
    expect(describe_("app/api/views.py", "repo.save_user")).toBe("coroutine save_user in app/api/repo.py");
    expect(describe_("app/api/views.py", "save_user")).toBe("coroutine save_user in app/api/repo.py");
    expect(describe_("app/api/views.py", "why")).toBe("coroutine y in app/core.py");
  });

  it("src layout", () => {
    write({
      "pyproject.toml": "",
      "src/shop/__init__.py": "",
      "src/shop/db.py": "async def connect(): ...\n",
      "tests/test_db.py": "from shop.db import connect\n",
    });
    expect(describe_("tests/test_db.py", "connect")).toBe("coroutine connect in src/shop/db.py");
  });

  it("re-exports through __init__.py, several levels deep", () => {
    write({
      "pyproject.toml": "",
      "app/__init__.py": "from .services import save_user\n",
      "app/services/__init__.py": "from .users import *\n",
      "app/services/users.py": "from ..storage import save_user\n",
      "app/storage.py": "async def save_user(u): ...\n",
      "main.py": "from app import save_user\nimport app\n",
    });
    expect(describe_("main.py", "save_user")).toBe("coroutine save_user in app/storage.py");
    expect(describe_("main.py", "app.save_user")).toBe("coroutine save_user in app/storage.py");
  });

  it("namespace packages (no __init__.py)", () => {
    write({ "pyproject.toml": "", "plugins/extra/tools.py": "async def run(): ...\n", "main.py": "from plugins.extra.tools import run\nimport plugins.extra.tools\n" });
    expect(describe_("main.py", "run")).toBe("coroutine run in plugins/extra/tools.py");
    expect(describe_("main.py", "plugins.extra.tools.run")).toBe("coroutine run in plugins/extra/tools.py");
  });

  it("import cycles end in 'unknown'", () => {
    write({
      "pyproject.toml": "",
      "a.py": "from b import thing\nfrom b import *\n",
      "b.py": "from a import thing\nfrom a import *\n",
      "main.py": "from a import thing, other\n",
    });
    expect(describe_("main.py", "thing")).toBe("unknown");
    expect(describe_("main.py", "other")).toBe("unknown");
  });

  it("names the project cannot see are libraries; relative ones that do not resolve are unknown", () => {
    write({ "pyproject.toml": "", "main.py": "import asyncio\nfrom aiohttp import ClientSession as S\nfrom .nowhere import x\n" });
    expect(describe_("main.py", "asyncio.sleep")).toBe("library asyncio.sleep");
    expect(describe_("main.py", "S")).toBe("library aiohttp.ClientSession");
    expect(describe_("main.py", "x")).toBe("unknown");
  });

  it("classes: methods, bases in other modules, decorators defined in other modules", () => {
    write({
      "pyproject.toml": "",
      "app/__init__.py": "",
      "app/base.py": "class Repository:\n    async def commit(self): ...\n    def rollback(self): ...\n",
      "app/decorators.py": "import functools\ndef logged(f):\n    @functools.wraps(f)\n    async def inner(*a):\n        return await f(*a)\n    return inner\ndef weird(f):\n    return 42\n",
      "app/users.py": [
        "from .base import Repository",
        "from .decorators import logged, weird",
        "class Users(Repository):",
        "    async def get(self): ...",
        "    async def stream(self):",
        "        yield 1",
        "@logged",
        "async def audited(): ...",
        "@weird",
        "async def odd(): ...",
        "",
      ].join("\n"),
      "main.py": "from app.users import Users, audited, odd\n",
    });
    expect(describe_("main.py", "Users")).toBe("class Users in app/users.py");
    expect(describe_("main.py", "Users.get")).toBe("coroutine get in app/users.py");
    expect(describe_("main.py", "Users.commit")).toBe("coroutine commit in app/base.py");
    expect(describe_("main.py", "Users.rollback")).toBe("sync rollback in app/base.py");
    expect(describe_("main.py", "Users.stream")).toBe("async-generator stream in app/users.py");
    expect(describe_("main.py", "audited")).toBe("coroutine audited in app/users.py");
    expect(describe_("main.py", "odd")).toBe("unknown odd in app/users.py");
    expect(outlineOf(moduleSummaryAt(path.join(root, "app/users.py"))!)).toEqual({
      asyncFunctions: ["audited", "odd"],
      syncFunctions: [],
      classes: { Users: { asyncMethods: ["get", "stream"], syncMethods: [], bases: ["Repository"] } },
    });
  });

  it("an overlay (unsaved buffer) wins over the disk; withdrawing it falls back to the disk", () => {
    write({ "pyproject.toml": "", "repo.py": "def save(): ...\n", "main.py": "from repo import save\nfrom draft import new\n" });
    expect(describe_("main.py", "save")).toBe("sync save in repo.py");
    setOverlay(path.join(root, "repo.py"), "async def save(): ...\n");
    expect(describe_("main.py", "save")).toBe("coroutine save in repo.py");
    // a module that exists only as an unsaved buffer
    expect(describe_("main.py", "new")).toBe("library draft.new");
    setOverlay(path.join(root, "draft.py"), "async def new(): ...\n");
    expect(describe_("main.py", "new")).toBe("coroutine new in draft.py");
    setOverlay(path.join(root, "repo.py"), undefined);
    expect(describe_("main.py", "save")).toBe("sync save in repo.py");
  });

  it("summaries are cached, and refreshed when the file changes on disk (seen once the answers expire)", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      write({ "pyproject.toml": "", "repo.py": "async def save(): ...\n", "main.py": "from repo import save\n" });
      const file = path.join(root, "repo.py");
      const first = moduleSummaryAt(file);
      expect(moduleSummaryAt(file)).toBe(first); // cached
      expect(describe_("main.py", "save")).toBe("coroutine save in repo.py");
      writeFileSync(file, "def save(): ...\n"); // another size
      // The file system's answers are trusted for a few seconds: the lints of one run ask the same questions.
      expect(describe_("main.py", "save")).toBe("coroutine save in repo.py");
      vi.advanceTimersByTime(ANSWER_LIFETIME_MS + 1);
      expect(describe_("main.py", "save")).toBe("sync save in repo.py");
      writeFileSync(file, "def keep(): ...\n"); // the same size: only the mtime tells
      const later = new Date(Date.now() + 10_000);
      utimesSync(file, later, later);
      vi.advanceTimersByTime(ANSWER_LIFETIME_MS + 1);
      expect(describe_("main.py", "save")).toBe("unknown");
      expect(moduleSummaryAt(file)).not.toBe(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a module created on disk is found once the file system's answers expire; a buffer at once", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      write({ "pyproject.toml": "", "main.py": "from repo import save\nfrom draft import new\n" });
      expect(describe_("main.py", "save")).toBe("library repo.save");
      write({ "repo.py": "async def save(): ...\n" });
      setOverlay(path.join(root, "draft.py"), "async def new(): ...\n");
      expect(describe_("main.py", "new")).toBe("coroutine new in draft.py");
      expect(describe_("main.py", "save")).toBe("library repo.save");
      vi.advanceTimersByTime(ANSWER_LIFETIME_MS + 1);
      expect(describe_("main.py", "save")).toBe("coroutine save in repo.py");
    } finally {
      vi.useRealTimers();
    }
  });

  it("a file outside any project resolves imports from its own directory", () => {
    write({ "scripts/helpers.py": "async def fetch(): ...\n", "scripts/main.py": "from helpers import fetch\n" });
    // Resolution from the directory the root search falls back to, with a virtual "no marker anywhere".
    const from = path.join(root, "scripts/main.py");
    const noMarkers = (target: string): PathKind => (path.basename(target) === ".git" || target.endsWith(".toml") || /setup\.(py|cfg)$/u.test(target) ? null : stat(target));
    expect(resolveModule(from, 0, "helpers", noMarkers)).toMatchObject({ kind: "module", file: path.join(root, "scripts/helpers.py") });
  });
});
