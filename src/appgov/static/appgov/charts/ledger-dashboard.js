// The ledger dashboard's charts (data from the page's json_script "charts-data"; no inline script: CSP).
document.addEventListener("DOMContentLoaded", function () {
  const d = JSON.parse(document.getElementById("charts-data").textContent);
  const bar = (id, labels, values, horizontal) => {
    const chart = echarts.init(document.getElementById(id));
    const cat = {type: "category", data: labels, axisLabel: {interval: 0, rotate: horizontal ? 0 : 30}};
    const val = {type: "value", minInterval: 1};
    chart.setOption({grid: {left: horizontal ? 150 : 40, right: 20, top: 10, bottom: horizontal ? 20 : 60},
      tooltip: {}, xAxis: horizontal ? val : cat, yAxis: horizontal ? cat : val,
      series: [{type: "bar", data: values, itemStyle: {color: "#0d6efd"}}]});
  };
  const pie = echarts.init(document.getElementById("chart-kind"));
  pie.setOption({tooltip: {trigger: "item"}, series: [{type: "pie", radius: ["40%", "70%"], data: d.kind}]});
  bar("chart-state", d.state.labels, d.state.values, false);
  bar("chart-platform", d.platform.labels, d.platform.values, false);
  bar("chart-department", d.department.labels, d.department.values, true);
});
