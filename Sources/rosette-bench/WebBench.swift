import Core
import Foundation
import Imaging
import Logging
import Server
import Store

/// `rosette-bench web`: wrk against the web app on loopback — the review page, the catalog API and a photo —
/// on a survey of `photos` photos (real JPEG files, hard links of one camera-sized picture) and `individuals`
/// individuals with reference photos, and encounters ranked against them with keypoint pairs.
///
/// The session is written into the survey directly (as a login would), so wrk sends its cookie.
enum WebBench {
    static func run(photos: Int, individuals: Int, seconds: Int, connections: Int, paths: [String]?, work: URL) async throws {
        try? FileManager.default.removeItem(at: work)
        let t0 = Date()
        let store = try buildSurvey(photos: photos, individuals: individuals, work: work)
        print(String(format: "web: survey of %d photos, %d individuals, %d encounters built in %.1f s",
                     photos, individuals, try store.undecidedEncounterIDs().count, Date().timeIntervalSince(t0)))
        try store.addWebUser(name: "bench", role: "reviewer", passwordHash: try Passwords.hash("bench-password", cost: 4), actor: "bench")
        let sessionID = "benchsession0000000000000000000000000000000"
        let session = try JSONEncoder().encode(WebSession(user: "bench", csrf: "bench-csrf", issuedAt: Date().timeIntervalSince1970 + 5))
        _ = try store.setWebSession(key: "session." + sessionID, value: session, expiresAt: Date().addingTimeInterval(86_400))

        var config = ServerConfiguration(survey: store.directory)
        config.port = 0
        let ready = AsyncStream<Int>.makeStream()
        var quiet = Logger(label: "rosette.bench.web")
        quiet.logLevel = .critical
        let app = try await buildApplication(config, logger: quiet) { port in ready.continuation.yield(port) }
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await p in ready.stream { port = p; break }
        let firstMedia = try store.mediaLocation(1)?.mediaID ?? 1
        let targets = paths ?? ["/review", "/api/review/encounters/1", "/api/individuals", "/catalog", "/media/\(firstMedia)"]
        print("web: wrk -c \(connections) -d \(seconds)s on http://127.0.0.1:\(port) (server and wrk share the machine's cores)")
        for path in targets {
            let out = try wrk(url: "http://127.0.0.1:\(port)\(path)", cookie: "rosette_session=\(sessionID)",
                              seconds: seconds, connections: connections)
            print("web: \(path): " + summarise(out))
        }
        _ = server   // the process ends here, and the server with it
    }

