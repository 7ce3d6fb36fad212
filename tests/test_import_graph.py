"""The package's layers, as its import-time imports show them.

Reads every module's top-level imports (not those inside functions, which run
later) and checks them against the folders: no cycles; ``core/`` imports only
the core, ``forms/`` only the core and itself, ``models/`` nothing of
``services/`` and of ``admin/`` only the panels (Wagtail declares panels on
models), ``services/`` nothing of ``admin/``. A new import that breaks a layer
fails here, with the path it took.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wagtail_inclusive_forms"
NAME = PACKAGE.name

# Each folder may import the folders listed for it (and itself) at import time.
ALLOWED = {
    "core": {"core"},
    "forms": {"core", "forms"},
    "models": {"core", "forms", "models", "admin.panels"},
    "services": {"core", "forms", "models", "admin.panels", "services"},
}


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "migrations" in parts:
            continue
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """module -> the package's modules it imports at import time."""
    known = modules()
    graph = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        imported = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                # ``from . import x`` imports the module x, not its package's __init__
                candidates = [
                    f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target
                    for alias in node.names
                ]
            elif isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            else:
                continue
            imported |= {c for c in candidates if c in known and c != name and c != NAME}
        graph[name] = imported
    return graph


def layer(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def path_between(graph, start, goal_test):
    """A chain of imports from ``start`` to a module passing ``goal_test``, or None."""
    seen, queue = {start}, [[start]]
    while queue:
        chain = queue.pop(0)
        for target in sorted(graph[chain[-1]]):
            if goal_test(target):
                return [*chain, target]
            if target not in seen:
                seen.add(target)
                queue.append([*chain, target])
    return None


def test_there_are_no_import_cycles():
    graph = import_graph()
    for module in graph:
        cycle = path_between(graph, module, lambda target, module=module: target == module)
        assert cycle is None, " -> ".join(cycle)


def allowed(source: str, target: str) -> bool:
    layers = ALLOWED.get(layer(source))
    return layers is None or layer(target) in layers or target.removeprefix(f"{NAME}.") in layers


def test_each_layer_imports_only_the_layers_below_it():
    graph = import_graph()
    for module in graph:
        chain = path_between(graph, module, lambda target, module=module: not allowed(module, target))
        assert chain is None, " -> ".join(chain)


def test_every_module_lives_in_a_layer_or_is_wiring():
    """Only Django's and Wagtail's entry points and the public import paths stay at the top."""
    top = {name for name in import_graph() if name.count(".") == 1 and layer(name) not in ALLOWED}
    assert top == {
        f"{NAME}.{name}"
        for name in (
            "admin",
            "apps",
            "blocks",
            "checks",
            "contrib",
            "management",
            "signal_handlers",
            "stream_forms",
            "templatetags",
            "wagtail_hooks",
        )
    }


def test_the_graph_reads_real_imports():
    """The checks above mean something only if the graph sees the imports."""
    graph = import_graph()
    assert f"{NAME}.core.answers" in graph[f"{NAME}.core.question"]
    assert f"{NAME}.models.question" in graph[f"{NAME}.models.salutations"]
    assert f"{NAME}.admin.views.audit" in graph[f"{NAME}.admin.urls"]
    assert not allowed(f"{NAME}.models.question", f"{NAME}.admin.views.audit")
    assert allowed(f"{NAME}.models.question", f"{NAME}.admin.panels")
