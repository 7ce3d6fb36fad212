"""The package's layers, as its import-time imports show them.

Reads every module's top-level imports (not those inside functions, which run
later) and checks: no cycles; the core (answers, question rules, salutations,
audit rules, retention, purpose texts) imports nothing of models, views or the
admin; models import no views and no admin forms. A new import that breaks a
layer fails here, with the path it took.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wagtail_inclusive_forms"
NAME = PACKAGE.name

CORE = {
    "answers",
    "question",
    "retention",
    "purpose_texts",
    "change_links",
    "conf",
    "spreadsheets",
    "salutations",
    "audit",
}
NOT_FOR_MODELS = ("views", "admin_forms", "wagtail_hooks", "urls")


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
                candidates = [target, *(f"{target}.{alias.name}" for alias in node.names)]
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


def test_the_core_imports_only_the_core():
    graph = import_graph()
    for module in graph:
        if layer(module) in CORE:
            chain = path_between(graph, module, lambda target: layer(target) not in CORE)
            assert chain is None, " -> ".join(chain)


def test_models_import_no_views_and_no_admin_forms():
    graph = import_graph()
    for module in graph:
        if layer(module) == "models":
            chain = path_between(graph, module, lambda target: layer(target) in NOT_FOR_MODELS)
            assert chain is None, " -> ".join(chain)


def test_the_graph_reads_real_imports():
    """The checks above mean something only if the graph sees the imports."""
    graph = import_graph()
    assert f"{NAME}.answers" in graph[f"{NAME}.question"]
    assert f"{NAME}.models.question" in graph[f"{NAME}.models.salutations"]
    assert f"{NAME}.views.audit" in graph[f"{NAME}.urls"]
