// The import wizard's column picker: drag a column chip onto the Code drop zone, or click it.
(function () {
  function init() {
    var zone = document.getElementById("code-drop");
    var input = document.getElementById("codeColumn");
    if (!zone || !input) {
      return;
    }
    var value = document.getElementById("code-drop-value");
    var chips = document.querySelectorAll(".chip[data-column]");

    function choose(column) {
      input.value = column;
      zone.classList.remove("invalid", "over");
      zone.classList.add("filled");
      value.textContent = "";
      var span = document.createElement("span");
      span.textContent = column;
      value.appendChild(span);
      var index = -1;
      chips.forEach(function (chip, i) {
        var match = chip.getAttribute("data-column") === column;
        chip.classList.toggle("chosen", match);
        chip.setAttribute("aria-pressed", match ? "true" : "false");
        if (match && index < 0) {
          index = i;
        }
      });
      document.querySelectorAll("#preview [data-index]").forEach(function (cell) {
        cell.classList.toggle("col-chosen", Number(cell.getAttribute("data-index")) === index);
      });
      ["column-error", "ask-column", "guess-note"].forEach(function (id) {
        var stale = document.getElementById(id);
        if (stale) {
          stale.remove();
        }
      });
    }

    chips.forEach(function (chip) {
      chip.setAttribute("aria-pressed", chip.classList.contains("chosen") ? "true" : "false");
      chip.addEventListener("click", function (event) {
        event.preventDefault();
        choose(chip.getAttribute("data-column"));
      });
      chip.addEventListener("dragstart", function (event) {
        event.dataTransfer.setData("text/plain", chip.getAttribute("data-column"));
        event.dataTransfer.effectAllowed = "copy";
        chip.classList.add("dragging");
      });
      chip.addEventListener("dragend", function () {
        chip.classList.remove("dragging");
      });
    });

    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", function () {
      zone.classList.remove("over");
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      var column = event.dataTransfer.getData("text/plain");
      if (column) {
        choose(column);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
