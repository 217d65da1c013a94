// The editor page: Monaco, the file tree, tabs with autosave and conflict handling, file history and code runs.
// It talks to the same JSON API that scripts use (/api/projects/..., /api/runs/...). No inline scripts anywhere.
(function () {
  "use strict";

  var root = document.getElementById("editor");
  var config = JSON.parse(root.getAttribute("data-editor-config"));
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var projectApi = "/api/projects/" + config.project_id;
  var AUTOSAVE_DELAY_MS = 1000;

  var $ = function (id) {
    return document.getElementById(id);
  };
  var toast = function (message) {
    if (window.qideToast) {
      window.qideToast(message);
    }
  };

  // ---------------------------------------------------------------------------------------------------------
  // The JSON API: errors carry the server's human-readable detail; an ended session goes back to sign-in.
  // ---------------------------------------------------------------------------------------------------------
  function api(method, path, body) {
    var headers = { Accept: "application/json" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    if (method !== "GET" && csrfMeta) {
      headers["X-CSRF-TOKEN"] = csrfMeta.getAttribute("content");
    }
    return fetch(path, {
      method: method,
      headers: headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (notJson) {
          data = null;
        }
        if (response.status === 401) {
          window.location.href = "/login?next=" + encodeURIComponent(window.location.pathname);
        }
        if (!response.ok) {
          var error = new Error((data && data.detail) || "The request failed (" + response.status + ").");
          error.status = response.status;
          throw error;
        }
        return data;
      });
    }, function () {
      throw new Error("Q-IDE could not be reached. Check your connection.");
    });
  }

  function ago(iso) {
    var seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
    if (seconds < 45) return "just now";
    var minutes = Math.round(seconds / 60);
    if (minutes < 60) return minutes + " min ago";
    var hours = Math.round(minutes / 60);
    if (hours < 24) return hours + " h ago";
    return new Date(iso).toLocaleString();
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function icon(name) {
    var node = element("i", "bi bi-" + name);
    node.setAttribute("aria-hidden", "true");
    return node;
  }

  // ---------------------------------------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------------------------------------
  var monaco;
  var editor;
  var diffEditor;
  var diffModels = [];
  var files = [];
  var collapsed = {};
  var selectedFolder = null;
  var tabs = [];
  var activeTab = null;
  var conflictTab = null;
  var treeFormMode = null;
  var treeFormTarget = null;
  var currentRun = null;

  // ---------------------------------------------------------------------------------------------------------
  // File tree
  // ---------------------------------------------------------------------------------------------------------
  function loadTree() {
    return api("GET", projectApi + "/files").then(function (list) {
      files = list;
      renderTree();
      syncTabsWithTree();
    });
  }

  function buildTree() {
    var top = { children: {} };
    files.forEach(function (file) {
      var parts = file.path.split("/");
      var node = top;
      parts.forEach(function (part, index) {
        var path = parts.slice(0, index + 1).join("/");
        if (!node.children[part]) {
          node.children[part] = { name: part, path: path, folder: true, file: null, children: {} };
        }
        node = node.children[part];
      });
      node.folder = file.folder;
      node.file = file;
    });
    return top;
  }

  function sortedChildren(node) {
    return Object.keys(node.children)
      .map(function (key) {
        return node.children[key];
      })
      .sort(function (a, b) {
        if (a.folder !== b.folder) return a.folder ? -1 : 1;
        return a.name.localeCompare(b.name);
      });
  }

  function renderTree() {
    var tree = $("file-tree");
    tree.textContent = "";
    renderChildren(buildTree(), tree, 0);
    if (files.length === 0) {
      tree.appendChild(element("li", "small text-body-secondary px-3", "No files yet."));
    }
  }

  function renderChildren(node, list, depth) {
    sortedChildren(node).forEach(function (child) {
      var item = element("li");
      item.setAttribute("role", "treeitem");
      var row = element("div", "tree-row");
      var button = element("button", "tree-item");
      button.type = "button";
      button.setAttribute("data-path", child.path);
      if (child.folder) {
        var open = !collapsed[child.path];
        item.setAttribute("aria-expanded", String(open));
        button.appendChild(icon(open ? "folder2-open" : "folder"));
        button.classList.toggle("active", selectedFolder === child.path);
        button.addEventListener("click", function () {
          collapsed[child.path] = open;
          selectedFolder = child.path;
          renderTree();
        });
      } else {
        button.appendChild(icon(fileIcon(child.name)));
        button.classList.toggle("active", activeTab !== null && child.file && activeTab.file.id === child.file.id);
        button.addEventListener("click", function () {
          selectedFolder = child.path.indexOf("/") > 0 ? child.path.substring(0, child.path.lastIndexOf("/")) : null;
          openFile(child.file.id);
        });
      }
      button.appendChild(element("span", "text-truncate", child.name));
      row.appendChild(button);
      if (config.can_edit && child.file) {
        var actions = element("span", "tree-actions");
        actions.appendChild(actionButton("pencil", "Rename or move " + child.path, function () {
          showTreeForm("move", child.file);
        }));
        actions.appendChild(actionButton("trash3", "Delete " + child.path, function () {
          deleteEntry(child.file);
        }));
        row.appendChild(actions);
      }
      item.appendChild(row);
      if (child.folder && !collapsed[child.path]) {
        var group = element("ul");
        group.setAttribute("role", "group");
        renderChildren(child, group, depth + 1);
        item.appendChild(group);
      }
      list.appendChild(item);
    });
  }

  function actionButton(iconName, label, onClick) {
    var button = element("button");
    button.type = "button";
    button.title = label;
    button.setAttribute("aria-label", label);
    button.appendChild(icon(iconName));
    button.addEventListener("click", onClick);
    return button;
  }

  function fileIcon(name) {
    var extension = name.split(".").pop().toLowerCase();
    var icons = { py: "filetype-py", js: "filetype-js", ts: "filetype-tsx", java: "filetype-java", md: "filetype-md",
      json: "filetype-json", html: "filetype-html", css: "filetype-css", sh: "filetype-sh", go: "file-earmark-code",
      rs: "file-earmark-code", yml: "filetype-yml", yaml: "filetype-yml" };
    return icons[extension] || "file-earmark-text";
  }

  function showTreeForm(mode, target) {
    treeFormMode = mode;
    treeFormTarget = target || null;
    var input = $("tree-form-path");
    var labels = { file: ["New file", "Create"], folder: ["New folder", "Create"], move: ["Rename or move to", "Move"] };
    $("tree-form-label").textContent = labels[mode][0];
    $("tree-form-submit").textContent = labels[mode][1];
    $("tree-form-error").textContent = "";
    input.classList.remove("is-invalid");
    input.value = mode === "move" ? target.path : selectedFolder ? selectedFolder + "/" : "";
    $("tree-form").hidden = false;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  function hideTreeForm() {
    $("tree-form").hidden = true;
    treeFormMode = null;
  }

  function submitTreeForm(event) {
    event.preventDefault();
    var path = $("tree-form-path").value;
    var request;
    if (treeFormMode === "move") {
      request = api("PUT", projectApi + "/files/" + treeFormTarget.id, { path: path });
    } else {
      request = api("POST", projectApi + "/files", { path: path, folder: treeFormMode === "folder", content: "" });
    }
    var mode = treeFormMode;
    request
      .then(function (file) {
        hideTreeForm();
        return loadTree().then(function () {
          if (mode === "file") openFile(file.id);
        });
      })
      .catch(function (error) {
        $("tree-form-path").classList.add("is-invalid");
        $("tree-form-error").textContent = error.message;
      });
  }

  /** Uploads files chosen by the person into the selected folder; each must be UTF-8 text of at most 1 MB. */
  function uploadFiles(list) {
    var uploads = Array.prototype.map.call(list, function (file) {
      var path = (selectedFolder ? selectedFolder + "/" : "") + file.name;
      return fetch(projectApi + "/files/upload?path=" + encodeURIComponent(path), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/octet-stream", Accept: "application/json",
          "X-CSRF-TOKEN": csrfMeta ? csrfMeta.getAttribute("content") : "" },
        body: file,
      }).then(function (response) {
        if (response.ok) return null;
        return response.json().then(function (problem) {
          toast(file.name + ": " + problem.detail);
        }, function () {
          toast(file.name + ": the upload failed (" + response.status + ").");
        });
      });
    });
    Promise.all(uploads).then(loadTree);
  }

  function deleteEntry(file) {
    var what = file.folder ? "the folder \u201c" + file.path + "\u201d and everything in it" : "\u201c" + file.path + "\u201d";
    if (!window.confirm("Delete " + what + "? This cannot be undone.")) return;
    api("DELETE", projectApi + "/files/" + file.id)
      .then(loadTree)
      .catch(function (error) {
        toast(error.message);
      });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Tabs, autosave and conflicts
  // ---------------------------------------------------------------------------------------------------------
  function openFile(fileId) {
    var existing = tabs.find(function (tab) {
      return tab.file.id === fileId;
    });
    if (existing) {
      activate(existing);
      return Promise.resolve(existing);
    }
    return api("GET", projectApi + "/files/" + fileId)
      .then(function (file) {
        var model = monaco.editor.createModel(file.content, file.language, monaco.Uri.from({ scheme: "qide", path: "/" + file.id + "/" + file.name }));
        var tab = { file: file, model: model, revision: file.revision, saved: file.content, saving: false, again: false,
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
    if (activeTab && activeTab !== tab) {
      activeTab.viewState = editor.saveViewState();
    }
    closeCompare();
    activeTab = tab;
    $("editor-empty").hidden = tab !== null;
    $("monaco").hidden = tab === null;
    if (tab) {
      editor.setModel(tab.model);
      if (tab.viewState) editor.restoreViewState(tab.viewState);
      editor.focus();
      $("status-language").textContent = languageLabel(tab.file.language);
    } else {
      editor.setModel(null);
      $("status-language").textContent = "";
      $("status-position").textContent = "";
    }
    showConflictBar(tab && tab.conflict ? tab : null);
    renderTabs();
    renderTree();
    updateStatus(tab);
    if (!$("history-panel").hidden) loadHistory();
  }

  function closeTab(tab) {
    if (isDirty(tab) && !window.confirm("\u201c" + tab.file.name + "\u201d has changes that are not saved. Close it anyway?")) {
      return;
    }
    clearTimeout(tab.timer);
    tabs.splice(tabs.indexOf(tab), 1);
    if (activeTab === tab) {
      activeTab = null;
      activate(tabs.length ? tabs[tabs.length - 1] : null);
    } else {
      renderTabs();
    }
    tab.model.dispose();
  }

  function renderTabs() {
    var bar = $("tabs");
    bar.textContent = "";
    tabs.forEach(function (tab) {
      var button = element("div", "editor-tab" + (tab === activeTab ? " active" : ""));
      button.setAttribute("role", "tab");
      button.setAttribute("aria-selected", String(tab === activeTab));
      button.setAttribute("tabindex", "0");
      button.title = tab.file.path;
      button.appendChild(icon(fileIcon(tab.file.name)));
      button.appendChild(element("span", "", tab.file.name));
      if (isDirty(tab) || tab.conflict) {
        var dot = element("span", "dirty-dot");
        dot.title = tab.conflict ? "Conflict" : "Not saved yet";
        button.appendChild(dot);
      }
      var close = element("button", "tab-close");
      close.type = "button";
      close.setAttribute("aria-label", "Close " + tab.file.name);
      close.appendChild(icon("x"));
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
  function syncTabsWithTree() {
    tabs.slice().forEach(function (tab) {
      var file = files.find(function (candidate) {
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
        monaco.editor.setModelLanguage(tab.model, file.language);
      }
    });
    renderTabs();
    if (activeTab) $("status-language").textContent = languageLabel(activeTab.file.language);
  }

  function isDirty(tab) {
    return tab !== null && tab.model.getValue() !== tab.saved;
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
  function save(tab, autosave) {
    if (!tab || !config.can_edit) return Promise.resolve();
    clearTimeout(tab.timer);
    if (tab.conflict) return Promise.reject(new Error("Resolve the conflict on \u201c" + tab.file.name + "\u201d first."));
    if (tab.saving) {
      tab.again = true;
      return tab.saving;
    }
    var content = tab.model.getValue();
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
          if (tab === activeTab) showConflictBar(tab);
        } else {
          toast(error.message);
        }
        throw error;
      })
      .finally(function () {
        tab.saving = false;
        updateStatus(tab);
        renderTabs();
        if (tab === activeTab && !$("history-panel").hidden) loadHistory();
        if (tab.again) {
          tab.again = false;
          save(tab, true).catch(function () {});
        }
      });
    updateStatus(tab);
    return tab.saving;
  }

  /** Replaces the model's text without losing undo, and without it counting as the person's own edit. */
  function applyRemote(tab, content, revision) {
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
    var tab = conflictTab;
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
    var tab = conflictTab;
    api("GET", projectApi + "/files/" + tab.file.id)
      .then(function (current) {
        showCompare(current.content, tab.model.getValue(), tab.file.language,
          "Left: saved by someone else (revision " + current.revision + ") \u2014 right: yours, not saved");
      })
      .catch(function (error) {
        toast(error.message);
      });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Compare (Monaco's diff editor) and file history
  // ---------------------------------------------------------------------------------------------------------
  function showCompare(original, modified, language, title) {
    closeCompare();
    if (!diffEditor) {
      diffEditor = monaco.editor.createDiffEditor($("diff"), { readOnly: true, originalEditable: false, automaticLayout: true,
        renderSideBySide: true, theme: monacoTheme() });
    }
    diffModels = [monaco.editor.createModel(original, language), monaco.editor.createModel(modified, language)];
    diffEditor.setModel({ original: diffModels[0], modified: diffModels[1] });
    $("compare-title").textContent = title;
    $("compare-bar").hidden = false;
    $("diff").hidden = false;
    $("monaco").hidden = true;
  }

  function closeCompare() {
    if ($("compare-bar").hidden) return;
    $("compare-bar").hidden = true;
    $("diff").hidden = true;
    $("monaco").hidden = activeTab === null;
    if (diffEditor) diffEditor.setModel(null);
    diffModels.forEach(function (model) {
      model.dispose();
    });
    diffModels = [];
  }

  function toggleChat() {
    var panel = $("chat-panel");
    panel.hidden = !panel.hidden;
    $("toggle-chat").setAttribute("aria-pressed", String(!panel.hidden));
    editor.layout();
    if (!panel.hidden) {
      var input = document.getElementById("chat-input");
      if (input) input.focus();
    }
  }

  /** What the chat attaches to a message: the selection if there is one, else the open file. */
  function chatContext(event) {
    if (!activeTab) return;
    var model = editor.getModel();
    var selection = editor.getSelection();
    if (selection && !selection.isEmpty()) {
      event.detail.label = activeTab.file.path + ", lines " + selection.startLineNumber + "\u2013" + selection.endLineNumber;
      event.detail.text = model.getValueInRange(selection);
    } else {
      event.detail.label = activeTab.file.path;
      event.detail.text = model.getValue();
    }
  }

  /** "Insert into editor" on a code block of a reply: at the cursor, replacing the selection, undoable. */
  function insertCode(event) {
    if (!activeTab || editor.getOption(monaco.editor.EditorOption.readOnly)) {
      toast("Open a file you can edit first.");
      return;
    }
    editor.executeEdits("chat", [{ range: editor.getSelection(), text: event.detail.code, forceMoveMarkers: true }]);
    editor.focus();
  }

  function toggleHistory() {
    var panel = $("history-panel");
    panel.hidden = !panel.hidden;
    $("toggle-history").setAttribute("aria-pressed", String(!panel.hidden));
    editor.layout();
    if (!panel.hidden) loadHistory();
  }

  function loadHistory() {
    var list = $("history-list");
    if (!config.history_enabled || !list) return;
    list.textContent = "";
    if (!activeTab) {
      list.appendChild(element("li", "list-group-item small text-body-secondary", "Open a file to see its history."));
      return;
    }
    var tab = activeTab;
    api("GET", projectApi + "/files/" + tab.file.id + "/versions")
      .then(function (versions) {
        if (tab !== activeTab) return;
        list.textContent = "";
        if (versions.length === 0) {
          list.appendChild(element("li", "list-group-item small text-body-secondary", "No saved versions yet."));
        }
        versions.forEach(function (version, index) {
          var item = element("li", "list-group-item history-entry");
          var heading = element("div", "d-flex align-items-center gap-2");
          heading.appendChild(element("strong", "", "Revision " + version.revision));
          if (index === 0) heading.appendChild(element("span", "badge text-bg-primary", "current"));
          if (version.autosave) heading.appendChild(element("span", "badge text-bg-light border", "autosave"));
          item.appendChild(heading);
          item.appendChild(element("div", "small text-body-secondary", version.author_name + " \u00b7 " + ago(version.updated_at)));
          var actions = element("div", "d-flex gap-1 mt-1");
          var compare = element("button", "btn btn-sm btn-outline-secondary", "Compare");
          compare.type = "button";
          compare.addEventListener("click", function () {
            compareVersion(tab, version);
          });
          actions.appendChild(compare);
          if (config.can_edit && index > 0) {
            var restore = element("button", "btn btn-sm btn-outline-primary", "Restore");
            restore.type = "button";
            restore.addEventListener("click", function () {
              restoreVersion(tab, version);
            });
            actions.appendChild(restore);
          }
          item.appendChild(actions);
          list.appendChild(item);
        });
      })
      .catch(function (error) {
        list.appendChild(element("li", "list-group-item small text-danger", error.message));
      });
  }

  function compareVersion(tab, version) {
    api("GET", projectApi + "/files/" + tab.file.id + "/versions/" + version.id)
      .then(function (full) {
        showCompare(full.content, tab.model.getValue(), tab.file.language,
          "Left: revision " + full.revision + " by " + full.author_name + " \u2014 right: what you see now");
      })
      .catch(function (error) {
        toast(error.message);
      });
  }

  function restoreVersion(tab, version) {
    // Unsaved work is saved first, so restoring never throws anything away: it stays in the history.
    save(tab, false)
      .then(function () {
        return api("POST", projectApi + "/files/" + tab.file.id + "/versions/" + version.id + "/restore");
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

  // ---------------------------------------------------------------------------------------------------------
  // Runs: output streamed over server-sent events as the program writes it
  // ---------------------------------------------------------------------------------------------------------
  function runLanguageOf(tab) {
    if (!tab) return null;
    var name = tab.file.name.toLowerCase();
    return config.run_languages.find(function (language) {
      return language.extensions.some(function (extension) {
        return name.endsWith(extension);
      });
    }) || null;
  }

  function appendOutput(text, className) {
    var output = $("output");
    var atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
    output.appendChild(element("span", className || "", text));
    if (atBottom) output.scrollTop = output.scrollHeight;
  }

  function run() {
    if (currentRun) return;
    if (!config.runs_enabled) {
      $("output").textContent = "";
      appendOutput(config.runs_refusal + "\n", "notice");
      return;
    }
    var language = runLanguageOf(activeTab);
    if (!language) {
      var names = config.run_languages.map(function (each) {
        return each.extensions[0];
      }).join(", ");
      $("output").textContent = "";
      appendOutput("Open a file ending in " + names + " to run it.\n", "notice");
      return;
    }
    var tab = activeTab;
    save(tab, false)
      .then(function () {
        return api("POST", "/api/projects/" + config.project_id + "/runs", { file_id: tab.file.id });
      })
      .then(function (started) {
        follow(started, tab);
      })
      .catch(function (error) {
        appendOutput(error.message + "\n", "notice");
      });
  }

  function follow(started, tab) {
    $("output").textContent = "";
    $("run-summary").textContent = "Running " + tab.file.path + " with " + started.language_name + "\u2026";
    $("run-button").disabled = true;
    $("stop-button").hidden = false;
    var source = new EventSource("/api/runs/" + started.id + "/events");
    currentRun = { id: started.id, source: source };
    // After a dropped connection the browser reconnects and the server sends the whole output again.
    var opened = false;
    source.addEventListener("open", function () {
      if (opened) $("output").textContent = "";
      opened = true;
    });
    source.addEventListener("output", function (event) {
      var chunk = JSON.parse(event.data);
      appendOutput(chunk.text, chunk.stream === "stderr" ? "stderr" : "");
    });
    source.addEventListener("done", function (event) {
      var result = JSON.parse(event.data);
      finishRun(describe(result));
      if (result.message) appendOutput("\n" + result.message + "\n", "notice");
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) finishRun("The connection to the run was lost.");
    };
  }

  function describe(result) {
    var seconds = (result.duration_ms / 1000).toFixed(result.duration_ms < 10000 ? 2 : 1);
    var exit = result.exit_code === null || result.exit_code === undefined ? "" : "Exit code " + result.exit_code + " \u00b7 ";
    return exit + seconds + " s";
  }

  function finishRun(summary) {
    if (!currentRun) return;
    currentRun.source.close();
    currentRun = null;
    $("run-summary").textContent = summary;
    $("run-button").disabled = false;
    $("stop-button").hidden = true;
  }

  function stop() {
    if (!currentRun) return;
    api("POST", "/api/runs/" + currentRun.id + "/stop").catch(function (error) {
      toast(error.message);
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Status bar
  // ---------------------------------------------------------------------------------------------------------
  function updateStatus(tab) {
    if (tab !== activeTab) return;
    var status = $("status-save");
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

  function languageLabel(id) {
    var language = monaco.languages.getLanguages().find(function (each) {
      return each.id === id;
    });
    return language && language.aliases && language.aliases.length ? language.aliases[0] : "Plain text";
  }

  function monacoTheme() {
    return document.documentElement.getAttribute("data-bs-theme") === "dark" ? "vs-dark" : "vs";
  }

  // ---------------------------------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------------------------------
  function start(loaded) {
    monaco = loaded;
    editor = monaco.editor.create($("monaco"), {
      model: null,
      theme: monacoTheme(),
      automaticLayout: true,
      readOnly: !config.can_edit,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 4,
      scrollBeyondLastLine: false,
    });
    $("monaco").hidden = true;
    editor.onDidChangeCursorPosition(function (event) {
      $("status-position").textContent = "Ln " + event.position.lineNumber + ", Col " + event.position.column;
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, function () {
      save(activeTab, false).catch(function () {});
    });
    window.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key === "s") {
        event.preventDefault();
        save(activeTab, false).catch(function () {});
      }
    });
    window.addEventListener("beforeunload", function (event) {
      if (tabs.some(function (tab) { return isDirty(tab); })) {
        tabs.forEach(function (tab) { save(tab, true).catch(function () {}); });
        event.preventDefault();
      }
    });
    $("run-button").addEventListener("click", run);
    $("stop-button").addEventListener("click", stop);
    $("clear-output").addEventListener("click", function () {
      $("output").textContent = "";
      $("run-summary").textContent = "";
    });
    $("toggle-history").addEventListener("click", toggleHistory);
    $("toggle-chat").addEventListener("click", toggleChat);
    $("chat-close").addEventListener("click", toggleChat);
    document.addEventListener("qide:chat-context", chatContext);
    document.addEventListener("qide:insert-code", insertCode);
    $("history-close").addEventListener("click", toggleHistory);
    $("compare-close").addEventListener("click", closeCompare);
    $("conflict-compare").addEventListener("click", compareConflict);
    $("conflict-keep-mine").addEventListener("click", function () {
      resolveConflict(true);
    });
    $("conflict-take-theirs").addEventListener("click", function () {
      resolveConflict(false);
    });
    if (config.can_edit) {
      $("new-file").addEventListener("click", function () {
        showTreeForm("file");
      });
      $("new-folder").addEventListener("click", function () {
        showTreeForm("folder");
      });
      $("upload-files").addEventListener("click", function () {
        $("upload-input").click();
      });
      $("upload-input").addEventListener("change", function (event) {
        uploadFiles(event.target.files);
        event.target.value = "";
      });
      $("tree-form").addEventListener("submit", submitTreeForm);
      $("tree-form-cancel").addEventListener("click", hideTreeForm);
      $("tree-form-path").addEventListener("keydown", function (event) {
        if (event.key === "Escape") hideTreeForm();
      });
    }
    if (!config.runs_enabled) {
      $("run-button").title = config.runs_refusal;
    }
    loadTree().then(function () {
      var first = files.find(function (file) {
        return !file.folder;
      });
      if (first) openFile(first.id);
    });
  }

  // Monaco's workers (diffs, JSON/TypeScript services) load from this origin; the CSP allows no blob: workers.
  window.MonacoEnvironment = {
    getWorkerUrl: function () {
      return "/webjars/monaco-editor/min/vs/base/worker/workerMain.js";
    },
  };
  window.require.config({ paths: { vs: "/webjars/monaco-editor/min/vs" } });
  window.require(["vs/editor/editor.main"], start);
})();