    static func buildSurvey(photos: Int, individuals: Int, work: URL) throws -> SurveyStore {
        var settings = SurveySettings()
        settings.timeZone = "+10:00"
        let store = try SurveyStore.create(directory: work.appendingPathComponent("survey"), settings: settings)
        let zone = try ZoneSpec("+10:00")
        let stations = 60
        var deployments: [(Deployment, [Malfunction])] = []
        for s in 0..<stations {
            let lat = 43 + Double(s % 10) * 0.02, lon = 131 + Double(s / 10) * 0.02
            let d = Deployment(deploymentID: String(format: "S%03d-A", s), locationID: String(format: "S%03d", s),
                               latitude: lat, longitude: lon,
                               deploymentStart: Timestamp.parse("2024-09-01", defaultZone: zone)!,
                               deploymentEnd: Timestamp.parse("2024-12-31", defaultZone: zone, endOfDay: true)!,
                               timezone: "+10:00", jurisdiction: s < 12 ? "CN" : "RU")
            deployments.append((d, []))
        }
        try store.upsertDeployments(deployments, actor: "bench")
        // One 1920×1080 picture, hard-linked once per photo (the server reads each file as it would a real one).
        let photosDir = work.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photosDir, withIntermediateDirectories: true)
        let w = 1920, h = 1080
        var pixels = [UInt8](repeating: 0, count: w * h * 3)
        for i in stride(from: 0, to: pixels.count, by: 3) { let x = (i / 3) % w, y = (i / 3) / w
            pixels[i] = UInt8((x ^ y) & 0xFF); pixels[i + 1] = UInt8((x / 4) & 0xFF); pixels[i + 2] = UInt8((y / 4) & 0xFF) }
        let jpeg = try pixels.withUnsafeBufferPointer { try JPEGEncoder.encode(pixels: $0, width: w, height: h, channels: 3, quality: 85) }
        let template = photosDir.appendingPathComponent("template.jpg")
        try Data(jpeg).write(to: template)
        let run = try store.beginIngestRun(root: photosDir.path)
        let (root, _) = try store.root(for: photosDir)
        let start = Timestamp.parse("2024-09-01", defaultZone: zone)!
        var files: [IngestedFile] = []
        for i in 0..<photos {
            let name = String(format: "IMG_%06d.JPG", i)
            try FileManager.default.linkItem(at: template, to: photosDir.appendingPathComponent(name))
            var m = Media(rootID: root, filePath: name, fileMediatype: "image/jpeg", fileSize: Int64(jpeg.count), fileModified: 0, contentKey: "k\(i)")
            m.deploymentID = String(format: "S%03d-A", (i / 30) % stations)
            m.timestamp = start.addingTimeInterval(Double(i) * 600)
            m.width = w
            m.height = h
            var o = Observation(mediaID: nil, deploymentID: m.deploymentID, observationType: .animal)
            o.scientificName = i % 3 == 0 ? "Panthera pardus orientalis" : "Cervus nippon"
            o.bboxX = 0.3; o.bboxY = 0.3; o.bboxWidth = 0.35; o.bboxHeight = 0.3
            files.append(IngestedFile(media: m, observations: [o], replacing: nil))
        }
        try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        try store.finishIngestRun(run, status: "complete")
        // Individuals, each with two reference photos; 200 encounters ranked against them with 40 pairs each.
        var references: [String: Int64] = [:]
        for k in 0..<individuals {
            let id = String(format: "L%03d", k)
            try store.addIndividual(id, sex: k % 2 == 0 ? "female" : "male", history: IndividualEdit(birthYear: 2014 + k % 8), actor: "bench")
            for r in 0..<2 {
                references[id] = try store.addReferencePhoto(individualID: id, mediaID: Int64(1 + (k * 7 + r * 3) % photos),
                                                             side: r == 0 ? "left" : "right", box: [0.3, 0.3, 0.35, 0.3], actor: "bench")
            }
        }
        let version = try store.catalogVersion()
        var rng = SplitMix(seed: 7)
        for e in 0..<min(200, photos / 3) {
            let mediaIDs = (0..<3).map { Int64(1 + (e * 3 + $0) * 3 % photos) }
            let boxes = mediaIDs.map { IdentificationBox(observationID: nil, mediaID: $0, eventID: "E\(e)", deploymentID: nil, timestamp: nil,
                                                          path: photosDir.appendingPathComponent(String(format: "IMG_%06d.JPG", $0 - 1)).path,
                                                          width: w, height: h, box: [0.3, 0.3, 0.35, 0.3], confidence: 0.9, scientificName: nil) }
            let encounter = try store.createEncounter(NewEncounter(eventID: "E\(e)", deploymentID: nil, scientificName: "Panthera pardus orientalis",
                                                                   side: "left", detector: "bench", boxes: boxes))
            let frames = encounter.frames.map { FrameOutcome(frameID: $0.id, features: 500, failure: nil) }
            let proposals = (0..<10).map { r -> MatchProposal in
                let id = String(format: "L%03d", (e * 13 + r * 29) % individuals)
                let pairs = (0..<40).map { _ in
                    KeypointPair(queryX: Float(rng.next() * 600), queryY: Float(rng.next() * 400),
                                 galleryX: Float(rng.next() * 600), galleryY: Float(rng.next() * 400), weight: Float(rng.next()))
                }
                return MatchProposal(individualID: id, rank: r + 1, score: 100 - Double(r) * 7, verifiedScore: 80 - Double(r) * 6,
                                     inliers: 40 - r * 3, referencePhotoID: references[id], frameID: frames[r % frames.count].frameID, pairs: pairs)
            }
            try store.saveRanking(encounterID: encounter.encounterID, catalogVersion: version, frames: frames, proposals: proposals, method: "bench")
        }
        return store
    }

    static func wrk(url: String, cookie: String, seconds: Int, connections: Int) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["wrk", "-t", "2", "-c", String(connections), "-d", "\(seconds)s", "--latency", "-H", "Cookie: \(cookie)", url]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// requests/s, p50 and p99 latency, and non-2xx answers from wrk's `--latency` output.
    static func summarise(_ out: String) -> String {
        func line(_ prefix: String) -> String? {
            out.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }
                .map { $0.trimmingCharacters(in: .whitespaces).dropFirst(prefix.count).trimmingCharacters(in: .whitespaces) }
        }
        guard let rps = line("Requests/sec:") else { return "wrk failed: " + out.prefix(300) }
        let non2xx = line("Non-2xx or 3xx responses:") ?? "0"
        let errors = line("Socket errors:") ?? "none"
        return "\(rps) requests/s, p50 \(line("50%") ?? "?"), p99 \(line("99%") ?? "?") (target p99 < 100 ms); "
            + "non-2xx \(non2xx); socket errors \(errors)"
    }
}

/// A small deterministic generator for the bench's keypoints.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
