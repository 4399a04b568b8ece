// Typeset every formula that pymdownx.arithmatex marked, with the KaTeX served by this site.
// Only .arithmatex elements are touched, so dollar signs in prose stay text.
(function () {
  function typeset(root) {
    root.querySelectorAll(".arithmatex").forEach(function (el) {
      if (el.dataset.typeset) return;
      var tex = el.textContent.trim();
      var display = el.tagName === "DIV";
      tex = tex.replace(/^\\[\(\[]/, "").replace(/\\[\)\]]$/, "");
      try {
        katex.render(tex, el, { displayMode: display, throwOnError: true });
        el.dataset.typeset = "1";
      } catch (err) {
        console.error("KaTeX could not typeset " + JSON.stringify(tex) + ": " + err.message);
      }
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { typeset(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { typeset(document); });
  }
})();
