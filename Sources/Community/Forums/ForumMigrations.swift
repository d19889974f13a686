import LyceumPlatform

/// Forum tables (a slice of Community's versions 300–399).
enum ForumMigrations {
    static let all: [Migration] = []
}
