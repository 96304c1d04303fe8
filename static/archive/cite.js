// "Copy" beside each citation: copies it as plain text. Without JavaScript the buttons stay hidden and the
// citations are text to select and copy.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll(".copy-citation").forEach(function (button) {
    var target = document.getElementById(button.dataset.copy);
    if (!target) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.textContent.replace(/\s+/g, " ").trim()).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 2000);
      });
    });
  });
})();
