#!/usr/bin/python3
"""Writes the safemap(1) manual page from the program's own help.

    make_manpage.py --binary build/ci/app/safemap --out build/ci/packaging/safemap.1 [--gzip]

Runs `safemap --help`, finds the commands it lists (the lines of its "Commands:" section),
runs `safemap COMMAND --help` for each, and turns the texts into roff. Nothing about the
commands is written here, so the page cannot disagree with the program: a new command, option
or sentence appears in the page at the next build. check_manpage.py tests that.

The help texts are read by their layout, the one every SafeMap help follows:
  * "Usage: ..." lines (continued by deeper-indented lines) give the synopsis;
  * a line "Name:" alone starts a section of the top-level help;
  * "  TERM   description" (two-space indent, two or more spaces after the term) is an entry,
    continued by lines indented deeper than the term;
  * anything else is running text; a blank line ends a paragraph.
"""

import argparse
import gzip
import re
import subprocess
import sys

ENTRY = re.compile(r"^( {1,6})(\S(?:.*?\S)?)\s{2,}(\S.*)$")
SECTION = re.compile(r"^([A-Z][A-Za-z ]*):$")
COMMAND_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


def run_help(binary, *args):
    done = subprocess.run([binary, *args, "--help"], capture_output=True, check=False)
    if done.returncode != 0:
        sys.exit(f"make_manpage: `{binary} {' '.join(args)} --help` exited with "
                 f"{done.returncode}: {done.stderr.decode('utf-8', 'replace')}")
    return done.stdout.decode("utf-8")


def escape(text):
    """Roff-escapes running text: backslashes, hyphens (so options stay unbroken ASCII
    minus signs), and a leading dot or quote that roff would take for a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    if text[:1] in (".", "'"):
        text = "\\&" + text
    return text


def parse(help_text):
    """Splits a help text into blocks: ("usage", [lines]), ("section", name),
    ("entry", term, description) and ("text", paragraph)."""
    blocks = []
    lines = help_text.rstrip("\n").split("\n")
    i = 0
    paragraph = []

    def flush():
        if paragraph:
            blocks.append(("text", " ".join(paragraph)))
            paragraph.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            flush()
            i += 1
            continue
        if line.startswith("Usage:") and stripped != "Usage:":
            flush()
            usage = [stripped[len("Usage:"):].strip()]
            i += 1
            while i < len(lines) and lines[i].startswith("   ") and not ENTRY.match(lines[i]):
                usage.append(lines[i].strip())
                i += 1
            blocks.append(("usage", " ".join(usage)))
            continue
        section = SECTION.match(line)
        if section:
            flush()
            blocks.append(("section", section.group(1)))
            i += 1
            continue
        entry = ENTRY.match(line)
        if entry and not line.startswith("       "):
            flush()
            indent = len(entry.group(1))
            description = [entry.group(3)]
            i += 1
            # Continuation: indented deeper than the term, and not itself a new entry.
            while i < len(lines) and lines[i].strip():
                nxt = lines[i]
                depth = len(nxt) - len(nxt.lstrip(" "))
                if depth <= indent or (ENTRY.match(nxt) and depth == indent):
                    break
                description.append(nxt.strip())
                i += 1
            blocks.append(("entry", entry.group(2), " ".join(description)))
            continue
        paragraph.append(stripped)
        i += 1
    flush()
    return blocks


def commands_from(blocks):
    """The command names listed under the top-level help's commands section."""
    names = []
    in_commands = False
    for block in blocks:
        if block[0] == "section":
            in_commands = "command" in block[1].lower()
        elif block[0] == "entry" and in_commands and COMMAND_NAME.match(block[1]):
            names.append(block[1])
    return names


def bold_term(term):
    """A usage line or an option term: the literal words (safemap, the command, --options)
    bold, placeholders (FILE, N, PROJECT.gpkg) and brackets as they are."""
    words = []
    for word in term.split(" "):
        lead, core, tail = re.match(r"^([\[(]*)(.*?)([\]),|]*)$", word).groups()
        if core and (core.startswith("-") or COMMAND_NAME.match(core)):
            words.append(f"{escape(lead)}\\fB{escape(core)}\\fR{escape(tail)}")
        else:
            words.append(escape(word))
    return " ".join(words)


def render_blocks(blocks, out, skip_sections=False):
    for block in blocks:
        kind = block[0]
        if kind == "usage":
            out.append(".PP")
            out.append(bold_term(block[1]))
        elif kind == "section":
            if not skip_sections:
                out.append(f'.SS "{block[1]}"')
        elif kind == "entry":
            out.append(".TP")
            out.append(bold_term(block[1]))
            out.append(escape(block[2]))
        else:
            out.append(".PP")
            out.append(escape(block[1]))


