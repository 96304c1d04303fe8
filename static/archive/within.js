/* Search within a document: step through the marked words with "Previous match" / "Next match".
   Without this script the page still works: the summary, the contents and each matching section
   link to the matching sections as plain anchors. */
(function () {
  "use strict";
  var nav = document.querySelector(".within-nav");
  var marks = Array.prototype.slice.call(document.querySelectorAll("#document-sections mark"));
  if (!nav || marks.length === 0) {
    return;
  }
  var position = nav.querySelector(".within-position");
  var current = -1;

  function show(index) {
    if (current >= 0) {
      marks[current].classList.remove("current");
    }
    current = (index + marks.length) % marks.length;
    var mark = marks[current];
    mark.classList.add("current");
    mark.scrollIntoView({ block: "center" });
    position.textContent = "Match " + (current + 1) + " of " + marks.length;
  }

  // Past the first or last mark of this page of matching sections, step on to the page before or after;
  // that page then opens on its last or first mark.
  function turn(address, landing) {
    try {
      window.sessionStorage.setItem("within-landing", landing);
    } catch (error) {
      // Storage refused: the other page opens at the section, no mark chosen yet.
    }
    window.location.href = address;
  }

  nav.querySelector(".within-prev").addEventListener("click", function () {
    if (current <= 0 && nav.dataset.before) {
      turn(nav.dataset.before, "last");
      return;
    }
    show(current < 0 ? marks.length - 1 : current - 1);
  });
  nav.querySelector(".within-next").addEventListener("click", function () {
    if (current === marks.length - 1 && nav.dataset.after) {
      turn(nav.dataset.after, "first");
      return;
    }
    show(current + 1);
  });
  position.textContent = marks.length + " marked word" + (marks.length === 1 ? "" : "s");
  nav.hidden = false;

  var landing = null;
  try {
    landing = window.sessionStorage.getItem("within-landing");
    window.sessionStorage.removeItem("within-landing");
  } catch (error) {
    landing = null;
  }
  if (landing === "first") {
    show(0);
  } else if (landing === "last") {
    show(marks.length - 1);
  }
})();
