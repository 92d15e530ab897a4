// Draws the statistics chart from the series the page carries in data-series (CSP: no inline scripts).
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("stats-chart");
  if (!el || typeof uPlot === "undefined") {
    return;
  }
  var s = JSON.parse(el.getAttribute("data-series"));
  var opts = {
    width: Math.max(320, el.clientWidth),
    height: 300,
    tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
    series: [
      {},
      { label: "Assigned", stroke: "#5b4bdb", width: 2 },
      { label: "Sent", stroke: "#f79009", width: 2 },
      { label: "Redeemed", stroke: "#12b76a", width: 2, fill: "rgba(18,183,106,.08)" }
    ],
    axes: [{}, { size: 60 }]
  };
  var plot = new uPlot(opts, [s.t, s.assigned, s.sent, s.redeemed], el);
  el.setAttribute("data-rendered", "true");
  window.addEventListener("resize", function () {
    plot.setSize({ width: Math.max(320, el.clientWidth), height: 300 });
  });
});
