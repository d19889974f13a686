/// The OpenAPI 3.1 description of the uploads API. Paths are relative to `/api/v1`; errors reference the
/// base document's shared responses and the two refusals of files defined here.
enum MediaOpenAPI {
    /// `{"paths": {...}, "components": {...}}` for the Media routes.
    static let fragment = #"""
        {
          "paths": {
            "/uploads": {
              "post": {
                "summary": "Upload a file, streamed",
                "operationId": "createUpload",
                "description": "`multipart/form-data` with the field `purpose` first and then the field `file` (with a file name) as the last part. The body streams into storage as it arrives; the file's type is decided from its first bytes, never from its name or the part's `Content-Type`, and must be one the purpose allows: `avatar` PNG, JPEG or WebP; `attachment` PDF, Office documents (OOXML and legacy), text, HTML, SVG, PNG, JPEG, WebP, GIF or ZIP; `audio` MP3, WAV, OGG or M4A; `video` MP4 or WebM. Each purpose has a size limit and each user a storage quota (both configured by the operator). A refused file leaves nothing behind.",
                "security": [{"bearer": []}],
                "requestBody": {
                  "required": true,
                  "content": {
                    "multipart/form-data": {
                      "schema": {"$ref": "#/components/schemas/UploadForm"},
                      "encoding": {"file": {"contentType": "application/octet-stream"}}
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Stored and ready",
                    "headers": {"Location": {"schema": {"type": "string"}, "description": "The upload's metadata URL"}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Upload"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "413": {"$ref": "#/components/responses/FileTooLarge"},
                  "415": {"$ref": "#/components/responses/FileTypeRefused"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/uploads/presign": {
              "post": {
                "summary": "Prepare a direct upload of a large file",
                "operationId": "presignUpload",
                "description": "Creates a `pending` upload (its announced size counts against the quota at once) and answers the request that stores the file: a presigned S3 `PUT`, or a signed Lyceum URL with the disk store. Send the bytes with exactly the method and headers given, before `expiresAt`, then call `POST /uploads/{id}/complete`. The announced `contentType` must be one the purpose allows; the bytes are checked against it on completion. Pending uploads never completed are deleted after a day.",
                "security": [{"bearer": []}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UploadPresignRequest"}}}
                },
                "responses": {
                  "201": {
                    "description": "The pending upload and where to send the file",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PreparedUpload"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "413": {"$ref": "#/components/responses/FileTooLarge"},
                  "415": {"$ref": "#/components/responses/FileTypeRefused"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/uploads/{id}": {
              "get": {
                "summary": "An upload's metadata",
                "operationId": "getUpload",
                "description": "For its owner and administrators, and for callers that what it is attached to lets read it (404 for everyone else).",
                "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "maxLength": 64}, "description": "The upload's id"}],
                "responses": {
                  "200": {"description": "The upload", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Upload"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "delete": {
                "summary": "Delete an upload and its file",
                "operationId": "deleteUpload",
                "description": "Its owner or an administrator may; someone else who may read it gets 403.",
                "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "maxLength": 64}, "description": "The upload's id"}],
                "responses": {
                  "204": {"description": "Deleted"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/uploads/{id}/content": {
              "get": {
                "summary": "Redirect to a short-lived link to the file",
                "operationId": "getUploadContent",
                "description": "302 to a signed URL (S3's, or Lyceum's `/objects/…` with the disk store) valid for 15 minutes, or 3 hours for audio and video. Lyceum's links serve `Range` requests, `ETag`/`If-None-Match`, and `Content-Disposition: inline` only for images it can show safely, PDF, audio and video (everything else, HTML and SVG included, downloads as an attachment), with `X-Content-Type-Options: nosniff`.",
                "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "maxLength": 64}, "description": "The upload's id"}],
                "responses": {
                  "302": {
                    "description": "The signed link",
                    "headers": {"Location": {"schema": {"type": "string"}, "description": "The signed URL"}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"}
                }
              }
            },
            "/uploads/{id}/complete": {
              "post": {
                "summary": "Verify a direct upload and make it ready",
                "operationId": "completeUpload",
                "description": "Checks the stored file: its size within the purpose's limit and the quota, its first bytes of the announced type; computes its SHA-256. A refused file is deleted with its record (413, 415, 422 `empty_file`). 409 `upload_incomplete` while nothing was stored yet. Completing a ready upload answers it unchanged. Only the owner may.",
                "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "maxLength": 64}, "description": "The upload's id"}],
                "responses": {
                  "200": {"description": "The ready upload", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Upload"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/FileTooLarge"},
                  "415": {"$ref": "#/components/responses/FileTypeRefused"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            }
          },
          "components": {
            "responses": {
              "FileTooLarge": {
                "description": "`file_too_large` (over the purpose's limit) or `quota_exceeded` (over the caller's storage quota); nothing was kept",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              },
              "FileTypeRefused": {
                "description": "`unsupported_file_type`: the file's bytes are not a type the purpose allows (or not the announced type); or `unsupported_media_type`: the body is not multipart/form-data (JSON for presign); nothing was kept",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              }
            },
            "schemas": {
              "UploadPurpose": {"type": "string", "enum": ["avatar", "attachment", "audio", "video"]},
              "UploadForm": {
                "type": "object",
                "required": ["purpose", "file"],
                "properties": {
                  "purpose": {"$ref": "#/components/schemas/UploadPurpose"},
                  "file": {"type": "string", "contentMediaType": "application/octet-stream", "description": "The file, with a file name; the last part"}
                }
              },
              "Upload": {
                "type": "object",
                "required": ["id", "ownerId", "purpose", "filename", "size", "contentType", "sha256", "status", "createdAt", "updatedAt"],
                "properties": {
                  "id": {"type": "string"},
                  "ownerId": {"type": "string"},
                  "purpose": {"$ref": "#/components/schemas/UploadPurpose"},
                  "filename": {"type": "string", "description": "The sanitised original name: no path, no control characters, at most 255 bytes"},
                  "size": {"type": "integer", "minimum": 0, "description": "Bytes; while pending, the announced size"},
                  "contentType": {"type": "string", "description": "The type decided from the file's bytes (while pending, the announced type)"},
                  "sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$", "description": "Null until the file is verified"},
                  "status": {"type": "string", "enum": ["pending", "ready"]},
                  "createdAt": {"type": "string", "format": "date-time"},
                  "updatedAt": {"type": "string", "format": "date-time"}
                },
                "additionalProperties": false
              },
              "UploadPresignRequest": {
                "type": "object",
                "required": ["purpose", "filename", "size", "contentType"],
                "properties": {
                  "purpose": {"$ref": "#/components/schemas/UploadPurpose"},
                  "filename": {"type": "string", "minLength": 1, "maxLength": 1024},
                  "size": {"type": "integer", "minimum": 1, "description": "The file's exact size in bytes"},
                  "contentType": {"type": "string", "description": "The file's type, e.g. `video/mp4`; its bytes are checked against it on completion"}
                }
              },
              "PreparedUpload": {
                "type": "object",
                "required": ["upload", "uploadRequest"],
                "properties": {
                  "upload": {"$ref": "#/components/schemas/Upload"},
                  "uploadRequest": {
                    "type": "object",
                    "required": ["method", "url", "headers", "expiresAt"],
                    "properties": {
                      "method": {"type": "string", "enum": ["PUT"]},
                      "url": {"type": "string", "description": "Send the file's bytes here"},
                      "headers": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Headers to send exactly as given (`Content-Type`)"},
                      "expiresAt": {"type": "string", "format": "date-time", "description": "The URL must be used before this time"}
                    },
                    "additionalProperties": false
                  }
                },
                "additionalProperties": false
              }
            }
          }
        }
        """#
}
