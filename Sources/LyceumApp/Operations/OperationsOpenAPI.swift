/// The OpenAPI fragment of the operations module.
enum OperationsOpenAPI {
    static let fragment = #"""
        {
          "paths": {
            "/admin/jobs": {
              "get": {
                "summary": "Queue depths per queue, the most recently changed jobs, and the mail that could not be delivered (admins)",
                "operationId": "listJobs",
                "security": [{"bearer": []}],
                "parameters": [
                  {
                    "name": "state",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string", "enum": ["queued", "running", "retrying", "succeeded", "dead", "cancelled", ""]},
                    "description": "Only jobs in this state; empty means any"
                  },
                  {
                    "name": "queue",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "string", "maxLength": 100},
                    "description": "Only jobs of this queue"
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                    "description": "How many jobs"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Queues and jobs",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JobsOverview"}}}
                  },
                  "400": {
                    "description": "`invalid_state`, `invalid_queue` or `invalid_limit`",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/admin/jobs/{id}/retry": {
              "post": {
                "summary": "Run a dead, retrying or cancelled job again now, with a fresh set of attempts (admins)",
                "operationId": "retryJob",
                "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "The job's id"}],
                "responses": {
                  "200": {"description": "Queued again", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JobEnvelope"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {
                    "description": "`job_queued`, `job_running` or `job_succeeded`: only dead, retrying or cancelled jobs can be retried",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            },
            "/admin/jobs/{id}/cancel": {
              "post": {
                "summary": "Stop a queued, retrying or dead job from running again (admins)",
                "operationId": "cancelJob",
                "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "The job's id"}],
                "responses": {
                  "200": {"description": "Cancelled", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JobEnvelope"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {
                    "description": "`job_running`, `job_succeeded` or `job_cancelled`: only waiting, retrying or dead jobs can be cancelled",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Job": {
                "type": "object",
                "required": ["id", "name", "queue", "state", "priority", "attempts", "maxAttempts", "runAt", "createdAt", "updatedAt"],
                "properties": {
                  "id": {"type": "string"},
                  "name": {"type": "string"},
                  "queue": {"type": "string"},
                  "state": {"type": "string", "enum": ["queued", "running", "retrying", "succeeded", "dead", "cancelled"]},
                  "priority": {"type": "integer"},
                  "attempts": {"type": "integer", "minimum": 0},
                  "maxAttempts": {"type": "integer", "minimum": 1},
                  "runAt": {"type": "string", "format": "date-time"},
                  "createdAt": {"type": "string", "format": "date-time"},
                  "updatedAt": {"type": "string", "format": "date-time"},
                  "finishedAt": {"type": "string", "format": "date-time"},
                  "lastError": {"type": "string"}
                }
              },
              "JobEnvelope": {
                "type": "object",
                "required": ["job"],
                "properties": {"job": {"$ref": "#/components/schemas/Job"}}
              },
              "QueueSummary": {
                "type": "object",
                "required": ["queue", "due", "scheduled", "running", "retrying", "dead", "succeeded", "cancelled"],
                "properties": {
                  "queue": {"type": "string"},
                  "due": {"type": "integer", "minimum": 0},
                  "scheduled": {"type": "integer", "minimum": 0},
                  "running": {"type": "integer", "minimum": 0},
                  "retrying": {"type": "integer", "minimum": 0},
                  "dead": {"type": "integer", "minimum": 0},
                  "succeeded": {"type": "integer", "minimum": 0},
                  "cancelled": {"type": "integer", "minimum": 0}
                }
              },
              "UndeliveredMail": {
                "type": "object",
                "description": "A dead mail job: the relay refused the message for good (5xx) or every attempt failed; retry it with /admin/jobs/{id}/retry",
                "required": ["job", "recipient", "subject"],
                "properties": {
                  "job": {"$ref": "#/components/schemas/Job"},
                  "recipient": {"type": "string"},
                  "subject": {"type": "string"}
                }
              },
              "JobsOverview": {
                "type": "object",
                "required": ["queues", "jobs", "undeliveredMail"],
                "properties": {
                  "queues": {"type": "array", "items": {"$ref": "#/components/schemas/QueueSummary"}},
                  "jobs": {"type": "array", "items": {"$ref": "#/components/schemas/Job"}},
                  "undeliveredMail": {
                    "type": "array",
                    "description": "Dead mail jobs, most recently failed first, whatever the state and queue filters",
                    "items": {"$ref": "#/components/schemas/UndeliveredMail"}
                  }
                }
              }
            }
          }
        }
        """#
}
