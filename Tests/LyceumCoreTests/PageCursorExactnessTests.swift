import Foundation
import LyceumCore
import Testing

@Suite("Cursor exactness")
struct PageCursorExactnessTests {
    @Test("a date that lost its last bits still yields the stored millisecond value")
    func roundTripsThroughDrivers() throws {
        let stored = WallClock { Date(timeIntervalSince1970: 1_795_463_902.123_456) }.nowForStorage()
        let readBack = Date(timeIntervalSinceReferenceDate: (stored.timeIntervalSinceReferenceDate * 1e6).rounded() / 1e6)
        let cursor = try PageCursor(decoding: PageCursor(createdAt: readBack, id: "x").encoded)
        #expect(cursor.createdAt.timeIntervalSince1970.bitPattern == stored.timeIntervalSince1970.bitPattern)
        #expect(cursor.milliseconds == 1_795_463_902_123)
    }
}
