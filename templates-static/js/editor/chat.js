// The chat side panel's link to the editor: what a message is about, and code inserted from a reply.
import { $, state, toast } from "./context.js";

function toggleChat() {
  const panel = $("chat-panel");
  panel.hidden = !panel.hidden;
  $("toggle-chat").setAttribute("aria-pressed", String(!panel.hidden));
  state.editor.layout();
  if (!panel.hidden) {
    const input = document.getElementById("chat-input");
    if (input) input.focus();
  }
}

/** What the chat attaches to a message: the selection if there is one, else the open file. */
function chatContext(event) {
  const tab = state.activeTab;
  if (!tab) return;
  const editor = state.editor;
  const model = editor.getModel();
  const selection = editor.getSelection();
  if (selection && !selection.isEmpty()) {
    event.detail.label = tab.file.path + ", lines " + selection.startLineNumber + "\u2013" + selection.endLineNumber;
    event.detail.text = model.getValueInRange(selection);
  } else {
    event.detail.label = tab.file.path;
    event.detail.text = model.getValue();
  }
}

/** "Insert into editor" on a code block of a reply: at the cursor, replacing the selection, undoable. */
function insertCode(event) {
  const editor = state.editor;
  if (!state.activeTab || editor.getOption(state.monaco.editor.EditorOption.readOnly)) {
    toast("Open a file you can edit first.");
    return;
  }
  editor.executeEdits("chat", [{ range: editor.getSelection(), text: event.detail.code, forceMoveMarkers: true }]);
  editor.focus();
}

/** Wires the Chat button, the panel's close button and the events chat.js sends. */
export function initChat() {
  $("toggle-chat").addEventListener("click", toggleChat);
  $("chat-close").addEventListener("click", toggleChat);
  document.addEventListener("qide:chat-context", chatContext);
  document.addEventListener("qide:insert-code", insertCode);
}
