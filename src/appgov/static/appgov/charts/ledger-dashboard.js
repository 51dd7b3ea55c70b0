// The ledger dashboard's charts (data from the page's json_script "charts-data"; no inline script: CSP).
// An institution without apps gets no charts at all (the page shows what to do instead); a chart never draws
// slices for zero counts, keeps its labels inside its box and names its slices in a legend.
document.addEventListener("DOMContentLoaded", function () {
  const d = JSON.parse(document.getElementById("charts-data").textContent);
  const init = id => {
    const el = document.getElementById(id);
    return el ? echarts.init(el) : null;
  };
  const bar = (id, labels, values, horizontal) => {
    const chart = init(id);
    if (!chart) return;
    const cat = {type: "category", data: labels,
      axisLabel: horizontal ? {interval: 0, width: 130, overflow: "truncate"}
                            : {interval: 0, rotate: 30, width: 90, overflow: "truncate"}};
    const val = {type: "value", minInterval: 1};
    chart.setOption({grid: {left: 20, right: 20, top: 10, bottom: 10, containLabel: true},
      tooltip: {}, xAxis: horizontal ? val : cat, yAxis: horizontal ? cat : val,
      series: [{type: "bar", data: values, itemStyle: {color: "#0d6efd"}}]});
    window.addEventListener("resize", () => chart.resize());
  };
  const pie = init("chart-kind");
  if (pie) {
    const slices = d.kind.filter(s => s.value > 0);  // no slice for a kind without apps
    pie.setOption({
      tooltip: {trigger: "item", formatter: "{b}: {c} ({d}%)"},
      legend: {type: "scroll", orient: "horizontal", bottom: 0, left: "center", itemWidth: 12, itemHeight: 10},
      series: [{type: "pie", radius: ["38%", "62%"], center: ["50%", "42%"], data: slices,
        avoidLabelOverlap: true, stillShowZeroSum: false,
        // the count inside each slice: nothing drawn outside the box to be cut off; names are in the legend
        label: {show: true, position: "inside", formatter: "{c}", fontSize: 11},
        labelLine: {show: false}}]
    });
    window.addEventListener("resize", () => pie.resize());
  }
  bar("chart-state", d.state.labels, d.state.values, false);
  bar("chart-platform", d.platform.labels, d.platform.values, false);
  bar("chart-department", d.department.labels, d.department.values, true);
});
