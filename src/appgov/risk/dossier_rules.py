"""What a release dossier (NFRA-03.2, 07.1, 07.3) still lacks, in one place: the checks, the release gate and
the assessment's pre-fill all read it from here, so they cannot disagree on what "complete" means."""

# (field, zh, en): the development records of NFRA-07.1
DEVELOPMENT_PARTS = (
    ("design_reviewed_on", "方案评审", "design review"),
    ("code_reviewed_on", "代码评审", "code review"),
    ("change_approved_on", "变更审批", "change approval"),
)
# (flag, zh, en): what the security test of NFRA-07.3 must cover
TEST_COVERAGE = (
    ("tested_authentication", "客户认证", "customer authentication"),
    ("tested_logic", "应用逻辑控制", "application logic control"),
)
COMPLIANCE_PART = ("compliance_reviewed_on", "合规要求确认", "compliance confirmation")


def development_gaps(dossier) -> list[tuple[str, str]]:
    """The development records the dossier lacks, as (zh, en)."""
    return [(zh, en) for name, zh, en in DEVELOPMENT_PARTS if not getattr(dossier, name)]


def coverage_gaps(dossier) -> list[tuple[str, str]]:
    """What the security test did not cover, as (zh, en)."""
    return [(zh, en) for flag, zh, en in TEST_COVERAGE if not getattr(dossier, flag)]


def release_gaps(dossier) -> list[tuple[str, str]]:
    """Everything a release needs from the dossier and it lacks (empty: complete), as (zh, en)."""
    if dossier is None:
        return [("发布档案", "the release dossier")]
    gaps = development_gaps(dossier)
    name, zh, en = COMPLIANCE_PART
    if not getattr(dossier, name):
        gaps.append((zh, en))
    if not dossier.security_test_result:
        gaps.append(("安全测试结果", "the security test result"))
    elif dossier.security_test_result != "passed":
        gaps.append(("通过的安全测试（本次未通过）", "a passed security test (this one failed)"))
    gaps += [(f"安全测试覆盖{zh}", f"security test of {en}") for zh, en in coverage_gaps(dossier)]
    return gaps
