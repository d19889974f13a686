/// A fact a domain announces to other modules ("a learner completed a course"), written in the same
/// transaction as the change it describes. Each subscriber's handler then runs as a job of its own.
public protocol DomainEvent: Codable, Sendable {
    /// The name subscribers register for ("courses.course-completed"); stable across releases.
    static var eventName: String { get }
}
