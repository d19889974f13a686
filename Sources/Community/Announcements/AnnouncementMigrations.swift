import LyceumPlatform

/// Announcement tables (a slice of Community's versions 300–399).
enum AnnouncementMigrations {
    static let all: [Migration] = []
}
