// Draws the statistics chart from the series the page carries in data-series (CSP: no inline scripts).
// Codes handed out (assigned, sent) read on the left axis, uses in orders (redeemed, leaked) on the
// right one, so a few redemptions are not flattened under thousands of assignments; each line has its
// own colour and dash, and the legend shows the hovered bucket's values (the window's totals otherwise).
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("stats-chart");
  if (!el || typeof uPlot === "undefined") {
    return;
  }
  var s = JSON.parse(el.getAttribute("data-series"));
  var hourly = s.interval === "hour";
  var data = [s.t, s.assigned, s.sent, s.redeemed, s.leaked];
  var totals = data.map(function (values) {
    return values.reduce(function (a, b) { return a + b; }, 0);
  });
  function count(u, v, seriesIdx, idx) {
    if (idx == null) {
      return totals[seriesIdx].toLocaleString("en") + " in all";
    }
    return v == null ? "–" : v.toLocaleString("en");
  }
  function when(u, ts) {
    if (ts == null) {
      return hourly ? "Hover for an hour" : "Hover for a day";
    }
    var d = new Date(ts * 1000);
    var day = d.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
    return hourly ? day + " " + d.toISOString().substring(11, 16) + " UTC" : day;
  }
  function height() {
    return el.clientWidth < 500 ? 240 : 300;
  }
  var opts = {
    width: Math.max(280, el.clientWidth),
    height: height(),
    tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
    cursor: { points: { size: 7 } },
    legend: { live: true },
    scales: { codes: { range: function (u, min, max) { return [0, Math.max(1, max)]; } },
              uses: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
    series: [
      { label: hourly ? "Hour" : "Day", value: when },
      { label: "Assigned", scale: "codes", stroke: "#5b4bdb", width: 4, fill: "rgba(91,75,219,.07)", value: count },
      { label: "Sent", scale: "codes", stroke: "#f79009", width: 1.75, dash: [6, 4], value: count },
      { label: "Redeemed (right axis)", scale: "uses", stroke: "#12b76a", width: 2.5, value: count,
        points: { show: true, size: 5, fill: "#12b76a" } },
      { label: "Leaked (right axis)", scale: "uses", stroke: "#d92d20", width: 2, dash: [2, 4], value: count,
        points: { show: true, size: 4, fill: "#d92d20" } }
    ],
    axes: [
      {},
      { scale: "codes", size: 50, label: "Codes given", labelSize: 20, stroke: "#5b4bdb",
        values: function (u, ticks) { return ticks.map(function (v) { return Number.isInteger(v) ? v.toLocaleString("en") : ""; }); } },
      { scale: "uses", side: 1, size: 50, label: "Codes used", labelSize: 20, stroke: "#027a48", grid: { show: false },
        values: function (u, ticks) { return ticks.map(function (v) { return Number.isInteger(v) ? v.toLocaleString("en") : ""; }); } }
    ]
  };
  var plot = new uPlot(opts, data, el);
  el.setAttribute("data-rendered", "true");
  window.addEventListener("resize", function () {
    plot.setSize({ width: Math.max(280, el.clientWidth), height: height() });
  });
});
