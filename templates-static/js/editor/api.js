// Requests to the server: the JSON API (errors carry the server's detail) and HTML fragments of the editor page.
// An ended session goes back to sign-in.

const csrfMeta = document.querySelector('meta[name="csrf-token"]');

export function csrfToken() {
  return csrfMeta ? csrfMeta.getAttribute("content") : "";
}

function signInAgain() {
  window.location.href = "/login?next=" + encodeURIComponent(window.location.pathname);
}

function unreachable() {
  throw new Error("Q-IDE could not be reached. Check your connection.");
}

export function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (method !== "GET" && csrfMeta) {
    headers["X-CSRF-TOKEN"] = csrfToken();
  }
  return fetch(path, {
    method: method,
    headers: headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(function (response) {
    return response.text().then(function (text) {
      let data = null;
      try {
        data = text ? JSON.parse(text) : null;
      } catch (notJson) {
        data = null;
      }
      if (response.status === 401) {
        signInAgain();
      }
      if (!response.ok) {
        const error = new Error((data && data.detail) || "The request failed (" + response.status + ").");
        error.status = response.status;
        throw error;
      }
      return data;
    });
  }, unreachable);
}

/**
 * GETs an HTML fragment as htmx would (the server escapes everything in it). A failure answers a toast fragment
 * (see ErrorResponses); its text becomes the error's message.
 */
export function fragment(path) {
  return fetch(path, {
    headers: { Accept: "text/html", "HX-Request": "true", "HX-Current-URL": window.location.href },
    credentials: "same-origin",
  }).then(function (response) {
    return response.text().then(function (html) {
      if (response.status === 401) {
        signInAgain();
      }
      if (!response.ok) {
        const body = new DOMParser().parseFromString(html, "text/html").querySelector(".toast-body");
        const detail = body ? body.textContent.trim() : "";
        const error = new Error(detail || "The request failed (" + response.status + ").");
        error.status = response.status;
        throw error;
      }
      return html;
    });
  }, unreachable);
}
