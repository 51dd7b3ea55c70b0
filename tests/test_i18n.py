"""The zh-Hans catalogue is complete, compiles without GNU gettext, and the UI actually speaks it."""

import gettext
import io
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import translation

APPGOV_DIR = Path(settings.BASE_DIR)
PO_PATH = APPGOV_DIR / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
HAN = re.compile(r"[\u4e00-\u9fff]")


def translated_text(entry):
    return " ".join(entry.msgstr_plural.values()) if entry.msgid_plural else entry.msgstr


def entry_key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(PO_PATH), encoding="utf-8")


@pytest.fixture(scope="module")
def compiled_locale(tmp_path_factory):
    """A copy of the project's locale dir compiled by compilemessages_py (the source tree stays as it is)."""
    from django.test.utils import override_settings

    root = tmp_path_factory.mktemp("locale")
    shutil.copytree(APPGOV_DIR / "locale", root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.mo"))
    with override_settings(LOCALE_PATHS=[root]):
        call_command("compilemessages_py", stdout=io.StringIO())
    return root


@pytest.fixture
def speaks_catalogue(settings, compiled_locale):
    settings.LOCALE_PATHS = [compiled_locale]  # the setting_changed signal drops Django's cached catalogues
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_catalogue_has_no_empty_fuzzy_or_obsolete_entries(catalogue):
    assert not catalogue.metadata_is_fuzzy
    assert catalogue.metadata["Language"] == "zh_Hans"
    assert catalogue.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    plural_gaps = [e.msgid for e in catalogue if e.msgid_plural and not all(e.msgstr_plural.values())]
    assert plural_gaps == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    assert [e.msgid for e in catalogue.obsolete_entries()] == []
    assert len(catalogue) > 300


def test_every_translation_is_chinese_unless_it_is_a_name(catalogue):
    # Product and platform names stay as they are; everything else must be translated, not copied.
    kept_as_is = {"APP", "API", "Android", "iOS", "SDK"}
    copied = [e.msgid for e in catalogue if translated_text(e) == e.msgid and e.msgid not in kept_as_is]
    assert copied == []
    no_chinese = [
        e.msgid for e in catalogue if not HAN.search(translated_text(e)) and e.msgid not in kept_as_is
    ]
    assert no_chinese == []


@pytest.mark.parametrize(
    "msgid, term",
    [
        ("App ledger", "台账"),
        ("Admitted", "准入"),
        ("Retired", "退出"),
        ("leading management department for apps", "牵头管理部门"),
        ("MLPS level", "等保"),
        ("app filing number", "备案"),
        ("Listed", "上架"),
        ("Delisted", "下架"),
        ("Provincial office", "派出机构"),
        ("Credit-information security officer", "征信"),
        ("important information system", "重要信息系统"),
        ("outsourcing vendor", "外包服务提供商"),
    ],
)
def test_regulatory_terms_are_used(catalogue, msgid, term):
    assert term in catalogue.find(msgid).msgstr


def test_every_extracted_msgid_is_in_the_catalogue(tmp_path, monkeypatch, settings, catalogue):
    if shutil.which("xgettext") is None or shutil.which("msguniq") is None:
        pytest.skip("GNU gettext (xgettext, msguniq) is not installed, so makemessages cannot run")
    copy = tmp_path / "appgov"
    shutil.copytree(
        APPGOV_DIR, copy, ignore=shutil.ignore_patterns("engines", "locale", "static", "__pycache__")
    )
    (copy / "locale").mkdir()
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command(
        "makemessages", locale=["zh_Hans"], ignore_patterns=["engines/*"], no_obsolete=True, verbosity=0
    )
    extracted = polib.pofile(str(copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"), encoding="utf-8")
    assert len(extracted) > 300, "makemessages found far fewer strings than the project has"
    sources = {ref.split(":")[0].split("/")[0] for entry in extracted for ref, _line in entry.occurrences}
    assert {"templates", "core", "users", "ledger"} <= sources
    have = {entry_key(e) for e in catalogue}
    missing = [e.msgid for e in extracted if entry_key(e) not in have]
    assert missing == [], "run makemessages and translate these"


def test_compiled_catalogue_holds_every_translation(compiled_locale, catalogue):
    with open(compiled_locale / "zh_Hans" / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert compiled.info()["plural-forms"] == "nplurals=1; plural=0;"
    for entry in catalogue:
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                assert compiled._catalog[(key, int(index))] == text, entry.msgid
        else:
            assert compiled._catalog[key] == entry.msgstr, entry.msgid


@pytest.mark.django_db
def test_login_page_in_chinese_and_english(speaks_catalogue, settings):
    chinese = Client().get("/login/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<html lang="zh-hans">' in chinese
    assert "登录 AppGov" in chinese and "用户名" in chinese and "密码" in chinese
    assert "Log in" not in chinese

    english = Client().get("/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in english
    assert "Log in to AppGov" in english and "Username" in english
    assert "登录" not in english

    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    by_cookie = client.get("/login/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "Log in to AppGov" in by_cookie and "登录" not in by_cookie


@pytest.mark.django_db
def test_chinese_is_the_default_without_any_preference(speaks_catalogue):
    page = Client().get("/login/").content.decode()
    assert '<html lang="zh-hans">' in page and "登录 AppGov" in page


def test_language_switch_persists_the_choice(speaks_catalogue, settings, db):
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Log in to AppGov" in client.get("/login/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()


def test_signed_in_pages_speak_chinese(speaks_catalogue, world, login):
    page = login(world.a.admin).get("/ledger/apps/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    for text in ("移动应用台账", "生命周期状态", "管理部门", "退出登录", "运营中"):
        assert text in page, text


def test_ledger_rows_built_in_python_speak_chinese(speaks_catalogue, world, login, settings):
    from appgov.core import services

    settings.APPGOV_LIST_CACHE_SECONDS = 0
    services.update(world.a.app, world.a.office_user, is_important_system=True)
    page = login(world.a.admin).get("/ledger/apps/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<span class="badge text-bg-warning">重要</span>' in page


def test_model_choice_labels_translate(speaks_catalogue, catalogue):
    from appgov.core.models import RegulatorOffice
    from appgov.core.roles import Role
    from appgov.ledger.models.choices import LifecycleState, ListingState, Severity

    samples = [
        LifecycleState.RELEASED,
        LifecycleState.RETIRING,
        ListingState.DELISTED,
        Severity.HIGH,
        Role.CREDIT_OFFICER,
        RegulatorOffice.Level.SUB_OFFICE,
    ]
    with translation.override("zh-hans"):
        chinese = [str(choice.label) for choice in samples]
    with translation.override("en"):
        english = [str(choice.label) for choice in samples]
    assert chinese[0] == "已发布"
    assert english[0] == "Released"
    assert chinese == [catalogue.find(text).msgstr for text in english]
    assert all(HAN.search(label) for label in chinese)


def test_model_verbose_names_translate(speaks_catalogue):
    from appgov.ledger.models import MobileApp

    with translation.override("zh-hans"):
        assert str(MobileApp._meta.verbose_name) == "移动应用"
        assert str(MobileApp._meta.get_field("app_filing_no").verbose_name) == "APP 备案号"
    with translation.override("en"):
        assert str(MobileApp._meta.verbose_name) == "mobile app"


# compilemessages_py on broken catalogues


def write_po(root: Path, body: str, lang: str = "zh_Hans") -> Path:
    path = root / lang / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: zh_Hans\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
    )
    path.write_text(header + body, encoding="utf-8")
    return path


def compile_in(root: Path, *args):
    from django.test.utils import override_settings

    with override_settings(LOCALE_PATHS=[root]):
        call_command("compilemessages_py", *args, stdout=io.StringIO())


def test_compile_writes_mo_that_gettext_reads(tmp_path):
    po = write_po(
        tmp_path, 'msgid "Save"\nmsgstr "保存"\n\n#, python-format\nmsgid "%(n)s rows"\nmsgstr "%(n)s 行"\n'
    )
    compile_in(tmp_path)
    with open(po.with_suffix(".mo"), "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert compiled.gettext("Save") == "保存"
    assert compiled.gettext("%(n)s rows") % {"n": 3} == "3 行"


def test_compile_skips_fuzzy_entries(tmp_path):
    po = write_po(tmp_path, '#, fuzzy\nmsgid "Save"\nmsgstr "保存"\n')
    compile_in(tmp_path)
    with open(po.with_suffix(".mo"), "rb") as mo:
        assert gettext.GNUTranslations(mo).gettext("Save") == "Save"


def test_compile_check_writes_nothing(tmp_path):
    po = write_po(tmp_path, 'msgid "Save"\nmsgstr "保存"\n')
    compile_in(tmp_path, "--check")
    assert not po.with_suffix(".mo").exists()


@pytest.mark.parametrize(
    "body, message",
    [
        ('msgid "Save"\nmsgstr "保存\n', r"django\.po:8: not a PO line"),
        ('msgid "Save"\nmsgstr 保存\n', r"django\.po:8: not a PO line"),
        ('msgid "Save"\nmsgstr "a\\qb"\n', r"django\.po:8: not a PO line"),
        ('msgid "Save"\nmsgstr "保存"\nbogus "x"\n', r"django\.po:9: not a PO line"),
        ('msgid "Save"\n\n', r"django\.po: ends inside an entry"),
        ('msgstr "保存"\nmsgid "Save"\n', r"django\.po:7: msgstr where msgctxt or msgid was expected"),
        ('msgid "Save"\n#. note\nmsgstr "保存"\n', r"django\.po:8: comment inside an entry"),
        ('msgid "a row"\nmsgid_plural "rows"\nmsgstr[1] "行"\n', r"plural forms out of order"),
        ('msgid "Save"\nmsgstr "保存"\n\nmsgid "Save"\nmsgstr "存"\n', r"django\.po.*Save"),
        (
            '#, python-format\nmsgid "%(name)s saved"\nmsgstr "%(nom)s 已保存"\n',
            r"django\.po:\d+ \(msgid '%\(name\)s saved'\): the translation has placeholder %\(nom\)",
        ),
        ('#, python-format\nmsgid "%(name)s saved"\nmsgstr "已保存"\n', r"lacks placeholder\(s\) name"),
        (
            '#, python-format\nmsgid "%(n)d rows"\nmsgstr "%(n)s 行"\n',
            r"%\(n\) is string in the translation but integer in the source",
        ),
        ('#, python-format\nmsgid "%s of %d"\nmsgstr "%s"\n', r"positional placeholders"),
        ('#, python-format\nmsgid "%(n)s rows"\nmsgstr "%(n)q 行"\n', r"bad format directive"),
        ('#, python-brace-format\nmsgid "{n} rows"\nmsgstr "{count} 行"\n', r"placeholder\(s\) \['count'\]"),
    ],
    ids=[
        "unclosed-string",
        "unquoted",
        "bad-escape",
        "unknown-keyword",
        "missing-msgstr",
        "msgstr-first",
        "comment-inside",
        "plural-order",
        "duplicate",
        "renamed-placeholder",
        "lost-placeholder",
        "changed-type",
        "positional",
        "bad-directive",
        "brace",
    ],
)
def test_compile_fails_loudly_and_writes_nothing(tmp_path, body, message):
    good = write_po(tmp_path, 'msgid "Save"\nmsgstr "保存"\n', lang="en")
    bad = write_po(tmp_path, body)
    with pytest.raises(CommandError, match=message):
        compile_in(tmp_path)
    assert not bad.with_suffix(".mo").exists()
    assert not good.with_suffix(".mo").exists()


def test_compile_accepts_what_gettext_accepts(tmp_path):
    # Repeating a placeholder is fine; a plural form may leave the count out (as msgfmt allows).
    po = write_po(
        tmp_path,
        '#, python-format\nmsgid "%(name)s saved"\nmsgstr "%(name)s（%(name)s）已保存"\n\n'
        '#, python-format\nmsgid "one row"\nmsgid_plural "%(n)d rows"\nmsgstr[0] "若干行"\n\n'
        'msgctxt "verb"\nmsgid "Record"\nmsgstr "登记"\n\n'
        'msgid "Tab\\there \\"quoted\\""\nmsgstr ""\n"制表\\t"\n"“引号”"\n',
    )
    compile_in(tmp_path)
    with open(po.with_suffix(".mo"), "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert compiled.pgettext("verb", "Record") == "登记"
    assert compiled.ngettext("one row", "%(n)d rows", 5) == "若干行"
    assert compiled.gettext('Tab\there "quoted"') == "制表\t“引号”"


@pytest.mark.parametrize(
    "catalogue_path",
    [
        "conf/locale/zh_Hans/LC_MESSAGES/django.po",
        "conf/locale/ar/LC_MESSAGES/django.po",
        "conf/locale/ru/LC_MESSAGES/django.po",
        "contrib/admin/locale/zh_Hans/LC_MESSAGES/django.po",
        "contrib/admin/locale/de/LC_MESSAGES/django.po",
    ],
)
def test_compile_accepts_djangos_own_catalogues(tmp_path, catalogue_path):
    import django

    shutil.copy(Path(django.__file__).parent / catalogue_path, write_po(tmp_path, ""))
    compile_in(tmp_path)
    assert (tmp_path / "zh_Hans" / "LC_MESSAGES" / "django.mo").stat().st_size > 10_000


def test_compile_without_catalogues_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="no .po files"):
        compile_in(tmp_path)


def test_catalogue_codes_are_shown_as_words(speaks_catalogue, world, login):
    from appgov.compliance.evaluation import catalogue
    from appgov.compliance.templatetags.catalogue_labels import LABELS

    for control in catalogue().controls:
        for kind in ("applies_to", "method", "frequency", "severity"):
            code = getattr(control, kind)
            assert code is None or str(code) in LABELS[kind], (control.id, kind, code)
    page = login(world.a.admin).get("/compliance/controls/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    for word in ("自动检查", "证明材料", "移动应用", "机构", "严重"):
        assert word in page, word
    assert ">automated<" not in page and ">app_version<" not in page
