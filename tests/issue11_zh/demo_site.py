"""The demo data as a user meets it: loaded with the demo loaders, evaluated, one package scanned; and every
GET page of the URL resolver, filled with the demo's object ids, for one user."""

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

TESTS = Path(__file__).resolve().parents[1]
for folder in (TESTS, TESTS / "scanning"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

# the object a URL id names, by the key the scoping suite gives it (tests/test_scoping.py ROUTES):
# (model label, the field of it that leads to the institution, "" when the model has institution itself)
OBJECT_MODELS = {
    "changelog": "core.changelogentry",
    "app": "ledger.mobileapp",
    "version": "ledger.appversion",
    "listing": "ledger.listing",
    "channel": "ledger.channel",
    "account": "ledger.publishingaccount",
    "evidence": "ledger.gateevidence",
    "cevidence": "compliance.evidence",
    "finding": "compliance.finding",
    "fattachment": "compliance.findingattachment",
    "creportjob": "compliance.reportjob",
    "scan": "scanning.scan",
    "releasecert": "scanning.releasecertificate",
    "cauth": "credit.authorization",
    "ckiosk": "credit.kiosk",
    "cbulk": "credit.bulkdatarequest",
    "cdissent": "credit.dissentcase",
    "ccomplaint": "credit.complaint",
    "creport": "credit.securityreport",
    "cstaff": "credit.staffsubject",
    "capp": "credit.creditappconnection",
    "chours": "credit.workinghours",
    "cday": "credit.calendarday",
    "caccount": "credit.creditaccount",
    "cchange": "credit.accountchange",
    "creview": "credit.accessreview",
    "creviewday": "credit.reviewday",
    "calert": "credit.alert",
    "ccase": "counterfeit.counterfeitcase",
    "clisting": "counterfeit.observedlisting",
}
STATIC_KWARGS = {"decision": "approve", "step": "approve", "fmt": "cyclonedx"}
# pages that answer a file, not HTML; their text is read elsewhere (the PDF) or is data (exports)
FILE_SUFFIXES = (".xlsx", ".pdf", ".json", "/package/", "/icon/")


def walk(patterns=None, prefix="", namespace=None):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield prefix + str(entry.pattern), name, tuple(entry.pattern.regex.groupindex)


def page_patterns():
    """(route, name, kwargs) of every page (not the API, not the public/probe routes)."""
    skip = ("api/", "healthz", "i18n/", "login/", "logout/", "media/", "static/")
    return [p for p in walk() if not p[0].startswith(skip)]


def object_key(name: str) -> str | None:
    import scoping_modules
    import test_scoping

    routes = dict(test_scoping.ROUTES)
    for module in scoping_modules.MODULES:
        routes.update(module.ROUTES)
    route = routes.get(name)
    return route.obj if route else None


def first_visible(key: str, user):
    """The id of the first object of that kind the user may see (lowest id), or None."""
    label = OBJECT_MODELS.get(key)
    if label is None:
        return None
    model = apps.get_model(label)
    if label == "core.changelogentry":
        seqs = (
            model.objects.filter(institution_id=user.institution_id) if user.institution_id else model.objects
        )
        return seqs.order_by("-seq").values_list("seq", flat=True).first()
    manager = model.objects
    queryset = manager.for_user(user) if hasattr(manager, "for_user") else manager.all()
    return queryset.order_by("pk").values_list("pk", flat=True).first()


def urls_for(user) -> tuple[list[str], list[str]]:
    """The GET URLs of every page for the user, and the patterns that could not be filled (no object)."""
    urls, unfilled = [], []
    for route, name, kwargs in page_patterns():
        values = {}
        for kwarg in kwargs:
            if kwarg in STATIC_KWARGS:
                values[kwarg] = STATIC_KWARGS[kwarg]
            elif kwarg == "control_id":
                values[kwarg] = "NFRA-05.2"
            else:
                key = object_key(name)
                value = first_visible(key, user) if key else None
                if value is None:
                    unfilled.append(name)
                    break
                values[kwarg] = value
        else:
            text = re.sub(r"<(?:\w+:)?(\w+)>", lambda m, v=values: str(v[m.group(1)]), route)
            url = "/" + text
            if not url.endswith(FILE_SUFFIXES):
                urls.append(url)
    return urls, unfilled


class _Text(HTMLParser):
    """What a reader sees: text outside script/style, plus titles, placeholders and option labels; text in
    <code> (literal identifiers, the scanner's own evidence) apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.code: list[str] = []
        self._skip = 0
        self._code = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "code":
            self._code += 1
        for key, value in attrs:
            if key in ("title", "placeholder", "aria-label", "alt") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "code" and self._code:
            self._code -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            (self.code if self._code else self.parts).append(data.strip())


def visible_text(html: str) -> list[str]:
    return page_text(html)[0]


def page_text(html: str) -> tuple[list[str], list[str]]:
    """(the prose a reader sees, the text shown as code)."""
    parser = _Text()
    parser.feed(html)
    return parser.parts, parser.code
