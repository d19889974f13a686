import LyceumContracts
import LyceumPlatform

/// Lets Media serve an upload to those who may read a lesson that uses it: registered as `lesson-attachment`
/// (files attached to lessons) and `lesson-video` (uploaded lesson videos).
struct LessonUploadAccess: UploadReadAccess {
    let courses: CoursesService
    let use: LessonMediaStore.Use

    func canRead(_ principal: Principal, uploadID: String) async throws -> Bool {
        try await courses.mayRead(principal, uploadID: uploadID, use: use)
    }
}

/// Courses' subscription to Media's events.
enum LessonMediaEvents {
    /// When an upload is deleted, the lessons that attached it or played it as their video forget it.
    static func register(in registry: JobRegistry, service: CoursesService) {
        registry.subscribe(UploadDeleted.self, as: "courses.lesson-media-on-upload-deleted") { event, _ in
            try await service.forgetUpload(event.uploadID)
        }
    }
}
