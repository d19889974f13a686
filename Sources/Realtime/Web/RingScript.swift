/// `ring.js`, on every signed-in page: an incoming call (`call.ringing` on the viewer's `user:` topic) shows
/// a banner with Join (the call page) and Decline (`call.decline`); `call.ringing.ended` (answered elsewhere,
/// declined in another tab, or the call ended) takes it away.
enum RingScript {
    static let text = """
        (function () {
          "use strict";
          var live = window.LyceumLive;
          if (!live) { return; }
          var banners = {};
          var remove = function (callId) {
            if (banners[callId]) { banners[callId].remove(); delete banners[callId]; }
          };
          live.onUser(function (name, payload) {
            if (name === "call.ringing") {
              var call = payload.call;
              var here = document.querySelector("[data-call-id]");
              if (banners[call.id] || (here && here.getAttribute("data-call-id") === call.id)) { return; }
              var banner = document.createElement("div");
              banner.className = "ring notice";
              banner.setAttribute("role", "alertdialog");
              banner.setAttribute("aria-live", "assertive");
              banner.setAttribute("aria-label", "Incoming call");
              banner.setAttribute("data-testid", "incoming-call");
              var text = document.createElement("p");
              text.textContent = ((payload.from && payload.from.displayName) || "Someone") + " is calling you.";
              var join = document.createElement("a");
              join.className = "button";
              join.href = "/calls/" + encodeURIComponent(call.id);
              join.textContent = "Join the call";
              join.setAttribute("data-testid", "join-call");
              var decline = document.createElement("button");
              decline.type = "button";
              decline.className = "secondary";
              decline.textContent = "Decline";
              decline.addEventListener("click", function () {
                live.send("call.decline", "call:" + call.id).catch(function () {});
                remove(call.id);
              });
              banner.appendChild(text);
              banner.appendChild(join);
              banner.appendChild(document.createTextNode(" "));
              banner.appendChild(decline);
              banners[call.id] = banner;
              document.body.insertBefore(banner, document.body.firstChild);
              join.focus();
            } else if (name === "call.ringing.ended") {
              remove(payload.callId || (payload.call && payload.call.id));
            }
          });
        })();
        """
}
