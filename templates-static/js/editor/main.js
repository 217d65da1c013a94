// The editor page's entry: loads Monaco, creates the editor, wires each part, opens the first file.
// Files go through the JSON API (/api/projects/...); the file tree and history are fragments of the page.
import { $, config, state } from "./context.js";
import { initChat } from "./chat.js";
import { initHistory } from "./history.js";
import { initRuns } from "./runs.js";
import { monacoTheme, showPosition } from "./status.js";
import { anyDirty, initTabs, openFile, save, saveAll } from "./tabs.js";
import { firstFileId, initTree } from "./tree.js";

function start(monaco) {
  state.monaco = monaco;
  const editor = monaco.editor.create($("monaco"), {
    model: null,
    theme: monacoTheme(),
    automaticLayout: true,
    readOnly: !config.can_edit,
    minimap: { enabled: false },
    fontSize: 14,
    tabSize: 4,
    scrollBeyondLastLine: false,
  });
  state.editor = editor;
  $("monaco").hidden = true;
  editor.onDidChangeCursorPosition(function (event) {
    showPosition(event.position);
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, function () {
    save(state.activeTab, false).catch(function () {});
  });
  window.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "s") {
      event.preventDefault();
      save(state.activeTab, false).catch(function () {});
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (anyDirty()) {
      saveAll();
      event.preventDefault();
    }
  });
  initRuns();
  initHistory();
  initChat();
  initTabs();
  initTree();
  const first = firstFileId();
  if (first) openFile(first);
}

// Monaco's workers (diffs, JSON/TypeScript services) load from this origin; the CSP allows no blob: workers.
window.MonacoEnvironment = {
  getWorkerUrl: function () {
    return "/webjars/monaco-editor/min/vs/base/worker/workerMain.js";
  },
};
window.require.config({ paths: { vs: "/webjars/monaco-editor/min/vs" } });
window.require(["vs/editor/editor.main"], start);
