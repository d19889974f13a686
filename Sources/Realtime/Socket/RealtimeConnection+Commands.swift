import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumHTTP
import NIOCore

/// The protocol's commands: `auth`, `ping`, `subscribe`, `unsubscribe`, `typing`, and the ones the router
/// hands to their owners. Async work runs in a task and comes back to the event loop to write.
extension RealtimeConnection {
    /// A complete text message from the client.
    func received(_ bytes: ByteBuffer) {
        let data = Data(bytes.readableBytesView)
        let header: ClientFrameHeader
        do {
            header = try JSONDecoder().decode(ClientFrameHeader.self, from: data)
        } catch {
            guard spendCommand(id: nil) else { return }
            return write(ServerFrames.error(id: nil, AppError(status: 400, code: "malformed_frame", message: "A frame is a JSON object with a string \"type\".")))
        }
        let id = header.id.flatMap { $0.utf8.count <= ClientFrameHeader.maxIDLength ? $0 : nil }
        guard spendCommand(id: id) else { return }
        services.hub.metrics.commandReceived()
        guard header.id == nil || id != nil else {
            return write(ServerFrames.error(id: nil, AppError(status: 400, code: "malformed_frame", message: "A frame's id is at most 64 characters.")))
        }
        if let topic = header.topic, topic.isEmpty || topic.utf8.count > ClientFrameHeader.maxTopicLength {
            return write(ServerFrames.error(id: id, AppError(status: 400, code: "invalid_topic", message: "A topic is 1 to 200 characters.")))
        }
        switch header.type {
        case "ping":
            return write(ServerFrames.pong(id: id))
        case "auth":
            return authCommand(id: id, data: data)
        default:
            break
        }
        guard let principal else {
            let error = AppError(status: 401, code: "unauthenticated", message: "Send auth with an access token first.")
            return write(ServerFrames.error(id: id, error))
        }
        guard commandsInFlight < services.configuration.maxCommandsInFlight else {
            let error = AppError(status: 429, code: "too_many_pending", message: "Wait for answers before sending more commands.", retryAfter: 1)
            return write(ServerFrames.error(id: id, error))
        }
        switch header.type {
        case "subscribe": subscribe(id: id, topic: header.topic, data: data, principal: principal)
        case "unsubscribe": unsubscribe(id: id, topic: header.topic)
        case "typing": typing(id: id, topic: header.topic, principal: principal)
        default: route(header, id: id, data: data, principal: principal)
        }
    }

    // MARK: Authentication

    /// `auth` signs a new connection in, or renews a token-signed connection with a fresh token of the same
    /// user before the old one expires (a cookie-signed connection follows its session instead).
    private func authCommand(id: String?, data: Data) {
        switch state {
        case .awaitingAuth, .open(_, .token):
            break
        default:
            let error = AppError(status: 409, code: "already_authenticated", message: "This connection is signed in already.")
            return write(ServerFrames.error(id: id, error))
        }
        guard let payload = try? JSONDecoder().decode(CommandPayload<AuthPayload>.self, from: data).payload,
            !payload.token.isEmpty, payload.token.utf8.count <= 4096
        else {
            return write(ServerFrames.error(id: id, AppError(status: 422, code: "invalid_payload", message: "auth needs {\"token\": \"<access token>\"}.")))
        }
        authenticate(.token(payload.token), replyTo: id)
    }

    /// Signs the connection in with `credential`; a refused cookie or token closes it with 4401.
    func authenticate(_ credential: Credential, replyTo id: String?) {
        if case .open(let current, _) = state { return renew(current, with: credential, replyTo: id) }
        state = .authenticating
        let authenticator = services.authenticator
        guard let connection = boundToLoop() else { return }
        Task {
            let outcome = await RealtimeConnection.resolvePrincipal(for: credential, authenticator: authenticator)
            connection.eventLoop.execute {
                connection.value.finishAuthentication(outcome, credential: credential, replyTo: id)
            }
        }
    }

