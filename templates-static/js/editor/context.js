// What every part of the editor shares: the page's settings, element lookup, toasts, and the live Monaco state.

const root = document.getElementById("editor");

/** The settings the server wrote into data-editor-config (snake_case, see EditorResource.EditorConfig). */
export const config = JSON.parse(root.getAttribute("data-editor-config"));

/** The JSON API of this project's files. */
export const projectApi = "/api/projects/" + config.project_id;

/** This project's editor page; its fragments (tree, history) live under it. */
export const editorPath = "/editor/" + config.project_id;

export const $ = (id) => document.getElementById(id);

/** Shows a message as a toast (app.js draws them). */
export function toast(message) {
  if (window.qideToast) {
    window.qideToast(message);
  }
}

/** Monaco, its editor, and the tab it shows; set once Monaco has loaded, changed as tabs are switched. */
export const state = {
  monaco: null,
  editor: null,
  activeTab: null,
};
