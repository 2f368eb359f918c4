"""Times `briefwright export` of the sample against Typst compiling the same brief.

Typst runs in-process through the `typst` package on PyPI (the Typst compiler, 0.15):
each round starts a fresh Python, then times only the compile call, cold (fonts read,
nothing cached), as the `typst compile` command does, and once more warm. Briefwright is
timed as the whole `briefwright export` process, start-up included. Typst reads only the
bundled Noto fonts (no system font scan), so neither side pays for fonts it does not use.

When a `typst` command is on PATH (or named by $TYPST), its whole `typst compile` process
is timed too, once with only the bundled fonts and once as it runs by default, reading the
system's fonts as well: that is the like-for-like comparison with `briefwright export`.

    pip install typst==0.15.2
    cargo install typst-cli --root /tmp/typst-cli   # optional; then TYPST=/tmp/typst-cli/bin/typst
    python3 benches/typst/compare.py target/release/briefwright [rounds]
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
FONTS = os.path.join(ROOT, "assets", "fonts", "noto")

TYPST_ROUND = """
import json, sys, time, typst
start = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[4], font_paths=[sys.argv[3]], ignore_system_fonts=True)
cold = time.perf_counter() - start
start = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[4], font_paths=[sys.argv[3]], ignore_system_fonts=True)
warm = time.perf_counter() - start
print(json.dumps([cold, warm]))
"""


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main():
    briefwright = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    typst_cli = os.environ.get("TYPST") or shutil.which("typst")
    with tempfile.TemporaryDirectory() as scratch:
        brief = os.path.join(scratch, "sample.brief")
        subprocess.run([briefwright, "sample", "-o", brief], check=True, capture_output=True)
        ours, cold, warm, cli_bundled, cli_default = [], [], [], [], []
        source = os.path.join(HERE, "sample.typ")
        cli_out = os.path.join(scratch, "typst-cli.pdf")
        for _ in range(rounds):
            ours.append(timed([briefwright, "export", brief, "-o", os.path.join(scratch, "ours.pdf")]))
            if typst_cli:
                cli_bundled.append(timed([typst_cli, "compile", "--root", ROOT, "--font-path", FONTS,
                                          "--ignore-system-fonts", source, cli_out]))
                cli_default.append(timed([typst_cli, "compile", "--root", ROOT, "--font-path", FONTS,
                                          source, cli_out]))
            out = subprocess.run(
                [sys.executable, "-c", TYPST_ROUND, os.path.join(HERE, "sample.typ"),
                 os.path.join(scratch, "typst.pdf"), FONTS, ROOT],
                check=True,
                capture_output=True,
                text=True,
            )
            c, w = json.loads(out.stdout)
            cold.append(c)
            warm.append(w)
    ms = lambda xs: statistics.median(xs) * 1000
    print(f"briefwright export, whole process: {ms(ours):.1f} ms (median of {rounds})")
    print(f"Typst compile, cold in-process:    {ms(cold):.1f} ms")
    print(f"Typst compile, warm in-process:    {ms(warm):.1f} ms")
    print(f"ratio against Typst cold: {ms(ours) / ms(cold):.2f} (budget 0.3)")
    if typst_cli:
        print(f"typst compile, whole process, bundled fonts only: {ms(cli_bundled):.1f} ms")
        print(f"typst compile, whole process, with system fonts:  {ms(cli_default):.1f} ms")
        print(f"ratio against typst compile: {ms(ours) / ms(cli_bundled):.2f} (bundled fonts), "
              f"{ms(ours) / ms(cli_default):.2f} (with system fonts)")


if __name__ == "__main__":
    main()
