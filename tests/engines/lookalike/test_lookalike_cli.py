"""The CLI end to end: output lines, exit 2 with file/line/field on malformed input, --since."""

import json

import pytest
from conftest import FOREIGN_CERT, ICBC_CERT, write_jsonl
from PIL import Image, ImageDraw

from appgov.engines.lookalike.cli import main
from appgov.engines.lookalike.icons import phash_file

PROTECTED = {
    "app_id": "icbc",
    "institution": "中国工商银行",
    "names": ["中国工商银行"],
    "brand_keywords": ["工商银行", "ICBC"],
    "package_ids": ["com.icbc"],
    "developers": ["中国工商银行股份有限公司"],
    "cert_sha256": [ICBC_CERT.upper()],
}


def listing(i, name, **kw):
    row = {
        "listing_id": f"L{i}",
        "source": "store",
        "name": name,
        "package_id": "com.x.y",
        "developer": "某公司",
    }
    row.update(kw)
    return row


@pytest.fixture
def files(tmp_path):
    protected = write_jsonl(tmp_path / "protected.jsonl", [PROTECTED])
    listings = write_jsonl(
        tmp_path / "listings.jsonl",
        [
            listing(1, "中国工商银行", package_id="com.icbc", cert_sha256=ICBC_CERT, first_seen="2025-01-01"),
            listing(2, "工商银行极速版", first_seen="2025-06-01"),
            listing(
                3, "中国工商银行", package_id="com.icbc", cert_sha256=FOREIGN_CERT, first_seen="2025-06-02"
            ),
            listing(4, "开心消消乐", first_seen="2025-06-03"),
        ],
    )
    return tmp_path, protected, listings


def read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_writes_expected_alerts(files, workers):
    tmp, protected, listings = files
    out = tmp / "alerts.jsonl"
    code = main(
        ["--protected", str(protected), "--listings", str(listings), "--out", str(out), "--workers", workers]
    )
    assert code == 0
    alerts = read(out)
    assert [(a["listing_id"], a["app_id"], a["kind"]) for a in alerts] == [
        ("L2", "icbc", "counterfeit"),
        ("L3", "icbc", "repackaged"),
    ]


def test_cli_since_screens_only_new_listings(files):
    tmp, protected, listings = files
    out = tmp / "alerts.jsonl"
    assert (
        main(
            [
                "--protected",
                str(protected),
                "--listings",
                str(listings),
                "--out",
                str(out),
                "--since",
                "2025-06-02",
            ]
        )
        == 0
    )
    assert [a["listing_id"] for a in read(out)] == ["L3"]


def test_cli_threshold(files):
    tmp, protected, listings = files
    out = tmp / "alerts.jsonl"
    assert (
        main(
            [
                "--protected",
                str(protected),
                "--listings",
                str(listings),
                "--out",
                str(out),
                "--threshold",
                "0.95",
            ]
        )
        == 0
    )
    assert [a["listing_id"] for a in read(out)] == ["L3"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "listings.jsonl:3: invalid JSON"),
        (json.dumps({"listing_id": "x", "source": "s"}), "listings.jsonl:3: field 'name': is required"),
        (
            json.dumps({"listing_id": "x", "source": "s", "name": 5}),
            "field 'name': expected a string, got int",
        ),
        (
            json.dumps({"listing_id": "x", "source": "s", "name": "n", "cert_sha256": "abc"}),
            "field 'cert_sha256'",
        ),
        (
            json.dumps({"listing_id": "x", "source": "s", "name": "n", "icon_phash": "zz"}),
            "field 'icon_phash'",
        ),
        (
            json.dumps({"listing_id": "x", "source": "s", "name": "n", "first_seen": "yesterday"}),
            "field 'first_seen'",
        ),
        (json.dumps(["a"]), "listings.jsonl:3: expected a JSON object"),
    ],
)
@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_malformed_listing_line_exits_2(files, capsys, line, message, workers):
    tmp, protected, _ = files
    good = json.dumps(listing(1, "开心消消乐"), ensure_ascii=False)
    bad = tmp / "listings.jsonl"
    bad.write_text(f"{good}\n\n{line}\n{good}\n", encoding="utf-8")
    out = tmp / "alerts.jsonl"
    code = main(
        ["--protected", str(protected), "--listings", str(bad), "--out", str(out), "--workers", workers]
    )
    assert code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()  # nothing half-written


