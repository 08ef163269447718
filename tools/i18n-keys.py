#!/usr/bin/env python3
"""Lists the UI strings of a project that its Resources/zh-CN.json does not translate yet.
Usage: python3 tools/i18n-keys.py host/Modular.Host"""
import json, pathlib, re, sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "host/Modular.Host")
pattern = re.compile(r'(?:\bT|\btext|\bText|\bL)\["((?:[^"\\]|\\.)*)"|ErrorMessage\s*=\s*"((?:[^"\\]|\\.)*)"')
keys = set()
for f in list(root.rglob("*.cs")) + list(root.rglob("*.cshtml")):
    if "/obj/" in str(f) or "/bin/" in str(f):
        continue
    for m in pattern.finditer(f.read_text(encoding="utf-8")):
        keys.add(m.group(1) or m.group(2))
table = json.loads((root / "Resources" / "zh-CN.json").read_text(encoding="utf-8"))
for k in sorted(keys - table.keys()):
    print(k)
