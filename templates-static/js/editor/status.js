// The status bar: save state of the open file, cursor position, language; and the theme Monaco follows.
import { $, config, state } from "./context.js";
import { isDirty } from "./tabs.js";

export function updateStatus(tab) {
  if (tab !== state.activeTab) return;
  const status = $("status-save");
  status.className = "";
  if (!tab) {
    status.textContent = "";
  } else if (!config.can_edit) {
    status.textContent = "Read only";
  } else if (tab.conflict) {
    status.textContent = "Conflict: not saved";
    status.className = "status-conflict";
  } else if (tab.saving) {
    status.textContent = "Saving\u2026";
  } else if (isDirty(tab)) {
    status.textContent = "Unsaved changes";
  } else {
    status.textContent = "Saved";
  }
}

export function showLanguage(tab) {
  $("status-language").textContent = tab ? languageLabel(tab.file.language) : "";
}

export function showPosition(position) {
  $("status-position").textContent = position ? "Ln " + position.lineNumber + ", Col " + position.column : "";
}

function languageLabel(id) {
  const language = state.monaco.languages.getLanguages().find(function (each) {
    return each.id === id;
  });
  return language && language.aliases && language.aliases.length ? language.aliases[0] : "Plain text";
}

export function monacoTheme() {
  return document.documentElement.getAttribute("data-bs-theme") === "dark" ? "vs-dark" : "vs";
}
