#!/usr/bin/env python3
"""Reads and parses every brief under DIR with PyYAML's C loader, and
nothing else: the Python side of the floor. usage: load.py DIR"""

import os
import sys

import yaml

for dirpath, _, filenames in os.walk(sys.argv[1]):
    for name in filenames:
        if name.endswith((".yaml", ".yml")) and not name.startswith((".", "_")):
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                yaml.load(f, Loader=yaml.CSafeLoader)
