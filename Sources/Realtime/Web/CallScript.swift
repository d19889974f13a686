/// `call.js`, on the call page: a mesh WebRTC call signalled through the socket.
///
/// It asks for the camera and microphone (falling back to the microphone alone), then starts the call in the
/// page's room (`call.start`; joining the room's call instead when one is already going) or joins the page's
/// call (`call.accept`). Following the protocol's mesh
/// convention, whoever joins sends an offer to everyone already in the call; the others answer. Offers,
/// answers and ICE candidates travel as `call.signal` and arrive on the viewer's `user:` topic. Each peer's
/// tile carries its connection state (`data-peer-state`). Mute and camera switch the local tracks off;
/// Hang up leaves (`call.leave`). A dropped socket loses the seat, so the page rejoins and offers again.
enum CallScript {
    static let text = """
        (function () {
          "use strict";
          var live = window.LyceumLive;
          var root = document.querySelector("[data-call]");
          if (!live || !root) { return; }
          var roomId = root.getAttribute("data-room");
          var callId = root.getAttribute("data-call-id");
          var servers = [];
          try { servers = JSON.parse(root.getAttribute("data-ice-servers") || "[]"); } catch (error) { servers = []; }
          var status = root.querySelector("[data-call-status]");
          var tiles = root.querySelector("[data-call-tiles]");
          var muteButton = root.querySelector("[data-call-mute]");
          var cameraButton = root.querySelector("[data-call-camera]");
          var hangUp = root.querySelector("[data-call-hangup]");
          var stream = null;
          var peers = {};
          var names = {};
          var joined = false;
          var over = false;
          var unsubscribe = null;
          var say = function (text) { status.textContent = text; };
          var failure = function (error) { return (error && error.message) || "Something went wrong."; };

          var signal = function (to, kind, data) {
            live.send("call.signal", "call:" + callId, { to: to, kind: kind, data: data }).catch(function () {});
          };
          var tile = function (userId) {
            var figure = document.createElement("figure");
            figure.className = "tile";
            figure.setAttribute("data-peer", userId);
            figure.setAttribute("data-peer-state", "new");
            figure.setAttribute("data-testid", "peer-tile");
            var video = document.createElement("video");
            video.autoplay = true;
            video.playsInline = true;
            var caption = document.createElement("figcaption");
            caption.textContent = names[userId] || "Participant";
            figure.appendChild(video);
            figure.appendChild(caption);
            tiles.appendChild(figure);
            return figure;
          };
          var peer = function (userId) {
            if (peers[userId]) { return peers[userId]; }
            var connection = new RTCPeerConnection({ iceServers: servers });
            var entry = { connection: connection, tile: tile(userId), queued: [] };
            peers[userId] = entry;
            if (stream) { stream.getTracks().forEach(function (track) { connection.addTrack(track, stream); }); }
            connection.onicecandidate = function (event) { if (event.candidate) { signal(userId, "candidate", event.candidate.toJSON()); } };
            connection.ontrack = function (event) {
              var video = entry.tile.querySelector("video");
              if (video.srcObject !== event.streams[0]) { video.srcObject = event.streams[0]; }
            };
            connection.onconnectionstatechange = function () {
              entry.tile.setAttribute("data-peer-state", connection.connectionState);
              if (connection.connectionState === "connected") { say("Connected."); }
            };
            return entry;
          };
          var drop = function (userId) {
            var entry = peers[userId];
            if (!entry) { return; }
            entry.connection.close();
            entry.tile.remove();
            delete peers[userId];
          };
          var offer = function (userId) {
            var entry = peer(userId);
            entry.connection.createOffer().then(function (description) {
              return entry.connection.setLocalDescription(description);
            }).then(function () {
              signal(userId, "offer", entry.connection.localDescription.toJSON());
            }).catch(function (error) { say("Could not call " + (names[userId] || "a participant") + ": " + error.message); });
          };
          var flush = function (entry) {
            entry.queued.splice(0).forEach(function (candidate) { entry.connection.addIceCandidate(candidate).catch(function () {}); });
          };
          var received = function (payload) {
            if (payload.callId !== callId || over) { return; }
            if (payload.kind === "offer" && peers[payload.from] && peers[payload.from].connection.remoteDescription) {
              drop(payload.from);
            }
            var entry = peer(payload.from);
            var connection = entry.connection;
            if (payload.kind === "offer") {
              connection.setRemoteDescription(payload.data).then(function () {
                flush(entry);
                return connection.createAnswer();
              }).then(function (answer) {
                return connection.setLocalDescription(answer);
              }).then(function () {
                signal(payload.from, "answer", connection.localDescription.toJSON());
              }).catch(function (error) { say("Could not answer: " + error.message); });
            } else if (payload.kind === "answer") {
              connection.setRemoteDescription(payload.data).then(function () { flush(entry); }).catch(function () {});
            } else if (payload.kind === "candidate") {
              if (connection.remoteDescription) {
                connection.addIceCandidate(payload.data).catch(function () {});
              } else {
                entry.queued.push(payload.data);
              }
            }
          };
          var finish = function (text) {
            over = true;
            Object.keys(peers).forEach(drop);
            if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
            if (unsubscribe) { unsubscribe(); }
            say(text);
            root.setAttribute("data-call-over", "true");
            [muteButton, cameraButton, hangUp].forEach(function (button) { button.disabled = true; });
          };
          var event = function (name, payload) {
            if (name === "call.participant.joined" && payload.userId !== live.userId) {
              names[payload.userId] = payload.displayName;
              say(payload.displayName + " joined.");
            } else if (name === "call.participant.left") {
              drop(payload.userId);
              say((names[payload.userId] || "Someone") + " left the call.");
            } else if (name === "call.declined") {
              say((names[payload.userId] || "Someone") + " declined.");
            } else if (name === "call.ended") {
              finish("The call has ended.");
            }
          };
          var enter = function () {
            if (over || joined || !live.isOpen() || !stream) { return; }
            joined = true;
            var entering = callId
              ? live.send("call.accept", "call:" + callId)
              : live.send("call.start", "room:" + roomId, {});
            entering.then(function (ack) {
              var call = ack.call;
              callId = call.id;
              root.setAttribute("data-call-id", callId);
              if (window.history && history.replaceState) { history.replaceState(null, "", "/calls/" + encodeURIComponent(callId)); }
              if (!unsubscribe) { unsubscribe = live.subscribe("call:" + callId, { event: event }); }
              var others = call.participants.filter(function (participant) {
                names[participant.userId] = participant.displayName;
                return participant.state === "joined" && participant.userId !== live.userId;
              });
              say(others.length === 0 ? "Waiting for others to join…" : "Connecting…");
              others.forEach(function (participant) { if (!peers[participant.userId]) { offer(participant.userId); } });
            }, function (error) {
              joined = false;
              if (error.code === "call_in_progress" && error.fields && error.fields.callId && !callId) {
                callId = error.fields.callId;
                enter();
                return;
              }
              finish(failure(error));
            });
          };

          live.onUser(function (name, payload) { if (name === "call.signal") { received(payload); } });
          live.onStatus(function (open) {
            if (open) {
              enter();
            } else if (!over) {
              // The server frees the seat of a closed connection and the others drop their side of each peer
              // connection; joining again offers to everyone afresh.
              joined = false;
              Object.keys(peers).forEach(drop);
              say("Reconnecting…");
            }
          });
          muteButton.addEventListener("click", function () {
            var muted = muteButton.getAttribute("aria-pressed") !== "true";
            stream.getAudioTracks().forEach(function (track) { track.enabled = !muted; });
            muteButton.setAttribute("aria-pressed", String(muted));
            muteButton.textContent = muted ? "Unmute" : "Mute";
          });
          cameraButton.addEventListener("click", function () {
            var off = cameraButton.getAttribute("aria-pressed") !== "true";
            stream.getVideoTracks().forEach(function (track) { track.enabled = !off; });
            cameraButton.setAttribute("aria-pressed", String(off));
            cameraButton.textContent = off ? "Turn camera on" : "Turn camera off";
          });
          hangUp.addEventListener("click", function () {
            if (callId && joined) { live.send("call.leave", "call:" + callId).catch(function () {}); }
            finish("You left the call.");
          });

          var media = navigator.mediaDevices && navigator.mediaDevices.getUserMedia
            ? navigator.mediaDevices.getUserMedia({ audio: true, video: true }).catch(function () {
                return navigator.mediaDevices.getUserMedia({ audio: true, video: false });
              })
            : Promise.reject(new Error("This browser cannot make calls."));
          media.then(function (local) {
            stream = local;
            root.querySelector("[data-local-video]").srcObject = local;
            muteButton.disabled = false;
            cameraButton.disabled = local.getVideoTracks().length === 0;
            say("Joining…");
            enter();
          }, function (error) {
            finish("Could not use a camera or microphone: " + error.message);
          });
        })();
        """
}
