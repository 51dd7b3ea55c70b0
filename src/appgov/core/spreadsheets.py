"""Writing cells of an Excel export so that no value a user typed can run as a formula.

openpyxl stores a string that begins with "=" as a formula; Excel and LibreOffice also evaluate text that
begins with "+", "-" or "@" (and tab / carriage return tricks) when a cell is edited or the sheet is saved as
CSV. Such cells are written as text with Excel's quote prefix (the leading apostrophe Excel shows in the
formula bar): the value is kept as it is, so an exported ledger re-imports unchanged, and the cell stays text
even when someone edits it.
"""

import datetime

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def make_inert(cell) -> None:
    """Make `cell` plain text if its value could be taken for a formula."""
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def excel_time(value):
    """Excel stores no time zone: an aware datetime is written as the local wall time of the current time zone
    (the reader's institution on a page), an aware time of day without its offset; anything else unchanged."""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        from django.utils import timezone

        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, datetime.time) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def safe_value(ws, value):
    """`value` as `ws.append` should receive it: a formula-like string becomes a text cell (a Cell works in
    normal and in write-only sheets), an aware time a local one; anything else is returned as it is."""
    if not is_formula_like(value):
        return excel_time(value)
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    make_inert(cell)
    return cell


def append_row(ws, values) -> None:
    """`ws.append(values)` with every formula-like string written as text (normal or write-only sheet)."""
    ws.append([safe_value(ws, v) for v in values])
