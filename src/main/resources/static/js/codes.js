// The set page's codes list: the child-set filter applies on change, and ticking codes counts them
// for the move bar (tick all on the page too). Without JavaScript the Show and Move buttons do it all.
(function () {
  function init() {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      var button = select.form && select.form.querySelector("button[type=submit]");
      if (button) {
        button.style.display = "none";
      }
      select.addEventListener("change", function () {
        select.form.submit();
      });
    });

    var picks = Array.prototype.slice.call(document.querySelectorAll("input.pick-code"));
    var all = document.getElementById("pick-all");
    var count = document.getElementById("selected-count");
    var move = document.getElementById("move-selected");
    if (!count || !move) {
      return;
    }
    function update() {
      var ticked = picks.filter(function (p) { return p.checked; }).length;
      count.textContent = ticked === 0 ? "Tick available codes below" : ticked + (ticked === 1 ? " code ticked" : " codes ticked");
      move.disabled = ticked === 0;
      if (all) {
        all.checked = ticked > 0 && ticked === picks.length;
        all.indeterminate = ticked > 0 && ticked < picks.length;
      }
    }
    picks.forEach(function (p) { p.addEventListener("change", update); });
    if (all) {
      all.hidden = picks.length === 0;
      all.addEventListener("change", function () {
        picks.forEach(function (p) { p.checked = all.checked; });
        update();
      });
    }
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
