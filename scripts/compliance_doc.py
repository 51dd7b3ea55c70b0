"""Write docs/compliance.md: per control what it checks, what it needs and when it fails.

    DOC_OUT=docs/compliance.md PYTHONPATH=src python scripts/compliance_doc.py

Evidence, periodic and regulator controls are described from the catalogue; automated ones from AUTO below,
which must name every control a check is registered for (a KeyError says which one is missing).
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appgov.settings")
django.setup()
from appgov.compliance.evaluation import catalogue  # noqa: E402 (after django.setup)
from appgov.supervision.checks import PERIOD_DAYS as OFFICE_PERIOD_DAYS  # noqa: E402
from appgov.supervision.checks import RULES as OFFICE_RULES  # noqa: E402

AUTO = {
    "NFRA-01.2": (
        "The institution's leading management department is recorded.",
        "Institution.leading_department.",
        "No department designated.",
    ),
    "NFRA-02.1": (
        "Each live app's ledger record has its required fields and platform identifiers.",
        "Managing and data-owner departments, responsible person, platforms, business lines, regions; package names / bundle ids / AppIDs per platform.",
        "Any required field missing.",
    ),
    "NFRA-02.2": (
        "Every app past the proposal stage passed admission.",
        "An admission lifecycle event or admission_review gate evidence.",
        "Past admission without either.",
    ),
    "NFRA-02.3": (
        "The number of live apps against the planned ceiling.",
        "Institution.planned_app_ceiling.",
        "More apps than the ceiling (no ceiling: evidence needed).",
    ),
    "NFRA-03.1": (
        "Each live app has a managing department and a responsible person still employed.",
        "MobileApp.managing_department, responsible_person (Person.left_on).",
        "Missing, or the person has left.",
    ),
    "NFRA-04.1": (
        "Apps built with a partner have the cooperation contract on record.",
        "MobileApp.partner, partner_contract_ref.",
        "Partner without contract.",
    ),
    "NFRA-05.2": (
        "Every app's business lines and served regions against the licence; 全国 is compared like any region.",
        "Institution.licensed_business_lines / licensed_regions; MobileApp.business_lines / regions; for a nationwide app of a regional licence MobileApp.nationwide_basis.",
        "A line or region outside the licence; a nationwide app of a regional institution without its recorded basis. No licence recorded: evidence needed.",
    ),
    "NFRA-06.2": (
        "Each live app has an experience assessment (适老化: care mode, simplified flows, voice assistance, no advertising pop-ups; minor protection) of its current major version, every item of operations/data/experience_items.yaml answered.",
        "ExperienceAssessment for the highest major of the app's supported versions; ExperienceItemResult per item: met with an evidence file, or not applicable / not met with a note.",
        "No assessment of the current major version (an older major's no longer counts); an item not assessed, not met, or met without evidence. No version at all: evidence needed.",
    ),
    "NFRA-06.3": (
        "The latest finished scan of each version: SDKs without a security assessment.",
        "A finished scan; SdkAssessment rows.",
        "Scan finding mapped to 06.3. Never scanned: uploaded evidence, else evidence needed.",
    ),
    "NFRA-07.2": (
        "Latest scan: known-risk components.",
        "A finished scan.",
        "Scan finding mapped to 07.2. Never scanned: evidence.",
    ),
    "NFRA-07.4": (
        "Latest scan: embedded URLs against the allow-list, dead links, malicious-code (YARA) rules.",
        "The institution's ScanProfile with a non-empty allow-list, check_links on and YARA rules; a scan newer than the profile's last change and within validity_days (default 90).",
        "A finding mapped to 07.4. Profile incomplete, scan older than the profile change or than its validity: evidence needed (then failure after grace).",
    ),
    "NFRA-08.2": (
        "Each released version: open high/critical vulnerabilities; a released version must have been tested.",
        "Vulnerability rows; a finished scan or a test_report gate evidence of that version.",
        "Open high/critical vulnerability. Never tested: evidence needed (then failure after grace).",
    ),
    "NFRA-08.4": (
        "Each released version of a released app has its own release-gate records.",
        "test_report and compliance_review gate evidence naming the version, or dated on/after the version was registered.",
        "A released version without them (undated, unversioned evidence counts for none).",
    ),
    "NFRA-08.5": (
        "Publishing accounts of listed apps are held by the institution.",
        "PublishingAccount.holder.",
        "Any account held by someone else (listed without accounts: evidence needed).",
    ),
    "NFRA-09.2": (
        "Every publishing account of the app in the ledger and every operations console account has an owner still employed, a second administrator still employed, and a review within its interval.",
        "OperatingAccount (owner, second_admin, review_every_days, reviews); ledger PublishingAccount; Person.left_on.",
        "A ledger publishing account without its record; owner or second administrator left or missing; never reviewed or review overdue. An app with no account known anywhere: judged on evidence.",
    ),
    "NFRA-09.3": (
        "Unsupported versions are no longer listed.",
        "AppVersion.support_status / support_ends_on; Listing.state.",
        "Unsupported version still listed.",
    ),
    "NFRA-09.4": (
        "Retiring/retired apps complete the exit steps and are taken down.",
        "Gate evidence exit_risk_assessment, data_migration, privacy_handling, user_notice; no active listing.",
        "Retired with a step missing or still listed (retiring: evidence needed).",
    ),
    "NFRA-09.5": (
        "Counterfeit monitoring runs and confirmed cases are clarified and reported on time.",
        "Listing feeds, sweeps, counterfeit cases (counterfeit/policy.py).",
        "Stale feed or sweep; a case not clarified/reported by its due date. No feed ever: evidence.",
    ),
    "NFRA-10.1": (
        "The institution's OS-release register (shipped operations/data/os_releases.yaml, with sources, extended by users) is followed: every release not yet GA or GA within two years has an adaptation task for every live app on its platform.",
        "OsRelease rows of the institution; AdaptationTask per release and app.",
        "No release tracked; a release/app pair without a task.",
    ),
    "NFRA-10.2": (
        "Each listed version against the target-API rule of the distribution platform it is listed on (scanning/platform_rules.yaml: Huawei AppGallery, Xiaomi, OPPO, vivo, Google Play with sources and dates; Apple App Store and HarmonyOS with no rule).",
        "Listings on channels recognisable as a platform; a finished scan giving the target API.",
        "Target below the rule in force when listed. No known rule for the platform, or no scan: evidence needed.",
    ),
    "NFRA-10.3": (
        "Every adaptation task whose release has reached general availability has an adaptation plan and a contingency plan.",
        "AdaptationTask.plan, contingency_plan, due_on (the release's GA date); tasks marked not applicable are left out.",
        "A task due without either plan. An app on a mobile OS without any task: judged on evidence (a statement that no adaptation is under way). Not on a mobile OS: not applicable.",
    ),
    "NFRA-11.1": (
        "Both filings for the kinds and distribution they cover: APP filing for APPs, mini-programs, quick apps offered to the public; ICP filing of the service.",
        "MobileApp.app_filing_no and icp_filing_no.",
        "A live public app/mini-program/quick app missing either. Official accounts and internal-only apps: not applicable.",
    ),
    "NFRA-11.2": (
        "Production changes of important systems are reported.",
        "AppVersion.change_report_ref.",
        "Important system released without a change report.",
    ),
    "NFRA-12.1": (
        "MLPS level and the last assessment within the level's cycle (calendar months).",
        "MobileApp.mlps_level / mlps_assessed_on; cycles in ledger/mlps_cycles.yaml (level 3: 12 months, level 4: 6 months per 公通字〔2007〕43号 art. 14; levels 1, 2, 5: institution policy).",
        "Not assessed or past the cycle (no level: evidence needed).",
    ),
    "NFRA-12.2": (
        "Latest scan: hardening.",
        "A finished scan.",
        "Finding mapped to 12.2. Never scanned: evidence.",
    ),
    "NFRA-12.3": (
        "Latest scan: encrypted transport.",
        "A finished scan.",
        "Finding mapped to 12.3. Never scanned: evidence.",
    ),
    "NFRA-12.4": (
        "A released Android/HarmonyOS app has a registered release certificate; scans find no signing/tampering issue; listing monitoring finds no repackaged copy left up.",
        "ReleaseCertificate rows; finished scans; counterfeit cases.",
        "No release certificate for a released Android/HarmonyOS app; a scan finding; an open repackaged copy.",
    ),
    "NFRA-13.1": (
        "The data-owner department is a business department or branch.",
        "MobileApp.data_owner_department.kind.",
        "None, or not a business department.",
    ),
    "NFRA-16.1": (
        "Latest scan: personal information collected against the app's declared inventory.",
        "AppPrivacyInventory of the app; a finished scan.",
        "Finding mapped to 16.1. No inventory: evidence needed.",
    ),
    "NFRA-16.2": (
        "Each released version has its own privacy notice, in force from no earlier than that release; apps for the public have a complaint channel.",
        "AppVersion.privacy_notice_url / privacy_notice_effective_on; MobileApp.complaint_channel.",
        "A released version without its notice, a notice older than its release, a public app without complaint channel.",
    ),
    "PBC102-01": (
        "A leading group exists; its head (first responsible person) is employed and senior management.",
        "LeadingGroup; Person.is_senior_management.",
        "No group, head left, head not senior management.",
    ),
    "PBC102-02.1": (
        "Creation, disabling and re-enabling of every account approved by another person.",
        "Applied AccountChange rows of each account.",
        "An account whose state is not backed by an approved change; a self-approved change.",
    ),
    "PBC102-02.2": (
        "Active accounts' roles fit their templates; access reviews signed on time.",
        "role_templates.yaml; AccessReview.",
        "Out-of-template role, overdue or stale review.",
    ),
    "PBC102-02.3": (
        "No shared accounts, no active account of a leaver or mover.",
        "services.account_exceptions.",
        "Any exception.",
    ),
    "PBC102-02.4": (
        "Passwords changed within the policy age.",
        "CreditAccount.password_changed_at; policy.yaml.",
        "Older password.",
    ),
    "PBC102-02.5": (
        "Real-time monitoring alerts of the window, and every working day's log.",
        "Alerts of rules Q05-Q09, Q11-Q13; query-log batches / review days / no-query days.",
        "A working day without log or no-query record; confirmed or unreviewed alerts.",
    ),
    "PBC102-03.1": (
        "Queries without authorisation (Q01-Q03), every working day's log.",
        "As 02.5.",
        "As 02.5.",
    ),
    "PBC102-03.2": ("Staff queries (Q10), every working day's log.", "As 02.5.", "As 02.5."),
    "PBC102-03.3": (
        "Apps connected to the credit system are approved; Q04 alerts of unregistered client apps count against the institution.",
        "CreditAppConnection; Q04 alerts.",
        "Connection without current approval, Q04 alerts on it, or Q04 alerts of an unregistered client app.",
    ),
    "PBC102-04": (
        "Bulk data requests approved, expired data destroyed with certificate.",
        "BulkDataRequest.",
        "Past retention or unapproved extraction (no requests: evidence).",
    ),
    "PBC102-05": (
        "Kiosk register complete and devices purged on time.",
        "Kiosk, purges; policy.yaml kiosk_purge_months (institution policy).",
        "Gaps (no kiosks: evidence).",
    ),
    "PBC102-06.1": (
        "Every working day of the credit calendar has its log (or a recorded no-query day) and every daily worklist is closed by its due date.",
        "QueryLogBatch.days, ReviewDay (branch '*' = no-query day), the credit calendar.",
        "A missing day or an overdue worklist.",
    ),
    "PBC102-06.2": (
        "How alerts were handled: each dispositioned by its review day's due date.",
        "Alert.disposition / reviewed_at; ReviewDay.due_on.",
        "An alert open past its due date or dispositioned late.",
    ),
    "PBC102-07.1": (
        "Dissents marked (异议标注) and answered within 20 days (《征信业管理条例》art. 25), a last day on a non-working day moving to the next working day of the credit calendar (民法典 art. 203).",
        "DissentCase.marked_on / answered_on; credit calendar.",
        "Not marked, or past the deadline (no dissents: evidence).",
    ),
    "PBC102-07.2": (
        "Complaints handled within 15 days, or the approved extension (at most 60 days) per 《银行业保险业消费投诉处理管理办法》(银保监会令2020年第3号).",
        "Complaint.closed_on / extended_until / extension_approval.",
        "Late, or extended without approval or beyond 60 days (no complaints: evidence).",
    ),
    "PBC102-08": (
        "Rules filed; status report and self-inspection within a calendar year.",
        "SecurityReport rows; policy.yaml (12 calendar months, institution policy).",
        "Missing or older than policy (no reports: evidence).",
    ),
}

# Written for the operations module (issue 17): running figures, thresholds, rationalisation.
AUTO.update(
    {
        "NFRA-02.4": (
            "Each released app's rationalisation: the nightly run makes an app a candidate for low activity (mean MAU under the policy floor or the institution's bottom decile over 90 days), poor experience (rating, crash rate, complaints per 10,000 MAU), redundant functions (function catalogue overlap) or high risk (open high findings or vulnerabilities, lapsed MLPS assessment); the office decides keep / optimise / merge / retire with an owner and a deadline.",
            "operations.DailyMetric (last 90 days), AppFunctions, Candidate, Decision; operations/data/policy.yaml (institution policy: decide within 30 days).",
            "A candidate undecided 30 days after it was found, or a decision not completed by its deadline. No figures in 90 days: evidence needed.",
        ),
        "NFRA-06.1": (
            "Each released app's function catalogue compared with the institution's other released apps; an app sharing at least 60 % of its functions is a redundancy candidate that must be decided in time.",
            "operations.AppFunctions (taxonomy operations/data/functions.yaml), Candidate, Decision; policy overlap_ratio 0.6.",
            "Overlap undecided 30 days after it was found, or its decision overdue. No function catalogue, or overlap not yet made a candidate: evidence needed.",
        ),
        "NFRA-09.1": (
            "Each released app's running figures arrive (API batch or file) and every threshold breach is handled; a breach fails the app with its numbers and the incidents of that period.",
            "operations.DailyMetric (last day received), Threshold, Breach (nightly evaluation); policy max_age_days 3.",
            "No figures ever, last figures older than 3 days, or an open (unhandled) threshold breach.",
        ),
    }
)

# Written for the partners and risk modules (issue 16, issue 18): what each of their checks judges from.
AUTO.update(
    {
        "NFRA-03.2": (
            "The latest version's release dossier (risk module) records the confirmation of the compliance requirements.",
            "risk.ReleaseDossier.compliance_reviewed_on of the app's latest version with a dossier; without any dossier, uploaded evidence as before.",
            "Dossier without the confirmation: evidence needed (a failure after 30 days of grace). No dossier: the evidence rule.",
        ),
        "NFRA-07.1": (
            "The version's release dossier records design review, code review and change approval.",
            "risk.ReleaseDossier (dates, reviewers, change approval reference); without a dossier, uploaded evidence as before.",
            "A part missing: evidence needed naming it (a failure after 30 days of grace). No dossier: the evidence rule.",
        ),
        "NFRA-07.3": (
            "The version's release dossier records a passed security test covering customer authentication and application logic control, with tester and date.",
            "risk.ReleaseDossier security test fields; without a recorded test, uploaded evidence as before.",
            "Test failed, or authentication or logic control not covered.",
        ),
        "NFRA-13.2": (
            "The signed annual risk assessment (within a year) confirms the data protection measures, and no data leak or security breach of the last year is unresolved past the privacy deadline.",
            "risk.Assessment answer `data_security`; risk.Incident (data_leak, security_breach); RISK_PRIVACY_CLOSE_DAYS (30, institution policy). Without either, uploaded evidence as before.",
            "Unresolved data security incident past the deadline; assessment answer no or partly.",
        ),
        "NFRA-15.1": (
            "Approved BIA, approved emergency plan, and a drill within a year whose measured recovery met the BIA's RTO.",
            "risk.ImpactAnalysis, risk.EmergencyPlan, risk.Drill (RTO copied from the approved BIA when measured); an app with no continuity record: uploaded evidence as before.",
            "Last drill missed its RTO (the gap is named), or is older than a year; a missing BIA, plan or drill is evidence needed (a failure after 30 days of grace).",
        ),
        "NFRA-15.2": (
            "Every regulator report (initial, follow-up, final) of the app's major incidents sent by its deadline.",
            "risk.Incident severity (risk/data/incident_severity.yaml), risk.RegulatorReport due/sent times; deadlines RISK_REPORT_DEADLINES (institution policy). No incident register at all: uploaded evidence as before.",
            "A report overdue and unsent, or sent late within the last 365 days.",
        ),
        "NFRA-16.3": (
            "Every leak or privacy incident of the app resolved within RISK_PRIVACY_CLOSE_DAYS and its notifications (persons, authority) made by their deadlines.",
            "risk.Incident (data_leak, privacy_complaint, privacy_violation), risk.PrivacyNotification; deadlines institution policy. No incident register: uploaded evidence as before.",
            "Unresolved past the deadline, a notification overdue, or resolved/notified late within the last 90 days.",
        ),
        "NFRA-17.1": (
            "The risk register holds open business and technology risks; every high or critical residual risk has a treatment plan (or is accepted); no review or treatment task is overdue.",
            "risk.Risk, risk.RiskTask, risk/data/matrix.yaml; an empty register: uploaded evidence as before.",
            "A category missing, a high risk untreated, a review or task overdue.",
        ),
        "NFRA-17.4": (
            "Every major incident of the app has its special audit planned (planned start on or before its due day) or reported.",
            "risk.AuditEngagement (kind special, made by the rule when a major incident is recorded; due RISK_SPECIAL_AUDIT_DAYS, institution policy); no incident register: uploaded evidence as before.",
            "Special audit missing or not started by its due day; required and not yet due: evidence needed.",
        ),
        "NFRA-04.2": (
            "Every business partner conducting financial business in the app holds a financial licence, valid today, whose licensed businesses cover the business it conducts there (third-party register).",
            "partners.Relation (purpose business partner, businesses) and partners.Qualification (financial licence, businesses, validity) of the party; an app the register says nothing about: uploaded evidence as before.",
            "A partner without a licence, with an expired one, or whose licence does not cover a business it conducts (each named); no register record: the evidence rule.",
        ),
        "NFRA-05.1": (
            "Every third-party business in the app went through the compliance review (business review of the relation), current within its validity.",
            "partners.Relation.business_reviewed_on / business_review_outcome (policy: valid 12 months); an app with no third-party business in the register: uploaded evidence as before.",
            "A business not reviewed, rejected, or reviewed too long ago (each named); no register record: the evidence rule.",
        ),
        "NFRA-08.3": (
            "Every distribution platform of a released app has valid qualifications and a current agreement in the third-party register.",
            "ledger listings of the app's released versions, partners.Party of kind distribution platform linked to each channel, its qualifications and contracts; an app with no listing: not applicable.",
            "A platform not in the register, without valid qualifications, or without a current agreement (each named); no platform information: evidence needed.",
        ),
        "NFRA-14.1": (
            "Every outsourced build or operation party of the app was admitted, evaluated within its period (by risk tier) and is under a current contract with the required clauses.",
            "partners.Party state, admitted_on, next_evaluation_due, partners.Contract (dates, clauses) for the app's outsourcing relations; an app with no outsourcing relation: uploaded evidence as before.",
            "A party not admitted, overdue for evaluation, or without a current contract (each named); no register record: the evidence rule.",
        ),
        "NFRA-14.2": (
            "No vendor access grant without an approver or an end date, none past its end and not revoked, none above the level its purpose needs, and access reviews on time.",
            "partners.AccessGrant (approver, ends_on, revoked_on, level, purpose) of the app's vendors, partners.AccessReview (quarterly, policy.yaml); an app whose vendors hold no grant: uploaded evidence as before.",
            "Any grant breaking a rule (each named) or a review overdue; no grants: the evidence rule.",
        ),
    }
)


cat = catalogue()
out = []
w = out.append
w("# Compliance controls: what each checks, what it needs, when it fails\n")
w(
    "Written by scripts/compliance_doc.py from the catalogue (src/appgov/compliance/catalogue/*.yaml) and the checks"
)
w(
    "registered in each app's `checks.py`; tests/compliance_fidelity/test_docs.py keeps every control in this page.\n"
)
w("## Rules that hold for every control\n")
w(
    "- **No control passes by default.** A control that cannot be judged (no data, no scan, a scan without what"
)
w("  the control asks about, no record of the kind) is *evidence needed*, never a pass.")
w(
    "- **Evidence needed weighs.** It carries the end of its grace period: `grace_days` of the control (default"
)
w(
    "  30) counted from the later of the subject's registration in AppGov and the control's first evaluation for the"
)
w("  institution. After it, the result is a **failure with a finding**. The compliance rate is")
w(
    "  pass ÷ (pass + fail + evidence needed): evidence needed counts as not compliant. Dashboards show it in its"
)
w("  own colour (amber), apart from failures (red).")
w("- **`method: automated`** means a check is registered for the control (tested both ways in")
w(
    "  tests/compliance_fidelity/test_methods.py). Controls no check judges yet are `evidence`, judged on uploaded"
)
w("  evidence; `periodic` ones on evidence due on a calendar.")
w("- **Periods are calendar periods**: annual = same date next year (done 2024-02-29, due 2025-02-28), not")
w("  365 days; evidence of a periodic control stays valid through its period.")
w("- **Evidence counts once a second person accepts it.** An upload starts *pending review*; a user of the")
w("  compliance role or the administrator other than the uploader accepts it, or rejects it with a reason")
w(
    "  (compliance/workflows/evidence_review.yaml). Until accepted the control stays *evidence needed* and says the"
)
w("  upload awaits review. Evidence recorded before this rule was migrated as accepted.")
w("- **Evidence files are judged by content**, not by name: PDF, PNG/JPEG/GIF/WebP, Office documents")
w("  (docx/xlsx/pptx, doc/xls/ppt) and ZIP archives of those; at most `APPGOV_MAX_EVIDENCE_BYTES` (20 MB by")
w("  default). Finding attachments follow the same rule.")
w("- **Findings are verified by someone other than who marked them resolved** (the `not_resolver` guard of")
w(
    "  compliance/workflows/finding.yaml); a finding the evaluation resolved may be verified by any verifying role."
)
w(
    "- **A finding a regulator office issued** (a testing campaign, docs/supervision.md) is never resolved by the"
)
w(
    "  evaluation and never verified or risk-accepted by the institution (the `not_regulator_issued` guard): the"
)
w("  institution marks it resolved and the issuing office accepts the rectification or sends it back.")
w(
    "- **Deadlines or periods the notices do not set** cite their rule (name, number, date) or say *institution"
)
w("  policy*: the catalogue's `period_basis`, ledger/mlps_cycles.yaml, credit/policy.yaml,")
w("  scanning/platform_rules.yaml.\n")
w("## Sources\n")
for s in cat.sources:
    w(
        f"- **{s.id}**: 《{s.title_zh}》{'（' + s.document_no + '）' if s.document_no else ''}, issued {s.issued}."
    )
w("")
w("## Controls\n")
w("| Control | Subject | Method | What it checks | What it needs | When it fails |")
w("|---|---|---|---|---|---|")
for c in cat.controls:
    title = f"**{c.id}** {c.title_en}"
    if c.method == "automated":
        what, needs, fails = AUTO[c.id]
    elif c.method == "regulator":
        # judged per regulator office on its own records (appgov.supervision.checks, the page
        # /supervision/controls/); not applicable in an institution's evaluation
        what, needs, fails = OFFICE_RULES[c.id]
        what = f"Per regulator office, over the last {OFFICE_PERIOD_DAYS} days: {what}"
        fails += " Not evaluated for institutions (not applicable there)."
    else:
        period = f" every {c.frequency} (calendar period)" if c.frequency else ""
        what = f"Uploaded evidence{period}."
        needs = (
            c.evidence_en.rstrip(".")
            + f"; counts {c.evidence_validity_days} days from its effective date"
            + (f", and through its {c.frequency} period" if c.frequency else "")
            + "."
        )
        fails = (
            "Last evidence older than its period. " if c.frequency else ""
        ) + f"No valid evidence: evidence needed, a failure after {c.grace_days} days of grace."
    if c.period_basis:
        needs += f" Period/deadline basis: {c.period_basis}."
    w(
        f"| {title} | {c.applies_to} | {c.method}{' · ' + c.frequency if c.frequency else ''} | {what} | {needs} | {fails} |"
    )
open(os.environ["DOC_OUT"], "w", encoding="utf-8").write("\n".join(out) + "\n")
print(len(cat.controls))
