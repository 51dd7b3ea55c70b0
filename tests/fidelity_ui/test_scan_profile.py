"""The scan profile (NFRA-07.4) entered through its page and its API: validated, change-logged, role-checked."""

from django.core.files.uploadedfile import SimpleUploadedFile

from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.scanning.models import ScanProfile
from appgov.scanning.services import options_for

RULES = 'rule evil_marker { strings: $a = "evil" condition: $a }'
PAGE = "/scanning/profile/"
API = "/api/scanning/profiles/"


def form(**values):
    data = {
        "allowed_domains": "alpha.example.cn\n*.cdn.alpha.example.cn\n",
        "check_links": "on",
        "yara_rules": RULES,
        "validity_days": "60",
        "min_target_sdk": "34",
    }
    data.update(values)
    return {k: v for k, v in data.items() if v is not None}


def test_security_records_the_profile_on_the_page_and_the_scan_uses_it(world, login):
    a = world.a
    client = login(a.users["security"])
    assert client.get(PAGE).status_code == 200
    response = client.post(PAGE, form())
    assert response.status_code == 302, response.content.decode()[:500]
    profile = ScanProfile.objects.get(institution=a.inst)
    assert profile.allowed_domains == ["alpha.example.cn", "*.cdn.alpha.example.cn"]
    assert profile.check_links and profile.yara_rules == RULES
    assert (profile.validity_days, profile.min_target_sdk) == (60, 34)
    entries = list(core.history(profile))
    assert [e.action for e in entries] == [ChangeLogEntry.Action.CREATE]
    assert entries[0].actor == a.users["security"]
    options = options_for(a.version)  # what the next scan job runs with
    assert options.check_links and options.allow_domains == profile.allowed_domains
    assert options.min_target_sdk == 34
    # the page shows it, and an edit is a logged update of the same profile
    page = client.get(PAGE).content.decode()
    assert "*.cdn.alpha.example.cn" in page
    assert client.post(PAGE, form(allowed_domains="alpha.example.cn", check_links=None)).status_code == 302
    profile.refresh_from_db()
    assert profile.allowed_domains == ["alpha.example.cn"] and not profile.check_links
    assert [e.action for e in core.history(profile)] == ["update", "create"]


def test_a_bad_domain_is_a_field_error_naming_it(world, login, rest):
    a = world.a
    client = login(a.admin)
    response = client.post(
        PAGE, form(allowed_domains="alpha.example.cn\nhttps://evil.example.cn/x\nlocalhost")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["allowed_domains"]
    assert "https://evil.example.cn/x" in errors[0] and "localhost" in errors[0]
    assert "alpha.example.cn、" not in errors[0]  # the good one is not named
    assert not ScanProfile.objects.filter(institution=a.inst).exists()
    response = rest(a.admin).post(
        API, {"allowed_domains": ["ok.example.cn", "bad_domain!.cn"]}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and "bad_domain!.cn" in body["errors"]["allowed_domains"][0]
    assert not ScanProfile.objects.filter(institution=a.inst).exists()


def test_yara_rules_that_do_not_compile_are_refused_and_a_rules_file_is_read(world, login):
    a = world.a
    client = login(a.users["security"])
    response = client.post(PAGE, form(yara_rules="rule broken { condition: }"))
    assert response.status_code == 200
    assert "YARA" in response.context["form"].errors["yara_rules"][0]
    assert not ScanProfile.objects.filter(institution=a.inst).exists()
    upload = SimpleUploadedFile("rules.yar", RULES.replace("evil", "worse").encode())
    response = client.post(PAGE, {**form(yara_rules=""), "yara_file": upload})
    assert response.status_code == 302
    assert "worse" in ScanProfile.objects.get(institution=a.inst).yara_rules
    bad = SimpleUploadedFile("rules.yar", b'rule x { strings: $a = "\xff\xfe" condition: $a }')
    response = client.post(PAGE, {**form(), "yara_file": bad})
    assert response.status_code == 200 and "UTF-8" in response.context["form"].errors["yara_file"][0]


def test_the_api_creates_one_profile_per_institution_and_updates_it(world, rest):
    a = world.a
    client = rest(a.users["security"])
    response = client.post(
        API,
        {
            "allowed_domains": ["Alpha.Example.cn."],
            "check_links": True,
            "yara_rules": RULES,
            "validity_days": 30,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["institution"] == a.inst.pk and body["allowed_domains"] == ["alpha.example.cn"]
    again = client.post(API, {"allowed_domains": ["x.example.cn"]}, format="json")
    assert again.status_code == 400 and "already has a scan profile" in again.json()["detail"]
    pk = body["id"]
    response = client.patch(f"{API}{pk}/", {"validity_days": 0}, format="json")
    assert response.status_code == 400 and "validity_days" in response.json()["errors"]
    response = client.patch(f"{API}{pk}/", {"allowed_domains": ["beta.example.cn"]}, format="json")
    assert response.status_code == 200 and response.json()["allowed_domains"] == ["beta.example.cn"]
    history = client.get(f"{API}{pk}/history/").json()
    assert [h["action"] for h in history] == ["update", "create"]
    assert client.delete(f"{API}{pk}/").status_code == 400  # kept for the record
    assert ScanProfile.objects.filter(pk=pk).exists()


def test_roles_other_than_administrator_and_security_cannot_write(world, login, rest):
    a = world.a
    for role in ("governance_office", "app_owner", "compliance", "read_only", "credit_officer"):
        user = a.users[role]
        assert login(user).post(PAGE, form()).status_code == 403, role
        assert rest(user).post(API, {"allowed_domains": ["a.example.cn"]}, format="json").status_code == 403
        page = login(user).get(PAGE)
        assert page.status_code == 200 and page.context["form"] is None
    assert not ScanProfile.objects.filter(institution=a.inst).exists()
    # an examiner reads the profiles of the jurisdiction and never writes
    core.save(ScanProfile(institution=world.b.inst, allowed_domains=["beta.example.cn"]))
    examiner = login(world.reg_in)
    page = examiner.get(PAGE)
    assert page.status_code == 200 and "beta.example.cn" in page.content.decode()
    assert examiner.post(PAGE, form()).status_code == 403
    # A does not see B's profile
    assert "beta.example.cn" not in login(a.admin).get(PAGE).content.decode()
    assert rest(a.admin).get(API).json()["count"] == 0
