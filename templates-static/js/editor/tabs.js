// Tabs of open files, autosave, and conflicts: a save made over a revision someone else replaced is never an
// overwrite; the person compares, then keeps theirs or takes the other.
import { api } from "./api.js";
import { closeCompare, showCompare } from "./compare.js";
import { $, config, projectApi, state, toast } from "./context.js";
import { historyOpen, loadHistory } from "./history.js";
import { showLanguage, showPosition, updateStatus } from "./status.js";
import { iconOf, markTree } from "./tree.js";

const AUTOSAVE_DELAY_MS = 1000;

const tabs = [];
let conflictTab = null;

export function openFile(fileId) {
  const existing = tabs.find(function (tab) {
    return tab.file.id === fileId;
  });
  if (existing) {
    activate(existing);
    return Promise.resolve(existing);
  }
  const monaco = state.monaco;
  return api("GET", projectApi + "/files/" + fileId)
    .then(function (file) {
      const model = monaco.editor.createModel(file.content, file.language, monaco.Uri.from({ scheme: "qide", path: "/" + file.id + "/" + file.name }));
      const tab = { file: file, model: model, revision: file.revision, saved: file.content, saving: false, again: false,
        conflict: false, timer: null, applying: false, viewState: null };
      model.onDidChangeContent(function () {
        if (tab.applying) return;
        updateStatus(tab);
        scheduleAutosave(tab);
      });
      tabs.push(tab);
      activate(tab);
      return tab;
    })
    .catch(function (error) {
      toast(error.message);
    });
}

function activate(tab) {
  const editor = state.editor;
  if (state.activeTab && state.activeTab !== tab) {
    state.activeTab.viewState = editor.saveViewState();
  }
  closeCompare();
  state.activeTab = tab;
  $("editor-empty").hidden = tab !== null;
  $("monaco").hidden = tab === null;
  if (tab) {
    editor.setModel(tab.model);
    if (tab.viewState) editor.restoreViewState(tab.viewState);
    editor.focus();
  } else {
    editor.setModel(null);
    showPosition(null);
  }
  showLanguage(tab);
  showConflictBar(tab && tab.conflict ? tab : null);
  renderTabs();
  markTree();
  updateStatus(tab);
  if (historyOpen()) loadHistory();
}

function closeTab(tab) {
  if (isDirty(tab) && !window.confirm("\u201c" + tab.file.name + "\u201d has changes that are not saved. Close it anyway?")) {
    return;
  }
  clearTimeout(tab.timer);
  tabs.splice(tabs.indexOf(tab), 1);
  if (state.activeTab === tab) {
    state.activeTab = null;
    activate(tabs.length ? tabs[tabs.length - 1] : null);
  } else {
    renderTabs();
  }
  tab.model.dispose();
}

function tabIcon(name) {
  const icon = document.createElement("i");
  icon.className = "bi bi-" + name;
  icon.setAttribute("aria-hidden", "true");
  return icon;
}

/** The tab bar is the browser's own state (which files are open here), so it is drawn here. */
function renderTabs() {
  const bar = $("tabs");
  bar.textContent = "";
  tabs.forEach(function (tab) {
    const button = document.createElement("div");
    button.className = "editor-tab" + (tab === state.activeTab ? " active" : "");
    button.setAttribute("role", "tab");
    button.setAttribute("aria-selected", String(tab === state.activeTab));
    button.setAttribute("tabindex", "0");
    button.title = tab.file.path;
    button.appendChild(tabIcon(iconOf(tab.file.id)));
    const name = document.createElement("span");
    name.textContent = tab.file.name;
    button.appendChild(name);
    if (isDirty(tab) || tab.conflict) {
      const dot = document.createElement("span");
      dot.className = "dirty-dot";
      dot.title = tab.conflict ? "Conflict" : "Not saved yet";
      button.appendChild(dot);
    }
    const close = document.createElement("button");
    close.className = "tab-close";
    close.type = "button";
    close.setAttribute("aria-label", "Close " + tab.file.name);
    close.appendChild(tabIcon("x"));
    close.addEventListener("click", function (event) {
      event.stopPropagation();
      closeTab(tab);
    });
    button.appendChild(close);
    button.addEventListener("click", function () {
      activate(tab);
    });
    bar.appendChild(button);
  });
}

