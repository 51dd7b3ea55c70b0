// Page behaviours declared in the markup, so templates need no inline handlers (the CSP forbids them):
//   <select data-autosubmit>            submits its form when changed
//   <input type="checkbox" data-check-all="input[name=ids]">  ticks or clears every matching box
document.addEventListener("change", function (event) {
  const target = event.target;
  if (target.matches("[data-autosubmit]") && target.form) {
    target.form.submit();
  }
  if (target.matches("[data-check-all]")) {
    document.querySelectorAll(target.dataset.checkAll).forEach(function (box) {
      box.checked = target.checked;
    });
  }
});
