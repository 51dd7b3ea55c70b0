"""Issue 12 item 14: the Content-Security-Policy allows no inline script, so no template may hold one: no
<script> element without src, no on* event-handler attribute, no javascript: URL."""

import re
from pathlib import Path

import appgov

TEMPLATES = sorted(Path(appgov.__file__).parent.rglob("templates/**/*.html"))
INLINE = [
    ("inline <script>", re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)),
    ("event-handler attribute", re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)),
    ("javascript: URL", re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.I)),
]


def test_templates_hold_no_inline_script():
    assert len(TEMPLATES) > 20
    found = []
    for template in TEMPLATES:
        text = template.read_text(encoding="utf-8")
        for what, pattern in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{template.relative_to(Path(appgov.__file__).parent)}:{line}: {what}")
    assert found == []


def test_the_checker_finds_each_kind():
    samples = ["<script>alert(1)</script>", '<select onchange="go()">', '<a href="javascript:go()">']
    for (_what, pattern), sample in zip(INLINE, samples, strict=True):
        assert pattern.search(sample)
    assert not INLINE[0][1].search('<script src="/static/x.js" defer></script>')
