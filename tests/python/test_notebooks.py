"""The notebooks of examples/notebooks run top to bottom in a fresh kernel (nbclient), from their own
folder as Jupyter runs them, without an error or a warning; they are committed without outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "examples" / "notebooks").glob("*.ipynb"))


def test_the_three_notebooks_are_there() -> None:
    assert [path.stem for path in NOTEBOOKS] == ["campaign", "plan", "ranking"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code), (
        f"{path.name} has outputs: clear them before committing (Jupyter: Edit > Clear All Outputs)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = nbformat.read(path, as_version=4)
    # Warnings are errors in the notebook's code too, so a Chinese glyph missing from the fonts fails.
    notebook.cells.insert(0, nbformat.v4.new_code_cell("import warnings\nwarnings.simplefilter('error')"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # as in Jupyter
    client = NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError naming the cell on an error in a cell's code
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    # An error while the figure is drawn after the cell (a missing glyph) is an output, not a raise.
    failed = [output for output in outputs
              if output.output_type == "error" or (output.output_type == "stream" and output.name == "stderr")]
    assert not failed, f"{path.name}: {failed[:1]}"
    images = [output for output in outputs if "image/png" in output.get("data", {})]
    assert images, f"{path.name} shows no plot"
