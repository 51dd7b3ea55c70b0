from django.urls import path

from appgov.core.views import generic

from .views import rationalisation as v
from .views import reports

urlpatterns = [
    *generic.object_urls(
        "functions", list=v.FunctionsList, detail=v.FunctionsDetail, edit=v.FunctionsEdit, base="functions/"
    ),
    *generic.object_urls("candidate", list=v.CandidateList, detail=v.CandidateDetail),
    path("candidates/run/", v.candidates_run, name="candidates-run"),
    path("candidates/<int:pk>/decide/", v.candidate_decide, name="candidate-decide"),
    path("decisions/<int:pk>/complete/", v.decision_complete, name="decision-complete"),
    path("rationalisation/report.pdf", reports.report_pdf, name="rationalisation-pdf"),
    path("rationalisation/report.xlsx", reports.report_xlsx, name="rationalisation-xlsx"),
]