/** After the tree changed (move, delete): tabs follow their files' new paths, and close when they are gone. */
export function syncTabsWithTree(files) {
  tabs.slice().forEach(function (tab) {
    const file = files.find(function (candidate) {
      return candidate.id === tab.file.id;
    });
    if (!file) {
      tab.saved = tab.model.getValue();
      closeTab(tab);
      return;
    }
    if (file.path !== tab.file.path) {
      tab.file.path = file.path;
      tab.file.name = file.name;
      tab.file.language = file.language;
      state.monaco.editor.setModelLanguage(tab.model, file.language);
    }
  });
  renderTabs();
  if (state.activeTab) showLanguage(state.activeTab);
}

export function isDirty(tab) {
  return tab !== null && tab.model.getValue() !== tab.saved;
}

/** Whether any open tab holds changes not saved yet. */
export function anyDirty() {
  return tabs.some(isDirty);
}

/** Saves every tab with changes (when the page is being left). */
export function saveAll() {
  tabs.forEach(function (tab) {
    save(tab, true).catch(function () {});
  });
}

function scheduleAutosave(tab) {
  if (!config.can_edit) return;
  clearTimeout(tab.timer);
  tab.timer = setTimeout(function () {
    save(tab, true).catch(function () {});
  }, AUTOSAVE_DELAY_MS);
  renderTabs();
}

/** Saves the tab's content over the revision it started from; a stale save becomes a conflict, never an overwrite. */
export function save(tab, autosave) {
  if (!tab || !config.can_edit) return Promise.resolve();
  clearTimeout(tab.timer);
  if (tab.conflict) return Promise.reject(new Error("Resolve the conflict on \u201c" + tab.file.name + "\u201d first."));
  if (tab.saving) {
    tab.again = true;
    return tab.saving;
  }
  const content = tab.model.getValue();
  if (content === tab.saved) {
    updateStatus(tab);
    return Promise.resolve();
  }
  tab.saving = api("PUT", projectApi + "/files/" + tab.file.id, { content: content, base_revision: tab.revision, autosave: autosave })
    .then(function (file) {
      tab.revision = file.revision;
      tab.saved = content;
      tab.file.size_bytes = file.size_bytes;
    })
    .catch(function (error) {
      if (error.status === 409) {
        tab.conflict = true;
        if (tab === state.activeTab) showConflictBar(tab);
      } else {
        toast(error.message);
      }
      throw error;
    })
    .finally(function () {
      tab.saving = false;
      updateStatus(tab);
      renderTabs();
      if (tab === state.activeTab && historyOpen()) loadHistory();
      if (tab.again) {
        tab.again = false;
        save(tab, true).catch(function () {});
      }
    });
  updateStatus(tab);
  return tab.saving;
}

/** Replaces the model's text without losing undo, and without it counting as the person's own edit. */
export function applyRemote(tab, content, revision) {
  tab.applying = true;
  tab.model.pushEditOperations([], [{ range: tab.model.getFullModelRange(), text: content }], function () {
    return null;
  });
  tab.applying = false;
  tab.saved = content;
  tab.revision = revision;
  updateStatus(tab);
  renderTabs();
}

function showConflictBar(tab) {
  conflictTab = tab;
  $("conflict-bar").hidden = tab === null;
  if (tab) {
    $("conflict-text").textContent = "Someone saved \u201c" + tab.file.name + "\u201d after you opened it. Nothing was overwritten: compare, then keep yours or take theirs.";
  }
}

function resolveConflict(keepMine) {
  const tab = conflictTab;
  api("GET", projectApi + "/files/" + tab.file.id)
    .then(function (current) {
      tab.conflict = false;
      showConflictBar(null);
      closeCompare();
      if (keepMine) {
        tab.revision = current.revision;
        return save(tab, false);
      }
      applyRemote(tab, current.content, current.revision);
    })
    .catch(function (error) {
      toast(error.message);
    });
}

function compareConflict() {
  const tab = conflictTab;
  api("GET", projectApi + "/files/" + tab.file.id)
    .then(function (current) {
      showCompare(current.content, tab.model.getValue(), tab.file.language,
        "Left: saved by someone else (revision " + current.revision + ") \u2014 right: yours, not saved");
    })
    .catch(function (error) {
      toast(error.message);
    });
}

/** Wires the conflict bar's buttons. */
export function initTabs() {
  $("conflict-compare").addEventListener("click", compareConflict);
  $("conflict-keep-mine").addEventListener("click", function () {
    resolveConflict(true);
  });
  $("conflict-take-theirs").addEventListener("click", function () {
    resolveConflict(false);
  });
}
