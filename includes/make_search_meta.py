"""Write each page's search front matter (boost and terms) from the glossary's term files.

Run after editing ``includes/terms/*.yml`` or adding a page:

    python includes/make_search_meta.py

See ``nnref_site.search_meta`` for what is written and why; ``tests/test_search.py`` fails
when a page's front matter is out of date.
"""

from __future__ import annotations

from nnref_site.search_meta import DOCS, with_front_matter


def main() -> None:
    changed = 0
    for path in sorted(DOCS.rglob("*.md")):
        page = path.relative_to(DOCS).as_posix()
        text = path.read_text(encoding="utf-8")
        new = with_front_matter(page, text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    print(f"updated the search front matter of {changed} pages")


if __name__ == "__main__":
    main()
