import LyceumWeb

/// The announcements page templates.
enum AnnouncementTemplates {
    static let all: [PageTemplate] = []
}
