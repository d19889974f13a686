/// The OpenAPI 3.1 description of presence's REST route: a room's members with their status. Paths are relative
/// to `/api/v1`; errors reference the base document's shared responses.
enum PresenceOpenAPI {
    /// `{"paths": {...}, "components": {"schemas": {...}}}` for the member list.
    static let fragment = #"""
        {
          "paths": {
            "/rooms/{room}/members": {
              "get": {
                "summary": "A room's members with their presence: online first, then away, then offline, each by name",
                "description": "The same list the socket's `presence.list` command answers (its first page). A status is `online` with at least one connection not set away, `away` when every connection is (`presence.set`), `offline` with no live connection on any replica. Changes arrive on the room's topic as `presence.changed` events. Pages follow `nextCursor`; a member whose status changes between pages may be listed twice or not at all, so refresh from the first page after a `presence.changed`.",
                "operationId": "listRoomMembers",
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
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 100,
                      "default": 50
                    },
                    "description": "Page size; anything else is 400 `invalid_limit`"
                  },
                  {
                    "name": "after",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "maxLength": 1024
                    },
                    "description": "`nextCursor` of the previous page; anything else is 400 `invalid_cursor`"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of members",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/RoomMemberPage"
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
              }
            }
          },
          "components": {
            "schemas": {
              "PresenceStatus": {
                "type": "string",
                "enum": [
                  "online",
                  "away",
                  "offline"
                ]
              },
              "RoomMemberPresence": {
                "type": "object",
                "required": [
                  "userId",
                  "displayName",
                  "status",
                  "lastSeenAt",
                  "lastReadSeq"
                ],
                "properties": {
                  "userId": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  },
                  "role": {
                    "type": "string",
                    "enum": [
                      "staff",
                      "student"
                    ],
                    "description": "In course rooms only: the course's owner, co-instructors and assistants are `staff`"
                  },
                  "status": {
                    "$ref": "#/components/schemas/PresenceStatus"
                  },
                  "lastSeenAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "Now for members online or away; when an offline member was last connected; null if never"
                  },
                  "lastReadSeq": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "The seq of the last message the member has read here (their read receipt); 0 when they have read nothing"
                  }
                },
                "additionalProperties": false
              },
              "RoomMemberPage": {
                "type": "object",
                "required": [
                  "members",
                  "nextCursor"
                ],
                "properties": {
                  "members": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/RoomMemberPresence"
                    }
                  },
                  "nextCursor": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Pass as `after` for the next page; null on the last page"
                  }
                },
                "additionalProperties": false
              }
            }
          }
        }
        """#
}
