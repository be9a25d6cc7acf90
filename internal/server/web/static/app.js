// Parallax: a little keyboard help. The pages work without it.
// "/" moves the focus to the search box, as on many sites; Escape leaves it.
document.addEventListener("keydown", function (e) {
  var t = e.target;
  var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  var q = document.getElementById("q");
  if (!q) return;
  if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    q.focus();
    q.select();
  } else if (e.key === "Escape" && t === q) {
    q.blur();
  }
});
