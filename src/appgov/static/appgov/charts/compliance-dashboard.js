// The compliance dashboard's charts (data from json_script "charts-data", labels and the control URL from
// the heatmap's data attributes; no inline script: CSP).
document.addEventListener("DOMContentLoaded", function () {
  const d = JSON.parse(document.getElementById("charts-data").textContent);
  const h = d.heatmap;
  const heat = echarts.init(document.getElementById("heatmap"));
  const labels = document.getElementById("heatmap").dataset;
  const names = [labels.labelFail, labels.labelEvidence, labels.labelNa, labels.labelPass];
  heat.setOption({
    tooltip: {formatter: p => `${h.controls[p.value[0]]} · ${h.apps[p.value[1]]}: ${names[p.value[2]]}`},
    grid: {left: 220, right: 20, top: 10, bottom: 80},
    xAxis: {type: "category", data: h.controls, axisLabel: {rotate: 60, fontSize: 10}},
    yAxis: {type: "category", data: h.apps, axisLabel: {fontSize: 11, interval: 0}},
    visualMap: {type: "piecewise", show: true, orient: "horizontal", bottom: 0, left: "center",
      pieces: [{value: 0, label: names[0], color: "#dc3545"}, {value: 1, label: names[1], color: "#ffc107"},
               {value: 2, label: names[2], color: "#ced4da"}, {value: 3, label: names[3], color: "#198754"}]},
    series: [{type: "heatmap", data: h.cells}]
  });
  heat.on("click", p => { window.location = labels.controlUrl + h.controls[p.value[0]] + "/"; });
  const trend = echarts.init(document.getElementById("trend"));
  trend.setOption({tooltip: {trigger: "axis"}, legend: {bottom: 0}, grid: {left: 40, right: 20, top: 10, bottom: 50},
    xAxis: {type: "category", data: d.trend.map(t => t.at)}, yAxis: {type: "value"},
    series: [{name: names[3], type: "line", data: d.trend.map(t => t.pass || 0), color: "#198754"},
             {name: names[0], type: "line", data: d.trend.map(t => t.fail || 0), color: "#dc3545"},
             {name: names[1], type: "line", data: d.trend.map(t => t.evidence || 0), color: "#ffc107"}]});
});
