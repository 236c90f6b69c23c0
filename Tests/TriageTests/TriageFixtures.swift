import Core
import Foundation
import Store
import TestSupport

/// Surveys with stored media rows (no image files needed) for triage tests.
enum TriageFixtures {
    static let root = "/media/cards/2024-10"

    /// A survey whose media root is `root` holding the given relative paths (one deployment per station folder).
    static func store(paths: [String], in dir: TemporaryDirectory, name: String = "S", root: String = root) throws -> SurveyStore {
        let store = try SurveyStore.create(directory: dir.path(name))
        let run = try store.beginIngestRun(root: root)
        let (rootID, _) = try store.root(for: URL(fileURLWithPath: root))
        let files = paths.enumerated().map { i, path in
            IngestedFile(media: Media(rootID: rootID, filePath: path, fileMediatype: "image/jpeg", fileSize: 100,
                                      fileModified: 0, contentKey: "key-\(i)-\(path)"),
                         observations: [], replacing: nil)
        }
        try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        return store
    }

    static func fixtureURL(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
    }

    static let quirkPaths = ["S01/A/IMG_0001.JPG", "S01/A/IMG_0002.JPG", "S02/A/IMG_0001.JPG", "S02/A/IMG_0002.JPG",
                             "S02/A/IMG_0003.JPG", "S03/A/IMG_0001.JPG"]
}
