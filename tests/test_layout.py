"""The layout a newcomer reads: no import cycles, a light `import newsgraph`, modules of
a readable size, a typed knowledge base, and a README that names the real modules."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from newsgraph import settings

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "newsgraph"
MAX_LINES = 600


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The newsgraph modules `name` imports anywhere in its body (module level or inside
    a function: a lazy import is still a dependency), except under `if TYPE_CHECKING:`,
    which never runs."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in known:
                    found.add(sub)
                elif target in known:
                    found.add(target)
    found.discard(name)
    return found


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    out: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
            continue
        out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle_among_newsgraph_modules() -> None:
    modules = _modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    assert graph["newsgraph.cli"] >= {"newsgraph.cli.ingest", "newsgraph.cli.query"}
    assert _cycles(graph) == []


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_import_newsgraph_loads_no_model_and_no_numpy() -> None:
    code = ("import sys, newsgraph; heavy = sorted({m.split('.')[0] for m in sys.modules} & "
            "{'spacy', 'numpy', 'thinc', 'trafilatura', 'rapidfuzz'}); print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_no_module_over_600_lines() -> None:
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_knowledge_base_is_typed_everywhere() -> None:
    untyped = [f"{p.relative_to(ROOT)}:{i}" for p in PACKAGE.rglob("*.py")
               for i, line in enumerate(p.read_text("utf-8").splitlines(), 1)
               if re.search(r"\bkb: Any\b", line)]
    assert untyped == []


def test_readme_stage_table_names_real_modules() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme[readme.index("| stage | module |"):]
    table = table[:table.index("\n\n")]
    paths = re.findall(r"`(newsgraph/[\w/.]+)`", table)
    assert len(paths) >= 10
    missing = [p for p in paths if not (ROOT / p).exists()]
    assert missing == []


def test_readme_lists_every_setting() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert [env for _n, env, _d, _h in settings.describe() if f"`{env}`" not in readme] == []
