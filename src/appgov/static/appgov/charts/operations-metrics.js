// The operations metrics charts (data from the page's json_script "charts-data"; no inline script: CSP).
// The app page draws one line per metric (.metric-chart[data-metric]); the institution view draws the daily
// total of active users (#chart-total). Missing days stay gaps, never zeros.
// No drawing animation: the lines are drawn at once. With ECharts' default animation each line grows from the
// left for a second (longer on a loaded machine), so a page read or captured in that time showed lines that
// stopped early. Each chart marks itself data-drawn="1" once rendered.
document.addEventListener("DOMContentLoaded", function () {
  const d = JSON.parse(document.getElementById("charts-data").textContent);
  const line = (el, labels, values) => {
    const chart = echarts.init(el);
    chart.on("finished", () => { el.dataset.drawn = "1"; });
    chart.setOption({
      animation: false,
      grid: {left: 10, right: 16, top: 10, bottom: 10, containLabel: true},
      tooltip: {trigger: "axis"},
      xAxis: {type: "category", data: labels, boundaryGap: false},
      yAxis: {type: "value", scale: true},
      series: [{type: "line", data: values, showSymbol: false, connectNulls: false,
        lineStyle: {width: 1.5, color: "#0d6efd"}, areaStyle: {opacity: 0.06}}],
    });
    window.addEventListener("resize", () => chart.resize());
  };
  document.querySelectorAll(".metric-chart").forEach(el => {
    line(el, d.labels, d.series[el.dataset.metric] || []);
  });
  const total = document.getElementById("chart-total");
  if (total && d.labels) line(total, d.labels, d.values);
});
