#!/usr/bin/env python3
"""Fills unfinished entries of resources/translations/safemap_vi.ts.

Usage: fill_translations.py TS [DICT.tsv ...]
A source already translated elsewhere in the file (or in the previous committed version,
`git show HEAD:<ts>`) gets that translation; a DICT.tsv line "source<TAB>translation"
gives the rest. Prints the sources still unfinished. For developers after lupdate; the
translations themselves are reviewed like code.
"""
import subprocess
import sys
import xml.etree.ElementTree as ET


def known_translations(root):
    out = {}
    for msg in root.iter("message"):
        src = msg.findtext("source")
        tr = msg.find("translation")
        if src is not None and tr is not None and tr.get("type") != "unfinished" and tr.text:
            out.setdefault(src, tr.text)
    return out


def main():
    path = sys.argv[1]
    tree = ET.parse(path)
    root = tree.getroot()
    known = {}
    try:
        old = subprocess.run(["git", "show", "HEAD:" + path], capture_output=True, check=True)
        known.update(known_translations(ET.fromstring(old.stdout)))
    except Exception:
        pass
    known.update(known_translations(root))
    for tsv in sys.argv[2:]:
        with open(tsv, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line and not line.startswith("#") and "\t" in line:
                    s, t = line.split("\t", 1)
                    known[s.replace("\\n", "\n")] = t.replace("\\n", "\n")
    missing = []
    for msg in root.iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") != "unfinished":
            continue
        src = msg.findtext("source")
        if src in known:
            tr.text = known[src]
            del tr.attrib["type"]
        else:
            missing.append(src)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    # lupdate writes <!DOCTYPE TS>; keep it so diffs stay small.
    text = open(path, encoding="utf-8").read()
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    open(path, "w", encoding="utf-8").write(text)
    for m in missing:
        print(m)


if __name__ == "__main__":
    main()
