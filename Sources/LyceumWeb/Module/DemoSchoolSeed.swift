import LyceumContracts
import Synchronization

/// The demo school as the modules build it, in module order: each module adds its part and reads what
/// earlier modules added (Identity creates the accounts that Courses then teaches and enrolls).
public final class DemoSchoolSeed: Sendable {
    /// The password of every demo account.
    public static let password = "lyceum-demo-2026"

    private struct State {
        var instructors: [Principal] = []
        var students: [Principal] = []
        var lines: [String] = []
        var lists: [String: [String]] = [:]
    }

    private let state = Mutex(State())

    /// Creates an empty seed.
    public init() {}

    /// The instructors created so far.
    public var instructors: [Principal] { state.withLock { $0.instructors } }
    /// The students created so far.
    public var students: [Principal] { state.withLock { $0.students } }

    /// Records a demo account so later modules can teach with it (instructors) or enroll it (students).
    public func addAccount(_ principal: Principal) {
        state.withLock { state in
            switch principal.role {
            case .admin: break
            case .instructor: state.instructors.append(principal)
            case .student: state.students.append(principal)
            }
        }
    }

    /// Records a named thing a module created ("courses": a title), for the summary and for tests.
    public func record(_ item: String, in list: String) {
        state.withLock { $0.lists[list, default: []].append(item) }
    }

    /// The things recorded in `list`, in order.
    public func recorded(_ list: String) -> [String] {
        state.withLock { $0.lists[list] ?? [] }
    }

    /// Adds a line to the summary printed for the operator (e.g. "courses: ...").
    public func report(_ line: String) {
        state.withLock { $0.lines.append(line) }
    }

    /// What was created, for the console.
    public var summary: String {
        let lines = state.withLock { $0.lines }
        return (["Demo school ready. Every account's password is \(Self.password)"] + lines.map { "  " + $0 })
            .joined(separator: "\n")
    }
}
