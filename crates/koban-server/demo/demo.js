// Demo dashboard glue. The first line is the documented Koban command-queue snippet: calls made
// before koban.js arrives are queued and run in order once it does.
window.Koban = window.Koban || function () { (Koban.q = Koban.q || []).push(arguments); };

(function () {
  "use strict";
  var mode = null;
  var contexts = {
    nodes: function () {
      var online = document.getElementById("node-online").checked;
      return { route: "/nodes", page: "nodes", errors: online ? [] : ["E_NODE_OFFLINE"] };
    },
    earnings: function () { return { route: "/earnings", page: "earnings", errors: [] }; },
    billing: function () { return { route: "/billing", page: "billing", errors: [] }; }
  };
  var current = "nodes";

  function show(page) {
    current = page;
    document.querySelectorAll("[data-view]").forEach(function (s) { s.hidden = s.dataset.view !== page; });
    document.querySelectorAll("[data-page]").forEach(function (b) {
      if (b.dataset.page === page) b.setAttribute("aria-current", "page"); else b.removeAttribute("aria-current");
    });
    Koban("setContext", contexts[page]());
  }

  function nodeState() {
    var online = document.getElementById("node-online").checked;
    document.getElementById("node-status").textContent = online ? "Online" : "Offline";
    document.getElementById("node-status").className = "status" + (online ? " ok" : "");
    document.getElementById("node-alert").hidden = online;
    if (current === "nodes") Koban("setContext", contexts.nodes());
  }

  // Live diagnostics for guided flows: each check reads the demo page's own state, as a real
  // dashboard would ask its backend. They get the current page context and return a value the
  // flow branches on (or throw, which takes the flow's fallback step).
  Koban("registerCheck", "node_status", function () {
    return Promise.resolve(document.getElementById("node-online").checked ? "online" : "offline");
  });
  Koban("registerCheck", "gpu_status", function () {
    return Promise.resolve(document.getElementById("gpu-detected").checked ? "detected" : "missing");
  });

  document.addEventListener("DOMContentLoaded", function () {
    mode = document.body.dataset.demo;
    if (mode === "inline") {
      Koban("boot", { mount: "#help", mode: "inline" });
      Koban("setContext", { route: "/dashboard", page: "dashboard", errors: [] });
      return;
    }
    document.querySelectorAll("[data-page]").forEach(function (b) {
      b.addEventListener("click", function () { show(b.dataset.page); });
    });
    document.getElementById("node-online").addEventListener("change", nodeState);
    show("nodes");
    // `/demo?help=open` opens the panel on load (used by the Lighthouse audit of the open panel).
    if (/[?&]help=open\b/.test(location.search)) Koban("open");
  });
})();
