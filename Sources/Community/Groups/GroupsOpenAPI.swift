/// The OpenAPI fragment of the study group routes: directory, groups, members, requests and invitations.
///
/// Merged by the application into the document served at `/api/v1/openapi.json`; paths are relative to `/api/v1` and
/// reference the shared error responses with `#/components/responses/...`.
enum GroupsOpenAPI {
    /// `{"paths": {...}, "components": {"schemas": {...}}}` for the study group routes.
    static let fragment = #"""
        {
          "paths": {
            "/groups": {
              "get": {
                "summary": "Study group directory: open and request groups, and invite groups the caller belongs to or is invited to (all for admins), newest first; filtered by name and course",
                "operationId": "listStudyGroups",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "One page of groups",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items",
                            "nextCursor"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/StudyGroup"
                              }
                            },
                            "nextCursor": {
                              "type": [
                                "string",
                                "null"
                              ],
                              "description": "Pass as `cursor` for the next page; null on the last page"
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
                  }
                },
                "parameters": [
                  {
                    "name": "q",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "maxLength": 200
                    },
                    "description": "Part of the name, ignoring case"
                  },
                  {
                    "name": "course",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "maxLength": 100
                    },
                    "description": "Only groups linked to this course id; an unknown id gives an empty list, a longer value or control characters 400 `invalid_query`"
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
                    "description": "Page size (default 20)"
                  },
                  {
                    "name": "cursor",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "maxLength": 256
                    },
                    "description": "`nextCursor` of the previous page"
                  }
                ]
              },
              "post": {
                "summary": "Create a study group; the caller becomes its owner",
                "operationId": "createStudyGroup",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "201": {
                    "description": "The new group",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "group"
                          ],
                          "properties": {
                            "group": {
                              "$ref": "#/components/schemas/StudyGroup"
                            }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
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
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/StudyGroupDraft"
                      }
                    }
                  }
                }
              }
            },
            "/groups/{group}": {
              "get": {
                "summary": "A study group with the caller's role, pending request or invitation, and permissions",
                "operationId": "getStudyGroup",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The group",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/StudyGroupDetail"
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
                },
                "parameters": [
                  {
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ]
              },
              "patch": {
                "summary": "Change a group (owner or admin); absent fields stay",
                "operationId": "updateStudyGroup",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The changed group",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "group"
                          ],
                          "properties": {
                            "group": {
                              "$ref": "#/components/schemas/StudyGroup"
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
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/StudyGroupChanges"
                      }
                    }
                  }
                }
              },
              "delete": {
                "summary": "Delete a group with its members and pending requests (owner or admin)",
                "operationId": "deleteStudyGroup",
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
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ]
              }
            },
            "/groups/{group}/members": {
              "get": {
                "summary": "The group's members, owner first, then moderators",
                "operationId": "listStudyGroupMembers",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The members",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items",
                            "nextCursor"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/StudyGroupMember"
                              }
                            },
                            "nextCursor": {
                              "type": "null"
                            }
                          }
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
                },
                "parameters": [
                  {
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ]
              },
              "post": {
                "summary": "Join an open group (201; 200 when already a member). 403 `join_by_request`, `invite_only` or `course_members_only`; 409 `group_full`",
                "operationId": "joinStudyGroup",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "201": {
                    "description": "Joined",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/StudyGroupDetail"
                        }
                      }
                    }
                  },
                  "200": {
                    "description": "Already a member",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/StudyGroupDetail"
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
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  }
                },
                "parameters": [
                  {
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ]
              }
            },
            "/groups/{group}/members/{user}": {
              "patch": {
                "summary": "Make a member a moderator or a plain member (owner or admin); 409 `owner_role_fixed` for the owner",
                "operationId": "setStudyGroupMemberRole",
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
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
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
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  },
                  {
                    "name": "user",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The member's user id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/StudyGroupRoleChange"
                      }
                    }
                  }
                }
              },
              "delete": {
                "summary": "Leave the group (the caller's own id) or remove a member (moderators remove members, the owner and admins anyone but the owner). 409 `owner_must_transfer`; the last member leaving deletes the group",
                "operationId": "removeStudyGroupMember",
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
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  }
                },
                "parameters": [
                  {
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  },
                  {
                    "name": "user",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The member's user id"
                  }
                ]
              }
            },
            "/groups/{group}/owner": {
              "put": {
                "summary": "Hand the group to another member (owner or admin); the previous owner becomes a moderator",
                "operationId": "transferStudyGroup",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The group",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/StudyGroupDetail"
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
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/StudyGroupUserRef"
                      }
                    }
                  }
                }
              }
            },
            "/groups/{group}/requests": {
              "delete": {
                "summary": "Withdraw the caller's own pending request to join (no body: it names the caller's request), before it is decided; the moderators no longer see it and the caller may ask again. 404 `not_found` when the caller has no pending request",
                "operationId": "withdrawStudyGroupRequest",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "204": {
                    "description": "Withdrawn"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthenticated"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  }
                },
                "parameters": [
                  {
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ]
              },
              "get": {
                "summary": "Pending requests to join (moderators, owner, admins)",
                "operationId": "listStudyGroupRequests",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The requests",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items",
                            "nextCursor"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/StudyGroupRequest"
                              }
                            },
                            "nextCursor": {
                              "type": "null"
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
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ]
              },
              "post": {
                "summary": "Ask to join a request group (201; 200 when already asked). 409 `already_member`, `invited`, `group_open`; 403 `invite_only`, `course_members_only`",
                "operationId": "requestStudyGroup",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "201": {
                    "description": "Requested",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "request"
                          ],
                          "properties": {
                            "request": {
                              "$ref": "#/components/schemas/StudyGroupRequest"
                            }
                          }
                        }
                      }
                    }
                  },
                  "200": {
                    "description": "Already requested",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "request"
                          ],
                          "properties": {
                            "request": {
                              "$ref": "#/components/schemas/StudyGroupRequest"
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
                  "409": {
                    "$ref": "#/components/responses/Conflict"
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
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/StudyGroupJoinRequest"
                      }
                    }
                  }
                }
              }
            },
            "/groups/{group}/requests/{request}": {
              "post": {
                "summary": "Approve (the requester joins and is notified) or reject a request (moderators, owner, admins); 409 `group_full`",
                "operationId": "decideStudyGroupRequest",
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
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
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
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  },
                  {
                    "name": "request",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The request's or invitation's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/StudyGroupRequestDecision"
                      }
                    }
                  }
                }
              }
            },
            "/groups/{group}/invites": {
              "get": {
                "summary": "Pending invitations (moderators, owner, admins)",
                "operationId": "listStudyGroupInvites",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The invitations",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items",
                            "nextCursor"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/StudyGroupRequest"
                              }
                            },
                            "nextCursor": {
                              "type": "null"
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
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ]
              },
              "post": {
                "summary": "Invite an active user by id (moderators, owner, admins); the user is notified (201; 200 when already invited). 409 `already_member`, `request_pending`",
                "operationId": "inviteToStudyGroup",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "201": {
                    "description": "Invited",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "invite"
                          ],
                          "properties": {
                            "invite": {
                              "$ref": "#/components/schemas/StudyGroupRequest"
                            }
                          }
                        }
                      }
                    }
                  },
                  "200": {
                    "description": "Already invited",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "invite"
                          ],
                          "properties": {
                            "invite": {
                              "$ref": "#/components/schemas/StudyGroupRequest"
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
                  "409": {
                    "$ref": "#/components/responses/Conflict"
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
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/StudyGroupUserRef"
                      }
                    }
                  }
                }
              }
            },
            "/groups/{group}/invites/{request}": {
              "post": {
                "summary": "The invitee accepts (joins) or declines; moderators may decline to withdraw it. 409 `group_full`",
                "operationId": "answerStudyGroupInvite",
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
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
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
                    "name": "group",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The group's id"
                  },
                  {
                    "name": "request",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "The request's or invitation's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/StudyGroupInviteAnswer"
                      }
                    }
                  }
                }
              }
            },
            "/me/invites": {
              "get": {
                "summary": "The caller's pending study group invitations",
                "operationId": "listMyStudyGroupInvites",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The invitations",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "items",
                            "nextCursor"
                          ],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/StudyGroupInvitation"
                              }
                            },
                            "nextCursor": {
                              "type": "null"
                            }
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
            }
          },
          "components": {
            "schemas": {
              "StudyGroup": {
                "type": "object",
                "required": [
                  "id",
                  "name",
                  "description",
                  "courseId",
                  "visibility",
                  "memberLimit",
                  "memberCount",
                  "ownerId",
                  "createdAt"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100
                  },
                  "description": {
                    "type": "string",
                    "maxLength": 2000
                  },
                  "courseId": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "visibility": {
                    "type": "string",
                    "enum": [
                      "open",
                      "request",
                      "invite"
                    ]
                  },
                  "memberLimit": {
                    "type": "integer",
                    "minimum": 2,
                    "maximum": 500
                  },
                  "memberCount": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "ownerId": {
                    "type": "string"
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "StudyGroupDetail": {
                "type": "object",
                "required": [
                  "group",
                  "courseTitle",
                  "myRole",
                  "myPending",
                  "canManage",
                  "canModerate"
                ],
                "properties": {
                  "group": {
                    "$ref": "#/components/schemas/StudyGroup"
                  },
                  "courseTitle": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "myRole": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "owner",
                      "moderator",
                      "member",
                      null
                    ]
                  },
                  "myPending": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/StudyGroupRequest"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "canManage": {
                    "type": "boolean"
                  },
                  "canModerate": {
                    "type": "boolean"
                  }
                }
              },
              "StudyGroupMember": {
                "type": "object",
                "required": [
                  "userId",
                  "displayName",
                  "role",
                  "joinedAt"
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
                      "owner",
                      "moderator",
                      "member"
                    ]
                  },
                  "joinedAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "StudyGroupRequest": {
                "type": "object",
                "required": [
                  "id",
                  "groupId",
                  "userId",
                  "displayName",
                  "kind",
                  "invitedBy",
                  "message",
                  "createdAt"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "groupId": {
                    "type": "string"
                  },
                  "userId": {
                    "type": "string"
                  },
                  "displayName": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "request",
                      "invite"
                    ]
                  },
                  "invitedBy": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "message": {
                    "type": "string",
                    "maxLength": 500
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "StudyGroupInvitation": {
                "type": "object",
                "required": [
                  "invite",
                  "group"
                ],
                "properties": {
                  "invite": {
                    "$ref": "#/components/schemas/StudyGroupRequest"
                  },
                  "group": {
                    "$ref": "#/components/schemas/StudyGroup"
                  }
                }
              },
              "StudyGroupDraft": {
                "type": "object",
                "required": [
                  "name"
                ],
                "properties": {
                  "name": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Trimmed; must not be blank"
                  },
                  "description": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 2000
                  },
                  "courseId": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 200,
                    "description": "Id or slug of a course the caller takes or teaches"
                  },
                  "visibility": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "open",
                      "request",
                      "invite",
                      null
                    ],
                    "description": "Default open"
                  },
                  "memberLimit": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 2,
                    "maximum": 500,
                    "description": "Default 50"
                  }
                }
              },
              "StudyGroupChanges": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "minLength": 1,
                    "maxLength": 100
                  },
                  "description": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 2000
                  },
                  "visibility": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "open",
                      "request",
                      "invite",
                      null
                    ]
                  },
                  "memberLimit": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 2,
                    "maximum": 500,
                    "description": "Not below the member count"
                  }
                }
              },
              "StudyGroupRoleChange": {
                "type": "object",
                "required": [
                  "role"
                ],
                "properties": {
                  "role": {
                    "type": "string",
                    "enum": [
                      "moderator",
                      "member"
                    ]
                  }
                }
              },
              "StudyGroupUserRef": {
                "type": "object",
                "required": [
                  "userId"
                ],
                "properties": {
                  "userId": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100
                  }
                }
              },
              "StudyGroupJoinRequest": {
                "type": "object",
                "properties": {
                  "message": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 500
                  }
                }
              },
              "StudyGroupRequestDecision": {
                "type": "object",
                "required": [
                  "decision"
                ],
                "properties": {
                  "decision": {
                    "type": "string",
                    "enum": [
                      "approve",
                      "reject"
                    ]
                  }
                }
              },
              "StudyGroupInviteAnswer": {
                "type": "object",
                "required": [
                  "decision"
                ],
                "properties": {
                  "decision": {
                    "type": "string",
                    "enum": [
                      "accept",
                      "decline"
                    ]
                  }
                }
              }
            }
          }
        }
        """#
}
