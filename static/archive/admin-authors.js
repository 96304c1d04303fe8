/* Authors in the document admin: the textarea of one name per line (archive/admin/widgets.py) becomes a
   list of name inputs with "Move up", "Move down" and "Remove" buttons and an "Add an author" button.
   The textarea stays in the form, hidden, and is rewritten on every change: the server reads only it,
   so the form works the same with or without this script. */
(function () {
  "use strict";

  function button(text, label, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.className = className;
    if (label) {
      element.setAttribute("aria-label", label);
    }
    return element;
  }

  function enhance(textarea) {
    var list = document.createElement("ol");
    list.className = "author-list";
    list.setAttribute("aria-label", "Authors, in printed order");
    var add = button("Add an author", "", "author-add");

    function rows() {
      return Array.prototype.slice.call(list.children);
    }

    function write() {
      textarea.value = rows()
        .map(function (row) { return row.querySelector("input").value.trim(); })
        .filter(function (name) { return name !== ""; })
        .join("\n");
      rows().forEach(function (row, index) {
        var number = index + 1;
        row.querySelector("input").setAttribute("aria-label", "Author " + number);
        row.querySelector(".author-up").setAttribute("aria-label", "Move author " + number + " up");
        row.querySelector(".author-down").setAttribute("aria-label", "Move author " + number + " down");
        row.querySelector(".author-remove").setAttribute("aria-label", "Remove author " + number);
        row.querySelector(".author-up").disabled = index === 0;
        row.querySelector(".author-down").disabled = index === list.children.length - 1;
      });
    }

    function row(name) {
      var item = document.createElement("li");
      var input = document.createElement("input");
      input.type = "text";
      input.className = "vTextField author-name";
      input.value = name;
      input.maxLength = 300;
      input.addEventListener("input", write);
      var up = button("↑", "", "author-up");
      var down = button("↓", "", "author-down");
      var remove = button("Remove", "", "author-remove");
      up.addEventListener("click", function () {
        if (item.previousElementSibling) {
          list.insertBefore(item, item.previousElementSibling);
          write();
          up.disabled ? down.focus() : up.focus();
        }
      });
      down.addEventListener("click", function () {
        if (item.nextElementSibling) {
          list.insertBefore(item.nextElementSibling, item);
          write();
          down.disabled ? up.focus() : down.focus();
        }
      });
      remove.addEventListener("click", function () {
        var next = item.nextElementSibling || item.previousElementSibling;
        item.remove();
        write();
        (next ? next.querySelector("input") : add).focus();
      });
      item.append(input, up, down, remove);
      return item;
    }

    textarea.value.split("\n").forEach(function (name) {
      if (name.trim() !== "") {
        list.appendChild(row(name.trim()));
      }
    });
    add.addEventListener("click", function () {
      var item = row("");
      list.appendChild(item);
      write();
      item.querySelector("input").focus();
    });
    textarea.hidden = true;
    textarea.after(list, add);
    write();
  }

  function start() {
    document.querySelectorAll("textarea[data-author-list]").forEach(enhance);
  }

  // The admin loads form media in the page's head, before the form exists.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
