// Small glue between htmx, Bootstrap and Q-IDE's pages. No inline scripts anywhere (the CSP forbids them).
(function () {
  "use strict";

  // htmx: no eval, no injected <style> (the CSP would refuse both); swap 422 responses (forms with errors).
  htmx.config.allowEval = false;
  htmx.config.allowScriptTags = false;
  htmx.config.includeIndicatorStyles = false;
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "422", swap: true },
    { code: "[45]..", swap: false, error: true },
    { code: "...", swap: false },
  ];

  // Every htmx request carries the CSRF token (forms also carry it as a hidden field).
  var csrf = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener("htmx:configRequest", function (event) {
    if (csrf) {
      event.detail.headers["X-CSRF-TOKEN"] = csrf.getAttribute("content");
    }
  });

  function showToast(element) {
    if (element && window.bootstrap) {
      element.addEventListener("hidden.bs.toast", function () {
        element.remove();
      });
      bootstrap.Toast.getOrCreateInstance(element, { delay: 8000 }).show();
    }
  }

  function toast(message) {
    var container = document.getElementById("toasts");
    var element = document.createElement("div");
    element.className = "toast align-items-center text-bg-danger border-0";
    element.setAttribute("role", "alert");
    var row = document.createElement("div");
    row.className = "d-flex";
    var body = document.createElement("div");
    body.className = "toast-body";
    body.textContent = message;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close btn-close-white me-2 m-auto";
    close.setAttribute("data-bs-dismiss", "toast");
    close.setAttribute("aria-label", "Close");
    row.appendChild(body);
    row.appendChild(close);
    element.appendChild(row);
    container.appendChild(element);
    showToast(element);
  }

  // Other scripts (the editor) show their messages the same way.
  window.qideToast = toast;

  // Errors come back as a toast fragment (see ErrorResponses); anything else gets a plain message.
  document.body.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.getResponseHeader("HX-Retarget") === "#toasts") {
      var container = document.getElementById("toasts");
      var template = document.createElement("template");
      template.innerHTML = xhr.responseText;
      var element = template.content.querySelector("[data-qide-toast]");
      if (element) {
        container.appendChild(element);
        showToast(element);
        return;
      }
    }
    toast("The request failed (" + xhr.status + "). Please try again.");
  });

  document.body.addEventListener("htmx:sendError", function () {
    toast("Q-IDE could not be reached. Check your connection and try again.");
  });

  // Show / hide buttons next to password fields.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-toggle-password]");
    if (!button) {
      return;
    }
    var input = document.getElementById(button.getAttribute("data-toggle-password"));
    var showing = input.type === "text";
    input.type = showing ? "password" : "text";
    button.setAttribute("aria-pressed", String(!showing));
    button.setAttribute("aria-label", showing ? "Show password" : "Hide password");
    button.querySelector("i").className = showing ? "bi bi-eye" : "bi bi-eye-slash";
  });

  // Copy buttons: data-copy-target names the field whose value goes to the clipboard (a new API key).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) {
      return;
    }
    var input = document.getElementById(button.getAttribute("data-copy-target"));
    var label = button.querySelector("span");
    function copied() {
      label.textContent = "Copied";
      setTimeout(function () {
        label.textContent = "Copy";
      }, 2000);
    }
    input.focus();
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(copied, function () {
        toast("Copying failed: select the key and copy it yourself.");
      });
    } else if (document.execCommand("copy")) {
      copied();
    } else {
      toast("Copying failed: select the key and copy it yourself.");
    }
  });

  // The API key form's date field only matters when "On the date below" is chosen; without JS it always shows.
  function syncExpiryDates(root) {
    root.querySelectorAll("[data-expiry-select]").forEach(function (select) {
      var date = select.form && select.form.querySelector("[data-expiry-date]");
      if (date) {
        date.hidden = select.value !== "date";
      }
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-expiry-select]")) {
      syncExpiryDates(event.target.form);
    }
  });
  document.body.addEventListener("htmx:load", function (event) {
    syncExpiryDates(event.detail.elt);
  });
  syncExpiryDates(document);
})();
