// The compliance dashboard's charts (data from json_script "charts-data", labels and the control URL from
// the heatmap's data attributes; no inline script: CSP).
// The heat map is sized to its data: every app gets a row tall enough for its label and every control a column
// wide enough for its rotated label (the box scrolls sideways rather than letting labels overlap).
const ROW_PX = 24, COLUMN_PX = 18, LEFT_PX = 210;
document.addEventListener("DOMContentLoaded", function () {
  const d = JSON.parse(document.getElementById("charts-data").textContent);
  const h = d.heatmap;
  const box = document.getElementById("heatmap");
  if (box) {
    const labels = box.dataset;
    const names = [labels.labelFail, labels.labelEvidence, labels.labelNa, labels.labelPass];
    box.style.height = Math.max(320, h.apps.length * ROW_PX + 150) + "px";
    box.style.minWidth = (h.controls.length * COLUMN_PX + LEFT_PX + 40) + "px";
    const heat = echarts.init(box);
    heat.setOption({
      tooltip: {formatter: p => `${h.controls[p.value[0]]} · ${h.apps[p.value[1]]}: ${names[p.value[2]]}`},
      grid: {left: LEFT_PX, right: 20, top: 10, bottom: 110},
      xAxis: {type: "category", data: h.controls, axisLabel: {rotate: 60, fontSize: 10, interval: 0}},
      yAxis: {type: "category", data: h.apps,
        axisLabel: {fontSize: 11, interval: 0, width: LEFT_PX - 16, overflow: "truncate"}},
      visualMap: {type: "piecewise", show: true, orient: "horizontal", bottom: 0, left: "center",
        pieces: [{value: 0, label: names[0], color: "#dc3545"}, {value: 1, label: names[1], color: "#ffc107"},
                 {value: 2, label: names[2], color: "#ced4da"}, {value: 3, label: names[3], color: "#198754"}]},
      series: [{type: "heatmap", data: h.cells}]
    });
    heat.on("click", p => { window.location = labels.controlUrl + h.controls[p.value[0]] + "/"; });
    window.addEventListener("resize", () => heat.resize());
  }
  const trendBox = document.getElementById("trend");
  if (trendBox) {
    const names = [trendBox.dataset.labelFail, trendBox.dataset.labelEvidence, trendBox.dataset.labelPass];
    const trend = echarts.init(trendBox);
    trend.setOption({tooltip: {trigger: "axis"}, legend: {bottom: 0},
      grid: {left: 10, right: 20, top: 10, bottom: 40, containLabel: true},
      xAxis: {type: "category", data: d.trend.map(t => t.at)}, yAxis: {type: "value"},
      series: [{name: names[2], type: "line", data: d.trend.map(t => t.pass || 0), color: "#198754"},
               {name: names[0], type: "line", data: d.trend.map(t => t.fail || 0), color: "#dc3545"},
               {name: names[1], type: "line", data: d.trend.map(t => t.evidence || 0), color: "#ffc107"}]});
    window.addEventListener("resize", () => trend.resize());
  }
});
