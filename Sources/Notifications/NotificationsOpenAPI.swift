/// The OpenAPI 3.1 description of the Notifications API: the caller's notifications, unread count, marking
/// read and per-kind, per-channel preferences. Paths are relative to `/api/v1`; errors reference the base document's
/// shared responses.
enum NotificationsOpenAPI {
    /// `{"paths": {...}, "components": {"schemas": {...}}}` for the Notifications routes.
    static let fragment = #"""
        {
          "paths": {
            "/me/notifications": {
              "get": {
                "summary": "The caller's notifications, newest first",
                "operationId": "listNotifications",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "unread",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string", "enum": ["true", "false"]},
                    "description": "`true` lists only unread notifications"
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                    "description": "Page size"
                  },
                  {
                    "name": "cursor",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string", "maxLength": 256},
                    "description": "`nextCursor` of the previous page"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of notifications",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotificationPage"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"}
                }
              }
            },
            "/me/notifications/unread-count": {
              "get": {
                "summary": "How many of the caller's notifications are unread",
                "operationId": "notificationUnreadCount",
                "security": [{"bearer": []}],
                "responses": {
                  "200": {
                    "description": "The unread count",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotificationUnreadCount"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"}
                }
              }
            },
            "/me/notifications/read": {
              "post": {
                "summary": "Mark some of the caller's notifications read, or all of them",
                "operationId": "markNotificationsRead",
                "description": "Send `ids` (1 to 100 of the caller's notification ids) or `\"all\": true`. An id that is not one of the caller's notifications answers 404 and marks nothing. Marking a read notification again keeps its first read time.",
                "security": [{"bearer": []}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotificationReadRequest"}}}
                },
                "responses": {
                  "200": {
                    "description": "Marked; the unread count after the change",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotificationUnreadCount"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/me/notifications/preferences": {
              "get": {
                "summary": "The caller's channels for every kind of notification",
                "operationId": "notificationPreferences",
                "description": "Each kind has three channels: `inApp` (the bell and the list), `email` (an email when it happens) and `digest` (listed in the weekly digest of unread notifications). A kind never changed has its defaults: in the app for every kind but `welcome` (an email only, whatever `inApp` says); email for every kind but `report`; the digest for every kind but `welcome` and `certificate`. `nonEssentialEmailOff` stops every email but account and payment messages, whatever the kinds say.",
                "security": [{"bearer": []}],
                "responses": {
                  "200": {
                    "description": "One entry per kind, and the switch for all non-essential email",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotificationPreferences"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"}
                }
              },
              "put": {
                "summary": "Change the caller's channels for the kinds named, or the switch for all non-essential email",
                "operationId": "saveNotificationPreferences",
                "description": "Kinds not named keep their channels, and channels not named keep their state; a kind named twice takes the last. Notifications of a kind whose `inApp` is off are not created for the caller, emails of a kind whose `email` is off are not sent, and the digest lists only kinds whose `digest` is on. Send `preferences`, `nonEssentialEmailOff` or both; each entry names at least one channel (else 422).",
                "security": [{"bearer": []}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotificationPreferencesChange"}}}
                },
                "responses": {
                  "200": {
                    "description": "Every kind's choice after the change",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotificationPreferences"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            }
          },
          "components": {
            "schemas": {
              "NotificationKind": {
                "type": "string",
                "enum": ["announcement", "reply", "mention", "answered", "group", "report", "enrollment", "grade", "certificate", "welcome"]
              },
              "Notification": {
                "type": "object",
                "required": ["id", "kind", "title", "body", "link", "actorId", "createdAt", "readAt", "read"],
                "properties": {
                  "id": {"type": "string"},
                  "kind": {"$ref": "#/components/schemas/NotificationKind"},
                  "title": {"type": "string", "description": "One line saying what happened"},
                  "body": {"type": "string", "description": "A short plain-text excerpt; may be empty"},
                  "link": {"type": "string", "description": "The site path the notification opens"},
                  "actorId": {"type": ["string", "null"], "description": "The user whose action caused it"},
                  "createdAt": {"type": "string", "format": "date-time"},
                  "readAt": {"type": ["string", "null"], "format": "date-time"},
                  "read": {"type": "boolean"}
                },
                "additionalProperties": false
              },
              "NotificationPage": {
                "type": "object",
                "required": ["items", "nextCursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Notification"}},
                  "nextCursor": {"type": ["string", "null"], "description": "Pass as `cursor` for the next page; null on the last page"}
                },
                "additionalProperties": false
              },
              "NotificationUnreadCount": {
                "type": "object",
                "required": ["unreadCount"],
                "properties": {"unreadCount": {"type": "integer", "minimum": 0}},
                "additionalProperties": false
              },
              "NotificationReadRequest": {
                "description": "Either `ids` (with `all` absent or false) or `\"all\": true`",
                "oneOf": [
                  {
                    "type": "object",
                    "required": ["ids"],
                    "properties": {
                      "ids": {"type": "array", "minItems": 1, "maxItems": 100, "items": {"type": "string", "minLength": 1, "maxLength": 64}},
                      "all": {"const": false}
                    }
                  },
                  {
                    "type": "object",
                    "required": ["all"],
                    "properties": {
                      "all": {"const": true, "description": "Marks every notification of the caller read"}
                    },
                    "not": {"required": ["ids"]}
                  }
                ]
              },
              "NotificationPreference": {
                "type": "object",
                "required": ["kind", "inApp", "email", "digest"],
                "properties": {
                  "kind": {"$ref": "#/components/schemas/NotificationKind"},
                  "inApp": {"type": "boolean", "description": "Whether notifications of this kind are created in the app"},
                  "email": {"type": "boolean", "description": "Whether notifications of this kind are emailed when they happen"},
                  "digest": {"type": "boolean", "description": "Whether unread notifications of this kind are listed in the weekly digest"}
                },
                "additionalProperties": false
              },
              "NotificationPreferences": {
                "type": "object",
                "required": ["preferences", "nonEssentialEmailOff"],
                "properties": {
                  "preferences": {"type": "array", "items": {"$ref": "#/components/schemas/NotificationPreference"}},
                  "nonEssentialEmailOff": {"type": "boolean", "description": "Whether every email but account and payment messages is switched off"}
                },
                "additionalProperties": false
              },
              "NotificationPreferenceChange": {
                "type": "object",
                "required": ["kind"],
                "minProperties": 2,
                "properties": {
                  "kind": {"$ref": "#/components/schemas/NotificationKind"},
                  "inApp": {"type": "boolean"},
                  "email": {"type": "boolean"},
                  "digest": {"type": "boolean"}
                },
                "additionalProperties": false
              },
              "NotificationPreferencesChange": {
                "type": "object",
                "minProperties": 1,
                "properties": {
                  "preferences": {"type": "array", "maxItems": 50, "items": {"$ref": "#/components/schemas/NotificationPreferenceChange"}},
                  "nonEssentialEmailOff": {"type": "boolean", "description": "Switch every email but account and payment messages off (true) or back on (false)"}
                },
                "additionalProperties": false
              }
            }
          }
        }
        """#
}
