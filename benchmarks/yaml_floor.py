#!/usr/bin/env python3
"""The floor for any YAML checker: load every fact file and source record with libyaml, nothing else.

python benchmarks/yaml_floor.py ROOT
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main(root: str) -> int:
    count = 0
    for folder in ("seeds", "facts"):
        for path in sorted((Path(root) / folder).glob("*.yaml")):
            with open(path, "rb") as f:
                yaml.load(f, Loader=yaml.CSafeLoader)
            count += 1
    print(f"{count} YAML files loaded")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
