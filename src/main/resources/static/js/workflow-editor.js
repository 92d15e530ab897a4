// Workflow editor: shows each node's fields for its type, and only the chosen set's child sets.
(function () {
  function refresh(node) {
    var type = node.querySelector(".node-type").value;
    node.querySelectorAll(".node-fields").forEach(function (group) {
      group.hidden = group.getAttribute("data-for").split(" ").indexOf(type) < 0;
    });
    var set = node.querySelector(".set-select");
    var child = node.querySelector(".child-select");
    if (set && child) {
      child.querySelectorAll("option[data-set]").forEach(function (option) {
        var other = option.getAttribute("data-set") !== set.value;
        option.hidden = other;
        if (other && option.selected) {
          child.value = "";
        }
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".node").forEach(function (node) {
      refresh(node);
      node.addEventListener("change", function () { refresh(node); });
    });
  });
})();
