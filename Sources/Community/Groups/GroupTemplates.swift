import LyceumWeb

/// The groups page templates.
enum GroupTemplates {
    static let all: [PageTemplate] = []
}