    private func finishAuthentication(_ outcome: Result<Principal, AppError>, credential: Credential, replyTo id: String?) {
        guard case .authenticating = state else { return }
        switch outcome {
        case .failure(let error) where error.status == 401:
            close(.unauthenticated(error.message))
        case .failure(let error):
            close(RealtimeClose(code: 1011, reason: error.message))
        case .success(let principal):
            state = .open(principal, credential)
            lastRevalidation = .now()
            addTopic(UserTopics.topic(of: principal.userID))
            let signedIn = RealtimeConnectionRef(id: connectionID, userID: principal.userID)
            for observer in services.router.observers { observer.connectionSignedIn(signedIn) }
            write(ServerFrames.welcome(id: id, principal: principal, configuration: services.configuration))
        }
    }

    /// Replaces an open connection's token with a fresh one of the same user; a token that is not valid or is
    /// another user's is refused and the connection keeps its current one.
    private func renew(_ current: Principal, with credential: Credential, replyTo id: String?) {
        let authenticator = services.authenticator
        guard let connection = boundToLoop() else { return }
        Task {
            let outcome = await RealtimeConnection.resolvePrincipal(for: credential, authenticator: authenticator)
            connection.eventLoop.execute {
                let value = connection.value
                guard case .open = value.state else { return }
                switch outcome {
                case .success(let principal) where principal.userID == current.userID:
                    value.state = .open(principal, credential)
                    value.lastRevalidation = .now()
                    value.write(ServerFrames.welcome(id: id, principal: principal, configuration: value.services.configuration))
                case .success:
                    value.write(ServerFrames.error(id: id, AppError(status: 409, code: "different_user", message: "A connection stays signed in as one user.")))
                case .failure(let error):
                    value.write(ServerFrames.error(id: id, error))
                }
            }
        }
    }

    /// Checks the credential again; a revoked session or an expired token closes the connection (4401).
    func revalidate(_ credential: Credential) {
        let authenticator = services.authenticator
        guard let connection = boundToLoop() else { return }
        Task {
            let outcome = await RealtimeConnection.resolvePrincipal(for: credential, authenticator: authenticator)
            connection.eventLoop.execute {
                guard case .open = connection.value.state else { return }
                switch outcome {
                case .success(let principal): connection.value.state = .open(principal, credential)
                case .failure(let error) where error.status == 401: connection.value.close(.unauthenticated(error.message))
                case .failure: break  // a database hiccup: keep the connection and check again next time
                }
            }
        }
    }

    private static func resolvePrincipal(
        for credential: Credential, authenticator: any CallerAuthenticator
    ) async -> Result<Principal, AppError> {
        do {
            switch credential {
            case .token(let token):
                return .success(try await authenticator.authenticate(accessToken: token))
            case .cookie(let cookie):
                guard let caller = try await authenticator.authenticate(webSessionCookie: cookie) else {
                    return .failure(.unauthenticated("session expired or signed out; sign in again"))
                }
                return .success(caller.principal)
            }
        } catch let error as AppError {
            return .failure(error)
        } catch {
            return .failure(.unavailable("Could not check the credential; try again."))
        }
    }

    // MARK: Topics

    private func subscribe(id: String?, topic: String?, data: Data, principal: Principal) {
        guard let topic else {
            return write(ServerFrames.error(id: id, AppError(status: 400, code: "missing_topic", message: "subscribe needs a topic.")))
        }
        guard topics.count < services.configuration.maxSubscriptions || topics.contains(topic) else {
            let error = AppError(status: 409, code: "too_many_subscriptions", message: "A connection may follow at most \(services.configuration.maxSubscriptions) topics.")
            return write(ServerFrames.error(id: id, error))
        }
        guard let owner = services.router.owner(of: topic) else {
            return write(ServerFrames.error(id: id, AppError(status: 404, code: "topic_not_found", message: "There is no such topic.")))
        }
        let since = (try? JSONDecoder().decode(CommandPayload<SubscribePayload>.self, from: data))?.payload.since
        let wasSubscribed = topics.contains(topic)
        // Live frames wait here until the missed ones are out, so the client sees one ordered stream.
        recovering[topic] = recovering[topic] ?? []
        addTopic(topic)
        commandsInFlight += 1
        guard let connection = boundToLoop() else { return }
        Task {
            let outcome: Result<TopicJoin, AppError>
            do {
                outcome = .success(try await owner.join(principal, topic: topic, since: since))
            } catch {
                outcome = .failure((error as? AppError) ?? .internalError)
            }
            connection.eventLoop.execute {
                connection.value.finishSubscribe(outcome, id: id, topic: topic, since: since, wasSubscribed: wasSubscribed)
            }
        }
    }

