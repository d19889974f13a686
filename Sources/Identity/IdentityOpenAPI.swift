/// The OpenAPI 3.1 description of Identity's API: accounts, sign-in, tokens, the caller's profile and the admin user list.
///
/// The application merges this fragment into the base document it serves at `/api/v1/openapi.json`
/// (paths and component schemas; the base holds `Error`, the shared error responses and the bearer scheme,
/// which these paths reference with `#/components/...`). Paths are relative to `/api/v1`.
public enum IdentityOpenAPI {
    /// `{"paths": {...}, "components": {"schemas": {...}}}` for the Identity routes.
    public static let fragment = #"""
        {
          "paths": {
            "/auth/register": {
              "post": {
                "summary": "Create a student account and sign in; mails an email verification link",
                "operationId": "register",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "email": {
                            "type": "string",
                            "format": "email",
                            "maxLength": 254,
                            "description": "Any case; stored trimmed, NFC and lowercase"
                          },
                          "password": {"type": "string", "minLength": 10, "maxLength": 128, "description": "10 to 128 characters"},
                          "displayName": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 100,
                            "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
                          }
                        },
                        "required": ["email", "password", "displayName"]
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Signed in",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignedIn"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/auth/login": {
              "post": {
                "summary": "Sign in with email and password",
                "operationId": "login",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {"email": {"type": "string"}, "password": {"type": "string"}},
                        "required": ["email", "password"]
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Signed in",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignedIn"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {
                    "description": "`invalid_credentials`: unknown email or wrong password (same answer, same time)",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "403": {
                    "description": "`account_disabled`: the password is right but the account is deactivated",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/auth/refresh": {
              "post": {
                "summary": "Exchange a refresh token for a new pair; reusing a rotated token revokes the session",
                "operationId": "refresh",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {"refreshToken": {"type": "string"}},
                        "required": ["refreshToken"]
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "A new pair",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignedIn"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {
                    "description": "`invalid_refresh_token` or `refresh_token_reused`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/auth/logout": {
              "post": {
                "summary": "End the session of the bearer token, or of `refreshToken` in the body (idempotent)",
                "operationId": "logout",
                "description": "With a valid bearer token the body is not read. Without one, the body must name `refreshToken` (422 otherwise).",
                "security": [{}, {"bearer": []}],
                "requestBody": {
                  "required": false,
                  "content": {
                    "application/json": {
                      "schema": {"type": "object", "properties": {"refreshToken": {"type": ["string", "null"]}}, "required": []}
                    }
                  }
                },
                "responses": {
                  "204": {"description": "Signed out (also for an unknown refresh token)"},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/auth/verify-email": {
              "post": {
                "summary": "Confirm an email address with the token from the verification email",
                "operationId": "verifyEmail",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {"schema": {"type": "object", "properties": {"token": {"type": "string"}}, "required": ["token"]}}
                  }
                },
                "responses": {
                  "200": {
                    "description": "Verified",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserEnvelope"}}}
                  },
                  "400": {
                    "description": "`invalid_token`: unknown, used or expired; or `malformed_body`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/auth/password-reset": {
              "post": {
                "summary": "Email a reset link if an active account uses this address (always 202, so addresses cannot be probed)",
                "operationId": "requestPasswordReset",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {"schema": {"type": "object", "properties": {"email": {"type": "string"}}, "required": ["email"]}}
                  }
                },
                "responses": {
                  "202": {
                    "description": "Accepted",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/auth/password-reset/confirm": {
              "post": {
                "summary": "Set a new password with a reset token; verifies the email and signs out every session",
                "operationId": "confirmPasswordReset",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "token": {"type": "string"},
                          "password": {"type": "string", "minLength": 10, "maxLength": 128, "description": "10 to 128 characters"}
                        },
                        "required": ["token", "password"]
                      }
                    }
                  }
                },
                "responses": {
                  "204": {"description": "Password changed"},
                  "400": {
                    "description": "`invalid_token`: unknown, used or expired; or `malformed_body`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/me": {
              "get": {
                "summary": "The caller's account",
                "operationId": "getMe",
                "security": [{"bearer": []}],
                "responses": {
                  "200": {
                    "description": "The account",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserEnvelope"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"}
                }
              },
              "patch": {
                "summary": "Change display name and bio; an absent or null field stays, an empty bio clears it",
                "operationId": "updateMe",
                "security": [{"bearer": []}],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "displayName": {
                            "type": ["string", "null"],
                            "minLength": 1,
                            "maxLength": 100,
                            "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
                          },
                          "bio": {
                            "type": ["string", "null"],
                            "maxLength": 2000,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          }
                        },
                        "required": []
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Updated",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserEnvelope"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/me/password": {
              "put": {
                "summary": "Change the password; signs out every other session",
                "operationId": "changePassword",
                "description": "A wrong `currentPassword` answers 422 with `fields.currentPassword`, so a stolen access token alone cannot take the account over. A `newPassword` equal to the current password answers 422 with `fields.newPassword`.",
                "security": [{"bearer": []}],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "currentPassword": {"type": "string"},
                          "newPassword": {"type": "string", "minLength": 10, "maxLength": 128, "description": "10 to 128 characters"}
                        },
                        "required": ["currentPassword", "newPassword"]
                      }
                    }
                  }
                },
                "responses": {
                  "204": {"description": "Changed"},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/me/avatar": {
              "put": {
                "summary": "Set or replace the caller's profile picture",
                "operationId": "setMyAvatar",
                "description": "`uploadId` must be one of the caller's own ready uploads with the purpose `avatar` (upload it first with `POST /uploads`); any other id answers 422 with `fields.uploadId`. The former picture stops being readable by others.",
                "security": [{"bearer": []}],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {"uploadId": {"type": "string", "description": "A ready upload of purpose avatar, the caller's own"}},
                        "required": ["uploadId"]
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The picture is set",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Avatar"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              },
              "delete": {
                "summary": "Remove the caller's profile picture (idempotent)",
                "operationId": "removeMyAvatar",
                "description": "The upload itself stays; only its use as the picture ends.",
                "security": [{"bearer": []}],
                "responses": {
                  "204": {"description": "Removed, or there was none"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"}
                }
              }
            },
            "/me/verification-email": {
              "post": {
                "summary": "Mail a new verification link (older links stop working)",
                "operationId": "resendVerificationEmail",
                "security": [{"bearer": []}],
                "responses": {
                  "202": {
                    "description": "Sent",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "409": {
                    "description": "`already_verified`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/admin/users": {
              "get": {
                "summary": "List and search users, newest first (admins)",
                "operationId": "listUsers",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "q",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string", "maxLength": 200},
                    "description": "Case-insensitive substring of email or name (trimmed)"
                  },
                  {
                    "name": "role",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string", "enum": ["student", "instructor", "admin", ""]},
                    "description": "Only users with this role; empty means any"
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
                    "description": "A page",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserPage"}}}
                  },
                  "400": {
                    "description": "`invalid_role`, `invalid_limit`, `invalid_cursor` or `invalid_query`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/admin/users/{id}": {
              "patch": {
                "summary": "Change a user's role or active flag (admins); deactivation signs them out everywhere",
                "operationId": "updateUser",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The user's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "role": {"type": ["string", "null"], "enum": ["student", "instructor", "admin", null]},
                          "active": {"type": ["boolean", "null"]}
                        },
                        "required": []
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Updated",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserEnvelope"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {
                    "description": "`cannot_change_own_account`: admins cannot demote or deactivate themselves",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Role": {"type": "string", "enum": ["student", "instructor", "admin"]},
              "Avatar": {
                "type": "object",
                "properties": {
                  "uploadId": {"type": "string", "description": "The upload shown as the picture"},
                  "url": {"type": "string", "description": "The page path that shows it to signed-in browsers (a redirect to a short-lived link)"}
                },
                "required": ["uploadId", "url"],
                "additionalProperties": false
              },
              "User": {
                "type": "object",
                "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "email": {"type": "string"},
                  "displayName": {"type": "string", "minLength": 1, "maxLength": 100},
                  "role": {"$ref": "#/components/schemas/Role"},
                  "emailVerified": {"type": "boolean"},
                  "active": {"type": "boolean"},
                  "bio": {"type": ["string", "null"], "maxLength": 2000},
                  "createdAt": {"type": "string", "format": "date-time"}
                },
                "required": ["id", "email", "displayName", "role", "emailVerified", "active", "bio", "createdAt"],
                "additionalProperties": false,
                "description": "An account as the API shows it: never a password hash or a token."
              },
              "UserEnvelope": {
                "type": "object",
                "properties": {"user": {"$ref": "#/components/schemas/User"}},
                "required": ["user"],
                "additionalProperties": false
              },
              "SignedIn": {
                "type": "object",
                "properties": {
                  "user": {"$ref": "#/components/schemas/User"},
                  "accessToken": {
                    "type": "string",
                    "minLength": 1,
                    "description": "HS256 JWT for `Authorization: Bearer`, valid 15 minutes"
                  },
                  "accessTokenExpiresAt": {"type": "string", "format": "date-time"},
                  "refreshToken": {"type": "string", "minLength": 1, "description": "Single use; valid 30 days"},
                  "tokenType": {"type": "string", "const": "Bearer"}
                },
                "required": ["user", "accessToken", "accessTokenExpiresAt", "refreshToken", "tokenType"],
                "additionalProperties": false
              },
              "UserPage": {
                "type": "object",
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/User"}},
                  "nextCursor": {
                    "type": ["string", "null"],
                    "description": "Pass as `cursor` for the next page; null on the last page"
                  }
                },
                "required": ["items", "nextCursor"],
                "additionalProperties": false
              },
              "Message": {
                "type": "object",
                "properties": {"message": {"type": "string"}},
                "required": ["message"],
                "additionalProperties": false
              }
            }
          }
        }
        """#
}
