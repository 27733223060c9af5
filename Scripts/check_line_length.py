#!/usr/bin/env python3
"""Fails when a Swift line under Sources/, Tests/ or Benchmarks/ is longer than 120 characters.

Characters, not bytes: a Hangul syllable is one character (three bytes in UTF-8).
Usage: Scripts/check_line_length.py [--list | --files]
(--list: the files with long lines and how many, not each line; --files: the files checked, for `swift format`).
"""
import collections
import pathlib
import sys

LIMIT = 120
ROOTS = ("Sources", "Tests", "Benchmarks")


def checked_files(root):
    for top in ROOTS:
        for file in sorted((root / top).rglob("*.swift")):
            yield file.relative_to(root).as_posix()


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    if "--files" in sys.argv[1:]:
        print("\n".join(checked_files(root)))
        return 0
    long_lines = []
    for path in checked_files(root):
        for number, line in enumerate((root / path).read_text(encoding="utf-8").splitlines(), start=1):
            if len(line) > LIMIT:
                long_lines.append((path, number, len(line)))
    if "--list" in sys.argv[1:]:
        for path, count in collections.Counter(path for path, _, _ in long_lines).most_common():
            print(f"{count:5d} {path}")
    else:
        for path, number, length in long_lines:
            print(f"{path}:{number}: {length} characters (at most {LIMIT})")
    if long_lines:
        print(f"{len(long_lines)} lines longer than {LIMIT} characters", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
