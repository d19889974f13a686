/// The fields of a new course, as an instructor submits them.
public struct CourseDraft: Sendable, Decodable {
    public var title: String
    public var slug: String?
    public var summary: String?
    public var description: String?
    public var category: String?
    public var tags: [String]?
    public var level: CourseLevel?
    public var language: String?
    public var priceMinor: Int?
    public var currency: String?
    public var coverImageRef: String?

    /// A draft with only a title; the other fields take their defaults.
    public init(title: String) {
        self.title = title
    }
}

/// Changes to a course; absent fields stay as they are.
public struct CourseChanges: Sendable, Decodable {
    public var title: String?
    public var slug: String?
    public var summary: String?
    public var description: String?
    public var category: String?
    public var tags: [String]?
    public var level: CourseLevel?
    public var language: String?
    public var priceMinor: Int?
    public var currency: String?
    public var coverImageRef: String?

    /// No changes.
    public init() {}
}

/// The fields of a lesson; on update, absent fields stay as they are.
public struct LessonInput: Sendable, Decodable {
    public var title: String?
    public var body: String?
    public var estimatedMinutes: Int?
    /// An external video address (https); an empty value removes it.
    public var videoUrl: String?
    /// An uploaded video (purpose `video`, the caller's); an empty value removes it.
    public var videoUploadId: String?
    public var preview: Bool?
    /// Hidden from students.
    public var hidden: Bool?

    /// An empty input.
    public init() {}
}

/// A new order for a course's structure: every module in order, each with every lesson in order.
public struct StructureOrder: Sendable, Decodable {
    /// One module and its lessons.
    public struct ModuleOrder: Sendable, Decodable {
        public var id: String
        public var lessons: [String]
    }

    public var modules: [ModuleOrder]
}
