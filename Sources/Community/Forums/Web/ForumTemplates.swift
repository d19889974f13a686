import LyceumWeb

/// The forums page templates.
enum ForumTemplates {
    static let all: [PageTemplate] = []
}
