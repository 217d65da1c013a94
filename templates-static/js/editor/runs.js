// Runs: the open file is saved, run in the sandbox, and its output streamed over server-sent events as it is written.
import { api } from "./api.js";
import { $, config, state, toast } from "./context.js";
import { save } from "./tabs.js";

let currentRun = null;

function runLanguageOf(tab) {
  if (!tab) return null;
  const name = tab.file.name.toLowerCase();
  return config.run_languages.find(function (language) {
    return language.extensions.some(function (extension) {
      return name.endsWith(extension);
    });
  }) || null;
}

function appendOutput(text, className) {
  const output = $("output");
  const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
  const chunk = document.createElement("span");
  chunk.className = className || "";
  chunk.textContent = text;
  output.appendChild(chunk);
  if (atBottom) output.scrollTop = output.scrollHeight;
}

function run() {
  if (currentRun) return;
  if (!config.runs_enabled) {
    $("output").textContent = "";
    appendOutput(config.runs_refusal + "\n", "notice");
    return;
  }
  const language = runLanguageOf(state.activeTab);
  if (!language) {
    const names = config.run_languages.map(function (each) {
      return each.extensions[0];
    }).join(", ");
    $("output").textContent = "";
    appendOutput("Open a file ending in " + names + " to run it.\n", "notice");
    return;
  }
  const tab = state.activeTab;
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
  const source = new EventSource("/api/runs/" + started.id + "/events");
  currentRun = { id: started.id, source: source };
  // After a dropped connection the browser reconnects and the server sends the whole output again.
  let opened = false;
  source.addEventListener("open", function () {
    if (opened) $("output").textContent = "";
    opened = true;
  });
  source.addEventListener("output", function (event) {
    const chunk = JSON.parse(event.data);
    appendOutput(chunk.text, chunk.stream === "stderr" ? "stderr" : "");
  });
  source.addEventListener("done", function (event) {
    const result = JSON.parse(event.data);
    finishRun(describe(result));
    if (result.message) appendOutput("\n" + result.message + "\n", "notice");
  });
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) finishRun("The connection to the run was lost.");
  };
}

function describe(result) {
  const seconds = (result.duration_ms / 1000).toFixed(result.duration_ms < 10000 ? 2 : 1);
  const exit = result.exit_code === null || result.exit_code === undefined ? "" : "Exit code " + result.exit_code + " \u00b7 ";
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

/** Wires Run, Stop and Clear. */
export function initRuns() {
  $("run-button").addEventListener("click", run);
  $("stop-button").addEventListener("click", stop);
  $("clear-output").addEventListener("click", function () {
    $("output").textContent = "";
    $("run-summary").textContent = "";
  });
  if (!config.runs_enabled) {
    $("run-button").title = config.runs_refusal;
  }
}
