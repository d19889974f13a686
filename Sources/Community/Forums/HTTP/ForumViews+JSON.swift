import LyceumContracts
import LyceumCore

// The thread read is the forum's hot path (a page of 200 replies is common): its views write themselves with
// `JSONWriter` instead of `JSONEncoder`. Like the synthesised `Encodable`, a `nil` optional leaves its key out;
// `ForumViewsJSONTests` compares both encodings so they cannot drift.

extension BoardView: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.key("kind")
        writer.string(kind)
        if let courseId {
            writer.key("courseId")
            writer.string(courseId)
        }
        if let groupId {
            writer.key("groupId")
            writer.string(groupId)
        }
        writer.key("title")
        writer.string(title)
        writer.key("description")
        writer.string(description)
        writer.key("allowAnonymous")
        writer.bool(allowAnonymous)
        writer.key("role")
        writer.string(role.rawValue)
        writer.key("suspended")
        writer.bool(suspended)
        writer.endObject()
    }
}

extension AuthorView: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let id {
            writer.key("id")
            writer.string(id)
        }
        writer.key("displayName")
        writer.string(displayName)
        writer.endObject()
    }
}

extension AttachmentView: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.attachment(id: id, filename: filename, size: size, contentType: contentType, contentPath: contentPath)
    }
}

extension ThreadView: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.key("boardId")
        writer.string(boardId)
        writer.key("kind")
        writer.string(kind)
        writer.key("title")
        writer.string(title)
        if let body {
            writer.key("body")
            writer.string(body)
        }
        writer.key("bodyHtml")
        writer.string(bodyHtml)
        writer.key("tags")
        writer.beginArray()
        for tag in tags { writer.string(tag) }
        writer.endArray()
        if let lessonId {
            writer.key("lessonId")
            writer.string(lessonId)
        }
        writer.key("author")
        writer.value(author)
        writer.key("anonymous")
        writer.bool(anonymous)
        writer.key("score")
        writer.int(score)
        writer.key("myVote")
        writer.int(myVote)
        writer.key("replyCount")
        writer.int(replyCount)
        if let acceptedReplyId {
            writer.key("acceptedReplyId")
            writer.string(acceptedReplyId)
        }
        writer.key("pinned")
        writer.bool(pinned)
        writer.key("locked")
        writer.bool(locked)
        writer.key("removed")
        writer.bool(removed)
        writer.key("canEdit")
        writer.bool(canEdit)
        writer.key("canDelete")
        writer.bool(canDelete)
        writer.key("createdAt")
        writer.date(createdAt)
        if let editedAt {
            writer.key("editedAt")
            writer.date(editedAt)
        }
        writer.key("lastActivityAt")
        writer.date(lastActivityAt)
        writer.key("attachments")
        writer.beginArray()
        for attachment in attachments { writer.value(attachment) }
        writer.endArray()
        writer.endObject()
    }
}

extension ReplyView: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.key("threadId")
        writer.string(threadId)
        if let parentId {
            writer.key("parentId")
            writer.string(parentId)
        }
        if let body {
            writer.key("body")
            writer.string(body)
        }
        writer.key("bodyHtml")
        writer.string(bodyHtml)
        writer.key("author")
        writer.value(author)
        writer.key("anonymous")
        writer.bool(anonymous)
        writer.key("score")
        writer.int(score)
        writer.key("myVote")
        writer.int(myVote)
        writer.key("accepted")
        writer.bool(accepted)
        writer.key("removed")
        writer.bool(removed)
        writer.key("canEdit")
        writer.bool(canEdit)
        writer.key("canDelete")
        writer.bool(canDelete)
        writer.key("createdAt")
        writer.date(createdAt)
        if let editedAt {
            writer.key("editedAt")
            writer.date(editedAt)
        }
        writer.key("attachments")
        writer.beginArray()
        for attachment in attachments { writer.value(attachment) }
        writer.endArray()
        writer.endObject()
    }
}

extension ThreadDetailView: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("thread")
        writer.value(thread)
        writer.key("board")
        writer.value(board)
        writer.key("replies")
        writer.beginArray()
        for reply in replies { writer.value(reply) }
        writer.endArray()
        writer.key("canAccept")
        writer.bool(canAccept)
        writer.endObject()
    }
}

extension ThreadPageView: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("board")
        writer.value(board)
        writer.key("items")
        writer.beginArray()
        for item in items { writer.value(item) }
        writer.endArray()
        if let nextCursor {
            writer.key("nextCursor")
            writer.string(nextCursor)
        }
        writer.endObject()
    }
}
