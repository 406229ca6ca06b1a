"""The package's layers, read from its source with ast: no import cycles anywhere in reader/,
the engine and the store never import the UI, and no ``except ImportError`` hides one of the
package's own modules. Every import counts: inside functions (it runs, only later), under
``if TYPE_CHECKING:`` (a module that names another's types depends on it) and
``importlib.import_module("reader....")`` with a literal name."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "reader"



def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Import statements, with ``importlib.import_module("x")`` read as ``import x``."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(ast.Import(names=[ast.alias(name=node.args[0].value)]))
    return found


def _targets(node: ast.Import | ast.ImportFrom, here: str, is_pkg: bool, modules) -> set[str]:
    """The package's own modules an import statement loads."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = node.module or ""
        if node.level:
            parts = here.split(".")
            parts = parts if is_pkg else parts[:-1]
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join([*parts, base] if base else parts)
        names = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
    out = set()
    for name in names:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name.startswith("reader"):
            out.add(name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_pkg = path.name == "__init__.py"
        deps: set[str] = set()
        for node in _imports(tree):
            deps |= _targets(node, name, is_pkg, modules)
        graph[name] = deps - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(frozenset(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_the_package() -> None:
    graph = _graph()
    assert "reader.analysis.model" in graph["reader.analysis.engine"]
    assert "reader.store" in graph["reader.cli_group"] or any(
        m.startswith("reader.store") for m in graph["reader.cli_group"]
    )


def test_finding_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [frozenset({"a", "b", "c"})]


def test_no_import_cycles_in_the_package() -> None:
    cycles = [sorted(c) for c in _cycles(_graph())]
    assert not cycles, f"import cycles: {cycles}"


def test_engine_and_store_never_import_the_ui() -> None:
    bad = sorted(
        (src, dep)
        for src, deps in _graph().items()
        if src.startswith(("reader.analysis", "reader.store"))
        for dep in deps
        if dep.startswith("reader.ui")
    )
    assert not bad


def test_no_import_error_guard_around_own_modules() -> None:
    guarded = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Try):
                continue
            catches = {
                n.id
                for h in node.handlers
                for n in ast.walk(h.type)
                if h.type is not None and isinstance(n, ast.Name)
            }
            own = any(
                (
                    isinstance(s, ast.ImportFrom)
                    and (s.level > 0 or (s.module or "").startswith("reader"))
                )
                or (isinstance(s, ast.Import) and any(a.name.startswith("reader") for a in s.names))
                for s in node.body
            )
            if own and catches & {"ImportError", "ModuleNotFoundError"}:
                guarded.add(str(path.relative_to(PACKAGE.parent)))
    assert not guarded, sorted(guarded)
