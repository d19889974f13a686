/// The header bell's script: fills the unread count from `/notifications/unread-count` (the session cookie
/// authenticates it) when the page loads, every 30 seconds while the page is visible, and whenever it
/// becomes visible again. Without it the bell is still a link to `/notifications`.
enum BellScript {
    static let text = """
        (function () {
          "use strict";
          var bell = document.querySelector("[data-notification-bell]");
          if (!bell || !window.fetch) { return; }
          var count = bell.querySelector("[data-testid=notification-count]");
          var timer = null;
          var show = function (unread) {
            count.textContent = unread > 99 ? "99+" : String(unread);
            count.hidden = unread === 0;
            bell.setAttribute("aria-label", unread === 0 ? "Notifications, none unread"
              : unread + " unread notification" + (unread === 1 ? "" : "s"));
          };
          var refresh = function () {
            fetch("/notifications/unread-count", { credentials: "same-origin", headers: { Accept: "application/json" } })
              .then(function (response) { return response.ok ? response.json() : null; })
              .then(function (body) { if (body && typeof body.unreadCount === "number") { show(body.unreadCount); } })
              .catch(function () {});
          };
          var schedule = function () {
            clearInterval(timer);
            timer = document.visibilityState === "hidden" ? null : setInterval(refresh, 30000);
          };
          document.addEventListener("visibilitychange", function () {
            if (document.visibilityState !== "hidden") { refresh(); }
            schedule();
          });
          refresh();
          schedule();
        })();
        """
}
