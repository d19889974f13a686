/// The OpenAPI 3.1 description of calls: a room's call history and one call, and, as schemas, the socket
/// frames of call signalling (`CallCommandFrame`, `CallEventFrame`; docs/realtime-protocol.md has examples).
/// Paths are relative to `/api/v1`; errors reference the base document's shared responses.
enum CallsOpenAPI {
    /// `{"paths": {...}, "components": {"schemas": {...}}}` for the call routes and frames.
    static let fragment = #"""
        {
          "paths": {
            "/rooms/{room}/calls": {
              "get": {
                "summary": "The room's calls, newest first, with who was rung, joined, declined or missed each",
                "operationId": "listRoomCalls",
                "security": [{ "bearer": [] }],
                "parameters": [
                  {
                    "name": "room", "in": "path", "required": true, "schema": { "type": "string", "maxLength": 71 },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  },
                  {
                    "name": "before", "in": "query", "required": false, "schema": { "type": "string", "format": "uuid" },
                    "description": "Only calls started before this call of the room (`nextBefore` of the previous page); any other value is 400 `invalid_before`"
                  },
                  {
                    "name": "limit", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 50 },
                    "description": "Page size; anything else is 400 `invalid_limit`"
                  }
                ],
                "responses": {
                  "200": { "description": "A page of calls", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CallPage" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthenticated" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/calls/{call}": {
              "get": {
                "summary": "One call, active or ended, for a member of its room",
                "operationId": "getCall",
                "security": [{ "bearer": [] }],
                "parameters": [
                  {
                    "name": "call", "in": "path", "required": true, "schema": { "type": "string", "maxLength": 64 },
                    "description": "The call's id; a call of a room the caller is not in, or any other value, is 404 `call_not_found`"
                  }
                ],
                "responses": {
                  "200": { "description": "The call", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CallEnvelope" } } } },
                  "401": { "$ref": "#/components/responses/Unauthenticated" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "CallParticipantState": {
                "type": "string", "enum": ["invited", "joined", "declined", "left", "missed"],
                "description": "`invited`: ringing; `joined`: holds a seat on one connection; `declined`; `left` (or their connection closed); `missed`: rung and never answered before the end"
              },
              "CallParticipant": {
                "type": "object", "required": ["userId", "displayName", "state", "joinedAt", "leftAt"], "additionalProperties": false,
                "properties": {
                  "userId": { "type": "string" },
                  "displayName": { "type": "string" },
                  "state": { "$ref": "#/components/schemas/CallParticipantState" },
                  "joinedAt": { "type": ["string", "null"], "format": "date-time", "description": "When they last joined" },
                  "leftAt": { "type": ["string", "null"], "format": "date-time", "description": "When they last left" }
                }
              },
              "Call": {
                "type": "object", "additionalProperties": false,
                "required": ["id", "roomId", "startedBy", "startedAt", "endedAt", "endReason", "durationSeconds", "participants"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "roomId": { "type": "string" },
                  "startedBy": { "type": "string", "description": "The starter's user id" },
                  "startedAt": { "type": "string", "format": "date-time" },
                  "endedAt": { "type": ["string", "null"], "format": "date-time", "description": "`null` while the call is active" },
                  "endReason": {
                    "type": ["string", "null"], "enum": ["ended", "empty", "stale", null],
                    "description": "`ended`: ended for everyone by its starter, the room's staff or (direct rooms) a participant; `empty`: the last participant left; `stale`: the last seats' server stopped answering"
                  },
                  "durationSeconds": { "type": ["integer", "null"], "minimum": 0, "description": "Whole seconds from start to end, once ended" },
                  "participants": {
                    "type": "array", "maxItems": 200, "items": { "$ref": "#/components/schemas/CallParticipant" },
                    "description": "Everyone rung or joined, in the order they were first rung or joined; at most 6 are `joined` at once"
                  }
                }
              },
              "CallEnvelope": {
                "type": "object", "required": ["call"], "additionalProperties": false,
                "properties": { "call": { "$ref": "#/components/schemas/Call" } }
              },
              "CallPage": {
                "type": "object", "required": ["items", "nextBefore"], "additionalProperties": false,
                "properties": {
                  "items": { "type": "array", "items": { "$ref": "#/components/schemas/Call" } },
                  "nextBefore": { "type": ["string", "null"], "description": "Pass as `before` for the next (older) page; `null` on the last page" }
                }
              },
              "CallCommandFrame": {
                "description": "A call command a client sends on the real-time socket (`GET /realtime`). `call.start` names the room (`room:<roomId>`) as its topic, the others the call (`call:<callId>`). Acknowledgements: `call.start`, `call.ring` and `call.accept` carry `{\"call\": Call}` (whose participants show who is joined: the one who joins sends an offer to each of them); the others carry no payload. Errors: 404 `room_not_found` or `call_not_found` (not a member of the room, or no such call), 403 `not_in_call` (not joined on this connection, or the recipient of a signal is not joined), 403 `forbidden` (`call.end` by someone who may not), 409 `call_in_progress` (`fields.callId` names the active call), `call_full` (6 joined), `call_ended`, `not_ringing`, 422 `invalid_payload` or `validation_failed`.",
                "oneOf": [
                  { "type": "object", "required": ["type", "topic"], "properties": { "type": { "const": "call.start" }, "id": { "type": "string" }, "topic": { "type": "string", "pattern": "^room:" },
                    "payload": { "type": "object", "properties": { "invite": { "type": "array", "maxItems": 20, "items": { "type": "string" }, "description": "Members to ring; by default the other members of a direct room, nobody in other rooms" } } } } },
                  { "type": "object", "required": ["type", "topic", "payload"], "properties": { "type": { "const": "call.ring" }, "id": { "type": "string" }, "topic": { "type": "string", "pattern": "^call:" },
                    "payload": { "type": "object", "required": ["userIds"], "properties": { "userIds": { "type": "array", "maxItems": 20, "items": { "type": "string" } } } } } },
                  { "type": "object", "required": ["type", "topic"], "properties": { "type": { "enum": ["call.accept", "call.decline", "call.leave", "call.end"] }, "id": { "type": "string" }, "topic": { "type": "string", "pattern": "^call:" } } },
                  { "type": "object", "required": ["type", "topic", "payload"], "properties": { "type": { "const": "call.signal" }, "id": { "type": "string" }, "topic": { "type": "string", "pattern": "^call:" },
                    "payload": { "type": "object", "required": ["to", "kind", "data"], "properties": {
                      "to": { "type": "string", "description": "A joined participant other than the sender" },
                      "kind": { "enum": ["offer", "answer", "candidate", "renegotiate"] },
                      "data": { "description": "Any JSON value, relayed byte for byte; the whole frame is limited by the socket's maxFrameSize" } } } } }
                ]
              },
              "CallEventFrame": {
                "description": "A call event the socket sends (`{\"type\": \"event\", \"topic\", \"event\", \"payload\"}`, never a `seq`). On `room:<roomId>`: `call.started`, `call.ended`. On `call:<callId>` (subscribe to it; the acknowledgement's `details` carry `{\"call\": Call}`): `call.participant.joined` (also when a participant's seat moves to another connection), `call.participant.left`, `call.declined`, `call.ended`. On the recipient's `user:<userId>`: `call.ringing`, `call.ringing.ended` (reason `accepted`, `declined` or `ended`, so other tabs stop ringing), `call.signal`.",
                "type": "object", "required": ["type", "topic", "event", "payload"],
                "properties": {
                  "type": { "const": "event" },
                  "topic": { "type": "string" },
                  "event": { "enum": ["call.started", "call.ended", "call.ringing", "call.ringing.ended", "call.participant.joined", "call.participant.left", "call.declined", "call.signal"] },
                  "payload": {
                    "oneOf": [
                      { "$ref": "#/components/schemas/CallEnvelope" },
                      { "type": "object", "required": ["call", "from"], "properties": { "call": { "$ref": "#/components/schemas/Call" },
                        "from": { "type": "object", "required": ["userId", "displayName"], "properties": { "userId": { "type": "string" }, "displayName": { "type": "string" } } } } },
                      { "type": "object", "required": ["callId", "reason"], "properties": { "callId": { "type": "string" }, "reason": { "enum": ["accepted", "declined", "ended"] } } },
                      { "type": "object", "required": ["callId", "userId"], "properties": { "callId": { "type": "string" }, "userId": { "type": "string" }, "displayName": { "type": "string" } } },
                      { "type": "object", "required": ["callId", "from", "kind", "data"], "properties": { "callId": { "type": "string" }, "from": { "type": "string" },
                        "kind": { "enum": ["offer", "answer", "candidate", "renegotiate"] }, "data": { "description": "The sender's JSON, untouched" } } }
                    ]
                  }
                }
              }
            }
          }
        }
        """#
}
