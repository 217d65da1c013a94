// The file tree: rendered by the server (EditorResource's tree fragment), fetched again after every change. This
// script keeps folders open or closed, marks the selected folder and the open file, and drives the tree's forms.
import { api, csrfToken, fragment } from "./api.js";
import { $, config, editorPath, projectApi, state, toast } from "./context.js";
import { openFile, syncTabsWithTree } from "./tabs.js";

const collapsed = {};
let selectedFolder = null;
let treeFormMode = null;
let treeFormTarget = null;

/** Fetches the tree again; open tabs follow their files' new paths and close when their file is gone. */
export function loadTree() {
  return fragment(editorPath + "/tree").then(function (html) {
    $("file-tree").innerHTML = html;
    markTree();
    syncTabsWithTree(filesInTree());
  });
}

/** The files (not folders) in the tree: id, path, name and Monaco language. */
export function filesInTree() {
  return Array.from($("file-tree").querySelectorAll('.tree-item[data-kind="file"]'), entryOf);
}

/** The file the editor opens on arrival, if the project has any. */
export function firstFileId() {
  const first = $("file-tree").querySelector(".tree-item[data-opens-first]");
  return first ? first.getAttribute("data-id") : null;
}

/** The icon the tree shows for a file, by its type. */
export function iconOf(fileId) {
  const item = $("file-tree").querySelector('.tree-item[data-id="' + CSS.escape(fileId) + '"]');
  return item ? item.getAttribute("data-icon") : "file-earmark-text";
}

function entryOf(item) {
  const path = item.getAttribute("data-path");
  return {
    id: item.getAttribute("data-id"),
    path: path,
    name: path.substring(path.lastIndexOf("/") + 1),
    folder: item.getAttribute("data-kind") === "folder",
    language: item.getAttribute("data-language"),
  };
}

/** Shows which folders are open, which folder is selected and which file is in the active tab. */
export function markTree() {
  $("file-tree").querySelectorAll(".tree-item").forEach(function (item) {
    const path = item.getAttribute("data-path");
    if (item.getAttribute("data-kind") === "folder") {
      const open = !collapsed[path];
      const entry = item.closest("li");
      entry.setAttribute("aria-expanded", String(open));
      const group = entry.querySelector(":scope > ul");
      if (group) group.hidden = !open;
      const icon = item.querySelector(".bi");
      icon.classList.toggle("bi-folder2-open", open);
      icon.classList.toggle("bi-folder", !open);
      item.classList.toggle("active", selectedFolder === path);
    } else {
      const active = state.activeTab !== null && state.activeTab.file.id === item.getAttribute("data-id");
      item.classList.toggle("active", active);
    }
  });
}

function onTreeClick(event) {
  const action = event.target.closest("[data-action]");
  if (action) {
    const entry = entryOf(action.closest(".tree-row").querySelector(".tree-item"));
    if (action.getAttribute("data-action") === "move") {
      showTreeForm("move", entry);
    } else {
      deleteEntry(entry);
    }
    return;
  }
  const item = event.target.closest(".tree-item");
  if (!item) return;
  const entry = entryOf(item);
  if (entry.folder) {
    collapsed[entry.path] = !collapsed[entry.path];
    selectedFolder = entry.path;
    markTree();
  } else {
    selectedFolder = entry.path.indexOf("/") > 0 ? entry.path.substring(0, entry.path.lastIndexOf("/")) : null;
    openFile(entry.id);
  }
}

function showTreeForm(mode, target) {
  treeFormMode = mode;
  treeFormTarget = target || null;
  const input = $("tree-form-path");
  const labels = { file: ["New file", "Create"], folder: ["New folder", "Create"], move: ["Rename or move to", "Move"] };
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
  const path = $("tree-form-path").value;
  let request;
  if (treeFormMode === "move") {
    request = api("PUT", projectApi + "/files/" + treeFormTarget.id, { path: path });
  } else {
    request = api("POST", projectApi + "/files", { path: path, folder: treeFormMode === "folder", content: "" });
  }
  const mode = treeFormMode;
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
  const uploads = Array.prototype.map.call(list, function (file) {
    const path = (selectedFolder ? selectedFolder + "/" : "") + file.name;
    return fetch(projectApi + "/files/upload?path=" + encodeURIComponent(path), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/octet-stream", Accept: "application/json", "X-CSRF-TOKEN": csrfToken() },
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
  const what = file.folder ? "the folder \u201c" + file.path + "\u201d and everything in it" : "\u201c" + file.path + "\u201d";
  if (!window.confirm("Delete " + what + "? This cannot be undone.")) return;
  api("DELETE", projectApi + "/files/" + file.id)
    .then(loadTree)
    .catch(function (error) {
      toast(error.message);
    });
}

/** Wires the tree and, for people who may edit, its buttons and form. */
export function initTree() {
  $("file-tree").addEventListener("click", onTreeClick);
  markTree();
  if (!config.can_edit) return;
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