    private func finishSubscribe(_ outcome: Result<TopicJoin, AppError>, id: String?, topic: String, since: Int64?, wasSubscribed: Bool) {
        commandsInFlight -= 1
        guard case .open = state else { return }
        switch outcome {
        case .failure(let error):
            if wasSubscribed {
                flushRecovery(topic, after: since)
            } else {
                removeTopic(topic)
            }
            write(ServerFrames.error(id: id, error))
        case .success(let join):
            write(ServerFrames.ack(id: id, payload: ServerFrames.joined(topic: topic, join: join)))
            var last = since ?? join.position ?? 0
            if since != nil {
                // A replay is bounded (at most the owner's resume window), so it is not held to the live limit.
                for frame in join.missed {
                    guard let seq = frame.seq, seq > last else { continue }
                    write(ByteBuffer(string: frame.text), bounded: false)
                    last = seq
                }
            }
            flushRecovery(topic, after: last)
        }
    }

    /// Writes the live frames held back for `topic` that the replay did not already send, and ends the hold.
    private func flushRecovery(_ topic: String, after last: Int64?) {
        guard let held = recovering.removeValue(forKey: topic) else { return }
        for (frame, bytes) in held {
            if let seq = frame.seq, let last, seq <= last { continue }
            write(bytes)
        }
    }

    private func unsubscribe(id: String?, topic: String?) {
        guard let topic else {
            return write(ServerFrames.error(id: id, AppError(status: 400, code: "missing_topic", message: "unsubscribe needs a topic.")))
        }
        removeTopic(topic)
        write(ServerFrames.ack(id: id, payload: nil))
    }

    /// Tells the topic's other subscribers that the user is typing: at most once a second, never stored.
    private func typing(id: String?, topic: String?, principal: Principal) {
        guard let topic, topics.contains(topic), recovering[topic] == nil else {
            let error = AppError(status: 409, code: "not_subscribed", message: "Subscribe to the topic before sending typing.")
            return write(ServerFrames.error(id: id, error))
        }
        if id != nil { write(ServerFrames.ack(id: id, payload: nil)) }
        let now = NIODeadline.now()
        guard now - lastTyping >= .seconds(1) else { return }
        lastTyping = now
        let hub = services.hub
        let frame = RealtimeFrame.event(topic: topic, seq: nil, event: "typing") { writer in
            writer.beginObject()
            writer.key("userId")
            writer.string(principal.userID)
            writer.endObject()
        }
        Task { await hub.publish(frame) }
    }

    // MARK: Owned commands

    private func route(_ header: ClientFrameHeader, id: String?, data: Data, principal: Principal) {
        guard let handler = services.router.handler(of: header.type) else {
            return write(ServerFrames.error(id: id, AppError(status: 400, code: "unknown_command", message: "There is no command \"\(header.type.prefix(40))\".")))
        }
        commandsInFlight += 1
        let command = RealtimeCommand(type: header.type, topic: header.topic, principal: principal, connectionID: connectionID, frame: data)
        guard let connection = boundToLoop() else { return }
        let logger = logger
        Task {
            let reply: ByteBuffer
            do {
                reply = ServerFrames.ack(id: id, payload: try await handler.handle(command))
            } catch {
                let failure = (error as? AppError) ?? .internalError
                if failure.isServerFault { logger.error("A real-time command failed", metadata: ["command": "\(command.type)", "error": "\(error)"]) }
                reply = ServerFrames.error(id: id, failure)
            }
            connection.eventLoop.execute {
                connection.value.commandsInFlight -= 1
                connection.value.write(reply)
            }
        }
    }
}

/// The payload of a client frame, for commands the socket decodes itself.
struct CommandPayload<Payload: Decodable>: Decodable {
    let payload: Payload
}
