/// `chat.js`, on every signed-in page: brings each chat panel (`[data-chat]`) to life over the socket, and
/// keeps the messages page's unread badges (`[data-room-list]`) live.
///
/// A panel follows its room's topic through `LyceumLive` (so a reconnect resumes from the last `seq`), loads
/// history with `messages.list` (and more on "Load earlier" or scrolling to the top), sends with
/// `message.send` (Enter), edits and deletes the viewer's own messages, reacts with 👍, replies, shows who is
/// typing and who is online (`presence.list`, `presence.changed`), shows read receipts ("Seen by", from each
/// member's `lastReadSeq` and `room.read` events), and moves the read mark while the page is visible. A resume that could not recover everything reloads the history.
enum ChatScript {
    static let text = """
        (function () {
          "use strict";
          var live = window.LyceumLive;
          if (!live) { return; }
          var time = function (iso) {
            var date = new Date(iso);
            return isNaN(date) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
          };
          var size = function (bytes) {
            if (bytes < 1000) { return bytes + (bytes === 1 ? " byte" : " bytes"); }
            var units = ["KB", "MB", "GB"];
            var value = bytes / 1000;
            var unit = 0;
            while (value >= 999.95 && unit < units.length - 1) { value /= 1000; unit += 1; }
            return value.toFixed(1) + " " + units[unit];
          };
          var element = function (tag, className, text) {
            var node = document.createElement(tag);
            if (className) { node.className = className; }
            if (text !== undefined) { node.textContent = text; }
            return node;
          };

          var Panel = function (root) {
            var self = this;
            this.root = root;
            this.topic = root.getAttribute("data-chat");
            this.log = root.querySelector("[data-chat-log]");
            this.form = root.querySelector("[data-chat-form]");
            this.input = this.form.querySelector("textarea");
            this.status = root.querySelector("[data-chat-status]");
            this.error = root.querySelector("[data-chat-error]");
            this.typingLine = root.querySelector("[data-chat-typing]");
            this.people = root.querySelector("[data-chat-people]");
            this.earlier = root.querySelector("[data-chat-earlier]");
            this.contextLine = root.querySelector("[data-chat-context]");
            this.cancel = root.querySelector("[data-chat-cancel]");
            this.unreadBadge = root.querySelector("[data-chat-unread]");
            this.messages = {};
            this.data = {};
            this.names = {};
            this.typers = {};
            this.marks = {};
            this.nextBefore = null;
            this.loaded = false;
            this.editing = null;
            this.replyTo = null;
            this.lastTyping = 0;
            this.readSeq = 0;
            live.subscribe(this.topic, {
              joined: function (ack) { self.joined(ack); },
              failed: function (error) { self.say(error.message || "This chat is not available."); },
              event: function (name, payload) { self.event(name, payload); }
            });
            live.onStatus(function (open) { if (!open) { self.say("Reconnecting…"); } });
            this.form.addEventListener("submit", function (event) { event.preventDefault(); self.submit(); });
            this.input.addEventListener("keydown", function (event) {
              if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); self.submit(); }
              if (event.key === "Escape") { self.reset(); }
            });
            this.input.addEventListener("input", function () { self.typing(); });
            this.cancel.addEventListener("click", function () { self.reset(); });
            this.earlier.addEventListener("click", function () { self.history(); });
            this.log.addEventListener("scroll", function () { if (self.log.scrollTop === 0 && self.nextBefore) { self.history(); } });
            document.addEventListener("visibilitychange", function () { self.markRead(); });
          };

          Panel.prototype.say = function (text) { this.status.textContent = text; };
          Panel.prototype.fail = function (error) {
            this.error.textContent = (error && error.fields && error.fields.body) || (error && error.message) || "That did not work.";
            this.error.hidden = false;
          };

          Panel.prototype.joined = function (ack) {
            this.say("Live");
            if (!this.loaded || ack.recovered === false) {
              this.loaded = true;
              this.log.textContent = "";
              this.messages = {};
              this.data = {};
              this.nextBefore = null;
              this.history();
            }
            this.loadPeople();
          };

          Panel.prototype.history = function () {
            var self = this;
            var payload = { limit: 50 };
            if (this.nextBefore) { payload.before = this.nextBefore; }
            this.earlier.disabled = true;
            live.send("messages.list", this.topic, payload).then(function (page) {
              var height = self.log.scrollHeight;
              page.items.forEach(function (message) { self.put(message); });
              self.showReceipts();
              self.nextBefore = page.nextBefore;
              self.earlier.hidden = !page.nextBefore;
              self.earlier.disabled = false;
              if (payload.before) { self.log.scrollTop = self.log.scrollHeight - height; } else { self.scrollDown(); }
              self.markRead();
            }, function (error) { self.earlier.disabled = false; self.fail(error); });
          };

          Panel.prototype.loadPeople = function () {
            var self = this;
            live.send("presence.list", this.topic).then(function (answer) {
              self.people.textContent = "";
              (answer.members || []).forEach(function (member) {
                self.names[member.userId] = member.displayName;
                if (member.lastReadSeq) { self.marks[member.userId] = member.lastReadSeq; }
                self.person(member);
              });
              self.showReceipts();
            }, function () {});
          };

          Panel.prototype.person = function (member) {
            var item = this.people.querySelector("[data-user='" + member.userId + "']");
            if (!item) {
              item = element("li");
              item.setAttribute("data-user", member.userId);
              item.appendChild(element("span", "dot"));
              item.appendChild(element("span", "name", member.displayName || this.names[member.userId] || "Someone"));
              item.appendChild(element("span", "muted presence"));
              this.people.appendChild(item);
            }
            item.setAttribute("data-status", member.status);
            var label = member.status === "offline"
              ? (member.lastSeenAt ? "last seen " + new Date(member.lastSeenAt).toLocaleString() : "offline") : member.status;
            item.querySelector(".presence").textContent = " " + label;
          };

          Panel.prototype.nearBottom = function () {
            return this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
          };
          Panel.prototype.scrollDown = function () { this.log.scrollTop = this.log.scrollHeight; };

          Panel.prototype.put = function (message) {
            var self = this;
            this.names[message.authorId] = message.authorName;
            this.data[message.id] = message;
            var item = this.messages[message.id];
            if (!item) {
              item = element("li", "message");
              item.setAttribute("data-message-id", message.id);
              this.messages[message.id] = item;
              var before = null;
              Array.prototype.some.call(this.log.children, function (other) {
                if (Number(other.getAttribute("data-seq")) > message.seq) { before = other; return true; }
                return false;
              });
              this.log.insertBefore(item, before);
            }
            item.setAttribute("data-seq", String(message.seq));
            item.setAttribute("data-testid", "chat-message");
            item.textContent = "";
            var head = element("p", "meta");
            head.appendChild(element("strong", null, message.authorName));
            head.appendChild(element("span", "muted", " " + time(message.createdAt) + (message.editedAt && !message.deletedAt ? " · edited" : "")));
            item.appendChild(head);
            if (message.replyTo && this.messages[message.replyTo]) {
              var quoted = this.messages[message.replyTo].querySelector(".body");
              item.appendChild(element("p", "reply-to muted", "↩ " + (quoted ? quoted.textContent.slice(0, 80) : "")));
            }
            if (message.deletedAt) {
              item.appendChild(element("p", "body muted", "This message was deleted."));
              return;
            }
            var body = element("div", "body prose");
            body.innerHTML = message.bodyHtml;
            item.appendChild(body);
            if ((message.attachments || []).length) {
              var files = element("ul", "attachments");
              files.setAttribute("data-testid", "chat-attachments");
              message.attachments.forEach(function (file) {
                // A page route checks membership and redirects to a fresh signed link, since signed links expire.
                var href = "/messages/" + encodeURIComponent(message.roomId) + "/attachments/" + encodeURIComponent(file.id);
                var entry = element("li");
                if (["image/png", "image/jpeg", "image/webp", "image/gif"].indexOf(file.contentType) >= 0) {
                  var picture = element("img", "thumb");
                  picture.src = href;
                  picture.alt = file.filename;
                  picture.loading = "lazy";
                  picture.width = 160;
                  entry.appendChild(picture);
                  entry.appendChild(document.createTextNode(" "));
                }
                var link = element("a", null, file.filename);
                link.href = href;
                entry.appendChild(link);
                entry.appendChild(element("small", "muted", " " + size(file.size)));
                files.appendChild(entry);
              });
              item.appendChild(files);
            }
            var actions = element("p", "actions");
            var mine = message.authorId === live.userId;
            (message.reactions || []).forEach(function (reaction) {
              var pressed = reaction.userIds.indexOf(live.userId) >= 0;
              var button = element("button", "quiet small reaction", reaction.emoji + " " + reaction.count);
              button.type = "button";
              button.setAttribute("aria-pressed", String(pressed));
              button.setAttribute("aria-label", reaction.emoji + ", " + reaction.count + (pressed ? ", yours: remove it" : ": add yours"));
              button.addEventListener("click", function () {
                live.send(pressed ? "reaction.remove" : "reaction.add", self.topic, { messageId: message.id, emoji: reaction.emoji })
                  .then(function (ack) { self.put(ack.message); }, function (error) { self.fail(error); });
              });
              actions.appendChild(button);
            });
            var add = function (label, handler, aria) {
              var button = element("button", "quiet small", label);
              button.type = "button";
              if (aria) { button.setAttribute("aria-label", aria); }
              button.addEventListener("click", handler);
              actions.appendChild(button);
            };
            if (!(message.reactions || []).some(function (reaction) { return reaction.emoji === "👍"; })) {
              add("👍", function () {
                live.send("reaction.add", self.topic, { messageId: message.id, emoji: "👍" })
                  .then(function (ack) { self.put(ack.message); }, function (error) { self.fail(error); });
              }, "React with a thumbs-up");
            }
            add("Reply", function () {
              self.reset();
              self.replyTo = message.id;
              self.contextLine.textContent = "Replying to " + message.authorName;
              self.contextLine.hidden = false;
              self.cancel.hidden = false;
              self.input.focus();
            }, "Reply to " + message.authorName);
            if (mine) {
              add("Edit", function () {
                self.reset();
                self.editing = message.id;
                self.input.value = message.body;
                self.contextLine.textContent = "Editing your message";
                self.contextLine.hidden = false;
                self.cancel.hidden = false;
                self.input.focus();
              }, "Edit your message");
              add("Delete", function () {
                if (!window.confirm("Delete this message?")) { return; }
                live.send("message.delete", self.topic, { messageId: message.id }).catch(function (error) { self.fail(error); });
              }, "Delete your message");
            }
            item.appendChild(actions);
          };

          // The upload widget (uploads.js) adds one hidden `attachmentIds` input per finished upload to the form.
          Panel.prototype.attachmentIds = function () {
            return Array.prototype.map.call(this.form.querySelectorAll("input[type=hidden][name=attachmentIds]"), function (node) { return node.value; });
          };

          Panel.prototype.reset = function () {
            Array.prototype.forEach.call(this.form.querySelectorAll("input[type=hidden][name=attachmentIds]"), function (node) { node.remove(); });
            var picker = this.form.querySelector("input[type=file]");
            if (picker) { picker.value = ""; }
            this.editing = null;
            this.replyTo = null;
            this.contextLine.hidden = true;
            this.cancel.hidden = true;
            this.input.value = "";
          };

          Panel.prototype.submit = function () {
            var self = this;
            var body = this.input.value;
            if (!body.trim()) { return; }
            this.error.hidden = true;
            var sending = this.editing
              ? live.send("message.edit", this.topic, { messageId: this.editing, body: body })
              : live.send("message.send", this.topic, { body: body, replyTo: this.replyTo, attachmentIds: this.attachmentIds() });
            this.input.disabled = true;
            sending.then(function (ack) {
              self.input.disabled = false;
              self.reset();
              self.put(ack.message);
              self.scrollDown();
              self.markRead();
              self.input.focus();
            }, function (error) { self.input.disabled = false; self.fail(error); });
          };

          Panel.prototype.typing = function () {
            var now = Date.now();
            if (now - this.lastTyping < 2000 || !live.isOpen()) { return; }
            this.lastTyping = now;
            live.send("typing", this.topic).catch(function () {});
          };

          Panel.prototype.showTyping = function () {
            var names = Object.keys(this.typers).map(function (id) { return this.names[id] || "Someone"; }, this);
            this.typingLine.textContent = names.length === 0 ? "" : names.join(", ") + (names.length === 1 ? " is typing…" : " are typing…");
          };

          Panel.prototype.showReceipts = function () {
            var self = this;
            this.log.querySelectorAll(".seen").forEach(function (node) { node.remove(); });
            var readers = {};
            Object.keys(this.marks).forEach(function (userId) {
              if (userId === live.userId) { return; }
              var item = null;
              Array.prototype.forEach.call(self.log.children, function (candidate) {
                if (Number(candidate.getAttribute("data-seq")) <= self.marks[userId]) { item = candidate; }
              });
              if (!item) { return; }
              var seq = item.getAttribute("data-seq");
              (readers[seq] = readers[seq] || { item: item, names: [] }).names.push(self.names[userId] || "Someone");
            });
            Object.keys(readers).forEach(function (seq) {
              var names = readers[seq].names.sort();
              var text = names.length > 3 ? names.slice(0, 3).join(", ") + " and " + (names.length - 3) + " more" : names.join(", ");
              var line = element("p", "seen muted", "Seen by " + text);
              line.setAttribute("data-testid", "read-receipt");
              readers[seq].item.appendChild(line);
            });
          };

          Panel.prototype.markRead = function () {
            var self = this;
            var last = this.log.lastElementChild;
            var seq = last ? Number(last.getAttribute("data-seq")) : 0;
            if (document.visibilityState === "hidden" || seq <= this.readSeq) { return; }
            this.readSeq = seq;
            clearTimeout(this.readTimer);
            this.readTimer = setTimeout(function () { live.send("room.read", self.topic, { seq: seq }).catch(function () {}); }, 300);
            if (this.unreadBadge) { this.unreadBadge.hidden = true; }
          };

          Panel.prototype.event = function (name, payload) {
            var self = this;
            if (name === "message.created" || name === "message.edited") {
              var atBottom = this.nearBottom();
              this.put(payload);
              this.showReceipts();
              if (this.typers[payload.authorId]) { clearTimeout(this.typers[payload.authorId]); delete this.typers[payload.authorId]; this.showTyping(); }
              if (atBottom) { this.scrollDown(); }
              this.markRead();
            } else if (name === "message.deleted" && this.messages[payload.id]) {
              var item = this.messages[payload.id];
              item.querySelectorAll(".body, .actions").forEach(function (node) { node.remove(); });
              item.appendChild(element("p", "body muted", "This message was deleted."));
            } else if ((name === "reaction.added" || name === "reaction.removed") && this.data[payload.messageId]) {
              this.data[payload.messageId].reactions = payload.reactions;
              this.put(this.data[payload.messageId]);
            } else if (name === "typing" && payload.userId !== live.userId) {
              clearTimeout(this.typers[payload.userId]);
              this.typers[payload.userId] = setTimeout(function () { delete self.typers[payload.userId]; self.showTyping(); }, 4000);
              this.showTyping();
            } else if (name === "presence.changed") {
              (payload.changes || []).forEach(function (change) { self.person(change); });
            } else if (name === "room.read") {
              this.marks[payload.userId] = payload.lastReadSeq;
              this.showReceipts();
            } else if (name === "subscription.ended") {
              this.say("You are no longer a member of this room.");
              this.form.querySelectorAll("textarea, button").forEach(function (node) { node.disabled = true; });
            }
          };

          document.querySelectorAll("[data-chat]").forEach(function (root) { root.lyceumChat = new Panel(root); });

          var list = document.querySelector("[data-room-list]");
          if (list) {
            var follow = function (item, since) {
              var badge = item.querySelector("[data-room-unread]");
              var counted = {};
              live.subscribe("room:" + item.getAttribute("data-room"), {
                since: since,
                event: function (name, payload) {
                  if (name !== "message.created" || payload.authorId === live.userId || counted[payload.id]) { return; }
                  counted[payload.id] = true;
                  var count = parseInt(badge.textContent, 10) || 0;
                  badge.textContent = (count + 1) + " unread";
                  badge.hidden = false;
                  var preview = item.querySelector("[data-room-preview]");
                  if (!preview) {
                    item.appendChild(document.createElement("br"));
                    preview = element("span", "muted");
                    preview.setAttribute("data-room-preview", "");
                    item.appendChild(preview);
                  }
                  preview.textContent = payload.authorName + ": " + payload.body.slice(0, 80);
                  list.insertBefore(item, list.firstElementChild);
                }
              });
            };
            list.querySelectorAll("[data-room]").forEach(function (item) { follow(item); });
            live.onUser(function (name, payload) {
              if (name !== "room.added" || list.querySelector("[data-room='" + payload.room.id + "']")) { return; }
              var item = element("li");
              item.setAttribute("data-room", payload.room.id);
              var link = element("a", null, payload.room.title);
              link.href = "/messages/" + payload.room.id;
              link.setAttribute("data-testid", "room-link");
              item.appendChild(link);
              item.appendChild(document.createTextNode(" "));
              item.appendChild(element("span", "muted", "Direct conversation"));
              item.appendChild(document.createTextNode(" "));
              var badge = element("span", "badge", "0 unread");
              badge.setAttribute("data-room-unread", "");
              badge.hidden = true;
              item.appendChild(badge);
              list.insertBefore(item, list.firstElementChild);
              // From the room's start: what was said before this page heard of the room counts as unread too.
              follow(item, 0);
            });
          }
        })();
        """
}
