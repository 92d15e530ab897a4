// The workflow canvas: steps as cards from the trigger down, a palette to drag (or press) new steps
// from, reordering by dragging or Move up/down, a side panel with the selected step's settings.
// Dragging uses pointer events (mouse, pen, touch on the grip), so real pointer input works
// everywhere; every drag has a keyboard and click alternative. The form fields keep the names the
// server binds (nodes[2].subject), renumbered after every change, so saving posts the same model.
(function () {
  var flow, panel, announcer, placing = null, drag = null, swallowClick = false, counter = 0;

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function cards() { return $all(".flow-node", flow); }
  function slots() { return $all(".drop-slot", flow); }
  function configOf(card) { return document.getElementById("config-" + card.getAttribute("data-key")); }
  function labelOf(card) { return card.getAttribute("data-label"); }

  function announce(text) {
    announcer.textContent = "";
    setTimeout(function () { announcer.textContent = text; }, 30);
  }

  // ---- summaries ------------------------------------------------------------------------------

  function words(template) {
    return (template || "")
      .replace(/\{\{\s*contact\.(\w+)[^}]*\}\}/g, function (m, field) {
        return "[" + field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() + "]";
      })
      .replace(/\{\{\s*(\w+)[^}]*\}\}/g, "[$1]")
      .replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  }

  function plural(n, unit) {
    return n + " " + (n === 1 ? unit.replace(/s$/, "") : unit);
  }

  function summary(card) {
    var config = configOf(card);
    switch (card.getAttribute("data-type")) {
      case "assign-coupon": {
        var set = $(".set-select", config), child = $(".child-select", config);
        var setOption = set.selectedOptions[0], childOption = child.selectedOptions[0];
        if (!set.value) { return "Assign a code: choose a set"; }
        var name = setOption.getAttribute("data-name");
        if (splitOn(config)) { return "Assign a code from " + name; }
        return "Assign a code from " + name + (child.value ? " (" + childOption.getAttribute("data-name") + ")" : "");
      }
      case "send-email": {
        var subject = words($(".subject-input", config).value);
        return subject ? "Send email ‘" + subject + "’" : "Send email: add a subject";
      }
      case "send-web-content": {
        var text = words($(".html-input", config).value);
        return text ? "Show a popup ‘" + text + "’" : "Show a popup: add its content";
      }
      case "wait": {
        var amount = parseInt($(".wait-amount", config).value, 10);
        var raw = $(".wait-duration", config);
        if (isNaN(amount)) { return raw ? "Wait " + raw.value : "Wait: how long?"; }
        return "Wait " + plural(amount, $(".wait-unit", config).value);
      }
    }
    return labelOf(card);
  }

  function splitOn(config) {
    var toggle = $(".split-on", config);
    return !!toggle && toggle.checked;
  }

  function weightOf(row) {
    var text = $(".share-weight", row).value.trim();
    return /^\d+$/.test(text) ? parseInt(text, 10) : 0;
  }

  // A split test's rows with a child set and a weight, by name and share: [{row, name: "vip", percent: 50}, …].
  function splitArms(config) {
    var arms = $all(".split-row", config).map(function (row) {
      var select = $(".share-child", row), option = select.selectedOptions[0];
      return { row: row, name: select.value ? option.getAttribute("data-name") : null, weight: weightOf(row) };
    }).filter(function (arm) { return arm.name && arm.weight > 0; });
    var total = arms.reduce(function (sum, arm) { return sum + arm.weight; }, 0) || 1;
    arms.forEach(function (arm) { arm.percent = Math.round(arm.weight * 100 / total); });
    return arms;
  }

  // Gives the split rows of a step (index i) their numbers: field names, ids, labels and buttons.
  function renumberShares(config, i) {
    var key = config.getAttribute("data-key"), rows = $all(".split-row", config);
    rows.forEach(function (row, j) {
      var child = $(".share-child", row), weight = $(".share-weight", row);
      child.name = "nodes[" + i + "].shares[" + j + "].childSetId";
      weight.name = "nodes[" + i + "].shares[" + j + "].weight";
      child.id = key + "-share" + j + "-child";
      weight.id = key + "-share" + j + "-weight";
      var labels = $all("label", row);
      labels[0].htmlFor = child.id;
      labels[1].htmlFor = weight.id;
      $all(".row-no", row).forEach(function (n) { n.textContent = j + 1; });
      var remove = $(".share-remove", row);
      remove.value = "remove-share:" + i + ":" + j;
      remove.setAttribute("aria-label", "Remove child set " + (j + 1) + " from the split");
      remove.disabled = rows.length <= 2;
    });
    var add = $(".share-add", config);
    if (add) {
      add.value = "add-share:" + i;
      add.disabled = rows.length >= 10;
    }
  }

  function cardOf(config) {
    return $(".flow-node[data-key='" + config.getAttribute("data-key") + "']", flow);
  }

  function addShare(config) {
    var rows = $all(".split-row", config);
    if (rows.length >= 10) { return; }
    var row = rows[rows.length - 1].cloneNode(true);
    $(".share-child", row).value = "";
    $(".share-weight", row).value = "1";
    rows[rows.length - 1].after(row);
    renumberShares(config, cards().indexOf(cardOf(config)));
    $(".share-child", row).focus();
    config.dispatchEvent(new Event("change", { bubbles: true }));
    announce("Child set " + (rows.length + 1) + " added to the split.");
  }

  function removeShare(config, row) {
    var rows = $all(".split-row", config), j = rows.indexOf(row);
    if (rows.length <= 2) { return; }
    row.remove();
    renumberShares(config, cards().indexOf(cardOf(config)));
    var rest = $all(".split-row", config);
    $(".share-child", rest[Math.min(j, rest.length - 1)]).focus();
    config.dispatchEvent(new Event("change", { bubbles: true }));
    announce("Child set " + (j + 1) + " removed from the split. " + rest.length + " left.");
  }

  function refreshCard(card) {
    $(".node-summary", card).textContent = summary(card);
    var config = configOf(card);
    var set = $(".set-select", config), child = $(".child-select", config);
    if (set && child) {
      $all("option[data-set]", child).forEach(function (option) {
        var other = option.getAttribute("data-set") !== set.value;
        option.hidden = other;
        if (other && option.selected) { child.value = ""; }
      });
      $all(".share-child option[data-set]", config).forEach(function (option) {
        var other = option.getAttribute("data-set") !== set.value;
        option.hidden = other;
        if (other && option.selected) { option.parentNode.value = ""; }
      });
      var on = splitOn(config);
      var children = $all("option[data-set='" + set.value + "']", child).length;
      var tooFew = on && !!set.value && children < 2;
      $(".child-field", config).hidden = on;
      $(".split-field", config).hidden = !on || tooFew;
      var note = $(".split-needs-children", config), link = $(".set-link", note);
      note.hidden = !tooFew;
      $(".child-count", note).textContent = children === 0 ? "no child sets" : "only one child set";
      var single = !!set.value && set.selectedOptions[0].getAttribute("data-set-type") === "single";
      $(".for-multiple", note).hidden = single;
      $(".for-single", note).hidden = !single;
      link.href = link.getAttribute("data-href") + set.value + "#child-sets";
      var arms = splitArms(config), byRow = new Map(arms.map(function (arm) { return [arm.row, arm]; }));
      $all(".split-row", config).forEach(function (row) {
        var arm = byRow.get(row);
        $(".share-percent", row).textContent = arm ? arm.percent + "\u00a0%" : "–";
      });
      var detail = $(".node-detail", card);
      detail.hidden = !on;
      detail.textContent = !on ? "" : arms.length ? "Split: " + arms.map(function (arm) {
        return arm.name + " " + arm.percent + "\u00a0%";
      }).join(" · ") : "Split: choose child sets";
      var fallback = $(".fallback-field", config);
      fallback.hidden = $(".exhausted-select", config).value !== "fallback";
    }
  }

  // ---- structure ------------------------------------------------------------------------------

  // Gives every card's fields the index of its place in the flow, and its buttons matching words.
  function renumber(quiet) {
    var all = cards();
    all.forEach(function (card, i) {
      var config = configOf(card);
      $all("[name^='nodes[']", config).forEach(function (field) {
        field.name = field.name.replace(/^nodes\[\d+\]/, "nodes[" + i + "]");
      });
      $all(".step-no", card).concat($all(".step-no", config)).forEach(function (n) { n.textContent = i + 1; });
      renumberShares(config, i);
      var label = labelOf(card) + ", step " + (i + 1);
      $(".node-up", card).value = "up:" + i;
      $(".node-up", card).disabled = i === 0;
      $(".node-up", card).setAttribute("aria-label", "Move up: " + label);
      $(".node-down", card).value = "down:" + i;
      $(".node-down", card).disabled = i === all.length - 1;
      $(".node-down", card).setAttribute("aria-label", "Move down: " + label);
      $(".node-remove", card).value = "remove:" + i;
      $(".node-remove", card).setAttribute("aria-label", "Remove: " + label);
    });
    if (!quiet) { document.body.dispatchEvent(new CustomEvent("flow-changed")); }
  }

  // Puts the card at slot `index` (0 = right after the trigger); the slot that followed the card goes with it.
  function placeCard(card, slotIndex) {
    var target = slots()[slotIndex];
    var ownSlot = card.nextElementSibling && card.nextElementSibling.classList.contains("drop-slot")
      ? card.nextElementSibling : null;
    if (target === ownSlot || (card.previousElementSibling === target)) { return false; }
    var fresh = ownSlot || slots()[0].cloneNode(true);
    target.after(card);
    card.after(fresh);
    return true;
  }

  function position(card) { return cards().indexOf(card); }

  function addNode(type, slotIndex) {
    var template = document.getElementById("tpl-" + type);
    var key = "n" + (++counter);
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(/KEYPLACEHOLDER/g, key);
    var card = $(".flow-node", holder), config = $(".node-config", holder);
    panel.appendChild(config);
    var slot = slots()[0].cloneNode(true);
    slots()[slotIndex].after(card);
    card.after(slot);
    wireCard(card);
    renumber();
    select(card);
    announce(labelOf(card) + " added as step " + (position(card) + 1) + " of " + cards().length + ".");
    return card;
  }

  function moveNode(card, slotIndex) {
    if (!placeCard(card, slotIndex)) { return false; }
    renumber();
    announce(labelOf(card) + " moved to step " + (position(card) + 1) + " of " + cards().length + ".");
    return true;
  }

  function removeNode(card) {
    var all = cards(), i = all.indexOf(card);
    var next = all[i + 1] || all[i - 1];
    var label = labelOf(card);
    var wasSelected = card.classList.contains("selected");
    card.nextElementSibling.remove();
    configOf(card).remove();
    card.remove();
    renumber();
    if (next) {
      if (wasSelected) { select(next); }
      $(".node-select", next).focus();
    } else {
      showPanel(null);
      $(".palette-item").focus();
    }
    announce(label + " removed. " + cards().length + (cards().length === 1 ? " step" : " steps") + " left.");
  }

  // ---- selection and the side panel ----------------------------------------------------------

  function showPanel(card) {
    $all(".node-config", panel).forEach(function (config) { config.hidden = !card || config !== configOf(card); });
    $("#panel-empty").hidden = !!card;
    cards().forEach(function (c) {
      c.classList.toggle("selected", c === card);
      $(".node-select", c).setAttribute("aria-expanded", c === card ? "true" : "false");
    });
    scopePreview();
  }

  function select(card, fromKeyboard) {
    showPanel(card);
    if (fromKeyboard) {
      var first = $("input:not([type=hidden]), select, textarea", configOf(card));
      if (first) { first.focus(); }
    } else if (window.matchMedia("(max-width: 900px)").matches) {
      panel.scrollIntoView({ behavior: "smooth", block: "start" });
    }
  }

  // A selected email or popup step previews alone; otherwise the preview shows every message.
  function scopePreview() {
    var card = $(".flow-node.selected", flow);
    var index = card ? position(card) : -1;
    var items = $all(".preview-item");
    var mine = items.filter(function (item) { return item.getAttribute("data-node") === String(index); });
    items.forEach(function (item) { item.hidden = mine.length > 0 && mine.indexOf(item) < 0; });
    $("#preview-scope").textContent = mine.length ? "step " + (index + 1) + ", with a sample code" : "every message";
  }

  // ---- placing with keyboard or click ----------------------------------------------------------

  function startPlacing(item) {
    stopPlacing();
    placing = item;
    flow.classList.add("placing");
    $("#placing-bar").hidden = false;
    $("#placing-label").textContent = item.getAttribute("data-label");
    var buttons = $all(".add-here", flow);
    buttons.forEach(function (button, i) {
      button.hidden = false;
      button.textContent = "Add here";
      button.setAttribute("aria-label", "Add " + item.getAttribute("data-label") + " here, as step " + (i + 1));
    });
    buttons[buttons.length - 1].focus();
    announce("Choose where to add " + item.getAttribute("data-label") + ": arrow keys move between places, Enter adds, Escape cancels.");
  }

  function stopPlacing(restoreFocus) {
    if (!placing) { return; }
    var item = placing;
    placing = null;
    flow.classList.remove("placing");
    $("#placing-bar").hidden = true;
    $all(".add-here", flow).forEach(function (button) { button.hidden = true; });
    if (restoreFocus) { item.focus(); announce("Adding cancelled."); }
  }

  // ---- dragging with pointer events ------------------------------------------------------------

  function startDrag(event) {
    var source = drag.source;
    drag.active = true;
    var ghost = (source.classList.contains("flow-node") ? $(".node-card", source) : source).cloneNode(true);
    ghost.classList.add("drag-ghost");
    ghost.removeAttribute("id");
    $all("[id]", ghost).forEach(function (e) { e.removeAttribute("id"); });
    ghost.style.width = source.getBoundingClientRect().width + "px";
    document.body.appendChild(ghost);
    drag.ghost = ghost;
    document.body.classList.add("dragging");
    flow.classList.add("drag-over-ready");
    if (drag.card) {
      drag.card.classList.add("being-moved");
      var own = drag.card.nextElementSibling;
      slots().forEach(function (slot) {
        slot.classList.toggle("noop", slot === own || slot === drag.card.previousElementSibling);
      });
    }
    announce("Dragging " + (drag.card ? labelOf(drag.card) : source.getAttribute("data-label")) + ".");
  }

  function nearestSlot(x, y) {
    var box = flow.getBoundingClientRect();
    if (x < box.left - 60 || x > box.right + 60 || y < box.top - 60 || y > box.bottom + 60) { return null; }
    var best = null, bestDistance = Infinity;
    slots().forEach(function (slot) {
      var r = slot.getBoundingClientRect();
      var distance = Math.abs(y - (r.top + r.height / 2));
      if (distance < bestDistance) { best = slot; bestDistance = distance; }
    });
    return best;
  }

  function onPointerDown(event) {
    if (event.button !== 0 || drag) { return; }
    var item = event.target.closest(".palette-item");
    var card = event.target.closest(".flow-node");
    if (card && (event.target.closest(".node-actions") || (event.pointerType === "touch" && !event.target.closest(".node-grip")))) {
      return;
    }
    if (!item && !card) { return; }
    drag = { source: item || card, card: card, type: item ? item.getAttribute("data-type") : null,
      x: event.clientX, y: event.clientY, active: false, target: null };
  }

  function onPointerMove(event) {
    if (!drag) { return; }
    if (!drag.active) {
      if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) < 6) { return; }
      stopPlacing();
      startDrag(event);
    }
    event.preventDefault();
    // near the window's top or bottom edge the page scrolls, so a long flow can be reached
    if (event.clientY < 40) { window.scrollBy(0, -14); }
    else if (event.clientY > window.innerHeight - 40) { window.scrollBy(0, 14); }
    drag.ghost.style.transform = "translate(" + (event.clientX + 8) + "px," + (event.clientY + 8) + "px)";
    var target = nearestSlot(event.clientX, event.clientY);
    if (target && target.classList.contains("noop")) { target = null; }
    if (target !== drag.target) {
      if (drag.target) { drag.target.classList.remove("over"); }
      if (target) { target.classList.add("over"); }
      drag.target = target;
    }
  }

  function endDrag(event, cancelled) {
    if (!drag) { return; }
    var d = drag;
    drag = null;
    if (!d.active) { return; }
    swallowClick = true;
    setTimeout(function () { swallowClick = false; }, 0);
    d.ghost.remove();
    document.body.classList.remove("dragging");
    flow.classList.remove("drag-over-ready");
    slots().forEach(function (slot) { slot.classList.remove("over", "noop"); });
    if (d.card) { d.card.classList.remove("being-moved"); }
    var index = d.target && !cancelled ? slots().indexOf(d.target) : -1;
    if (index < 0) {
      announce("Drag cancelled: nothing changed.");
      return;
    }
    if (d.card) {
      moveNode(d.card, index);
      select(d.card);
    } else {
      addNode(d.type, index);
    }
  }

  // ---- wiring ----------------------------------------------------------------------------------

  function wireCard(card) {
    refreshCard(card);
    configOf(card).addEventListener("input", function () { refreshCard(card); });
    configOf(card).addEventListener("change", function () { refreshCard(card); });
  }

  function onClick(event) {
    if (swallowClick) { event.preventDefault(); event.stopPropagation(); return; }
    var item = event.target.closest(".palette-item");
    if (item) {
      event.preventDefault();
      startPlacing(item);
      return;
    }
    var here = event.target.closest(".add-here");
    if (here && placing) {
      var type = placing.getAttribute("data-type");
      var index = $all(".add-here", flow).indexOf(here);
      stopPlacing();
      var card = addNode(type, index);
      $(".node-select", card).focus();
      return;
    }
    var card = event.target.closest(".flow-node");
    if (!card) {
      if (event.target.closest("#placing-cancel")) { stopPlacing(true); }
      var share = event.target.closest(".share-add, .share-remove");
      if (share) {
        event.preventDefault();
        var config = share.closest(".node-config");
        if (share.classList.contains("share-add")) { addShare(config); } else { removeShare(config, share.closest(".split-row")); }
        return;
      }
      var insert = event.target.closest(".insert");
      if (insert) { insertAtCursor(document.getElementById(insert.getAttribute("data-target")), insert.getAttribute("data-insert")); }
      return;
    }
    var i = position(card);
    if (event.target.closest(".node-up")) {
      event.preventDefault();
      if (i > 0) { moveNode(card, i - 1); }
      focusAction(card, i - 1 === 0 ? ".node-down" : ".node-up");
    } else if (event.target.closest(".node-down")) {
      event.preventDefault();
      if (i < cards().length - 1) { moveNode(card, i + 2); }
      focusAction(card, i + 2 === cards().length ? ".node-up" : ".node-down");
    } else if (event.target.closest(".node-remove")) {
      event.preventDefault();
      removeNode(card);
    } else if (event.target.closest(".node-select")) {
      select(card, event.detail === 0);
    }
  }

  function focusAction(card, selector) {
    var button = $(selector, card);
    (button.disabled ? $(".node-select", card) : button).focus();
  }

  function insertAtCursor(field, text) {
    var start = field.selectionStart, end = field.selectionEnd;
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
    field.focus();
    field.selectionStart = field.selectionEnd = start + text.length;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function onKeyDown(event) {
    if (event.key === "Escape" && drag && drag.active) { endDrag(event, true); return; }
    if (placing) {
      var buttons = $all(".add-here", flow), at = buttons.indexOf(document.activeElement);
      if (event.key === "Escape") { event.preventDefault(); stopPlacing(true); return; }
      if (at >= 0 && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
        event.preventDefault();
        var next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === "ArrowUp" ? -1 : 1)))];
        next.focus();
        announce(next.getAttribute("aria-label"));
        return;
      }
    }
    var handle = event.target.closest(".node-select");
    if (!handle) { return; }
    var card = handle.closest(".flow-node"), i = position(card), all = cards();
    if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      removeNode(card);
    } else if (event.altKey && event.key === "ArrowUp" && i > 0) {
      event.preventDefault();
      moveNode(card, i - 1);
      handle.focus();
    } else if (event.altKey && event.key === "ArrowDown" && i < all.length - 1) {
      event.preventDefault();
      moveNode(card, i + 2);
      handle.focus();
    } else if (!event.altKey && event.key === "ArrowUp" && i > 0) {
      event.preventDefault();
      $(".node-select", all[i - 1]).focus();
    } else if (!event.altKey && event.key === "ArrowDown" && i < all.length - 1) {
      event.preventDefault();
      $(".node-select", all[i + 1]).focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    flow = document.getElementById("flow");
    if (!flow) { return; }
    panel = document.getElementById("panel");
    announcer = document.getElementById("announcer");
    document.body.classList.add("canvas-ready");
    cards().forEach(wireCard);
    renumber(true);
    var chosen = flow.getAttribute("data-selected");
    var first = chosen ? $(".flow-node[data-key='" + chosen + "']", flow) : null;
    showPanel(first || cards()[0] || null);

    var trigger = document.getElementById("trigger");
    trigger.addEventListener("input", function () {
      document.getElementById("trigger-echo").textContent = trigger.value.trim() || "…";
    });
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("pointermove", onPointerMove, { passive: false });
    document.addEventListener("pointerup", function (e) { endDrag(e, false); });
    document.addEventListener("pointercancel", function (e) { endDrag(e, true); });
    document.addEventListener("click", onClick, true);
    document.addEventListener("keydown", onKeyDown);
    document.body.addEventListener("htmx:afterSwap", function (e) {
      if (e.target.id === "preview") { scopePreview(); }
    });
  });
})();
