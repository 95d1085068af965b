"""`cmake --install` puts the package under the prefix's Debian python3 path, where it imports and
finds the installed icbsim executable."""
import os
import subprocess
import sys

from conftest import SOURCE

BUILD = os.environ.get("ICBSIM_BINARY_DIR", os.path.join(SOURCE, "build"))


def test_installed_package_imports_and_finds_the_installed_executable(tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run(["cmake", "--install", BUILD, "--prefix", str(prefix)], check=True, capture_output=True)
    site = prefix / "lib" / "python3" / "dist-packages"
    assert (site / "icbsim" / "plots" / "__main__.py").is_file()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ICBSIM_EXECUTABLE")}
    env["PYTHONPATH"] = str(site)
    code = "import icbsim, icbsim.cli; print(icbsim.__file__); print(icbsim.cli.executable())"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env).stdout
    module, executable = out.split()
    assert module.startswith(str(site))
    assert executable == str(prefix / "bin" / "icbsim") and os.access(executable, os.X_OK)
