/// The script every signed-in page loads (`/static/live.js`): the browser's real-time client, and the header's
/// notification bell on top of it.
///
/// `window.LyceumLive` opens the socket (`/api/v1/realtime`, signed in by the session cookie), reconnects with
/// backoff (a minute after a 4429 flood close; never after 4401 or 4403) and resumes every subscription from
/// the last `seq` it applied, eight subscribes at a time (docs/realtime-protocol.md), forgets a topic whose
/// subscription the server ended, and tells the server when the page is hidden (`presence.set` away). Page scripts use it:
///
/// - `subscribe(topic, {event(name, payload, frame), joined(ackPayload), failed(error), since})` follows a
///   topic across reconnects (`since`: replay the stored events after that `seq` on the first join too); it
///   returns a function that stops following it.
/// - `send(type, topic, payload)` sends a command and returns a promise of the `ack` payload, rejected with
///   the `error` payload (or `{code: "disconnected"}`).
/// - `onUser(fn)` hears the events on the viewer's own `user:` topic; `onStatus(fn)` hears the connection
///   open (`true`) and drop (`false`).
///
/// The bell shows the unread count from `notification.created` at once, reads `/notifications/unread-count`
/// whenever the socket (re)connects, and polls every 30 seconds only while the socket is down. Without
/// scripts the bell is still a link to `/notifications`.
enum LiveScript {
    static let text = """
        (function () {
          "use strict";
          var topics = {};
          var userListeners = [];
          var statusListeners = [];
          var pending = {};
          var socket = null;
          var ready = false;
          var userTopic = null;
          var nextId = 1;
          var attempt = 0;
          var gaps = {};

          var notify = function (list, args) {
            list.slice().forEach(function (fn) {
              try { fn.apply(null, args); } catch (error) { if (window.console) { console.error(error); } }
            });
          };
          var frame = function (type, topic, payload, id) {
            var value = { type: type };
            if (id) { value.id = id; }
            if (topic) { value.topic = topic; }
            if (payload !== undefined) { value.payload = payload; }
            return JSON.stringify(value);
          };
          var send = function (type, topic, payload) {
            return new Promise(function (resolve, reject) {
              if (!ready) { reject({ code: "disconnected", message: "Not connected; trying again." }); return; }
              var id = "c" + (nextId++);
              pending[id] = { resolve: resolve, reject: reject };
              socket.send(frame(type, topic, payload, id));
            });
          };
          // Subscribes go out a few at a time (the server answers at most 16 commands in flight and spends
          // the command budget on each), and one refused for the budget is tried again when it says.
          var waiting = [];
          var joining = 0;
          var subscribe = function (topic) {
            var entry = topics[topic];
            if (!entry) { return; }
            joining++;
            var payload = entry.last === null ? undefined : { since: entry.last };
            send("subscribe", topic, payload).then(function (ack) {
              joining--;
              if (topics[topic] === entry) {
                if (typeof ack.position === "number" && entry.last === null) { entry.last = ack.position; }
                if (ack.recovered === false) { entry.last = typeof ack.position === "number" ? ack.position : null; }
                notify(entry.joined, [ack]);
              }
              pump();
            }, function (error) {
              joining--;
              if (error.code === "rate_limited" || error.code === "too_many_pending") {
                setTimeout(function () { join(topic); }, 1000 * (error.retryAfter || 1));
              } else if (error.code !== "disconnected") {
                notify(entry.failed, [error]);
              }
              pump();
            });
          };
          var pump = function () {
            while (ready && joining < 8 && waiting.length > 0) { subscribe(waiting.shift()); }
          };
          var join = function (topic) {
            if (topics[topic] && waiting.indexOf(topic) < 0) { waiting.push(topic); }
            pump();
          };
          var deliver = function (message) {
            var entry = topics[message.topic];
            if (message.topic === userTopic) { notify(userListeners, [message.event, message.payload, message]); }
            if (!entry) { return; }
            if (typeof message.seq === "number" && entry.last !== null) {
              if (message.seq <= entry.last) { return; }
              if (message.seq === entry.last + 1) {
                entry.last = message.seq;
              } else if (!gaps[message.topic]) {
                gaps[message.topic] = setTimeout(function () { delete gaps[message.topic]; join(message.topic); }, 400);
              }
            }
            notify(entry.listeners, [message.event, message.payload, message]);
            // The server ended the subscription (membership ended): it is not joined again on a reconnect.
            if (message.event === "subscription.ended") { delete topics[message.topic]; }
          };
          var presence = function () {
            if (ready) { send("presence.set", null, { status: document.visibilityState === "hidden" ? "away" : "online" }).catch(function () {}); }
          };
          var connect = function () {
            var scheme = location.protocol === "https:" ? "wss://" : "ws://";
            socket = new WebSocket(scheme + location.host + "/api/v1/realtime");
            socket.onmessage = function (event) {
              var message;
              try { message = JSON.parse(event.data); } catch (error) { return; }
              if (message.type === "welcome") {
                ready = true;
                attempt = 0;
                userTopic = message.payload.topic;
                live.userId = message.payload.userId;
                Object.keys(topics).forEach(join);
                if (document.visibilityState === "hidden") { presence(); }
                notify(statusListeners, [true]);
              } else if ((message.type === "ack" || message.type === "error") && message.id && pending[message.id]) {
                var answered = pending[message.id];
                delete pending[message.id];
                if (message.type === "ack") { answered.resolve(message.payload || {}); } else { answered.reject(message.payload || {}); }
              } else if (message.type === "event") {
                deliver(message);
              }
            };
            socket.onclose = function (event) {
              var wasReady = ready;
              ready = false;
              socket = null;
              waiting = [];
              // Each subscribe in flight is rejected below, and its handler gives its place back.
              Object.keys(pending).forEach(function (id) { pending[id].reject({ code: "disconnected", message: "The connection dropped." }); });
              pending = {};
              if (wasReady) { notify(statusListeners, [false]); }
              if (event.code === 4401 || event.code === 4403) { return; }
              // Closed for flooding (4429): come back only after a long pause.
              var delay = event.code === 4429 ? 60000
                : Math.min(30000, 1000 * Math.pow(2, attempt++)) * (0.5 + Math.random() / 2);
              setTimeout(connect, delay);
            };
          };
          var live = {
            userId: null,
            isOpen: function () { return ready; },
            send: send,
            subscribe: function (topic, handlers) {
              var entry = topics[topic] || (topics[topic] = {
                last: typeof handlers.since === "number" ? handlers.since : null, listeners: [], joined: [], failed: []
              });
              if (handlers.event) { entry.listeners.push(handlers.event); }
              if (handlers.joined) { entry.joined.push(handlers.joined); }
              if (handlers.failed) { entry.failed.push(handlers.failed); }
              join(topic);
              return function () {
                ["listeners", "joined", "failed"].forEach(function (key) {
                  entry[key] = entry[key].filter(function (fn) { return fn !== handlers.event && fn !== handlers.joined && fn !== handlers.failed; });
                });
                if (entry.listeners.length === 0 && entry.joined.length === 0 && topics[topic] === entry) {
                  delete topics[topic];
                  if (ready) { send("unsubscribe", topic).catch(function () {}); }
                }
              };
            },
            onUser: function (fn) { userListeners.push(fn); },
            onStatus: function (fn) { statusListeners.push(fn); }
          };
          window.LyceumLive = live;
          document.addEventListener("visibilitychange", presence);
          if (window.WebSocket) { connect(); }

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
            timer = ready || document.visibilityState === "hidden" ? null : setInterval(refresh, 30000);
          };
          live.onUser(function (name, payload) {
            if (name === "notification.created" && typeof payload.unread === "number") { show(payload.unread); }
          });
          live.onStatus(function (open) {
            if (open) { refresh(); }
            schedule();
          });
          document.addEventListener("visibilitychange", function () {
            if (document.visibilityState !== "hidden") { refresh(); }
            schedule();
          });
          refresh();
          schedule();
        })();
        """
}
