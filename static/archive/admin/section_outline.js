// The section outline, enhanced: drag and drop (SortableJS) and Alt+Arrow keys post the same one
// operation per change as the buttons do, so the server stays the only place the tree is changed.
(function () {
  "use strict";

  var KEYS = { ArrowUp: "up", ArrowDown: "down", ArrowRight: "indent", ArrowLeft: "outdent" };
  // Said when a key asks for a move its row's button refuses (the button is disabled).
  var REFUSED = {
    up: "It is already the first at its level.",
    down: "It is already the last at its level.",
    indent: "There is no section before it at its level to go under.",
    outdent: "It is already at the top level."
  };

  function moveForm(section, target, where) {
    var form = document.getElementById("outline-move");
    form.elements.section.value = section;
    form.elements.target.value = target;
    form.elements.where.value = where;
    form.submit();
  }

  // Where a dropped section now stands: after the sibling before it, before the one after it, or
  // inside the section whose (until now empty) list it was dropped into.
  function dropped(event) {
    if (event.from === event.to && event.oldIndex === event.newIndex) {
      return;
    }
    var item = event.item;
    var before = item.previousElementSibling;
    var after = item.nextElementSibling;
    var parent = item.parentElement.closest(".outline-item");
    if (before) {
      moveForm(item.dataset.section, before.dataset.section, "after");
    } else if (after) {
      moveForm(item.dataset.section, after.dataset.section, "before");
    } else if (parent) {
      moveForm(item.dataset.section, parent.dataset.section, "inside");
    }
  }

  function enableDragging(outline) {
    if (typeof window.Sortable === "undefined") {
      return; // the library is missing: the buttons and keys still work
    }
    var lists = [outline].concat(Array.prototype.slice.call(outline.querySelectorAll(".outline-children")));
    lists.forEach(function (list) {
      window.Sortable.create(list, {
        group: "sections",
        handle: ".outline-handle",
        draggable: ".outline-item",
        ghostClass: "outline-ghost",
        fallbackOnBody: true,
        swapThreshold: 0.65,
        animation: 150,
        onEnd: dropped
      });
    });
  }

  // Alt+Arrow on anything in a row (its title, its buttons) presses that row's button for the key.
  function onKey(event) {
    var op = KEYS[event.key];
    if (!op || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    var row = event.target.closest(".outline-row");
    if (!row) {
      return;
    }
    var button = row.querySelector('button[name="op"][value="' + op + '"]');
    if (button) {
      event.preventDefault();
      if (button.disabled) {
        status(REFUSED[op]);
        return;
      }
      button.form.requestSubmit(button);
    }
  }

  function status(text) {
    var region = document.getElementById("outline-status");
    if (region) {
      region.textContent = text;
    }
  }

  // After a change the page comes back with ?focus=<section>: focus its title, and say what was done
  // in the live region (its text set after load, so that screen readers announce it).
  function restoreFocus() {
    var focus = new URLSearchParams(window.location.search).get("focus");
    var item = focus && document.getElementById("section-" + focus);
    if (item) {
      item.querySelector(".outline-title").focus();
    }
    var messages = document.querySelector(".messagelist");
    if (messages) {
      window.setTimeout(function () {
        status(messages.textContent.replace(/\s+/g, " ").trim());
      }, 150);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var outline = document.querySelector(".section-outline-page .outline");
    if (!outline) {
      return;
    }
    outline.addEventListener("keydown", onKey);
    enableDragging(outline);
    restoreFocus();
  });
})();