def build_page(binary):
    top_text = run_help(binary)
    top = parse(top_text)
    commands = commands_from(top)
    if not commands:
        sys.exit("make_manpage: `safemap --help` lists no commands (no 'Commands:' section?)")
    first_line = top_text.split("\n", 1)[0].strip()
    version_match = re.search(r"\b(\d+\.\d+(?:\.\d+)?)\b", first_line)
    version = version_match.group(1) if version_match else ""

    out = [
        "'\\\" t -*- coding: UTF-8 -*-",
        ".\\\" Generated by packaging/make_manpage.py from `safemap --help` and",
        ".\\\" `safemap COMMAND --help`; edit those help texts, not this file.",
        f'.TH SAFEMAP 1 "" "SafeMap {version}" "User Commands"',
        ".nh",
        ".ad l",
        ".SH NAME",
        "safemap \\- risk map of industrial zones, clusters and factories",
        ".SH SYNOPSIS",
    ]
    sections = {}
    current = None
    for block in top[1:] if top and top[0][0] == "text" else top:
        if block[0] == "section":
            current = block[1]
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(block)
    for block in sections.get("Usage", []):
        if block[0] == "entry":
            out += [".TP", bold_term(block[1]), escape(block[2])]
        else:
            render_blocks([block], out)
    out += [
        ".SH DESCRIPTION",
        escape(first_line),
        ".PP",
        "SafeMap shows a province's industrial zones, clusters, economic zones and factories",
        "on one map, coloured by the infection risk scored from the enterprises' own",
        "assessments, and lists the facilities due for inspection or suspension, each with its",
        "reasons. It works offline: the basemap ships with it and the data stay on the",
        "workstation. Without a command it opens the window; with one it works without a",
        "window and prints English, for scripts. A project is one GeoPackage file.",
        ".PP",
        "The user guide (Vietnamese and English) opens in the window with F1.",
        ".SH OPTIONS",
    ]
    for block in sections.get("Options", []):
        if block[0] == "entry":
            out += [".TP", bold_term(block[1]), escape(block[2])]
        else:
            render_blocks([block], out)
    out.append(".SH COMMANDS")
    summaries = {b[1]: b[2] for b in sections.get("Commands", []) if b[0] == "entry"}
    for command in commands:
        out.append(f'.SS "{command}"')
        if command in summaries:
            out += [".PP", escape(summaries[command])]
        render_blocks(parse(run_help(binary, command)), out)
    for name, blocks in sections.items():
        if name in ("Usage", "Options", "Commands"):
            continue
        out.append(f'.SH "{name.upper()}"')
        render_blocks(blocks, out, skip_sections=True)
    out += [
        ".SH EXIT STATUS",
        "0 when the command did its work; 1 when it failed (the message on standard error",
        "names the file, row and column where it can); 2 when the command line was wrong.",
        ".SH ENVIRONMENT",
        ".TP",
        ".B SAFEMAP_HOME",
        "A directory searched first for SafeMap's shipped files (criteria sets, basemap,",
        "sample data, user guide), laid out as the source tree.",
        ".SH FILES",
        ".TP",
        ".I /usr/share/safemap/resources/criteria/",
        "The bundled criteria sets; crln\\-1203\\-v1.json is the default.",
        ".TP",
        ".I /usr/share/safemap/data/",
        "The basemap and the sample province (sites, assessments, inspections).",
        ".TP",
        ".I /usr/share/safemap/docs/guide/",
        "The user guide, in vi/ and en/, as Markdown.",
        ".TP",
        ".I ~/.config/SafeMap/SafeMap.conf",
        "The window's settings: language, recent projects, window layout.",
        ".SH SEE ALSO",
        ".BR ogrinfo (1),",
        ".BR ogr2ogr (1)",
    ]
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="the safemap executable")
    parser.add_argument("--out", required=True, help="the .1 file to write")
    parser.add_argument("--gzip", action="store_true",
                        help="also write OUT.gz, compressed as Debian wants (gzip -9n)")
    args = parser.parse_args()
    page = build_page(args.binary)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(page)
    if args.gzip:
        # No name and no time stamp in the header, so the same page gives the same bytes.
        with open(args.out + ".gz", "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw,
                               mtime=0) as z:
                z.write(page.encode("utf-8"))


if __name__ == "__main__":
    main()
