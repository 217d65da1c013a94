/*
 * Chat: keeps a streaming reply's resume point current (so htmx's own reconnects go on where the text stopped),
 * sends with Ctrl/Cmd+Enter, clears the composer after a send, and gives code blocks their Copy and Insert buttons.
 * The editor adds the open file or selection to a message (see editor.js, "qide:chat-context").
 */
(function () {
  "use strict";

  // Every token event carries the reply's length as its id: remember it in sse-connect, which htmx reads again
  // when it has to open a new EventSource (the browser's own reconnect sends Last-Event-ID by itself).
  document.body.addEventListener("htmx:sseMessage", function (event) {
    var source = event.target.closest("[data-stream-base]");
    var id = event.detail && event.detail.lastEventId;
    if (source && id) {
      source.setAttribute("sse-connect", source.getAttribute("data-stream-base") + "?from=" + encodeURIComponent(id));
    }
    var messages = document.getElementById("messages");
    if (messages) messages.scrollTop = messages.scrollHeight;
  });

  // A finished reply replaces its streaming form: keep the newest text in view.
  document.body.addEventListener("htmx:sseMessage", function (event) {
    if (event.detail && event.detail.type === "done") {
      var messages = document.getElementById("messages");
      if (messages) setTimeout(function () { messages.scrollTop = messages.scrollHeight; }, 0);
    }
  });

  document.body.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target.id === "chat-input") {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  });

  document.body.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target.closest && event.target.closest("[data-chat-composer]");
    if (form && event.detail.successful) {
      form.querySelector("textarea").value = "";
      var empty = document.getElementById("chat-empty");
      if (empty) empty.remove();
      var messages = document.getElementById("messages");
      if (messages) messages.scrollTop = messages.scrollHeight;
    }
  });

  // Forms inside the editor's panel ask for the panel's markup back.
  document.body.addEventListener("htmx:configRequest", function (event) {
    var inPanel = event.target.closest && event.target.closest(".chat-in-panel");
    if (inPanel) event.detail.parameters.panel = "true";
    var composer = event.target.closest && event.target.closest("[data-chat-composer]");
    if (composer) {
      var include = composer.querySelector("[data-chat-context]");
      if (include && include.checked) {
        var context = { label: "", text: "" };
        document.dispatchEvent(new CustomEvent("qide:chat-context", { detail: context }));
        event.detail.parameters.context_label = context.label;
        event.detail.parameters.context_text = context.text;
      }
    }
  });

  document.body.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-code], [data-insert-code]");
    if (!button) return;
    var code = button.closest(".code-block").querySelector("code").textContent;
    if (button.hasAttribute("data-copy-code")) {
      navigator.clipboard.writeText(code).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    } else {
      document.dispatchEvent(new CustomEvent("qide:insert-code", { detail: { code: code } }));
    }
  });
})();
