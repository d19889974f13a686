import Foundation
import LyceumPlatform
import SQLKit

/// Filters and ordering for the public catalog.
public struct CatalogQuery: Sendable, Equatable {
    /// Price filter.
    public enum Price: String, Sendable { case free, paid }
    /// Ordering of results.
    public enum Sort: String, Sendable { case relevance, newest, popular }

    public var text: String?
    public var category: String?
    public var level: CourseLevel?
    public var language: String?
    public var price: Price?
    public var sort: Sort
    public var limit: Int
    public var offset: Int

    /// Creates a query; `sort` defaults to relevance with search text, else newest.
    public init(
        text: String? = nil, category: String? = nil, level: CourseLevel? = nil, language: String? = nil,
        price: Price? = nil, sort: Sort? = nil, limit: Int = 20, offset: Int = 0
    ) {
        self.text = text
        self.category = category
        self.level = level
        self.language = language
        self.price = price
        let hasText = !(text ?? "").isEmpty
        self.sort = sort.map { $0 == .relevance && !hasText ? .newest : $0 } ?? (hasText ? .relevance : .newest)
        self.limit = limit
        self.offset = offset
    }
}

/// Catalog listing and full-text search: SQLite FTS5 (bm25) or PostgreSQL `tsvector` (ts_rank) behind one method.
struct CatalogStore {
    /// Published courses matching `query`, one more than the limit so the caller knows if a page follows.
    static func search(_ query: CatalogQuery, engine: DatabaseEngine, on sql: any SQLDatabase) async throws -> [Course] {
        var select = sql.select().columns(CourseStore.columns.map { SQLColumn($0, table: "courses") }).from("courses")
            .where(SQLColumn("status", table: "courses"), .equal, SQLBind(CourseStatus.published.rawValue))
        let terms = searchTerms(query.text ?? "")
        if !terms.isEmpty {
            switch engine {
            case .sqlite:
                let match = terms.map { "\"\($0)\"*" }.joined(separator: " ")
                select = select.join(
                    SQLQueryString(
                        "(SELECT course_id, bm25(course_search, 0.0, 10.0, 4.0, 1.0, 6.0, 2.0) AS score FROM course_search WHERE course_search MATCH \(bind: match)) AS hits"
                    ),
                    method: SQLJoinMethod.inner,
                    on: SQLQueryString("hits.course_id = courses.id")
                )
            case .postgres:
                let tsquery = terms.map { "\($0):*" }.joined(separator: " & ")
                select = select.where(SQLQueryString("courses.search_document @@ to_tsquery('simple', \(bind: tsquery))"))
                if query.sort == .relevance {
                    select = select.orderBy(
                        SQLQueryString("ts_rank(courses.search_document, to_tsquery('simple', \(bind: tsquery))) DESC")
                    )
                }
            }
        }
        if let category = query.category { select = select.where(SQLColumn("category", table: "courses"), .equal, SQLBind(category)) }
        if let level = query.level { select = select.where(SQLColumn("level", table: "courses"), .equal, SQLBind(level.rawValue)) }
        if let language = query.language { select = select.where(SQLColumn("language", table: "courses"), .equal, SQLBind(language)) }
        switch query.price {
        case .free: select = select.where(SQLColumn("price_minor", table: "courses"), .equal, SQLBind(0))
        case .paid: select = select.where(SQLColumn("price_minor", table: "courses"), .greaterThan, SQLBind(0))
        case nil: break
        }
        switch query.sort {
        case .relevance:
            if engine == .sqlite, !terms.isEmpty { select = select.orderBy(SQLQueryString("hits.score ASC")) }
        case .popular:
            select = select.orderBy(SQLColumn("enrollment_count", table: "courses"), SQLDirection.descending)
        case .newest:
            break
        }
        select = select.orderBy(SQLColumn("published_at", table: "courses"), SQLDirection.descending)
            .orderBy(SQLColumn("id", table: "courses"), SQLDirection.descending)
        return try await select.limit(query.limit + 1).offset(query.offset).all().map(CourseStore.decode)
    }

    /// Rebuilds the search document of one course from its catalog fields and lesson titles.
    static func refresh(courseID: String, engine: DatabaseEngine, on sql: any SQLDatabase) async throws {
        guard let course = try await CourseStore.find(courseID, on: sql) else { return }
        let hiddenModules = Set(try await StructureStore.modules(courseID: courseID, on: sql).filter(\.isHidden).map(\.id))
        let lessonTitles = try await StructureStore.lessons(courseID: courseID, on: sql)
            .filter { !$0.isHidden && !hiddenModules.contains($0.moduleID) }.map(\.title).joined(separator: " ")
        let tags = course.tags.joined(separator: " ")
        switch engine {
        case .sqlite:
            try await sql.delete(from: "course_search").where("course_id", .equal, courseID).run()
            try await sql.insert(into: "course_search")
                .columns("course_id", "title", "summary", "description", "tags", "lessons")
                .values(
                    SQLBind(courseID), SQLBind(course.title), SQLBind(course.summary), SQLBind(course.description),
                    SQLBind(tags), SQLBind(lessonTitles)
                )
                .run()
        case .postgres:
            try await sql.raw(
                """
                UPDATE courses SET search_document =
                    setweight(to_tsvector('simple', \(bind: course.title)), 'A') ||
                    setweight(to_tsvector('simple', \(bind: tags)), 'B') ||
                    setweight(to_tsvector('simple', \(bind: course.summary + " " + lessonTitles)), 'C') ||
                    setweight(to_tsvector('simple', \(bind: course.description)), 'D')
                WHERE id = \(bind: courseID)
                """
            ).run()
        }
    }

    /// The words of a search, lowercased, letters and digits only (so nothing reaches the query syntax), at most 8.
    static func searchTerms(_ text: String) -> [String] {
        text.lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .map { String($0.prefix(40)) }
            .prefix(8)
            .map { $0 }
    }
}
