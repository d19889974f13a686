import Foundation

/// The component schemas of the forums fragment, all prefixed `Forum` so they never clash with other modules'.
enum ForumsOpenAPISchemas {
    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    private static func object(_ properties: [String: Any], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }
    private static var id: [String: Any] { ["type": "string"] }
    private static var text: [String: Any] { ["type": "string"] }
    private static var flag: [String: Any] { ["type": "boolean"] }
    private static var integer: [String: Any] { ["type": "integer"] }
    private static var date: [String: Any] { ["type": "string", "format": "date-time"] }
    private static var tags: [String: Any] {
        ["type": "array", "maxItems": 5, "items": ["type": "string", "minLength": 1, "maxLength": 30, "pattern": "^[\\p{L}\\p{N}-]+$"]]
    }
    /// `schema`, also allowing `null`: the server reads a null optional field of a request as absent.
    private static func orNull(_ schema: [String: Any]) -> [String: Any] {
        var schema = schema
        if let type = schema["type"] as? String { schema["type"] = [type, "null"] }
        if let values = schema["enum"] as? [Any] { schema["enum"] = values + [NSNull()] }
        return schema
    }
    private static var kind: [String: Any] { ["type": "string", "enum": ["question", "discussion"]] }
    private static var title: [String: Any] { ["type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S"] }
    private static var body: [String: Any] { ["type": "string", "minLength": 1, "maxLength": 20000, "pattern": "\\S"] }
    private static var attachmentIds: [String: Any] {
        [
            "type": ["array", "null"], "maxItems": 5, "items": ["type": "string"],
            "description": "Ready uploads of purpose `attachment` that the caller owns (at most 5); on an edit, the post's new set",
        ]
    }
    private static var attachments: [String: Any] {
        ["type": "array", "items": ref("ForumAttachment"), "description": "Empty once the post is removed"]
    }

