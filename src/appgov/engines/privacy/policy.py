"""A privacy policy as text: read from HTML, PDF or plain text, split into sections, clauses and sentences.

Chinese policies number their parts 一、 二、 … (sections), （一） 1. (1) … (clauses); the text between two
numbers is one clause. Sentences end at 。；！？ or a line break inside a list.
"""

import re
import shutil
import subprocess

from .errors import PolicyError

MAX_BYTES = 8 * 1024 * 1024
SECTION = re.compile(r"^\s*(?:第[一二三四五六七八九十百]+[章部分条]|[一二三四五六七八九十]+、)\s*(.*)$")
CLAUSE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[.、．]\s*|[①②③④⑤⑥⑦⑧⑨⑩])\s*(.*)$"
)
SENTENCE_END = re.compile(r"(?<=[。；！？;!?])|\n")
FULL_STOPS = ("。", "；", "！", "？", ";", "!", "?", "：", ":", "，", ",", "、")


class Clause:
    __slots__ = ("index", "section", "number", "text")

    def __init__(self, index: int, section: str, number: str, text: str):
        self.index, self.section, self.number, self.text = index, section, number, text

    def sentences(self) -> list[str]:
        return [s.strip() for s in SENTENCE_END.split(self.text) if s.strip()]

    def as_dict(self) -> dict:
        return {"index": self.index, "section": self.section, "number": self.number, "text": self.text}


def read_text(data: bytes, filename: str = "") -> str:
    """The policy's text from the bytes of an .html/.htm, .pdf or .txt/.md file (chosen by content, not name)."""
    if not data:
        raise PolicyError("the file is empty")
    if len(data) > MAX_BYTES:
        raise PolicyError(
            f"the file is {len(data) // 1024} KB; a privacy policy may be at most {MAX_BYTES // 1024} KB"
        )
    if data.startswith(b"%PDF-"):
        return _pdf_text(data)
    text = _decode(data)
    head = text[:2048].lower()
    markup = filename.lower().endswith((".html", ".htm", ".wxml", ".axml"))  # a mini-program page is markup
    if markup or "<html" in head or "<body" in head or "<p" in head or "<div" in head or "<!doctype" in head:
        return html_text(text)
    if "\x00" in text:
        raise PolicyError("the file is neither text, HTML nor PDF")
    return text


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PolicyError("the text is neither UTF-8 nor GB18030")


def html_text(markup: str) -> str:
    """Visible text of an HTML page, one block element per line; <strong>/<b> text wrapped in 【】 so that what a
    policy highlights (sensitive personal information must be) stays visible in the text."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(markup)
    except Exception as exc:  # lxml raises several types for broken markup
        raise PolicyError(f"the HTML cannot be read: {exc}") from exc
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for strong in root.xpath("//strong|//b"):
        strong.text = "【" + (strong.text or "")
        if len(strong):
            last = strong[-1]
            last.tail = (last.tail or "") + "】"
        else:
            strong.text += "】"
    for block in root.xpath("//p|//div|//li|//h1|//h2|//h3|//h4|//h5|//h6|//tr|//br|//section|//view"):
        block.tail = "\n" + (block.tail or "")
    for cell in root.xpath("//td|//th"):
        cell.tail = " | " + (cell.tail or "")
    text = root.text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _pdf_text(data: bytes) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        raise PolicyError(
            "reading a PDF needs pdftotext (Debian package poppler-utils), which is not installed"
        )
    run = subprocess.run(
        [tool, "-enc", "UTF-8", "-layout", "-", "-"], input=data, capture_output=True, timeout=60, check=False
    )
    if run.returncode != 0:
        raise PolicyError("the PDF cannot be read: " + run.stderr.decode("utf-8", "replace").strip()[:200])
    text = run.stdout.decode("utf-8", "replace")
    if not text.strip():
        raise PolicyError("the PDF holds no text (a scanned image?); upload the policy as text or HTML")
    return text


def split(text: str) -> list[Clause]:
    """Sections and clauses in reading order; text before the first number is the preamble."""
    clauses: list[Clause] = []
    section, number, lines = "", "", []

    def close():
        # a line that ends without a full stop (a list item, a table row) stays its own sentence
        body = "".join(
            line.strip() + ("" if i == len(lines) - 1 or line.strip().endswith(FULL_STOPS) else "\n")
            for i, line in enumerate(lines)
        ).strip()
        if body:
            clauses.append(Clause(len(clauses), section, number, body))

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        head = SECTION.match(line)
        if head and len(line) < 60:
            close()
            section, number, lines = head.group(1).strip() or line, "", []
            continue
        item = CLAUSE.match(line)
        if item:
            close()
            number, lines = line[: len(line) - len(item.group(1))].strip(), [item.group(1)]
            continue
        lines.append(line if not lines else line)
    close()
    return clauses
