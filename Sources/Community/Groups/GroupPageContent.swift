import Foundation
import LyceumWeb

/// The typed contents of the study group pages.
enum GroupPageContent {
    /// One group in the directory.
    struct Card: Sendable {
        let id: String
        let name: String
        let description: String
        let visibility: String
        let memberCount: Int
        let memberLimit: Int
    }

    /// `/groups`: the search, the course filter, the list, the next page's link and the form to create a group.
    struct Directory: Sendable {
        let query: String
        /// The course filter's choices; `hasCourses` says whether to show it.
        let courses: [CourseChoice]
        let hasCourses: Bool
        let groups: [Card]
        let nextURL: String?
        let invites: [Invite]
        let form: CreateForm
    }

    /// The form to create a group: the typed values, and the problems of a refused one by form field.
    struct CreateForm: Sendable {
        let name: String
        let description: String
        let courseId: String
        let visibilities: [SelectOption]
        let memberLimit: String
        let fields: [String: String]

        /// The empty form.
        static let blank = CreateForm(
            name: "", description: "", courseId: "", visibilities: visibilityOptions(selected: GroupVisibility.open.rawValue),
            memberLimit: String(GroupRules.defaultMemberLimit), fields: [:]
        )
    }

    /// The choices of a "Who may join" select, marking `selected`.
    static func visibilityOptions(selected: String) -> [SelectOption] {
        SelectOption.list(
            GroupVisibility.allCases.map(\.rawValue), selected: selected,
            labels: ["open": "Anyone (open)", "request": "Anyone who asks and is approved", "invite": "Only people invited"]
        )
    }

    /// One course of the directory's course filter.
    struct CourseChoice: Sendable {
        let id: String
        let title: String
        let selected: Bool
    }

    /// A pending invitation of the viewer's, with its group.
    struct Invite: Sendable {
        let id: String
        let groupID: String
        let groupName: String
    }

    /// One member row; `canPromote`, `canDemote` and `canRemove` say which tools the viewer has.
    struct Member: Sendable {
        let userID: String
        let displayName: String
        let role: String
        let canPromote: Bool
        let canDemote: Bool
        let canRemove: Bool
        let canTransfer: Bool
    }

    /// One pending request or invitation.
    struct Pending: Sendable {
        let id: String
        /// Where the moderators' approve and reject buttons post.
        let decideURL: String
        let displayName: String
        let message: String
    }

    /// `/groups/{group}`.
    struct Group: Sendable {
        let id: String
        let name: String
        let description: String
        let visibility: String
        let courseTitle: String?
        let memberCount: Int
        let memberLimit: Int
        let isMember: Bool
        let myRole: String?
        let canJoin: Bool
        let canRequest: Bool
        let requested: Bool
        let inviteID: String?
        let canModerate: Bool
        let canManage: Bool
        let members: [Member]
        let requests: [Pending]
        let invites: [Pending]
        /// The invite form's typed name and, when it was refused, why.
        let inviteName: String
        let inviteError: String?
        /// Other modules' panels for the group (its chat), as HTML.
        let panelsHtml: String
    }

    /// A confirmation: a question, what happens, and the form that does it.
    struct Confirm: Sendable {
        let groupID: String
        let groupName: String
        let question: String
        let explanation: String
        let action: String
        let button: String
        let testID: String
    }

    /// The users sharing the name someone typed to invite, to pick one.
    struct PickInvitee: Sendable {
        let groupID: String
        let groupName: String
        let name: String
        let candidates: [Candidate]
    }

    /// One user to pick.
    struct Candidate: Sendable {
        let id: String
        let displayName: String
        let hint: String
    }
}
