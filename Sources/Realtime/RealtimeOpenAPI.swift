/// The OpenAPI 3.1 description of the real-time socket's handshake and the chat API: rooms, direct conversations, history, messages, reactions,
/// read marks and mutes. Paths are relative to `/api/v1`; errors reference the base document's shared responses.
enum RealtimeOpenAPI {
    /// `{"paths": {...}, "components": {"schemas": {...}}}` for the chat routes.
    static let fragment = #"""
        {
          "paths": {
            "/realtime": {
              "get": {
                "summary": "The real-time WebSocket: chat, presence, live updates and call signalling",
                "description": "Open it with a WebSocket handshake (`Upgrade: websocket`); the server answers 101 and then speaks the JSON protocol of docs/realtime-protocol.md. A browser is signed in by its session cookie when the page's `Origin` is the site's own; any other client sends `{\"type\": \"auth\", \"payload\": {\"token\": \"<access token>\"}}` first. Refusals after the handshake are close codes: 4401 unauthenticated, 4403 origin not allowed, 4408 authentication timed out, 4429 too many commands, 4008 too slow to read, 4000 idle, 1009 frame too big, 1003 binary frame, 1001 server restarting. Without a handshake the route answers 426. Presence: `presence.set` (no topic, payload `{\"status\": \"online\" | \"away\"}`) sets the connection's away flag and acknowledges `{\"status\"}`, the user's resulting status; `presence.list` (topic `room:<id>`) acknowledges the first page of `GET /rooms/{room}/members`; `presence.changed` events (no `seq`; payload `{\"changes\": [{\"userId\", \"status\", \"lastSeenAt\"}, …]}`, the room's members' changes written in one pass, at most 40 per event) arrive on every room topic of users whose status changes.",
                "operationId": "openRealtimeSocket",
                "responses": {
                  "101": {
                    "description": "Switching to the WebSocket protocol"
                  },
                  "426": {
                    "description": "`upgrade_required`: the request was not a WebSocket handshake",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/realtime/ice-servers": {
              "get": {
                "summary": "STUN and TURN servers for a call's peer connections, as WebRTC's RTCIceServer list",
                "description": "TURN credentials follow coturn's REST-API scheme: the username is `<expiry unix time>:<user id>` and the credential the base64 HMAC-SHA1 of the username under the secret shared with the TURN server; they last `ttl` seconds. Without a configured TURN secret the list holds only STUN servers (or nothing).",
                "operationId": "getIceServers",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The servers",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["iceServers", "ttl"],
                          "properties": {
                            "iceServers": {
                              "type": "array",
                              "items": {
                                "type": "object",
                                "required": ["urls"],
                                "properties": {
                                  "urls": { "type": "array", "items": { "type": "string" } },
                                  "username": { "type": "string" },
                                  "credential": { "type": "string" }
                                }
                              }
                            },
                            "ttl": { "type": "integer", "minimum": 0 }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  }
                }
              }
            },
            "/rooms": {
              "get": {
                "summary": "The caller's rooms: their courses' and study groups' rooms and their direct conversations, most recently active first",
                "operationId": "listChatRooms",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Every room of the caller",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatRoomList"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  }
                }
              },
              "post": {
                "summary": "Open a direct conversation with 1 to 19 other active users, or get the one these people already have",
                "operationId": "openDirectConversation",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "description": "The caller is always a member; `memberIds` names the others (the caller's own id and repeats are ignored). The same set of people always gets the same conversation: 201 when it was made now, 200 when it existed.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ChatDirectRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The existing conversation",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatRoomEnvelope"
                        }
                      }
                    }
                  },
                  "201": {
                    "description": "A new conversation",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatRoomEnvelope"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "413": {
                    "$ref": "#/components/responses/TooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/Unsupported"
                  },
                  "422": {
                    "$ref": "#/components/responses/Invalid"
                  }
                }
              }
            },
            "/rooms/{room}": {
              "get": {
                "summary": "A room with its members and the caller's read mark",
                "operationId": "getChatRoom",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "room",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 71
                    },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The room",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatRoomEnvelope"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  }
                }
              }
            },
            "/rooms/{room}/messages": {
              "get": {
                "summary": "The room's history, newest first",
                "operationId": "listChatMessages",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "room",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 71
                    },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  },
                  {
                    "name": "before",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 9223372036854775807
                    },
                    "description": "Only messages whose `seq` is below this (`nextBefore` of the previous page)"
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 100,
                      "default": 50
                    },
                    "description": "Page size"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of messages; deleted ones are tombstones without text",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatMessagePage"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  }
                }
              },
              "post": {
                "summary": "Send a message",
                "operationId": "sendChatMessage",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "description": "At most 4,000 characters (Unicode code points) as sent and not blank, Markdown rendered to safe HTML. `replyTo` must be a live message of the same room. `attachmentIds` names up to 5 of the caller's own ready uploads of purpose `attachment` (422 on `attachmentIds` otherwise, with nothing sent); the room's members may then read them while the message is not deleted. 403 `muted` when the course's staff muted the caller, 422 `content_blocked` for a blocked word, 429 when the caller sends faster than the send budget (30 a minute).",
                "parameters": [
                  {
                    "name": "room",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 71
                    },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ChatSendRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The stored message, as the room's members receive it",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatMessageEnvelope"
                        }
                      }
                    }
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "413": {
                    "$ref": "#/components/responses/TooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/Unsupported"
                  },
                  "422": {
                    "$ref": "#/components/responses/Invalid"
                  }
                }
              }
            },
            "/rooms/{room}/messages/{message}": {
              "patch": {
                "summary": "Edit the caller's own message",
                "operationId": "editChatMessage",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "room",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 71
                    },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  },
                  {
                    "name": "message",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 64
                    },
                    "description": "The message's id; an id of no live message in this room is 404 `message_not_found`"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ChatEditRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The edited message",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatMessageEnvelope"
                        }
                      }
                    }
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "413": {
                    "$ref": "#/components/responses/TooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/Unsupported"
                  },
                  "422": {
                    "$ref": "#/components/responses/Invalid"
                  }
                }
              },
              "delete": {
                "summary": "Delete a message (its author, the course's staff in a course room, admins)",
                "operationId": "deleteChatMessage",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "room",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 71
                    },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  },
                  {
                    "name": "message",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 64
                    },
                    "description": "The message's id; an id of no live message in this room is 404 `message_not_found`"
                  }
                ],
                "description": "The message stays in the history as a tombstone without text or reactions. Deleting a deleted message succeeds and changes nothing.",
                "responses": {
                  "204": {
                    "description": "Deleted"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  }
                }
              }
            },
            "/rooms/{room}/messages/{message}/reactions/{emoji}": {
              "put": {
                "summary": "Add the caller's reaction to a message",
                "operationId": "addChatReaction",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "description": "Adding a reaction the caller already has changes nothing. A message takes at most 20 different reactions (409 `too_many_reactions`).",
                "parameters": [
                  {
                    "name": "room",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 71
                    },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  },
                  {
                    "name": "message",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 64
                    },
                    "description": "The message's id; an id of no live message in this room is 404 `message_not_found`"
                  },
                  {
                    "name": "emoji",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 16,
                      "pattern": "^[^\\s\\u0000-\\u001f\\u007f-\\u009f]+$"
                    },
                    "description": "The reaction, percent-encoded: 1 to 16 Unicode code points without spaces or control characters (an emoji or a short word)"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The message with its reactions",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatMessageEnvelope"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "422": {
                    "$ref": "#/components/responses/Invalid"
                  }
                }
              },
              "delete": {
                "summary": "Remove the caller's reaction from a message",
                "operationId": "removeChatReaction",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "room",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 71
                    },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  },
                  {
                    "name": "message",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 64
                    },
                    "description": "The message's id; an id of no live message in this room is 404 `message_not_found`"
                  },
                  {
                    "name": "emoji",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 16,
                      "pattern": "^[^\\s\\u0000-\\u001f\\u007f-\\u009f]+$"
                    },
                    "description": "The reaction, percent-encoded: 1 to 16 Unicode code points without spaces or control characters (an emoji or a short word)"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The message with its reactions",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatMessageEnvelope"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "422": {
                    "$ref": "#/components/responses/Invalid"
                  }
                }
              }
            },
            "/rooms/{room}/read": {
              "post": {
                "summary": "Move the caller's read mark (never backwards)",
                "operationId": "markChatRoomRead",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "description": "`seq` is the newest event the caller has seen, at most the room's `lastSeq` (422 otherwise). A mark behind the current one leaves it where it is.",
                "parameters": [
                  {
                    "name": "room",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 71
                    },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ChatReadRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The read mark and unread count after the change",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatReadMark"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "413": {
                    "$ref": "#/components/responses/TooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/Unsupported"
                  },
                  "422": {
                    "$ref": "#/components/responses/Invalid"
                  }
                }
              }
            },
            "/rooms/{room}/mutes/{user}": {
              "put": {
                "summary": "Mute a student in a course room (the course's staff and admins)",
                "operationId": "muteChatMember",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "description": "A muted student reads the room but gets 403 `muted` when sending. Only in course rooms; staff cannot be muted (422); a user who is not a student of the course is 404 `member_not_found`.",
                "parameters": [
                  {
                    "name": "room",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 71
                    },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  },
                  {
                    "name": "user",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 64
                    },
                    "description": "The student's user id"
                  }
                ],
                "responses": {
                  "204": {
                    "description": "Muted"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "422": {
                    "$ref": "#/components/responses/Invalid"
                  }
                }
              },
              "delete": {
                "summary": "Let a muted student send again",
                "operationId": "unmuteChatMember",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "room",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 71
                    },
                    "description": "`course-<courseId>`, `group-<groupId>` or `dm-<id>`; a room the caller is not in, or any other value, is 404 `room_not_found`"
                  },
                  {
                    "name": "user",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "maxLength": 64
                    },
                    "description": "The student's user id"
                  }
                ],
                "responses": {
                  "204": {
                    "description": "Not muted (any more)"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "422": {
                    "$ref": "#/components/responses/Invalid"
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "ChatRoomKind": {
                "type": "string",
                "enum": [
                  "course",
                  "group",
                  "direct"
                ]
              },
              "ChatMessagePreview": {
                "type": "object",
                "required": [
                  "id",
                  "seq",
                  "authorId",
                  "authorName",
                  "text",
                  "createdAt"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "seq": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "authorId": {
                    "type": "string"
                  },
                  "authorName": {
                    "type": "string"
                  },
                  "text": {
                    "type": "string",
                    "description": "The start of the Markdown source, at most 140 characters"
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "additionalProperties": false
              },
              "ChatRoomSummary": {
                "type": "object",
                "required": [
                  "id",
                  "kind",
                  "title",
                  "lastSeq",
                  "unread",
                  "lastMessage"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "kind": {
                    "$ref": "#/components/schemas/ChatRoomKind"
                  },
                  "title": {
                    "type": "string",
                    "description": "The course's title, the group's name, or the other members' names"
                  },
                  "lastSeq": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Position of the room's newest event; 0 before anything happened"
                  },
                  "unread": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Messages after the caller's read mark, by others, not deleted"
                  },
                  "lastMessage": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/ChatMessagePreview"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  }
                },
                "additionalProperties": false
              },
              "ChatRoomList": {
                "type": "object",
                "required": [
                  "items"
                ],
                "properties": {
                  "items": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ChatRoomSummary"
                    }
                  }
                },
                "additionalProperties": false
              },
              "ChatMember": {
                "type": "object",
                "required": [
                  "id",
                  "displayName",
                  "staff",
                  "muted"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  },
                  "staff": {
                    "type": "boolean",
                    "description": "The course's owner, co-instructors and assistants"
                  },
                  "muted": {
                    "type": "boolean"
                  }
                },
                "additionalProperties": false
              },
              "ChatRoomEnvelope": {
                "type": "object",
                "required": [
                  "room"
                ],
                "additionalProperties": false,
                "properties": {
                  "room": {
                    "type": "object",
                    "required": [
                      "id",
                      "kind",
                      "title",
                      "lastSeq",
                      "lastReadSeq",
                      "unread",
                      "muted",
                      "moderates",
                      "members"
                    ],
                    "properties": {
                      "id": {
                        "type": "string"
                      },
                      "kind": {
                        "$ref": "#/components/schemas/ChatRoomKind"
                      },
                      "title": {
                        "type": "string"
                      },
                      "lastSeq": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "lastReadSeq": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "unread": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "muted": {
                        "type": "boolean",
                        "description": "Whether the caller is muted here"
                      },
                      "moderates": {
                        "type": "boolean",
                        "description": "Whether the caller may delete others' messages (course staff, admins)"
                      },
                      "members": {
                        "type": "array",
                        "items": {
                          "$ref": "#/components/schemas/ChatMember"
                        }
                      }
                    },
                    "additionalProperties": false
                  }
                }
              },
              "ChatReaction": {
                "type": "object",
                "required": [
                  "emoji",
                  "count",
                  "userIds"
                ],
                "properties": {
                  "emoji": {
                    "type": "string"
                  },
                  "count": {
                    "type": "integer",
                    "minimum": 1
                  },
                  "userIds": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                },
                "additionalProperties": false
              },
              "ChatMessage": {
                "type": "object",
                "required": [
                  "id",
                  "roomId",
                  "seq",
                  "authorId",
                  "authorName",
                  "body",
                  "bodyHtml",
                  "replyTo",
                  "createdAt",
                  "editedAt",
                  "deletedAt",
                  "reactions",
                  "attachments"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "roomId": {
                    "type": "string"
                  },
                  "seq": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Position of the event that created it"
                  },
                  "authorId": {
                    "type": "string"
                  },
                  "authorName": {
                    "type": "string"
                  },
                  "body": {
                    "type": "string",
                    "description": "Markdown source; empty once deleted"
                  },
                  "bodyHtml": {
                    "type": "string",
                    "description": "Safe HTML rendered from `body`; empty once deleted"
                  },
                  "replyTo": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "editedAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "deletedAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "reactions": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ChatReaction"
                    }
                  },
                  "attachments": {
                    "type": "array",
                    "maxItems": 5,
                    "description": "Files on the message; empty once deleted",
                    "items": {
                      "$ref": "#/components/schemas/ChatAttachment"
                    }
                  }
                },
                "additionalProperties": false
              },
              "ChatAttachment": {
                "type": "object",
                "required": [
                  "id",
                  "filename",
                  "size",
                  "contentType",
                  "contentPath"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "description": "The upload's id"
                  },
                  "filename": {
                    "type": "string"
                  },
                  "size": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "contentType": {
                    "type": "string"
                  },
                  "contentPath": {
                    "type": "string",
                    "description": "GET it (bearer token) for a redirect to a short-lived signed link"
                  }
                },
                "additionalProperties": false
              },
              "ChatMessageEnvelope": {
                "type": "object",
                "required": [
                  "message"
                ],
                "properties": {
                  "message": {
                    "$ref": "#/components/schemas/ChatMessage"
                  }
                },
                "additionalProperties": false
              },
              "ChatMessagePage": {
                "type": "object",
                "required": [
                  "items",
                  "nextBefore"
                ],
                "properties": {
                  "items": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ChatMessage"
                    }
                  },
                  "nextBefore": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "description": "Pass as `before` for the next (older) page; null on the last page"
                  }
                },
                "additionalProperties": false
              },
              "ChatReadMark": {
                "type": "object",
                "required": [
                  "roomId",
                  "lastReadSeq",
                  "unread"
                ],
                "properties": {
                  "roomId": {
                    "type": "string"
                  },
                  "lastReadSeq": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "unread": {
                    "type": "integer",
                    "minimum": 0
                  }
                },
                "additionalProperties": false
              },
              "ChatDirectRequest": {
                "type": "object",
                "required": [
                  "memberIds"
                ],
                "properties": {
                  "memberIds": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 19,
                    "items": {
                      "type": "string",
                      "format": "uuid"
                    },
                    "description": "The other people's user ids"
                  }
                }
              },
              "ChatSendRequest": {
                "type": "object",
                "required": [
                  "body"
                ],
                "properties": {
                  "body": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 4000,
                    "description": "Markdown; at most 4,000 code points, not blank; stored trimmed"
                  },
                  "replyTo": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The id of a live message of the same room"
                  },
                  "attachmentIds": {
                    "type": [
                      "array",
                      "null"
                    ],
                    "maxItems": 5,
                    "items": {
                      "type": "string"
                    },
                    "description": "Up to 5 of the caller's own ready uploads of purpose `attachment`"
                  }
                }
              },
              "ChatEditRequest": {
                "type": "object",
                "required": [
                  "body"
                ],
                "properties": {
                  "body": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 4000,
                    "description": "The new Markdown; at most 4,000 code points, not blank; stored trimmed"
                  }
                }
              },
              "ChatReadRequest": {
                "type": "object",
                "required": [
                  "seq"
                ],
                "properties": {
                  "seq": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 9223372036854775807,
                    "description": "The newest event seen, at most the room's `lastSeq`"
                  }
                }
              }
            }
          }
        }
        """#
}
