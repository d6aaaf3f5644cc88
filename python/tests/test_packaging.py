"""`pip install ./python` offline: the wheel builds with the installed setuptools (no build
isolation, nothing downloaded), holds only the package, declares no dependencies, and imports
from outside the source tree. Skipped, with the reason, where pip or setuptools is missing."""

import importlib.metadata
import importlib.util
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from support import PYTHON_DIR

def _missing() -> str:
    """Why the offline build cannot run here ("" when it can): pyproject.toml needs setuptools >= 61."""
    absent = [m for m in ("pip", "setuptools") if importlib.util.find_spec(m) is None]
    if absent:
        return f"{' and '.join(absent)} not installed for {sys.executable}"
    version = importlib.metadata.version("setuptools")
    if int(version.split(".")[0]) < 61:
        return f"setuptools {version} is older than the build needs (>= 61, pyproject.toml); offline it cannot be upgraded"
    return ""


pytestmark = pytest.mark.skipif(bool(_missing()), reason=_missing() or "ready")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("wheel")
    source = tmp_path / "src"
    shutil.copytree(PYTHON_DIR, source, ignore=shutil.ignore_patterns("tests", "build", "*.egg-info", "__pycache__"))
    out = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index", "-q",
                    "-w", str(out), str(source)], check=True, capture_output=True, text=True)
    (wheel,) = out.glob("lsrif_reward-*.whl")
    return wheel


def test_the_wheel_holds_the_package_and_no_dependencies(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        metadata = z.read(next(n for n in names if n.endswith("METADATA"))).decode()
    modules = sorted(n for n in names if not n.startswith("lsrif_reward-"))
    assert modules == sorted(f"lsrif_reward/{p.name}" for p in (PYTHON_DIR / "lsrif_reward").glob("*.py"))
    assert "Requires-Python: >=3.9" in metadata
    assert "Requires-Dist" not in metadata


def test_installed_into_a_venv_it_imports_from_site_packages(wheel, tmp_path):
    env = tmp_path / "venv"
    try:
        venv.create(env, with_pip=True)
    except (subprocess.CalledProcessError, OSError) as error:
        pytest.skip(f"cannot create a venv with pip here: {error}")
    python = env / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-index", "--no-deps", "-q", str(wheel)], check=True,
                   capture_output=True, text=True)
    done = subprocess.run([str(python), "-c", "import lsrif_reward, lsrif_reward.verl, lsrif_reward.openrlhf, "
                           "lsrif_reward.trl, lsrif_reward.open_instruct; print(lsrif_reward.__file__)"],
                          cwd=tmp_path, check=True, capture_output=True, text=True)
    assert "site-packages" in done.stdout
