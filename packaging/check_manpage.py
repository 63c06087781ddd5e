#!/usr/bin/python3
"""Checks that safemap(1) and the program's help never disagree, and that the page renders.

    check_manpage.py --binary build/ci/app/safemap [--built build/ci/packaging/safemap.1]

1. Regenerates the page from the binary with make_manpage.py (as the build does).
2. With --built, the page the build made must be that page byte for byte (a stale page
   means the build's dependencies are wrong).
3. `man --warnings -l` (MANWIDTH=80, UTF-8) and `groff -ww` must render it without a warning.
4. In the rendered text, every command that `safemap --help` lists has its own subsection,
   and the words of `safemap COMMAND --help` appear there in order, unbroken (only the
   word "Usage:" is dropped: it becomes layout). Every line of `safemap --help` appears in
   the page as well (its section headings become the page's headings).
Exits non-zero with the first difference.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_manpage  # noqa: E402  (the generator, next to this file)

# What groff's UTF-8 output may turn ASCII into, mapped back.
TYPOGRAPHY = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2018": "'",
                            "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def words(text):
    text = re.sub(".\b", "", text)  # overstrike bold/underline, if the formatter kept it
    return text.translate(TYPOGRAPHY).split()


def contains(haystack, needle):
    """Whether the word list `needle` occurs in `haystack` as one unbroken run."""
    if not needle:
        return True
    first = needle[0]
    for i, w in enumerate(haystack):
        if w == first and haystack[i:i + len(needle)] == needle:
            return True
    return False


def fail(message):
    sys.exit(f"check_manpage: {message}")


def render(page_path):
    env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="80")
    for name in ("MANPAGER", "PAGER", "MAN_KEEP_FORMATTING", "MANOPT"):
        env.pop(name, None)
    man = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", page_path],
                         capture_output=True, env=env, check=False)
    if man.returncode != 0 or man.stderr.strip():
        fail(f"`man --warnings -l` is not clean (exit {man.returncode}):\n"
             + man.stderr.decode("utf-8", "replace"))
    groff = subprocess.run(["groff", "-ww", "-k", "-man", "-Tutf8", "-z", page_path],
                           capture_output=True, env=env, check=False)
    if groff.returncode != 0 or groff.stderr.strip():
        fail(f"`groff -ww` is not clean (exit {groff.returncode}):\n"
             + groff.stderr.decode("utf-8", "replace"))
    return man.stdout.decode("utf-8")


def command_sections(rendered, commands):
    """The rendered text of each command's subsection (a heading indented by three spaces,
    up to the next subsection or section heading)."""
    lines = rendered.split("\n")
    sections = {}
    current = None
    for line in lines:
        heading = re.match(r"^   (\S+)\s*$", line)
        if heading and heading.group(1) in commands:
            current = heading.group(1)
            sections[current] = []
            continue
        if re.match(r"^\S", line) or re.match(r"^   \S", line):
            current = None
        if current:
            sections[current].append(line)
    return {name: "\n".join(text) for name, text in sections.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--built", help="the page the build wrote, to compare")
    args = parser.parse_args()

    page = make_manpage.build_page(args.binary)
    if args.built:
        with open(args.built, encoding="utf-8") as f:
            if f.read() != page:
                fail(f"{args.built} differs from the page made from {args.binary} now")

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "safemap.1")
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
        rendered = render(path)
    page_words = words(rendered)

    top_text = make_manpage.run_help(args.binary)
    top = make_manpage.parse(top_text)
    commands = make_manpage.commands_from(top)
    if not commands:
        fail("`safemap --help` lists no commands")
    for block in top:
        if block[0] == "section":
            continue
        pieces = block[1:] if block[0] == "entry" else [block[1]]
        for piece in pieces:
            if not contains(page_words, words(piece)):
                fail(f"the page lacks this text of `safemap --help`: {piece!r}")

    sections = command_sections(rendered, set(commands))
    for command in commands:
        if command not in sections:
            fail(f"the page has no subsection for the command {command!r}")
        help_words = [w for w in words(make_manpage.run_help(args.binary, command))
                      if w != "Usage:"]
        section_words = words(sections[command])
        if not contains(section_words, help_words):
            # Name the first help line that is not there, to make the failure readable.
            for line in make_manpage.run_help(args.binary, command).split("\n"):
                line_words = [w for w in words(line) if w != "Usage:"]
                if not contains(section_words, line_words):
                    fail(f"`safemap {command} --help` and the page disagree at: {line.strip()!r}")
            fail(f"`safemap {command} --help` is in the page, but not as one run of text")
    print(f"check_manpage: the page renders cleanly and holds the help of "
          f"{len(commands)} commands: {', '.join(commands)}")


if __name__ == "__main__":
    main()
