// Compare: Monaco's diff editor in place of the editor, with a bar saying what is on each side.
import { $, state } from "./context.js";
import { monacoTheme } from "./status.js";

let diffEditor = null;
let diffModels = [];

export function showCompare(original, modified, language, title) {
  closeCompare();
  const monaco = state.monaco;
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

export function closeCompare() {
  if ($("compare-bar").hidden) return;
  $("compare-bar").hidden = true;
  $("diff").hidden = true;
  $("monaco").hidden = state.activeTab === null;
  if (diffEditor) diffEditor.setModel(null);
  diffModels.forEach(function (model) {
    model.dispose();
  });
  diffModels = [];
}
