// Applies the theme before the page paints: "light", "dark", or "auto" (follow the operating system).
(function () {
  var root = document.documentElement;
  var query = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    var preference = root.getAttribute("data-qide-theme") || "auto";
    var dark = preference === "dark" || (preference === "auto" && query.matches);
    root.setAttribute("data-bs-theme", dark ? "dark" : "light");
  }
  apply();
  query.addEventListener("change", apply);
})();
