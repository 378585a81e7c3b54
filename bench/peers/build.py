#!/usr/bin/env python3
"""The Python baseline of `brief build`: every brief under SRC rendered to
Markdown and HTML under OUT, mirroring the tree, plus an index page per
format, in one process, with PyYAML's C loader and Jinja2 templates that
lay out the same sections as brief's (bench/peers/brief.*.j2).

It does less than `brief build`: no validation, no id checks, no sorting
of the chronology, no Markdown escaping or rendering of prose, no
incremental builds, no atomic writes. It is what a team might write
instead.

usage: build.py SRC OUT
"""

import os
import sys

import jinja2
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main():
    src, out = sys.argv[1], sys.argv[2]
    loader = jinja2.FileSystemLoader([HERE, os.path.join(ROOT, "templates")])
    md_env = jinja2.Environment(loader=loader, keep_trailing_newline=True)
    html_env = jinja2.Environment(loader=loader, keep_trailing_newline=True, autoescape=True)
    md = md_env.get_template("brief.md.j2")
    html = html_env.get_template("brief.html.j2")
    index = []
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            if name.startswith((".", "_")) or not name.endswith((".yaml", ".yml")):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                data = yaml.load(f, Loader=yaml.CSafeLoader)
            rel = os.path.splitext(os.path.relpath(path, src))[0]
            target = os.path.join(out, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target + ".md", "w", encoding="utf-8") as f:
                f.write(md.render(**data))
            with open(target + ".html", "w", encoding="utf-8") as f:
                f.write(html.render(**data))
            index.append((rel, data.get("title", "")))
    with open(os.path.join(out, "index.md"), "w", encoding="utf-8") as f:
        f.write("# Briefs\n\n")
        for rel, title in index:
            f.write(f"- [{title}]({rel}.md)\n")
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html>\n<title>Briefs</title>\n<ul>\n")
        for rel, title in index:
            f.write(f'<li><a href="{rel}.html">{jinja2.utils.markupsafe.escape(title)}</a></li>\n')
        f.write("</ul>\n")


if __name__ == "__main__":
    main()
