/// The OpenAPI 3.1 description of Courses' API: catalog, course editing and structure, enrollment, progress, quizzes, attempts, gradebooks and certificates.
///
/// The application merges this fragment into the base document it serves at `/api/v1/openapi.json`
/// (paths and component schemas; the base holds `Error`, the shared error responses and the bearer scheme,
/// which these paths reference with `#/components/...`). Paths are relative to `/api/v1`.
public enum CoursesOpenAPI {
    /// `{"paths": {...}, "components": {"schemas": {...}}}` for the Courses routes.
    public static let fragment = #"""
        {
          "paths": {
            "/courses": {
              "get": {
                "summary": "Catalog: published courses, with search, filters and sorting",
                "operationId": "listCourses",
                "security": [{}, {"bearer": []}],
                "parameters": [
                  {
                    "name": "q",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string", "maxLength": 200},
                    "description": "Full-text search over title, summary, description, tags and lesson titles"
                  },
                  {
                    "name": "category",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string"},
                    "description": "Exact category"
                  },
                  {
                    "name": "level",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string", "enum": ["beginner", "intermediate", "advanced", ""]},
                    "description": "Empty means any"
                  },
                  {
                    "name": "language",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string"},
                    "description": "Language tag"
                  },
                  {
                    "name": "price",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string", "enum": ["free", "paid", ""]},
                    "description": "Empty means any"
                  },
                  {
                    "name": "sort",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string", "enum": ["relevance", "newest", "popular", ""]},
                    "description": "Default: relevance with `q`, else newest"
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
                    "description": "A page of courses",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CoursePage"}}}
                  },
                  "304": {"description": "Not modified (the `If-None-Match` ETag still holds)"},
                  "400": {
                    "description": "`invalid_limit`, `invalid_cursor`, `invalid_query`, `invalid_level`, `invalid_price` or `invalid_sort`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"}
                }
              },
              "post": {
                "summary": "Create a draft course (instructors and admins)",
                "operationId": "createCourse",
                "security": [{"bearer": []}],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "title": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 200,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          },
                          "slug": {
                            "type": ["string", "null"],
                            "minLength": 3,
                            "maxLength": 80,
                            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                            "description": "Lowercase letters, digits and single hyphens; not a UUID. Made from the title when absent."
                          },
                          "summary": {
                            "type": ["string", "null"],
                            "maxLength": 500,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          },
                          "description": {
                            "type": ["string", "null"],
                            "maxLength": 100000,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$",
                            "description": "Markdown, rendered to safe HTML"
                          },
                          "category": {
                            "type": ["string", "null"],
                            "minLength": 1,
                            "maxLength": 60,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          },
                          "tags": {
                            "type": ["array", "null"],
                            "maxItems": 20,
                            "items": {"type": "string", "maxLength": 40, "pattern": "^[^,]*$"},
                            "description": "At most 20 tags of at most 40 characters, without commas; blank ones are dropped"
                          },
                          "level": {"type": ["string", "null"], "enum": ["beginner", "intermediate", "advanced", null]},
                          "language": {
                            "type": ["string", "null"],
                            "minLength": 2,
                            "maxLength": 35,
                            "pattern": "^[A-Za-z-]+$",
                            "description": "A language tag such as `en` or `pt-BR`"
                          },
                          "priceMinor": {
                            "type": ["integer", "null"],
                            "minimum": 0,
                            "maximum": 100000000,
                            "description": "Price in minor units; 0 is free"
                          },
                          "currency": {"type": ["string", "null"], "enum": ["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "usd", "eur", "gbp", "chf", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", null], "description": "ISO 4217, any case: one of the supported currencies"},
                          "coverImageRef": {
                            "type": ["string", "null"],
                            "maxLength": 500,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          }
                        },
                        "required": ["title"]
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Created",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CourseEnvelope"}}},
                    "links": {
                      "GetCourse": {"operationId": "getCourse", "parameters": {"course": "$response.body#/course/id"}},
                      "UpdateCourse": {"operationId": "updateCourse", "parameters": {"course": "$response.body#/course/id"}},
                      "AddModule": {"operationId": "addModule", "parameters": {"course": "$response.body#/course/id"}},
                      "PublishCourse": {"operationId": "publishCourse", "parameters": {"course": "$response.body#/course/id"}},
                      "DeleteCourse": {"operationId": "deleteCourse", "parameters": {"course": "$response.body#/course/id"}}
                    }
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "409": {
                    "description": "`slug_taken`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/courses/{course}": {
              "get": {
                "summary": "Course outline: catalog fields, staff, modules and lessons, the caller's access and progress",
                "operationId": "getCourse",
                "description": "Drafts and archived courses answer 404 to everyone who may not teach them.",
                "security": [{}, {"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The outline",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Outline"}}}
                  },
                  "304": {"description": "Not modified"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "patch": {
                "summary": "Change a course (its instructors and admins); absent or null fields stay",
                "operationId": "updateCourse",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "title": {
                            "type": ["string", "null"],
                            "minLength": 1,
                            "maxLength": 200,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          },
                          "slug": {
                            "type": ["string", "null"],
                            "minLength": 3,
                            "maxLength": 80,
                            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                            "description": "Lowercase letters, digits and single hyphens; not a UUID. Made from the title when absent."
                          },
                          "summary": {
                            "type": ["string", "null"],
                            "maxLength": 500,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          },
                          "description": {
                            "type": ["string", "null"],
                            "maxLength": 100000,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$",
                            "description": "Markdown, rendered to safe HTML"
                          },
                          "category": {
                            "type": ["string", "null"],
                            "minLength": 1,
                            "maxLength": 60,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          },
                          "tags": {
                            "type": ["array", "null"],
                            "maxItems": 20,
                            "items": {"type": "string", "maxLength": 40, "pattern": "^[^,]*$"},
                            "description": "At most 20 tags of at most 40 characters, without commas; blank ones are dropped"
                          },
                          "level": {"type": ["string", "null"], "enum": ["beginner", "intermediate", "advanced", null]},
                          "language": {
                            "type": ["string", "null"],
                            "minLength": 2,
                            "maxLength": 35,
                            "pattern": "^[A-Za-z-]+$",
                            "description": "A language tag such as `en` or `pt-BR`"
                          },
                          "priceMinor": {
                            "type": ["integer", "null"],
                            "minimum": 0,
                            "maximum": 100000000,
                            "description": "Price in minor units; 0 is free"
                          },
                          "currency": {"type": ["string", "null"], "enum": ["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "usd", "eur", "gbp", "chf", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", null], "description": "ISO 4217, any case: one of the supported currencies"},
                          "coverImageRef": {
                            "type": ["string", "null"],
                            "maxLength": 500,
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
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CourseEnvelope"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {
                    "description": "`slug_taken`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              },
              "delete": {
                "summary": "Delete a course nobody ever enrolled in",
                "operationId": "deleteCourse",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "204": {"description": "Deleted"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {
                    "description": "`course_has_enrollments`: archive it instead",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/courses/{course}/publish": {
              "post": {
                "summary": "Publish (needs at least one lesson)",
                "operationId": "publishCourse",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Published",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CourseEnvelope"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "422": {
                    "description": "`course_empty`: add a lesson first",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/courses/{course}/archive": {
              "post": {
                "summary": "Archive: hidden from the catalog and from students",
                "operationId": "archiveCourse",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Archived",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CourseEnvelope"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/courses/{course}/staff/{user}": {
              "put": {
                "summary": "Add or change a co-instructor or teaching assistant (owner and admins)",
                "operationId": "setStaff",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "user",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1},
                    "description": "The user's id (removing someone who is not on the staff changes nothing)"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {"role": {"type": "string", "enum": ["co_instructor", "assistant"]}},
                        "required": ["role"]
                      }
                    }
                  }
                },
                "responses": {
                  "204": {"description": "Saved"},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {
                    "description": "`owner_is_staff`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {
                    "description": "`validation_failed`: co-instructors must have the instructor role",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              },
              "delete": {
                "summary": "Remove a member of staff (idempotent)",
                "operationId": "removeStaff",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "user",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1},
                    "description": "The user's id (removing someone who is not on the staff changes nothing)"
                  }
                ],
                "responses": {
                  "204": {"description": "Removed"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {
                    "description": "`owner_is_staff`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/courses/{course}/modules": {
              "post": {
                "summary": "Add a module at the end",
                "operationId": "addModule",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "title": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 200,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          }
                        },
                        "required": ["title"]
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Created",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ModuleEnvelope"}}},
                    "links": {
                      "AddLesson": {
                        "operationId": "addLesson",
                        "parameters": {"course": "$request.path.course", "module": "$response.body#/module/id"}
                      },
                      "RenameModule": {
                        "operationId": "renameModule",
                        "parameters": {"course": "$request.path.course", "module": "$response.body#/module/id"}
                      },
                      "DeleteModule": {
                        "operationId": "deleteModule",
                        "parameters": {"course": "$request.path.course", "module": "$response.body#/module/id"}
                      }
                    }
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/courses/{course}/modules/{module}": {
              "patch": {
                "summary": "Rename a module, or hide it from students or show it again",
                "operationId": "renameModule",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "module",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The module's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "hidden": {"type": ["boolean", "null"], "description": "Hidden from students, with its lessons and quizzes"},
                          "title": {
                            "type": ["string", "null"],
                            "minLength": 1,
                            "maxLength": 200,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          }
                        },
                        "description": "Absent fields stay as they are"
                      }
                    }
                  }
                },
                "responses": {
                  "204": {"description": "Renamed"},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              },
              "delete": {
                "summary": "Delete a module and its lessons",
                "operationId": "deleteModule",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "module",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The module's id"
                  }
                ],
                "responses": {
                  "204": {"description": "Deleted"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/courses/{course}/modules/{module}/lessons": {
              "post": {
                "summary": "Add a lesson at the end of a module",
                "operationId": "addLesson",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "module",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The module's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "title": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 200,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          },
                          "body": {
                            "type": ["string", "null"],
                            "maxLength": 100000,
                            "description": "Markdown, rendered to safe HTML once"
                          },
                          "estimatedMinutes": {"type": ["integer", "null"], "minimum": 0, "maximum": 1440},
                          "videoUrl": {
                            "type": ["string", "null"],
                            "maxLength": 2000,
                            "pattern": "^[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*([Hh][Tt][Tt][Pp][Ss]://[\\s\\S]*)?$",
                            "description": "An external video address, https only (any host; linked, never framed); blank (spaces) removes it; a non-blank one replaces an uploaded video"
                          },
                          "videoUploadId": {
                            "type": ["string", "null"],
                            "maxLength": 64,
                            "description": "An uploaded video (a ready upload of purpose `video` that the caller owns; administrators may use anyone's), played from a signed link; empty removes it, and it cannot be given with a non-blank videoUrl (422 on videoUploadId). It replaces a video address"
                          },
                          "preview": {"type": ["boolean", "null"], "description": "Open to everyone who sees the course"},
                          "hidden": {"type": ["boolean", "null"], "description": "Hidden from students (not counted towards completion)"}
                        },
                        "required": ["title"]
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Created",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LessonEnvelope"}}},
                    "links": {
                      "GetLesson": {
                        "operationId": "getLesson",
                        "parameters": {"course": "$response.body#/lesson/courseId", "lesson": "$response.body#/lesson/id"}
                      },
                      "UpdateLesson": {
                        "operationId": "updateLesson",
                        "parameters": {"course": "$response.body#/lesson/courseId", "lesson": "$response.body#/lesson/id"}
                      },
                      "DeleteLesson": {
                        "operationId": "deleteLesson",
                        "parameters": {"course": "$response.body#/lesson/courseId", "lesson": "$response.body#/lesson/id"}
                      }
                    }
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/courses/{course}/lessons/{lesson}": {
              "get": {
                "summary": "A lesson with its rendered body (enrolled students and teachers; preview lessons for everyone who sees the course)",
                "operationId": "getLesson",
                "security": [{}, {"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "lesson",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The lesson's id"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The lesson",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LessonEnvelope"}}}
                  },
                  "401": {
                    "description": "Sign in and enroll to open this lesson",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "403": {
                    "description": "`enrollment_required`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "patch": {
                "summary": "Change a lesson; absent or null fields stay",
                "operationId": "updateLesson",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "lesson",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The lesson's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "title": {
                            "type": ["string", "null"],
                            "minLength": 1,
                            "maxLength": 200,
                            "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                          },
                          "body": {
                            "type": ["string", "null"],
                            "maxLength": 100000,
                            "description": "Markdown, rendered to safe HTML once"
                          },
                          "estimatedMinutes": {"type": ["integer", "null"], "minimum": 0, "maximum": 1440},
                          "videoUrl": {
                            "type": ["string", "null"],
                            "maxLength": 2000,
                            "pattern": "^[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]*([Hh][Tt][Tt][Pp][Ss]://[\\s\\S]*)?$",
                            "description": "An external video address, https only (any host; linked, never framed); blank (spaces) removes it; a non-blank one replaces an uploaded video"
                          },
                          "videoUploadId": {
                            "type": ["string", "null"],
                            "maxLength": 64,
                            "description": "An uploaded video (a ready upload of purpose `video` that the caller owns; administrators may use anyone's), played from a signed link; empty removes it, and it cannot be given with a non-blank videoUrl (422 on videoUploadId). It replaces a video address"
                          },
                          "preview": {"type": ["boolean", "null"], "description": "Open to everyone who sees the course"},
                          "hidden": {"type": ["boolean", "null"], "description": "Hidden from students (not counted towards completion)"}
                        },
                        "required": []
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Updated",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LessonEnvelope"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              },
              "delete": {
                "summary": "Delete a lesson",
                "operationId": "deleteLesson",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "lesson",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The lesson's id"
                  }
                ],
                "responses": {
                  "204": {"description": "Deleted"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/courses/{course}/lessons/{lesson}/attachments": {
              "get": {
                "summary": "List a lesson's attachments",
                "description": "Open to whoever may read the lesson (enrolled students, the course's staff, administrators; everyone who sees the course for a preview lesson). Uploads deleted since are left out.",
                "operationId": "listLessonAttachments",
                "security": [{}, {"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "lesson",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The lesson's id"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The attachments in the order they were added",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LessonAttachmentList"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "post": {
                "summary": "Attach an uploaded file to a lesson",
                "description": "Staff who may edit the course attach a ready upload of purpose `attachment` or `audio` that they own (administrators may attach anyone's): otherwise 422 on `uploadId`. At most 20 per lesson (422 `too_many_attachments`); attaching the same upload to the same lesson again is 409 `already_attached`. Readers of the lesson may then download it.",
                "operationId": "attachLessonFile",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "lesson",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The lesson's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {"uploadId": {"type": "string", "minLength": 1, "maxLength": 64}},
                        "required": ["uploadId"]
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Attached",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LessonAttachmentEnvelope"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/courses/{course}/lessons/{lesson}/attachments/{upload}": {
              "delete": {
                "summary": "Detach a file from a lesson",
                "description": "Staff who may edit the course. The upload itself stays with its owner.",
                "operationId": "detachLessonFile",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "lesson",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The lesson's id"
                  },
                  {
                    "name": "upload",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 64},
                    "description": "The attached upload's id"
                  }
                ],
                "responses": {
                  "204": {"description": "Detached"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/courses/{course}/reorder": {
              "put": {
                "summary": "Reorder every module and lesson in one atomic call",
                "operationId": "reorder",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "modules": {
                            "type": "array",
                            "items": {
                              "type": "object",
                              "properties": {"id": {"type": "string"}, "lessons": {"type": "array", "items": {"type": "string"}}},
                              "required": ["id", "lessons"]
                            }
                          }
                        },
                        "required": ["modules"]
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The new outline",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Outline"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {
                    "description": "`invalid_order`: the order must list every module and every lesson exactly once; or `validation_failed`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/courses/{course}/enrollment": {
              "post": {
                "summary": "Enroll in a free published course (enrolling twice is harmless)",
                "operationId": "enroll",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "201": {
                    "description": "Enrolled",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProgressEnvelope"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "402": {
                    "description": "`payment_required`: the course is paid (\"This course costs $49.00; buy it to enroll.\"); buy it with `POST /courses/{course}/checkout`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {
                    "description": "`course_not_open`: only published courses accept enrollments",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              },
              "delete": {
                "summary": "Leave a course (history is kept)",
                "operationId": "leave",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "204": {"description": "Left"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/courses/{course}/roster": {
              "get": {
                "summary": "Active students with progress (the course's teachers)",
                "operationId": "roster",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The roster",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Roster"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "post": {
                "summary": "Add a student (the course's instructors; any status, paid courses too)",
                "operationId": "addStudent",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {"schema": {"type": "object", "properties": {"userId": {"type": "string"}}, "required": ["userId"]}}
                  }
                },
                "responses": {
                  "204": {"description": "Added"},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/courses/{course}/roster/{user}": {
              "delete": {
                "summary": "Remove a student (history is kept)",
                "operationId": "removeStudent",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "user",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The user's id"
                  }
                ],
                "responses": {
                  "204": {"description": "Removed"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/courses/{course}/progress": {
              "get": {
                "summary": "The caller's progress in a course they are enrolled in",
                "operationId": "progress",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Progress",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProgressEnvelope"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/courses/{course}/lessons/{lesson}/completion": {
              "put": {
                "summary": "Mark a lesson complete (idempotent)",
                "operationId": "completeLesson",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "lesson",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The lesson's id"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Progress",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProgressEnvelope"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {
                    "description": "`enrollment_required`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "delete": {
                "summary": "Mark a lesson not complete (idempotent)",
                "operationId": "uncompleteLesson",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  },
                  {
                    "name": "lesson",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The lesson's id"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Progress",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProgressEnvelope"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {
                    "description": "`enrollment_required`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/me/enrollments": {
              "get": {
                "summary": "The caller's active enrollments in published courses, with progress",
                "operationId": "myEnrollments",
                "security": [{"bearer": []}],
                "responses": {
                  "200": {
                    "description": "Enrollments",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Enrollments"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"}
                }
              }
            },
            "/courses/{course}/quizzes": {
              "post": {
                "summary": "Create a quiz with its questions in a module (the course's instructors)",
                "operationId": "createQuiz",
                "description": "Which question fields matter depends on `kind`; a question missing what its kind needs, or a `moduleId` that is not a module of the course, answers 422 naming the field.",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {"$ref": "#/components/schemas/QuizInput"}
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Created",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/QuizEnvelope"}}},
                    "links": {
                      "StartAttempt": {"operationId": "startAttempt", "parameters": {"quiz": "$response.body#/quiz/id"}},
                      "DeleteQuiz": {"operationId": "deleteQuiz", "parameters": {"quiz": "$response.body#/quiz/id"}}
                    }
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              },
              "get": {
                "summary": "The course's quizzes; questions and answer keys for teachers only",
                "operationId": "listQuizzes",
                "security": [{}, {"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Quizzes",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/QuizList"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/quizzes/{quiz}": {
              "get": {
                "summary": "A quiz with its questions and answer keys, for editing (the course's editors)",
                "operationId": "getQuizForEditing",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "quiz",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The quiz's id"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The quiz",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/QuizEnvelope"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "put": {
                "summary": "Replace a quiz's settings and questions; questions are fixed once it has attempts (409)",
                "operationId": "replaceQuiz",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "quiz",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The quiz's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/QuizInput"}}}
                },
                "responses": {
                  "200": {
                    "description": "The quiz as saved",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/QuizEnvelope"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              },
              "delete": {
                "summary": "Delete a quiz and its attempts",
                "operationId": "deleteQuiz",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "quiz",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The quiz's id"
                  }
                ],
                "responses": {
                  "204": {"description": "Deleted"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/quizzes/{quiz}/attempts": {
              "post": {
                "summary": "Start an attempt, or return the one in progress (enrolled students)",
                "operationId": "startAttempt",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "quiz",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The quiz's id"
                  }
                ],
                "responses": {
                  "201": {
                    "description": "The attempt",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AttemptEnvelope"}}},
                    "links": {
                      "GetAttempt": {"operationId": "getAttempt", "parameters": {"attempt": "$response.body#/attempt/id"}},
                      "SaveAnswers": {"operationId": "saveAnswers", "parameters": {"attempt": "$response.body#/attempt/id"}},
                      "SubmitAttempt": {"operationId": "submitAttempt", "parameters": {"attempt": "$response.body#/attempt/id"}}
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {
                    "description": "`enrollment_required`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {
                    "description": "`attempt_limit_reached` or `attempt_conflict`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/attempts/{attempt}": {
              "get": {
                "summary": "The caller's attempt",
                "operationId": "getAttempt",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "attempt",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The attempt's id"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The attempt",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AttemptEnvelope"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "patch": {
                "summary": "Save answers before submitting",
                "operationId": "saveAnswers",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "attempt",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The attempt's id"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "answers": {
                            "type": ["object", "null"],
                            "additionalProperties": {"$ref": "#/components/schemas/Answer"},
                            "description": "Question id to answer"
                          }
                        },
                        "required": []
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The attempt",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AttemptEnvelope"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {
                    "description": "`time_limit_exceeded` or `attempt_submitted`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {
                    "description": "`validation_failed`: `fields` names each answer that is not a question of the quiz or does not fit its kind",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/attempts/{attempt}/submit": {
              "post": {
                "summary": "Submit and grade on the server, exactly once (again: the first result)",
                "operationId": "submitAttempt",
                "description": "Answers sent after the time limit are not counted (`lateAnswersIgnored`).",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "attempt",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "format": "uuid"},
                    "description": "The attempt's id"
                  }
                ],
                "requestBody": {
                  "required": false,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "answers": {"type": ["object", "null"], "additionalProperties": {"$ref": "#/components/schemas/Answer"}}
                        },
                        "required": []
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The graded attempt; `review` only when the quiz allows it",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AttemptEnvelope"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {
                    "description": "`validation_failed`: an answer is not a question of the quiz or does not fit its kind",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/courses/{course}/gradebook": {
              "get": {
                "summary": "Students × quizzes with best score, attempts and progress (the course's teachers)",
                "operationId": "gradebook",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The gradebook",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Gradebook"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/courses/{course}/gradebook.csv": {
              "get": {
                "summary": "The gradebook as CSV (the course's teachers)",
                "operationId": "gradebookCSV",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads it as UTF-8), one row per student, with the student's email when the directory gives it",
                    "content": {"text/csv": {"schema": {"type": "string"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/courses/{course}/grades": {
              "get": {
                "summary": "The caller's own progress, quiz grades and certificate",
                "operationId": "myGrades",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "course",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "description": "The course's id or slug"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Grades",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Grades"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/certificates/{code}": {
              "get": {
                "summary": "Verify a certificate by its public code",
                "operationId": "getCertificate",
                "parameters": [
                  {
                    "name": "code",
                    "in": "path",
                    "required": true,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 20, "pattern": "^[A-Za-z0-9-]+$"},
                    "description": "The certificate's public code, e.g. `K7MQX-3HT9P`"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The certificate",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CertificateEnvelope"}}}
                  },
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            }
          },
          "components": {
            "schemas": {
              "CourseLevel": {"type": "string", "enum": ["beginner", "intermediate", "advanced"]},
              "CourseStatus": {"type": "string", "enum": ["draft", "published", "archived"]},
              "Course": {
                "type": "object",
                "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "slug": {"type": "string", "minLength": 3, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                  "title": {"type": "string", "minLength": 1},
                  "summary": {"type": "string"},
                  "category": {"type": "string", "minLength": 1},
                  "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 20},
                  "level": {"$ref": "#/components/schemas/CourseLevel"},
                  "language": {"type": "string"},
                  "coverImageRef": {"type": ["string", "null"]},
                  "priceMinor": {"type": "integer", "minimum": 0, "maximum": 100000000},
                  "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
                  "status": {"$ref": "#/components/schemas/CourseStatus"},
                  "ownerId": {"type": "string", "format": "uuid"},
                  "enrollmentCount": {"type": "integer", "minimum": 0},
                  "publishedAt": {"type": ["string", "null"], "format": "date-time"},
                  "createdAt": {"type": "string", "format": "date-time"},
                  "updatedAt": {"type": "string", "format": "date-time"}
                },
                "required": [
                  "id",
                  "slug",
                  "title",
                  "summary",
                  "category",
                  "tags",
                  "level",
                  "language",
                  "coverImageRef",
                  "priceMinor",
                  "currency",
                  "status",
                  "ownerId",
                  "enrollmentCount",
                  "publishedAt",
                  "createdAt",
                  "updatedAt"
                ],
                "additionalProperties": false,
                "description": "A course's catalog entry."
              },
              "CourseEnvelope": {
                "type": "object",
                "properties": {"course": {"$ref": "#/components/schemas/Course"}},
                "required": ["course"],
                "additionalProperties": false
              },
              "CoursePage": {
                "type": "object",
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Course"}},
                  "nextCursor": {"type": ["string", "null"]}
                },
                "required": ["items", "nextCursor"],
                "additionalProperties": false
              },
              "Outline": {
                "type": "object",
                "properties": {
                  "course": {"$ref": "#/components/schemas/Course"},
                  "description": {
                    "type": ["string", "null"],
                    "description": "Markdown source, for editors only (null for everyone else)"
                  },
                  "descriptionHtml": {"type": "string"},
                  "staff": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "displayName": {"type": "string"},
                        "role": {"type": "string", "enum": ["owner", "co_instructor", "assistant"]}
                      },
                      "required": ["id", "displayName", "role"],
                      "additionalProperties": false
                    }
                  },
                  "modules": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "title": {"type": "string"},
                        "position": {"type": "integer", "minimum": 0},
                        "hidden": {"type": "boolean", "description": "Only course staff ever see hidden modules"},
                        "lessons": {
                          "type": "array",
                          "items": {
                            "type": "object",
                            "properties": {
                              "id": {"type": "string", "format": "uuid"},
                              "title": {"type": "string"},
                              "position": {"type": "integer", "minimum": 0},
                              "estimatedMinutes": {"type": "integer", "minimum": 0},
                              "preview": {"type": "boolean"},
                              "hidden": {"type": "boolean", "description": "Only course staff ever see hidden lessons"},
                              "completed": {"type": "boolean"}
                            },
                            "required": ["id", "title", "position", "estimatedMinutes", "preview", "hidden", "completed"],
                            "additionalProperties": false
                          }
                        }
                      },
                      "required": ["id", "title", "position", "hidden", "lessons"],
                      "additionalProperties": false
                    }
                  },
                  "access": {
                    "type": "object",
                    "properties": {"canEdit": {"type": "boolean"}, "canTeach": {"type": "boolean"}, "isEnrolled": {"type": "boolean"}},
                    "required": ["canEdit", "canTeach", "isEnrolled"],
                    "additionalProperties": false
                  },
                  "lastLessonId": {"type": ["string", "null"], "format": "uuid"},
                  "completedAt": {"type": ["string", "null"], "format": "date-time"}
                },
                "required": [
                  "course",
                  "description",
                  "descriptionHtml",
                  "staff",
                  "modules",
                  "access",
                  "lastLessonId",
                  "completedAt"
                ],
                "additionalProperties": false,
                "description": "A course as the caller sees it: catalog fields, staff, modules with lessons, the caller's access and progress."
              },
              "Module": {
                "type": "object",
                "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "title": {"type": "string"},
                  "position": {"type": "integer", "minimum": 0},
                  "hidden": {"type": "boolean"}
                },
                "required": ["id", "title", "position", "hidden"],
                "additionalProperties": false
              },
              "ModuleEnvelope": {
                "type": "object",
                "properties": {"module": {"$ref": "#/components/schemas/Module"}},
                "required": ["module"],
                "additionalProperties": false
              },
              "Lesson": {
                "type": "object",
                "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "courseId": {"type": "string", "format": "uuid"},
                  "moduleId": {"type": "string", "format": "uuid"},
                  "title": {"type": "string"},
                  "position": {"type": "integer", "minimum": 0},
                  "estimatedMinutes": {"type": "integer", "minimum": 0, "maximum": 1440},
                  "videoUrl": {"type": ["string", "null"], "description": "The external video address, or null"},
                  "videoUploadId": {
                    "type": ["string", "null"],
                    "description": "The uploaded video's upload id, or null; readers of the lesson fetch it at /api/v1/uploads/{id}/content"
                  },
                  "preview": {"type": "boolean"},
                  "hidden": {"type": "boolean"},
                  "bodyHtml": {"type": "string"},
                  "body": {
                    "type": ["string", "null"],
                    "description": "Markdown source: in answers to editors' writes, null when reading"
                  }
                },
                "required": [
                  "id",
                  "courseId",
                  "moduleId",
                  "title",
                  "position",
                  "estimatedMinutes",
                  "videoUrl",
                  "videoUploadId",
                  "preview",
                  "hidden",
                  "bodyHtml",
                  "body"
                ],
                "additionalProperties": false
              },
              "LessonAttachment": {
                "type": "object",
                "description": "A file attached to a lesson",
                "properties": {
                  "uploadId": {"type": "string"},
                  "filename": {"type": "string"},
                  "size": {"type": "integer", "minimum": 0},
                  "contentType": {"type": "string"},
                  "downloadPath": {
                    "type": "string",
                    "description": "GET with the bearer token: a redirect (302) to a short-lived signed link of the bytes"
                  }
                },
                "required": ["uploadId", "filename", "size", "contentType", "downloadPath"],
                "additionalProperties": false
              },
              "LessonAttachmentEnvelope": {
                "type": "object",
                "properties": {"attachment": {"$ref": "#/components/schemas/LessonAttachment"}},
                "required": ["attachment"],
                "additionalProperties": false
              },
              "LessonAttachmentList": {
                "type": "object",
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/LessonAttachment"}, "maxItems": 20},
                  "nextCursor": {"type": "null", "description": "Always null: a lesson has at most 20 attachments"}
                },
                "required": ["items", "nextCursor"],
                "additionalProperties": false
              },
              "LessonEnvelope": {
                "type": "object",
                "properties": {"lesson": {"$ref": "#/components/schemas/Lesson"}},
                "required": ["lesson"],
                "additionalProperties": false
              },
              "Progress": {
                "type": "object",
                "properties": {
                  "courseId": {"type": "string", "format": "uuid"},
                  "completedLessons": {"type": "integer", "minimum": 0},
                  "totalLessons": {"type": "integer", "minimum": 0},
                  "percent": {"type": "integer", "minimum": 0, "maximum": 100},
                  "lastLessonId": {"type": ["string", "null"], "format": "uuid"},
                  "enrolledAt": {"type": "string", "format": "date-time"},
                  "completedAt": {"type": ["string", "null"], "format": "date-time"}
                },
                "required": ["courseId", "completedLessons", "totalLessons", "percent", "lastLessonId", "enrolledAt", "completedAt"],
                "additionalProperties": false
              },
              "ProgressEnvelope": {
                "type": "object",
                "properties": {"progress": {"$ref": "#/components/schemas/Progress"}},
                "required": ["progress"],
                "additionalProperties": false
              },
              "StudentSummary": {
                "type": "object",
                "properties": {"id": {"type": "string", "format": "uuid"}, "displayName": {"type": "string"}},
                "required": ["id", "displayName"],
                "additionalProperties": false
              },
              "Roster": {
                "type": "object",
                "properties": {
                  "items": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "student": {"$ref": "#/components/schemas/StudentSummary"},
                        "progress": {"$ref": "#/components/schemas/Progress"}
                      },
                      "required": ["student", "progress"],
                      "additionalProperties": false
                    }
                  },
                  "nextCursor": {"type": "null"}
                },
                "required": ["items", "nextCursor"],
                "additionalProperties": false
              },
              "Enrollments": {
                "type": "object",
                "properties": {
                  "items": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "course": {"$ref": "#/components/schemas/Course"},
                        "progress": {"$ref": "#/components/schemas/Progress"}
                      },
                      "required": ["course", "progress"],
                      "additionalProperties": false
                    }
                  },
                  "nextCursor": {"type": "null"}
                },
                "required": ["items", "nextCursor"],
                "additionalProperties": false
              },
              "QuizInput": {
                "type": "object",
                "properties": {
                  "moduleId": {"type": "string"},
                  "title": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200,
                    "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                  },
                  "passingScore": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
                  "maxAttempts": {"type": ["integer", "null"], "minimum": 1, "maximum": 100},
                  "timeLimitSeconds": {"type": ["integer", "null"], "minimum": 10, "maximum": 86400},
                  "shuffleQuestions": {"type": ["boolean", "null"]},
                  "shuffleOptions": {"type": ["boolean", "null"]},
                  "allowReview": {"type": ["boolean", "null"], "description": "Students may review submitted attempts (default true)"},
                  "revealAnswers": {
                    "oneOf": [{"$ref": "#/components/schemas/AnswerReveal"}, {"type": "null"}],
                    "description": "When reviews show the correct answers (default after_last_attempt)"
                  },
                  "hidden": {"type": ["boolean", "null"], "description": "Hidden from students (default false)"},
                  "questions": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 100,
                    "items": {
                      "type": "object",
                      "properties": {
                        "kind": {"$ref": "#/components/schemas/QuestionKind"},
                        "prompt": {
                          "type": "string",
                          "minLength": 1,
                          "maxLength": 2000,
                          "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
                        },
                        "options": {
                          "type": ["array", "null"],
                          "items": {"type": "string"},
                          "description": "Choice questions: 2 to 10 options"
                        },
                        "correct": {
                          "type": ["array", "null"],
                          "items": {"type": "integer", "minimum": 0, "maximum": 9},
                          "description": "Choice questions: indices into options"
                        },
                        "truth": {"type": ["boolean", "null"], "description": "True/false questions"},
                        "accepted": {
                          "type": ["array", "null"],
                          "items": {"type": "string"},
                          "description": "Short answer: 1 to 20 accepted answers"
                        },
                        "value": {"type": ["number", "null"], "description": "Numeric: the right value"},
                        "tolerance": {"type": ["number", "null"], "minimum": 0, "description": "Numeric: allowed distance"},
                        "points": {"type": ["integer", "null"], "minimum": 1, "maximum": 100}
                      },
                      "required": ["kind", "prompt"]
                    }
                  }
                },
                "required": ["moduleId", "title", "questions"]
              },
              "AnswerReveal": {
                "type": "string",
                "enum": ["never", "after_last_attempt", "after_each_attempt"],
                "description": "never; after_last_attempt: once the student has no attempt left or passed; after_each_attempt"
              },
              "QuestionKind": {"type": "string", "enum": ["single_choice", "multiple_choice", "true_false", "short_answer", "numeric"]},
              "QuestionOption": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "text": {"type": "string"}},
                "required": ["id", "text"],
                "additionalProperties": false
              },
              "AnswerKey": {
                "type": "object",
                "properties": {
                  "correctOptions": {"type": "array", "items": {"type": "string"}},
                  "truth": {"type": "boolean"},
                  "accepted": {"type": "array", "items": {"type": "string"}},
                  "value": {"type": "number"},
                  "tolerance": {"type": "number"}
                },
                "required": [],
                "additionalProperties": false,
                "description": "What counts as right; only the fields of the question's kind are present."
              },
              "Question": {
                "type": "object",
                "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "kind": {"$ref": "#/components/schemas/QuestionKind"},
                  "prompt": {"type": "string"},
                  "options": {"type": "array", "items": {"$ref": "#/components/schemas/QuestionOption"}},
                  "points": {"type": "integer", "minimum": 1, "maximum": 100},
                  "key": {"$ref": "#/components/schemas/AnswerKey"}
                },
                "required": ["id", "kind", "prompt", "options", "points", "key"],
                "additionalProperties": false
              },
              "Quiz": {
                "type": "object",
                "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "moduleId": {"type": "string", "format": "uuid"},
                  "title": {"type": "string"},
                  "passingScore": {"type": "integer", "minimum": 0, "maximum": 100},
                  "maxAttempts": {"type": ["integer", "null"], "minimum": 1, "maximum": 100},
                  "timeLimitSeconds": {"type": ["integer", "null"], "minimum": 10, "maximum": 86400},
                  "shuffleQuestions": {"type": "boolean"},
                  "shuffleOptions": {"type": "boolean"},
                  "allowReview": {"type": "boolean", "description": "Students may review a submitted attempt"},
                  "revealAnswers": {"$ref": "#/components/schemas/AnswerReveal"},
                  "hidden": {"type": "boolean"},
                  "questions": {
                    "type": ["array", "null"],
                    "items": {"$ref": "#/components/schemas/Question"},
                    "description": "With answer keys, for the course's teachers only"
                  },
                  "attemptCount": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Attempts so far (editors' view of one quiz); once there is one, questions are fixed"
                  }
                },
                "required": [
                  "id",
                  "moduleId",
                  "title",
                  "passingScore",
                  "maxAttempts",
                  "timeLimitSeconds",
                  "shuffleQuestions",
                  "shuffleOptions",
                  "allowReview",
                  "revealAnswers",
                  "hidden",
                  "questions"
                ],
                "additionalProperties": false
              },
              "QuizEnvelope": {
                "type": "object",
                "properties": {"quiz": {"$ref": "#/components/schemas/Quiz"}},
                "required": ["quiz"],
                "additionalProperties": false
              },
              "QuizList": {
                "type": "object",
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Quiz"}},
                  "nextCursor": {"type": "null"}
                },
                "required": ["items", "nextCursor"],
                "additionalProperties": false
              },
              "Answer": {
                "type": ["string", "boolean", "number", "array"],
                "items": {"type": "string"},
                "description": "Option id (single choice), option ids (multiple choice), boolean (true/false), text (short answer) or number (numeric)"
              },
              "Attempt": {
                "type": "object",
                "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "quizId": {"type": "string", "format": "uuid"},
                  "quizTitle": {"type": "string"},
                  "number": {"type": "integer", "minimum": 1},
                  "startedAt": {"type": "string", "format": "date-time"},
                  "deadlineAt": {"type": ["string", "null"], "format": "date-time"},
                  "submittedAt": {"type": ["string", "null"], "format": "date-time"},
                  "questions": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "kind": {"$ref": "#/components/schemas/QuestionKind"},
                        "prompt": {"type": "string"},
                        "options": {"type": "array", "items": {"$ref": "#/components/schemas/QuestionOption"}},
                        "points": {"type": "integer", "minimum": 1}
                      },
                      "required": ["id", "kind", "prompt", "options", "points"],
                      "additionalProperties": false
                    }
                  },
                  "answers": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Answer"}},
                  "result": {
                    "oneOf": [
                      {"type": "null"},
                      {
                        "type": "object",
                        "properties": {
                          "score": {"type": "integer", "minimum": 0},
                          "maxScore": {"type": "integer", "minimum": 0},
                          "percent": {"type": "integer", "minimum": 0, "maximum": 100},
                          "passed": {"type": "boolean"}
                        },
                        "required": ["score", "maxScore", "percent", "passed"],
                        "additionalProperties": false
                      }
                    ]
                  },
                  "review": {
                    "type": ["array", "null"],
                    "items": {
                      "type": "object",
                      "properties": {
                        "questionId": {"type": "string", "format": "uuid"},
                        "correct": {"type": "boolean"},
                        "key": {
                          "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/AnswerKey"}],
                          "description": "The right answer, or null while the quiz's `revealAnswers` policy withholds it: `never`; `after_last_attempt` (the default) until this attempt passed or no attempt is left, and never while another attempt is in progress; `after_each_attempt` always"
                        }
                      },
                      "required": ["questionId", "correct", "key"],
                      "additionalProperties": false
                    },
                    "description": "After submission, when the quiz allows review"
                  },
                  "lateAnswersIgnored": {"type": "boolean"},
                  "attemptsLeft": {
                    "type": ["integer", "null"],
                    "minimum": 0,
                    "description": "Attempts the student may still start after this one; null when unlimited"
                  }
                },
                "required": [
                  "id",
                  "quizId",
                  "quizTitle",
                  "number",
                  "startedAt",
                  "deadlineAt",
                  "submittedAt",
                  "questions",
                  "answers",
                  "result",
                  "review",
                  "lateAnswersIgnored",
                  "attemptsLeft"
                ],
                "additionalProperties": false,
                "description": "An attempt as its student sees it; answer keys only in `review`, and only as the quiz's reveal policy allows."
              },
              "AttemptEnvelope": {
                "type": "object",
                "properties": {"attempt": {"$ref": "#/components/schemas/Attempt"}},
                "required": ["attempt"],
                "additionalProperties": false
              },
              "Grade": {
                "type": "object",
                "properties": {
                  "quizId": {"type": "string", "format": "uuid"},
                  "attempts": {"type": "integer", "minimum": 0},
                  "bestPercent": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
                  "passed": {"type": "boolean"}
                },
                "required": ["quizId", "attempts", "bestPercent", "passed"],
                "additionalProperties": false
              },
              "QuizColumn": {
                "type": "object",
                "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "title": {"type": "string"},
                  "passingScore": {"type": "integer", "minimum": 0, "maximum": 100}
                },
                "required": ["id", "title", "passingScore"],
                "additionalProperties": false
              },
              "Gradebook": {
                "type": "object",
                "properties": {
                  "quizzes": {"type": "array", "items": {"$ref": "#/components/schemas/QuizColumn"}},
                  "rows": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "student": {"$ref": "#/components/schemas/StudentSummary"},
                        "progress": {"$ref": "#/components/schemas/Progress"},
                        "grades": {"type": "array", "items": {"$ref": "#/components/schemas/Grade"}}
                      },
                      "required": ["student", "progress", "grades"],
                      "additionalProperties": false
                    }
                  }
                },
                "required": ["quizzes", "rows"],
                "additionalProperties": false
              },
              "Certificate": {
                "type": "object",
                "properties": {
                  "code": {"type": "string", "pattern": "^[A-Z2-9]{5}-[A-Z2-9]{5}$"},
                  "studentName": {"type": "string"},
                  "courseTitle": {"type": "string"},
                  "courseId": {"type": "string", "format": "uuid"},
                  "issuedAt": {"type": "string", "format": "date-time"}
                },
                "required": ["code", "studentName", "courseTitle", "courseId", "issuedAt"],
                "additionalProperties": false
              },
              "CertificateEnvelope": {
                "type": "object",
                "properties": {"certificate": {"$ref": "#/components/schemas/Certificate"}},
                "required": ["certificate"],
                "additionalProperties": false
              },
              "Grades": {
                "type": "object",
                "properties": {
                  "progress": {"$ref": "#/components/schemas/Progress"},
                  "quizzes": {"type": "array", "items": {"$ref": "#/components/schemas/QuizColumn"}},
                  "grades": {"type": "array", "items": {"$ref": "#/components/schemas/Grade"}},
                  "certificate": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Certificate"}]}
                },
                "required": ["progress", "quizzes", "grades", "certificate"],
                "additionalProperties": false
              }
            }
          }
        }
        """#
}