    static var all: [String: Any] {
        [
            "ForumBoard": object(
                [
                    "id": id, "kind": ["type": "string", "enum": ["site", "course", "group"]], "courseId": id, "groupId": id, "title": text,
                    "description": text, "allowAnonymous": flag, "role": ["type": "string", "enum": ["member", "staff"]], "suspended": flag,
                ],
                required: ["id", "kind", "title", "description", "allowAnonymous", "role", "suspended"]
            ),
            "ForumBoardEnvelope": object(["board": ref("ForumBoard")], required: ["board"]),
            "ForumBoardList": object(["items": ["type": "array", "items": ref("ForumBoard")]], required: ["items"]),
            "ForumBoardDraft": object(
                ["title": title, "description": orNull(["type": "string", "maxLength": 1000]), "allowAnonymous": orNull(flag)], required: ["title"]
            ),
            "ForumBoardChanges": object(
                [
                    "title": orNull(["type": "string", "maxLength": 200, "description": "Blank or absent leaves the title as it is"]),
                    "description": orNull(["type": "string", "maxLength": 1000]), "allowAnonymous": orNull(flag),
                ],
                required: []
            ),
            "ForumAuthor": object(
                ["id": ["type": "string", "description": "Absent when the author posted anonymously and the caller is a peer"], "displayName": text],
                required: ["displayName"]
            ),
            "ForumAttachment": object(
                [
                    "id": id, "filename": text, "size": integer, "contentType": text,
                    "contentPath": ["type": "string", "description": "GET it (bearer token) for a redirect to a short-lived signed link"],
                ],
                required: ["id", "filename", "size", "contentType", "contentPath"]
            ),
            "ForumThread": object(
                [
                    "id": id, "boardId": id, "kind": ["type": "string", "enum": ["question", "discussion"]], "title": text,
                    "body": ["type": "string", "description": "Markdown; absent once removed"], "bodyHtml": text, "tags": ["type": "array", "items": text],
                    "lessonId": id, "author": ref("ForumAuthor"), "anonymous": flag, "score": integer, "myVote": ["type": "integer", "enum": [-1, 0, 1]],
                    "replyCount": integer, "acceptedReplyId": id, "pinned": flag, "locked": flag, "removed": flag, "canEdit": flag,
                    "canDelete": flag, "createdAt": date, "editedAt": date, "lastActivityAt": date, "attachments": attachments,
                ],
                required: [
                    "id", "boardId", "kind", "title", "bodyHtml", "tags", "author", "anonymous", "score", "myVote", "replyCount", "pinned",
                    "locked", "removed", "canEdit", "canDelete", "createdAt", "lastActivityAt", "attachments",
                ]
            ),
            "ForumReply": object(
                [
                    "id": id, "threadId": id, "parentId": id, "body": ["type": "string", "description": "Markdown; absent once removed"],
                    "bodyHtml": text, "author": ref("ForumAuthor"), "anonymous": flag, "score": integer,
                    "myVote": ["type": "integer", "enum": [-1, 0, 1]], "accepted": flag, "removed": flag, "canEdit": flag, "canDelete": flag,
                    "createdAt": date, "editedAt": date, "attachments": attachments,
                ],
                required: [
                    "id", "threadId", "bodyHtml", "author", "anonymous", "score", "myVote", "accepted", "removed", "canEdit", "canDelete", "createdAt",
                    "attachments",
                ]
            ),
            "ForumThreadEnvelope": object(["thread": ref("ForumThread")], required: ["thread"]),
            "ForumReplyEnvelope": object(["reply": ref("ForumReply")], required: ["reply"]),
            "ForumThreadDetail": object(
                ["thread": ref("ForumThread"), "board": ref("ForumBoard"), "replies": ["type": "array", "items": ref("ForumReply")], "canAccept": flag],
                required: ["thread", "board", "replies", "canAccept"]
            ),
            "ForumThreadPage": object(
                ["board": ref("ForumBoard"), "items": ["type": "array", "items": ref("ForumThread")], "nextCursor": text],
                required: ["board", "items"]
            ),
            "ForumThreadDraft": object(
                [
                    "title": title, "body": body, "kind": orNull(kind), "tags": orNull(tags), "lessonId": orNull(id),
                    "anonymous": orNull(flag), "attachmentIds": attachmentIds,
                ],
                required: ["title", "body"]
            ),
            "ForumGroupPostDraft": object(
                [
                    "title": orNull(["type": "string", "maxLength": 200, "description": "Blank or absent: the start of the body's first line"]),
                    "body": body, "kind": orNull(kind), "tags": orNull(tags), "anonymous": orNull(flag), "attachmentIds": attachmentIds,
                ],
                required: ["body"]
            ),
            "ForumPostChanges": object(
                ["title": orNull(title), "body": orNull(body), "tags": orNull(tags), "attachmentIds": attachmentIds], required: []
            ),
            "ForumReplyChanges": object(["body": orNull(body), "attachmentIds": attachmentIds], required: []),
            "ForumReplyDraft": object(
                ["body": body, "parentId": orNull(id), "anonymous": orNull(flag), "attachmentIds": attachmentIds], required: ["body"]
            ),
            "ForumVote": object(["value": ["type": "integer", "enum": [-1, 1]]], required: ["value"]),
            "ForumVoteResult": object(["score": integer, "myVote": ["type": "integer", "enum": [-1, 0, 1]]], required: ["score", "myVote"]),
            "ForumAccept": object(["replyId": id], required: ["replyId"]),
            "ForumPin": object(["pinned": flag], required: ["pinned"]),
            "ForumLock": object(["locked": flag], required: ["locked"]),
            "ForumMove": object(["boardId": id], required: ["boardId"]),
            "ForumReportDraft": object(["reason": ["type": "string", "minLength": 1, "maxLength": 500, "pattern": "\\S"]], required: ["reason"]),
            "ForumReport": object(
                [
                    "id": id, "postId": id, "boardId": id, "reason": text,
                    "status": ["type": "string", "enum": ["open", "dismissed", "removed", "suspended"]], "createdAt": date, "resolvedAt": date,
                ],
                required: ["id", "postId", "boardId", "reason", "status", "createdAt"]
            ),
            "ForumReportEnvelope": object(["report": ref("ForumReport")], required: ["report"]),
            "ForumQueueEntry": object(
                [
                    "report": ref("ForumReport"), "boardTitle": text, "threadId": id, "postTitle": text, "postBody": text, "authorId": id,
                    "authorName": text, "reporterName": text,
                ],
                required: ["report", "boardTitle", "threadId", "postBody", "authorId", "authorName", "reporterName"]
            ),
            "ForumQueue": object(["items": ["type": "array", "items": ref("ForumQueueEntry")]], required: ["items"]),
            "ForumResolve": object(["action": ["type": "string", "enum": ["dismiss", "remove", "suspend"]]], required: ["action"]),
            "ForumSuspension": object(
                ["userId": id, "displayName": text, "suspendedById": id, "suspendedByName": text, "suspendedAt": date],
                required: ["userId", "displayName", "suspendedById", "suspendedByName", "suspendedAt"]
            ),
            "ForumSuspensionList": object(["items": ["type": "array", "items": ref("ForumSuspension")]], required: ["items"]),
            "ForumBlockedWords": object(
                [
                    "words": [
                        "type": "array", "maxItems": 500, "items": ["type": "string", "maxLength": 60],
                        "description": "Matched as whole words in any case; blank entries are ignored",
                    ]
                ],
                required: ["words"]
            ),
            "ForumRevision": object(
                ["title": text, "body": text, "tags": ["type": "array", "items": text], "editorId": id, "editedAt": date],
                required: ["body", "tags", "editorId", "editedAt"]
            ),
            "ForumRevisionList": object(["items": ["type": "array", "items": ref("ForumRevision")]], required: ["items"]),
        ]
    }
}
