import Core
import Foundation
import Ingest
import Store
import TestSupport

/// A survey in a temporary folder with deployments imported, for ingest tests.
struct IngestHarness {
    let dir = TemporaryDirectory("ingest")
    let store: SurveyStore

    init(deploymentsCSV: String, timeZone: String = "Asia/Vladivostok") throws {
        var settings = SurveySettings()
        settings.timeZone = timeZone
        store = try SurveyStore.create(directory: dir.path("survey"), settings: settings)
        let csv = dir.path("deployments.csv")
        try deploymentsCSV.write(to: csv, atomically: true, encoding: .utf8)
        try importDeployments(csv)
    }

    init(deploymentsFile: URL, timeZone: String = "UTC") throws {
        var settings = SurveySettings()
        settings.timeZone = timeZone
        store = try SurveyStore.create(directory: dir.path("survey"), settings: settings)
        try importDeployments(deploymentsFile)
    }

    private func importDeployments(_ url: URL) throws {
        let parsed = try DeploymentsCSV.read(url, defaultZone: try ZoneSpec(store.settings.timeZone))
        precondition(parsed.problems.isEmpty, "fixture deployments have problems: \(parsed.problems)")
        try store.upsertDeployments(parsed.deployments, actor: "test")
    }

    /// Runs ingest and collects the problem messages.
    func ingest(_ folder: URL, options: IngestOptions = IngestOptions(workers: 2)) throws -> (IngestSummary, [String]) {
        let problems = ProblemLog()
        let summary = try Ingestor(store: store).run(directory: folder, options: options,
                                                     observer: IngestObserver(problem: { problems.append($0) }))
        return (summary, problems.messages)
    }

    /// Every stored media by file name.
    func media() throws -> [String: Media] {
        var all: [String: Media] = [:]
        try store.forEachMedia { all[$0.filePath] = $0 }
        return all
    }
}

final class ProblemLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ s: String) { lock.withLock { list.append(s) } }
    var messages: [String] { lock.withLock { list } }
}
