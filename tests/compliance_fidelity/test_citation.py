"""Issue 13 item 15: the notice's document number is in the catalogue, on the control pages and in the PDF."""

import subprocess

from appgov.compliance.evaluation import catalogue, evaluate

NUMBER = "金办发〔2024〕99号"


def test_the_catalogue_carries_the_document_number(db):
    assert catalogue().source("NFRA-2024").document_no == NUMBER
    assert catalogue().source("PBC-2018-102").document_no == "银发〔2018〕102号"


def test_control_page_shows_the_citation(world, login):
    page = login(world.a.admin).get("/compliance/controls/NFRA-08.4/").content.decode()
    assert NUMBER in page and "2024-09-12" in page
    assert "宽限期" in page or "Grace period" in page


def test_control_list_names_the_sources_with_their_numbers(world, login):
    page = login(world.a.admin).get("/compliance/controls/").content.decode()
    assert NUMBER in page and "银发〔2018〕102号" in page


def test_pdf_report_cites_both_notices(world, login, tmp_path):
    evaluate(world.a.inst)
    path = tmp_path / "report.pdf"
    path.write_bytes(login(world.a.admin).get("/compliance/report.pdf").content)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert NUMBER in flat and "银发〔2018〕102号" in flat
