// Progress of long work, polled from a small JSON endpoint (core/views/progress.py) without reloading:
//   <div data-job-progress="/jobs/progress/<kind>/">…</div>   (templates/core/_job_progress.html)
//   <form data-job-start="#id-of-that-div">                    starts following it when the form is sent
// Polls every second while the work is queued or running, then shows how it ended.
(function () {
  "use strict";
  const ACTIVE = ["queued", "running"];

  function render(box, data) {
    if (data.status === "none") {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    box.dataset.status = data.status;
    box.querySelector(".job-progress-label").textContent = data.label;
    box.querySelector(".job-progress-step").textContent = data.step || "";
    box.querySelector(".job-progress-when").textContent = data.finished ? data.updated : "";
    const bar = box.querySelector(".progress-bar");
    bar.style.width = data.percent + "%";
    bar.textContent = data.percent + "%";
    bar.parentElement.setAttribute("aria-valuenow", String(data.percent));
    bar.classList.toggle("progress-bar-striped", ACTIVE.includes(data.status));
    bar.classList.toggle("progress-bar-animated", ACTIVE.includes(data.status));
    bar.classList.toggle("bg-danger", data.status === "failed");
    bar.classList.toggle("bg-success", data.status === "done");
    box.querySelector(".job-progress-error").textContent = data.error || "";
    const done = box.querySelector(".job-progress-done");
    if (done) done.hidden = !(data.status === "done" && box.dataset.followed === "1");
  }

  function poll(box) {
    if (box.dataset.polling === "1") return;
    box.dataset.polling = "1";
    const tick = function () {
      fetch(box.dataset.jobProgress, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) { box.dataset.polling = "0"; return; }
          render(box, data);
          if (ACTIVE.includes(data.status) || box.dataset.waiting === "1") {
            if (ACTIVE.includes(data.status)) box.dataset.waiting = "0";
            box.dataset.followed = "1";
            window.setTimeout(tick, 1000);
          } else {
            box.dataset.polling = "0";
          }
        })
        .catch(function () { box.dataset.polling = "0"; });
    };
    tick();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-job-progress]").forEach(poll);
  });
  document.addEventListener("submit", function (event) {
    const selector = event.target.dataset && event.target.dataset.jobStart;
    const box = selector && document.querySelector(selector);
    if (!box) return;
    box.dataset.waiting = "1"; // keep asking until the new work shows up as queued or running
    box.dataset.polling = "0";
    poll(box);
  });
})();
