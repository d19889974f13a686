/// `updates.js`, on every signed-in page: shows live updates as notices at the top of the page.
///
/// A page element naming a topic (`data-live-topic`, such as the thread page's `thread:<id>` and the course
/// chat panel's `course:<id>`) is followed while the page is open: another person's `reply.created` offers
/// to show the new replies, `announcement.published` links the announcement. `quiz.graded` on the viewer's
/// own topic tells the score with a link to the attempt, wherever the viewer is.
enum UpdatesScript {
    static let text = """
        (function () {
          "use strict";
          var live = window.LyceumLive;
          var main = document.getElementById("main");
          if (!live || !main) { return; }
          var region = null;
          var notices = {};
          var show = function (key, text, url, label) {
            if (!region) {
              region = document.createElement("div");
              region.className = "live-notices";
              region.setAttribute("role", "status");
              region.setAttribute("aria-live", "polite");
              main.insertBefore(region, main.firstChild);
            }
            var notice = notices[key];
            if (!notice) {
              notice = document.createElement("p");
              notice.className = "notice ok";
              notice.setAttribute("data-testid", "live-notice");
              notices[key] = notice;
              region.appendChild(notice);
            }
            notice.textContent = text + " ";
            var link = document.createElement("a");
            link.href = url;
            link.textContent = label;
            link.addEventListener("click", function (event) {
              if (link.pathname === location.pathname) { event.preventDefault(); location.replace(url); location.reload(); }
            });
            notice.appendChild(link);
          };
          var replies = {};
          document.querySelectorAll("[data-live-topic]").forEach(function (element) {
            var topic = element.getAttribute("data-live-topic");
            live.subscribe(topic, {
              event: function (name, payload) {
                // A reply already on the page (the viewer's own, anonymous ones included) needs no notice.
                var shown = document.getElementById("reply-" + payload.postId);
                if (name === "reply.created" && payload.authorId !== live.userId && !shown) {
                  var seen = replies[topic] || (replies[topic] = {});
                  seen[payload.postId] = payload;
                  var count = Object.keys(seen).length;
                  show(topic, count === 1 ? payload.authorName + " replied: “" + payload.excerpt + "”" : count + " new replies.",
                    payload.url, count === 1 ? "Show the reply" : "Show them");
                } else if (name === "announcement.published") {
                  show("announcement:" + payload.announcementId, "New announcement: " + payload.title + ".", payload.url, "Read it");
                }
              }
            });
          });
          live.onUser(function (name, payload) {
            if (name !== "quiz.graded" || location.pathname === payload.url) { return; }
            var verdict = payload.passed ? "passed" : "not passed";
            show("attempt:" + payload.attemptId, "Your quiz attempt was graded: " + payload.score + " of " + payload.maxScore + ", " + verdict + ".",
              payload.url, "See the result");
          });
        })();
        """
}
