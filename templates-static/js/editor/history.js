// File history: the server renders the open file's versions (EditorResource's history fragment); any of them can be
// compared with what is on screen, or restored as a new version.
import { api, fragment } from "./api.js";
import { closeCompare, showCompare } from "./compare.js";
import { $, config, editorPath, projectApi, state, toast } from "./context.js";
import { applyRemote, save } from "./tabs.js";

/** The tab whose history the list shows. */
let shownTab = null;

export function historyOpen() {
  return !$("history-panel").hidden;
}

export function toggleHistory() {
  const panel = $("history-panel");
  panel.hidden = !panel.hidden;
  $("toggle-history").setAttribute("aria-pressed", String(!panel.hidden));
  state.editor.layout();
  if (!panel.hidden) loadHistory();
}

export function loadHistory() {
  const list = $("history-list");
  if (!config.history_enabled || !list) return;
  list.textContent = "";
  const tab = state.activeTab;
  shownTab = tab;
  $("history-no-file").hidden = tab !== null;
  if (!tab) return;
  fragment(editorPath + "/files/" + tab.file.id + "/history")
    .then(function (html) {
      if (tab !== state.activeTab) return;
      list.innerHTML = html;
    })
    .catch(function (error) {
      const item = document.createElement("li");
      item.className = "list-group-item small text-danger";
      item.textContent = error.message;
      list.appendChild(item);
    });
}

function onHistoryClick(event) {
  const button = event.target.closest("button[data-action]");
  if (!button || !shownTab) return;
  const versionId = button.getAttribute("data-version-id");
  if (button.getAttribute("data-action") === "compare") {
    compareVersion(shownTab, versionId);
  } else {
    restoreVersion(shownTab, versionId);
  }
}

function compareVersion(tab, versionId) {
  api("GET", projectApi + "/files/" + tab.file.id + "/versions/" + versionId)
    .then(function (full) {
      showCompare(full.content, tab.model.getValue(), tab.file.language,
        "Left: revision " + full.revision + " by " + full.author_name + " \u2014 right: what you see now");
    })
    .catch(function (error) {
      toast(error.message);
    });
}

function restoreVersion(tab, versionId) {
  // Unsaved work is saved first, so restoring never throws anything away: it stays in the history.
  save(tab, false)
    .then(function () {
      return api("POST", projectApi + "/files/" + tab.file.id + "/versions/" + versionId + "/restore");
    })
    .then(function (file) {
      closeCompare();
      applyRemote(tab, file.content, file.revision);
      loadHistory();
    })
    .catch(function (error) {
      toast(error.message);
    });
}

/** Wires the History button, the panel's close button and the list's Compare and Restore buttons. */
export function initHistory() {
  $("toggle-history").addEventListener("click", toggleHistory);
  $("history-close").addEventListener("click", toggleHistory);
  const list = $("history-list");
  if (list) list.addEventListener("click", onHistoryClick);
}
