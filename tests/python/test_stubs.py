"""The Python surface as type checkers see it: the generated stubs match the module (mypy's
stubtest) and the bindings (regenerated, they equal the committed file), and pandas is imported
only where needed."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import civitas

ROOT = Path(__file__).resolve().parents[2]
STUBS = ROOT / "python" / "civitas" / "_core.pyi"


def run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *command], cwd=cwd, capture_output=True, text=True, check=False)


def test_stubtest_finds_the_stubs_match_the_module(tmp_path: Path) -> None:
    result = run("-m", "mypy.stubtest", "civitas", "--mypy-config-file", str(ROOT / "pyproject.toml"),
                 "--allowlist", str(ROOT / "tests" / "python" / "stubtest-allowlist.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_committed_stubs_are_the_generated_ones(tmp_path: Path) -> None:
    fresh = tmp_path / "_core.pyi"
    result = run(str(ROOT / "scripts" / "generate-stubs.py"), str(fresh), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert fresh.read_text(encoding="utf-8") == STUBS.read_text(encoding="utf-8"), (
        "python/civitas/_core.pyi is not what the bindings give: run `make stubs` and commit it")


def test_installed_stubs_are_the_committed_ones() -> None:
    package = Path(civitas.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_core.pyi").read_text(encoding="utf-8") == STUBS.read_text(encoding="utf-8")


def test_stubs_import_pandas_only_for_type_checking() -> None:
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    top_level = {alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names}
    assert "pandas" not in top_level
    guarded = [node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "typing.TYPE_CHECKING"]
    assert [ast.unparse(node.body[0]) for node in guarded] == ["import pandas"]


def test_import_civitas_does_not_import_pandas(tmp_path: Path) -> None:
    result = run("-c", "import sys, civitas; print('pandas' in sys.modules)", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_all_is_the_compiled_core_s_names() -> None:
    from civitas import _core

    assert civitas.__all__ == [*_core.__all__, *civitas._office.__all__, "__version__"]
    assert len(set(civitas.__all__)) == len(civitas.__all__)
    assert {name for name in vars(_core) if not name.startswith("_")} == set(_core.__all__)
    assert dir(civitas) == sorted(civitas.__all__)
    namespace: dict[str, object] = {}
    exec("from civitas import *", namespace)  # noqa: S102 - the star import users write
    assert set(civitas.__all__) <= set(namespace)


def test_methods_are_bound_with_their_classes() -> None:
    # pybind11 methods whose signature is the Python helper's, not Python functions attached after import.
    for method in (civitas.Readiness.rulings_frame, civitas.Framework.evaluate, civitas.Campaign.events_frame):
        assert not inspect.isfunction(method)
    assert (civitas.Readiness.rulings_frame.__doc__ or "").startswith(
        "rulings_frame(self: civitas._core.Readiness, at_inspection: bool = False) -> pandas.DataFrame")


def stub_names_and_annotations() -> tuple[set[str], list[tuple[str, str]]]:
    """The names the stubs define at the top level, and every annotation in them as
    (where, annotation text)."""
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in node.names)
    annotations: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            arguments = node.args
            for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg]:
                if arg is not None and arg.arg not in ("self", "cls"):
                    annotations.append((f"{node.name}({arg.arg})", ast.unparse(arg.annotation) if arg.annotation else ""))
            annotations.append((f"{node.name} ->", ast.unparse(node.returns) if node.returns else ""))
        elif isinstance(node, ast.AnnAssign):
            annotations.append((ast.unparse(node.target), ast.unparse(node.annotation)))
    return names, annotations


def test_every_public_name_has_a_real_type_in_the_stubs() -> None:
    from civitas import _core

    names, annotations = stub_names_and_annotations()
    assert set(_core.__all__) <= names, sorted(set(_core.__all__) - names)
    # Every argument and result is typed, and typing.Any stands only for JSON values (to_dict's
    # dict[str, Any]): wherever the type is known, the stubs say it.
    untyped = [where for where, annotation in annotations if not annotation]
    assert not untyped, untyped
    vague = [f"{where}: {annotation}" for where, annotation in annotations
             if "typing.Any" in annotation.replace("dict[str, typing.Any]", "")]
    assert not vague, vague
