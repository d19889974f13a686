/// The one script of the web UI: the quiz countdown and the live Markdown preview. No framework, no build step.
enum Script {
    static let text = """
        (function () {
          "use strict";
          var timer = document.querySelector("[data-deadline]");
          if (timer) {
            var deadline = Date.parse(timer.getAttribute("data-deadline"));
            var out = timer.querySelector("[data-timer]");
            var form = document.querySelector(".quiz-form");
            var tick = function () {
              var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
              out.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
              if (left === 0) {
                clearInterval(handle);
                if (form) { form.submit(); }
              }
            };
            var handle = setInterval(tick, 1000);
            tick();
          }
          var sources = document.querySelectorAll("textarea[data-preview]");
          Array.prototype.forEach.call(sources, function (source) {
            var target = document.getElementById(source.getAttribute("data-preview"));
            var token = source.form.querySelector("input[name=_csrf]").value;
            var pending;
            var render = function () {
              var body = new URLSearchParams();
              body.set("_csrf", token);
              body.set("markdown", source.value);
              fetch("/markdown-preview", { method: "POST", body: body, credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.text() : ""; })
                .then(function (html) { target.innerHTML = html; });
            };
            source.addEventListener("input", function () {
              clearTimeout(pending);
              pending = setTimeout(render, 250);
            });
            if (source.value) { render(); }
          });
        })();
        """
}
