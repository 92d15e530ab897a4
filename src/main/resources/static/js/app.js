// Sends the CSRF token with every htmx request (Spring Security checks it on POST, PATCH, DELETE).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Copy buttons: <button class="copy" data-copy="#element-id"> copies that element's text.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-copy]");
  if (!button) {
    return;
  }
  var source = document.querySelector(button.getAttribute("data-copy"));
  if (!source) {
    return;
  }
  var label = button.textContent;
  var done = function () {
    button.textContent = "Copied";
    setTimeout(function () { button.textContent = label; }, 2000);
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(source.textContent).then(done, function () { selectText(source); });
  } else {
    selectText(source);
  }
});

// Where the clipboard is not available (plain http), select the text so Ctrl+C copies it.
function selectText(element) {
  var range = document.createRange();
  range.selectNodeContents(element);
  var selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

// Times: the server writes <time datetime="ISO">fallback</time>; here they read in the viewer's zone and
// language, relative when recent ("3 min ago"), with the exact moment on hover. data-time="day" shows the date only.
var couponflowTimes = (function () {
  var exact = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  var dayOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
  var relative = typeof Intl.RelativeTimeFormat === "function"
    ? new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }) : null;
  var english = /^en\b/.test(new Intl.DateTimeFormat().resolvedOptions().locale);
  var steps = [["second", 60], ["minute", 60], ["hour", 24]];

  function ago(at, now) {
    var amount = (at - now) / 1000;
    if (Math.abs(amount) < 45) {
      return english ? "just now" : relative.format(0, "second");
    }
    for (var i = 0; i < steps.length; i++) {
      if (Math.abs(amount) < steps[i][1]) {
        return relative.format(Math.round(amount), steps[i][0]);
      }
      amount /= steps[i][1];
    }
    return null;
  }

  function localise(root) {
    var now = Date.now();
    (root || document).querySelectorAll("time[datetime]").forEach(function (el) {
      var at = new Date(el.getAttribute("datetime"));
      if (isNaN(at.getTime())) {
        return;
      }
      var full = exact.format(at);
      el.title = full;
      if (el.getAttribute("data-time") === "day") {
        el.textContent = dayOnly.format(at);
        return;
      }
      var recent = relative && el.getAttribute("data-time") !== "exact" ? ago(at, now) : null;
      el.textContent = recent || full;
    });
  }

  return { localise: localise };
})();
document.addEventListener("DOMContentLoaded", function () { couponflowTimes.localise(document); });
document.addEventListener("htmx:load", function (event) { couponflowTimes.localise(event.detail.elt); });
setInterval(function () { couponflowTimes.localise(document); }, 60000);

// Phone navigation: the Menu button opens and closes the main navigation.
document.documentElement.classList.add("js");
document.addEventListener("click", function (event) {
  var toggle = event.target.closest("#menu-toggle");
  if (!toggle) {
    return;
  }
  var open = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
  document.getElementById("main-nav").classList.toggle("open", open);
});
document.addEventListener("keydown", function (event) {
  var toggle = document.getElementById("menu-toggle");
  if (event.key === "Escape" && toggle && toggle.getAttribute("aria-expanded") === "true") {
    toggle.setAttribute("aria-expanded", "false");
    document.getElementById("main-nav").classList.remove("open");
    toggle.focus();
  }
});

// Required fields (data-required="message"): the message shows once the user leaves the field empty (the server
// says it on submit), never while they are still arriving at it. Leaving it for a button shows nothing: the message
// would push the button away between press and release; the server answers the click anyway.
document.addEventListener("focusout", function (event) {
  var input = event.target;
  if (!input.matches || !input.matches("input[data-required]") || input.value.trim() !== "") {
    return;
  }
  var next = event.relatedTarget;
  if (next && next.closest && next.closest("button, a, summary, input[type=submit]")) {
    return;
  }
  var id = input.id + "-required";
  input.classList.add("invalid");
  input.setAttribute("aria-invalid", "true");
  if (!document.getElementById(id) && !document.getElementById(input.id + "-error")) {
    var message = document.createElement("div");
    message.className = "error";
    message.id = id;
    message.textContent = input.getAttribute("data-required");
    input.insertAdjacentElement("afterend", message);
    input.setAttribute("aria-describedby", id);
  }
});
// Typing a value takes the message away (the page does not move under a click while the user types).
document.addEventListener("input", function (event) {
  var input = event.target;
  if (!input.matches || !input.matches("input[data-required]") || input.value.trim() === "") {
    return;
  }
  input.classList.remove("invalid");
  input.setAttribute("aria-invalid", "false");
  [input.id + "-required", input.id + "-error"].forEach(function (id) {
    var shown = document.getElementById(id);
    if (shown) {
      shown.remove();
    }
  });
});
// The import wizard's file picker: the file input covers the drop zone (so a dropped file lands in it natively);
// here the zone lights up while a file is dragged over it and names the chosen file.
document.addEventListener("change", function (event) {
  if (!event.target.matches || !event.target.matches(".file-drop .file-input")) {
    return;
  }
  var zone = event.target.closest(".file-drop");
  var file = event.target.files && event.target.files[0];
  var title = zone.querySelector(".file-drop-title");
  zone.classList.toggle("chosen", !!file);
  zone.classList.remove("over", "invalid");
  if (file) {
    var size = file.size < 1024 * 1024 ? Math.max(1, Math.round(file.size / 1024)) + " KB"
      : (file.size / 1024 / 1024).toFixed(1) + " MB";
    title.textContent = "";
    var name = document.createElement("strong");
    name.textContent = file.name;
    title.appendChild(name);
    title.appendChild(document.createTextNode(" · " + size + " · choose another or drop it here"));
  }
});
["dragenter", "dragover"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    var zone = event.target.closest && event.target.closest(".file-drop");
    if (zone) {
      zone.classList.add("over");
    }
  });
});
["dragleave", "drop"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    var zone = event.target.closest && event.target.closest(".file-drop");
    if (zone) {
      zone.classList.remove("over");
    }
  });
});
