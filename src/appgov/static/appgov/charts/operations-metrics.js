// The operations metrics charts (data from the page's json_script "charts-data"; no inline script: CSP).
// The app page draws one line per metric (.metric-chart[data-metric]); the institution view draws the daily
// total of active users (#chart-total). Missing days stay gaps, never zeros.
document.addEventListener("DOMContentLoaded", function () {
  const d = JSON.parse(document.getElementById("charts-data").textContent);
  const line = (el, labels, values) => {
    const chart = echarts.init(el);
    chart.setOption({
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
