/// `uploads.js`, on every signed-in page: turns each `input[type=file][data-upload-purpose]` into an upload
/// with a progress bar and a Cancel button.
///
/// The markup contract other modules' pages rely on:
/// - `data-upload-purpose`: the upload's purpose (`avatar`, `attachment`, `audio`, `video`).
/// - `data-upload-field`: the name of the hidden input of the same form that receives the upload id
///   (created when missing; `uploadId` when the attribute is absent).
/// - `data-upload-autosubmit`: present to submit the form once the upload is ready.
/// - `data-direct-threshold`: the size in bytes above which the file goes straight to the object store
///   (`POST /uploads/presign`, `PUT`, `POST /uploads/{id}/complete`); 8 MiB when absent. Smaller files stream
///   through `POST /uploads`. A body refused by a proxy in front of Lyceum (a 413 that is not Lyceum's JSON
///   error) is sent again straight to the store.
///
/// Requests carry the page's CSRF token in `X-CSRF-Token`; a cancelled direct upload is deleted.
enum UploadWidgetScript {
    static let text = """
        (function () {
          "use strict";
          var defaultThreshold = 8 * 1024 * 1024;
          var csrfToken = function (form) {
            var field = (form && form.querySelector("input[name=_csrf]")) || document.querySelector("input[name=_csrf]");
            return field ? field.value : "";
          };
          var describe = function (status, body) {
            var message = body && body.error && body.error.message ? body.error.message : "";
            if (body && body.error && body.error.fields) {
              var fields = body.error.fields;
              var details = Object.keys(fields).map(function (name) { return name + " " + fields[name]; });
              if (details.length) { message = (message ? message + " " : "") + details.join("; ") + "."; }
            }
            if (status === 413) { return "The file is too large. " + message; }
            if (status === 415) { return "This kind of file is not accepted here. " + message; }
            if (status === 401) { return "Your session has ended. Sign in again, then retry."; }
            if (status === 403) { return "The page has expired. Reload it, then retry."; }
            if (status === 0) { return "The upload failed: the connection was lost."; }
            return message || ("The upload failed (error " + status + ").");
          };
          var parse = function (xhr) {
            try { return JSON.parse(xhr.responseText); } catch (e) { return null; }
          };
          var enhance = function (input) {
            if (input.getAttribute("data-upload-enhanced")) { return; }
            input.setAttribute("data-upload-enhanced", "true");
            var form = input.form;
            var panel = document.createElement("div");
            panel.className = "upload-widget";
            panel.hidden = true;
            var progress = document.createElement("progress");
            progress.max = 100;
            progress.value = 0;
            progress.setAttribute("data-testid", "upload-progress");
            progress.setAttribute("aria-label", "Upload progress");
            var status = document.createElement("span");
            status.className = "upload-status";
            status.setAttribute("role", "status");
            status.setAttribute("aria-live", "polite");
            status.setAttribute("data-testid", "upload-status");
            var cancel = document.createElement("button");
            cancel.type = "button";
            cancel.className = "quiet";
            cancel.textContent = "Cancel";
            cancel.setAttribute("data-testid", "upload-cancel");
            panel.appendChild(progress);
            panel.appendChild(status);
            panel.appendChild(cancel);
            input.parentNode.insertBefore(panel, input.nextSibling);
            var current = null;

            var say = function (text, failed) {
              status.textContent = text;
              panel.className = failed ? "upload-widget failed" : "upload-widget";
            };
            var finish = function () {
              current = null;
              cancel.hidden = true;
              input.disabled = false;
            };
            var fail = function (text) {
              say(text, true);
              progress.value = 0;
              finish();
            };
            var send = function (method, url, body, headers, onProgress, done) {
              var xhr = new XMLHttpRequest();
              xhr.open(method, url);
              Object.keys(headers).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
              if (onProgress) {
                xhr.upload.onprogress = function (event) {
                  if (event.lengthComputable && event.total > 0) { onProgress(event.loaded / event.total); }
                };
              }
              xhr.onload = function () { done(xhr.status, parse(xhr), xhr); };
              xhr.onerror = function () { done(0, null, xhr); };
              if (onProgress) { current.xhr = xhr; }
              xhr.send(body);
            };
            var lyceumHeaders = function (json) {
              var headers = { "Accept": "application/json", "X-CSRF-Token": csrfToken(form) };
              if (json) { headers["Content-Type"] = "application/json"; }
              return headers;
            };
            var showProgress = function (file, fraction) {
              var percent = Math.min(100, Math.round(fraction * 100));
              progress.value = percent;
              say("Uploading " + file.name + ": " + percent + " %", false);
            };
            var succeed = function (file, upload) {
              progress.value = 100;
              say("Uploaded " + file.name + ": 100 %", false);
              finish();
              if (!form) { return; }
              var name = input.getAttribute("data-upload-field") || "uploadId";
              var field = form.querySelector("input[type=hidden][name='" + name.replace(/'/g, "") + "']");
              if (!field) {
                field = document.createElement("input");
                field.type = "hidden";
                field.name = name;
                form.appendChild(field);
              }
              field.value = upload.id;
              if (input.hasAttribute("data-upload-autosubmit")) {
                input.disabled = true;
                if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
              }
            };
            var direct = function (file, purpose) {
              var body = JSON.stringify({
                purpose: purpose, filename: file.name, size: file.size, contentType: file.type || "application/octet-stream"
              });
              var attempt = current;
              send("POST", "/uploads/presign", body, lyceumHeaders(true), null, function (code, answer) {
                if (attempt !== current) {
                  if (answer && answer.upload) { remove(answer.upload.id); }
                  return;
                }
                if (code !== 201 || !answer || !answer.upload) { fail(describe(code, answer)); return; }
                current.uploadID = answer.upload.id;
                var target = answer.uploadRequest;
                send(target.method, target.url, file, target.headers || {}, function (fraction) { showProgress(file, fraction * 0.99); }, function (stored) {
                  if (stored < 200 || stored > 299) { fail(describe(stored, null)); remove(answer.upload.id); return; }
                  if (attempt !== current) { return; }
                  send("POST", "/uploads/" + encodeURIComponent(answer.upload.id) + "/complete", null, lyceumHeaders(false), null, function (done, upload) {
                    if (attempt !== current) { return; }
                    if (done !== 200 || !upload) { fail(describe(done, upload)); return; }
                    succeed(file, upload);
                  });
                });
              });
            };
            var streamed = function (file, purpose) {
              var body = new FormData();
              body.append("purpose", purpose);
              body.append("file", file, file.name);
              send("POST", "/uploads", body, lyceumHeaders(false), function (fraction) { showProgress(file, fraction * 0.99); }, function (code, answer) {
                if (code === 413 && !(answer && answer.error)) { direct(file, purpose); return; }
                if (code !== 201 || !answer) { fail(describe(code, answer)); return; }
                succeed(file, answer);
              });
            };
            var remove = function (id) {
              var xhr = new XMLHttpRequest();
              xhr.open("POST", "/uploads/" + encodeURIComponent(id) + "/delete");
              var headers = lyceumHeaders(false);
              Object.keys(headers).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
              xhr.send(null);
            };
            cancel.addEventListener("click", function () {
              if (!current) { return; }
              var cancelled = current;
              current = null;
              if (cancelled.xhr && cancelled.xhr.readyState !== 4) { cancelled.xhr.abort(); }
              if (cancelled.uploadID) { remove(cancelled.uploadID); }
              progress.value = 0;
              say("Upload cancelled.", false);
              finish();
              input.value = "";
            });
            input.addEventListener("change", function () {
              var file = input.files && input.files[0];
              if (!file || current) { return; }
              var purpose = input.getAttribute("data-upload-purpose");
              var threshold = parseInt(input.getAttribute("data-direct-threshold"), 10);
              if (isNaN(threshold) || threshold < 0) { threshold = defaultThreshold; }
              current = { xhr: null, uploadID: null };
              panel.hidden = false;
              cancel.hidden = false;
              showProgress(file, 0);
              if (file.size > threshold) { direct(file, purpose); } else { streamed(file, purpose); }
            });
          };
          Array.prototype.forEach.call(document.querySelectorAll("input[type=file][data-upload-purpose]"), enhance);
        })();
        """
}
