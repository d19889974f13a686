/// The OpenAPI fragment of the course announcement routes.
///
/// Merged by the application into the document served at `/api/v1/openapi.json`; paths are relative to `/api/v1` and
/// reference the shared error responses with `#/components/responses/...`.
enum AnnouncementsOpenAPI {
    /// `{"paths": {...}, "components": {"schemas": {...}}}` for the announcement routes.
    static let fragment = #"""
        {
          "paths": {
            "/courses/{course}/announcements": {
              "get": {
                "summary": "A course's announcements, pinned first, then newest first: all for staff, the published ones for enrolled students",
                "operationId": "listCourseAnnouncements",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The announcements",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/Announcement"
                              }
                            }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  }
                },
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    },
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 100
                    },
                    "description": "How many (default 20)"
                  }
                ]
              },
              "post": {
                "summary": "Post an announcement (course staff); students are notified now, or at `publishAt`",
                "operationId": "createAnnouncement",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "201": {
                    "description": "The announcement",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "announcement"
                          ],
                          "properties": {
                            "announcement": {
                              "$ref": "#/components/schemas/Announcement"
                            }
                          }
                        }
                      }
                    }
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
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "413": {
                    "$ref": "#/components/responses/TooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/Unsupported"
                  }
                },
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200
                    },
                    "description": "The course's id or slug"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/AnnouncementInput"
                      }
                    }
                  }
                }
              }
            },
            "/announcements/{announcement}": {
              "get": {
                "summary": "One announcement (course staff; enrolled students once it is published)",
                "operationId": "getAnnouncement",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The announcement",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "announcement"
                          ],
                          "properties": {
                            "announcement": {
                              "$ref": "#/components/schemas/Announcement"
                            }
                          }
                        }
                      }
                    }
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
                },
                "parameters": [
                  {
                    "name": "announcement",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The announcement's id"
                  }
                ]
              },
              "patch": {
                "summary": "Change an announcement (course staff); absent fields stay",
                "operationId": "updateAnnouncement",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The announcement",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "announcement"
                          ],
                          "properties": {
                            "announcement": {
                              "$ref": "#/components/schemas/Announcement"
                            }
                          }
                        }
                      }
                    }
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
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "413": {
                    "$ref": "#/components/responses/TooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/Unsupported"
                  }
                },
                "parameters": [
                  {
                    "name": "announcement",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The announcement's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/AnnouncementChanges"
                      }
                    }
                  }
                }
              },
              "delete": {
                "summary": "Delete an announcement (course staff)",
                "operationId": "deleteAnnouncement",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "204": {
                    "description": "Done"
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
                },
                "parameters": [
                  {
                    "name": "announcement",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The announcement's id"
                  }
                ]
              }
            }
          },
          "components": {
            "schemas": {
              "Announcement": {
                "type": "object",
                "required": [
                  "id",
                  "courseId",
                  "authorId",
                  "authorName",
                  "title",
                  "body",
                  "bodyHtml",
                  "pinned",
                  "scheduled",
                  "publishAt",
                  "createdAt",
                  "updatedAt"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "courseId": {
                    "type": "string"
                  },
                  "authorId": {
                    "type": "string"
                  },
                  "authorName": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "body": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The Markdown source, for the course's staff only"
                  },
                  "bodyHtml": {
                    "type": "string",
                    "description": "Safe HTML"
                  },
                  "pinned": {
                    "type": "boolean"
                  },
                  "scheduled": {
                    "type": "boolean",
                    "description": "Not yet visible to students"
                  },
                  "publishAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updatedAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "AnnouncementInput": {
                "type": "object",
                "required": [
                  "title",
                  "body"
                ],
                "properties": {
                  "title": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200,
                    "description": "Trimmed; must not be blank"
                  },
                  "body": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 20000,
                    "description": "Markdown; trimmed, must not be blank"
                  },
                  "pinned": {
                    "type": [
                      "boolean",
                      "null"
                    ]
                  },
                  "publishAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "When students see it and are notified; a past time means now; at most a year ahead"
                  }
                }
              },
              "AnnouncementChanges": {
                "type": "object",
                "properties": {
                  "title": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "body": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "minLength": 1,
                    "maxLength": 20000
                  },
                  "pinned": {
                    "type": [
                      "boolean",
                      "null"
                    ]
                  },
                  "publishAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "Ignored once the announcement is published"
                  }
                }
              }
            }
          }
        }
        """#
}