def test_cli_malformed_protected_line_exits_2(tmp_path, capsys):
    protected = write_jsonl(tmp_path / "p.jsonl", [PROTECTED, {**PROTECTED, "app_id": "b", "names": []}])
    listings = write_jsonl(tmp_path / "l.jsonl", [listing(1, "x")])
    code = main(["--protected", str(protected), "--listings", str(listings), "--out", str(tmp_path / "o")])
    assert code == 2
    assert "p.jsonl:2: field 'names': must list at least one value" in capsys.readouterr().err


def test_cli_duplicate_app_id_and_bad_arguments(tmp_path, capsys):
    protected = write_jsonl(tmp_path / "p.jsonl", [PROTECTED, PROTECTED])
    listings = write_jsonl(tmp_path / "l.jsonl", [listing(1, "x")])
    assert (
        main(["--protected", str(protected), "--listings", str(listings), "--out", str(tmp_path / "o")]) == 2
    )
    assert "p.jsonl:2: field 'app_id': duplicate of line 1" in capsys.readouterr().err
    assert main(["--protected", str(protected)]) == 2
    assert (
        main(["--protected", str(protected), "--listings", str(listings), "--out", "o", "--threshold", "7"])
        == 2
    )
    assert main(["--protected", "missing.jsonl", "--listings", str(listings), "--out", "o"]) == 2


def _logo(path, colour):
    img = Image.new("RGB", (128, 128), (240, 240, 240))
    draw = ImageDraw.Draw(img)
    draw.ellipse([10, 10, 118, 118], fill=colour)
    draw.rectangle([40, 30, 88, 98], fill=(255, 255, 255))
    draw.polygon([(20, 110), (64, 70), (108, 110)], fill=(20, 20, 20))
    img.save(path)
    return img


def test_cli_icon_signal_from_icon_files(tmp_path):
    icons = tmp_path / "icons"
    icons.mkdir()
    _logo(icons / "official.png", (200, 20, 20))
    _logo(icons / "copy.png", (200, 20, 20)).crop((8, 8, 120, 120)).resize((128, 128)).save(
        icons / "crop.png"
    )
    protected = write_jsonl(tmp_path / "p.jsonl", [{**PROTECTED, "icon": "official.png"}])
    listings = write_jsonl(
        tmp_path / "l.jsonl",
        [
            listing(1, "掌上贷款", icon="crop.png"),
            listing(2, "掌上贷款", icon_phash=phash_file(icons / "copy.png")),
        ],
    )
    out = tmp_path / "alerts.jsonl"
    assert (
        main(
            [
                "--protected",
                str(protected),
                "--listings",
                str(listings),
                "--out",
                str(out),
                "--icons-root",
                str(icons),
            ]
        )
        == 0
    )
    alerts = read(out)
    assert [a["listing_id"] for a in alerts] == ["L1", "L2"]
    # L1 has its icon file: the keypoints confirm the crop too; L2 has only a hash
    assert [[r["signal"] for r in a["reasons"] if r["signal"].startswith("icon")] for a in alerts] == [
        ["icon_keypoints", "icon_phash", "icon_value_phash"],
        ["icon_phash"],
    ]


def test_cli_since_rescreens_a_listing_that_came_back(tmp_path):
    """The engine keeps no state between sweeps: a counterfeit taken down and re-listed unchanged is
    screened again by --since only because its feed dates its return in changed_at."""
    protected = write_jsonl(tmp_path / "p.jsonl", [PROTECTED])
    listings = write_jsonl(
        tmp_path / "l.jsonl",
        [
            listing(1, "工商银行极速版", first_seen="2025-01-01", changed_at="2025-07-01"),  # came back
            listing(2, "工商银行极速版", first_seen="2025-01-01"),  # seen continuously since January
        ],
    )
    out = tmp_path / "alerts.jsonl"
    args = ["--protected", str(protected), "--listings", str(listings), "--out", str(out)]
    assert main([*args, "--since", "2025-06-15"]) == 0
    assert [a["listing_id"] for a in read(out)] == ["L1"]
    assert main(args) == 0  # a full sweep (e.g. after the protected apps changed) screens both
    assert [a["listing_id"] for a in read(out)] == ["L1", "L2"]
