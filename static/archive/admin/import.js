// The admin's import page: each chosen file is posted on its own to the one-file endpoint, in turn, with a
// result line per file and a progress bar for the current file's bytes. XMLHttpRequest, not fetch: fetch
// reports no upload progress. Without this script the form posts every file at once, as before.
(function () {
  "use strict";

  function start() {
    var form = document.getElementById("import-form");
    if (!form || !window.FormData) {
      return;
    }
    form.addEventListener("submit", function (event) {
      var input = document.getElementById("import-files");
      var files = Array.prototype.slice.call(input.files);
      if (!files.length) {
        return; // the browser's own "required" message
      }
      event.preventDefault();
      importAll(form, files);
    });
  }

  function importAll(form, files) {
    var submit = form.querySelector("input[type=submit]");
    var draft = document.getElementById("import-draft");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var endpoint = form.getAttribute("data-file-endpoint");
    var counts = { imported: 0, duplicate: 0, failed: 0 };
    submit.disabled = true;
    document.getElementById("import-progress").hidden = false;
    document.getElementById("import-results-heading").hidden = false;

    function next(index) {
      if (index === files.length) {
        showCount(files.length, files.length, counts);
        submit.disabled = false;
        form.reset();
        return;
      }
      var file = files[index];
      showCount(index, files.length, counts);
      document.getElementById("import-current").textContent = "Uploading " + file.name;
      upload(endpoint, token, file, draft && draft.checked, function (result) {
        counts[result.status] = (counts[result.status] || 0) + 1;
        addLine(result);
        next(index + 1);
      });
    }
    next(0);
  }

  function upload(endpoint, token, file, asDraft, done) {
    var bar = document.getElementById("import-bytes");
    var data = new FormData();
    data.append("file", file, file.name);
    if (asDraft) {
      data.append("draft", "on");
    }
    var request = new XMLHttpRequest();
    request.open("POST", endpoint);
    request.setRequestHeader("X-CSRFToken", token);
    request.responseType = "json";
    bar.value = 0;
    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        bar.value = Math.round((100 * event.loaded) / event.total);
      }
    });
    request.addEventListener("load", function () {
      bar.value = 100;
      var body = request.response || {};
      if (request.status === 200 && body.status) {
        done(body);
      } else {
        var why = body.error || "the server answered " + request.status;
        done({ file_name: file.name, status: "failed", text: "“" + file.name + "”: failed — " + why, url: "" });
      }
    });
    request.addEventListener("error", function () {
      done({ file_name: file.name, status: "failed", text: "“" + file.name + "”: failed — the upload was interrupted", url: "" });
    });
    request.send(data);
  }

  function showCount(done, total, counts) {
    var text = done === total ? "Done: " : "Importing file " + (done + 1) + " of " + total + "; ";
    text += done + " of " + total + " files processed (" + counts.imported + " imported, " + counts.duplicate +
      " duplicate, " + counts.failed + " failed).";
    document.getElementById("import-count").textContent = text;
    if (done === total) {
      document.getElementById("import-current").textContent = "All files uploaded";
    }
  }

  function addLine(result) {
    var line = document.createElement("li");
    line.className = result.status;
    line.textContent = result.text; // text, never HTML: file names and titles come from the files
    if (result.url) {
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = "Open";
      link.setAttribute("aria-label", "Open the document imported from " + result.file_name);
      line.appendChild(link);
    }
    document.getElementById("import-results").appendChild(line);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
