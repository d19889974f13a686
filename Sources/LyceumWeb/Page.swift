/// The main navigation entry a page belongs to, highlighted in the header.
public enum NavigationSection: Sendable {
    case home, courses, learning, teach, profile, admin, signin, messages
}

/// One page to render: a template, its typed content, and what the shared layout shows around it.
///
/// `Content` is a struct whose properties the template reads. Absent values are `Optional.none`, which a
/// template cannot render (a section over it is skipped and a variable is empty), so a page never shows
/// `nil`, `Optional(...)` or an empty link.
public struct Page<Content: Sendable>: Sendable {
    /// The template's registered name.
    public var template: String
    /// The document title, before " · Lyceum".
    public var title: String
    /// What the template shows.
    public var content: Content
    /// The highlighted navigation entry.
    public var section: NavigationSection?
    /// A narrow single-column layout (forms).
    public var narrow: Bool
    /// A success message shown above the content.
    public var notice: String?
    /// An error message shown above the content.
    public var error: String?

    /// Creates a page.
    public init(
        _ template: String, title: String, content: Content, section: NavigationSection? = nil, narrow: Bool = false,
        notice: String? = nil, error: String? = nil
    ) {
        self.template = template
        self.title = title
        self.content = content
        self.section = section
        self.narrow = narrow
        self.notice = notice
        self.error = error
    }
}

/// A page without content of its own (the template has only static text and the layout's values).
public struct NoContent: Sendable {
    /// Creates empty content.
    public init() {}
}

/// One `<option>` of a `<select>`.
public struct SelectOption: Sendable {
    /// The submitted value.
    public let value: String
    /// The text shown.
    public let label: String
    /// Whether it is the current choice.
    public let selected: Bool

    /// Options for `values`, marking `selected`; `labels` names values whose label differs from the value.
    public static func list(_ values: [String], selected: String?, labels: [String: String] = [:]) -> [SelectOption] {
        values.map { SelectOption(value: $0, label: labels[$0] ?? $0, selected: $0 == selected) }
    }
}
