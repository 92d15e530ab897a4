/*
 * Couponflow web content snippet. On the shop's pages:
 *   <script src="https://couponflow.example/web/snippet.js" data-contact-id="CONTACT-ID"
 *           data-contact-signature="HEX HMAC-SHA256 OF CONTACT-ID UNDER THE WEB SECRET" async></script>
 * The shop's server computes the signature when it renders the page; without it nothing is shown.
 * It fetches the contact's pending popups once and shows each; each code shows once, with a copy button: where the
 * popup's template puts it, else in a box below.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var contactId = script.getAttribute("data-contact-id") || (window.couponflow && window.couponflow.contactId);
  var signature = script.getAttribute("data-contact-signature") || (window.couponflow && window.couponflow.contactSignature);
  if (!contactId || !signature) {
    return;
  }
  var base = script.getAttribute("data-base") || new URL(script.src, document.baseURI).origin;

  function el(tag, style, text) {
    var node = document.createElement(tag);
    if (style) {
      node.setAttribute("style", style);
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function copy(code, button) {
    var done = function () { button.textContent = "Copied"; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code).then(done, done);
    } else {
      done();
    }
  }

  function codeValue(code) {
    var value = el("code", "font:600 18px ui-monospace,Menlo,monospace;background:#efedff;color:#4736c4;"
      + "padding:4px 10px;border-radius:8px;display:inline-block", code);
    value.className = "cf-popup-code";
    return value;
  }

  function copyButton(code) {
    var button = el("button", "border:0;border-radius:8px;background:#5b4bdb;color:#fff;padding:6px 12px;"
      + "font:600 14px system-ui,sans-serif;cursor:pointer;margin-left:6px;vertical-align:middle", "Copy");
    button.className = "cf-popup-copy";
    button.type = "button";
    button.addEventListener("click", function () { copy(code, button); });
    return button;
  }

  /** Turns the first spot of each code in the popup's text into the code and its copy button; answers the codes not found. */
  function markCodes(content, codes) {
    return codes.filter(function (code) {
      var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var at = node.nodeValue.indexOf(code);
        if (at >= 0) {
          var spot = node.splitText(at);
          spot.splitText(code.length);
          var value = codeValue(code);
          spot.parentNode.replaceChild(value, spot);
          value.insertAdjacentElement("afterend", copyButton(code));
          return false;
        }
      }
      return true;
    });
  }

  function show(item) {
    var overlay = el("div", "position:fixed;inset:0;background:rgba(16,24,40,.45);display:flex;align-items:center;"
      + "justify-content:center;z-index:2147483647;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif");
    overlay.className = "cf-popup";
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    var box = el("div", "background:#fff;color:#1d2433;border-radius:12px;padding:24px 28px;max-width:420px;"
      + "width:calc(100% - 32px);box-shadow:0 12px 32px rgba(16,24,40,.25);position:relative;text-align:center");
    var close = el("button", "position:absolute;top:8px;right:10px;border:0;background:none;font-size:22px;"
      + "cursor:pointer;color:#667085", "\u00d7");
    close.className = "cf-popup-close";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { overlay.remove(); });
    var content = el("div", "margin-bottom:12px");
    content.className = "cf-popup-content";
    content.innerHTML = item.html;
    box.appendChild(close);
    box.appendChild(content);
    // the code shows once: where the popup's template shows it, that spot becomes the code with its copy button;
    // a code the template does not show gets a box of its own below
    markCodes(content, item.codes || []).forEach(function (code) {
      var row = el("div", "display:flex;gap:8px;justify-content:center;align-items:center;margin-top:8px");
      row.appendChild(codeValue(code));
      row.appendChild(copyButton(code));
      box.appendChild(row);
    });
    overlay.addEventListener("click", function (event) {
      if (event.target === overlay) {
        overlay.remove();
      }
    });
    overlay.appendChild(box);
    document.body.appendChild(overlay);
  }

  fetch(base + "/web/v1/content?contactId=" + encodeURIComponent(contactId) + "&signature=" + encodeURIComponent(signature),
    { credentials: "omit" })
    // a refused signature shows nothing and logs nothing: the page's visitors need not know
    .then(function (response) { return response.ok ? response.json() : { items: [] }; })
    .then(function (data) { (data.items || []).forEach(show); })
    .catch(function () { /* the shop's page must never break because popups are unavailable */ });
})();
