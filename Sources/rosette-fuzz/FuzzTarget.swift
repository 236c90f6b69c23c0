import Census
import Core
import Exchange
import Foundation
import Imaging
@testable import Ingest
import Triage

/// One parser under fuzzing: the bytes of an input in, whatever the parser makes of them out.
///
/// A thrown Swift error is an answer, not a failure; a trap, a sanitizer report or a hang is a bug. Parsers that
/// only read files get the input written to a scratch file on tmpfs (`FuzzScratch`).
enum FuzzTarget: String, CaseIterable, Sendable {
    /// EXIF/XMP through exiv2 from a buffer (the shim's XMP segment walk included), then the maker note.
    case exif
    /// Ingest's per-file read: JPEG start and end markers, content key, metadata from the first 64 KiB.
    case jpeg
    /// A raw camera-trap maker note (Reconyx) under each make Rosette knows.
    case makernote
    case deployments
    case taxonomy
    case megadetector
    /// Traps, captures and mask text, split at NUL bytes.
    case secr
    /// A Camtrap DP package: datapackage.json, deployments, media and observations CSVs split at NUL bytes.
    case camtrap
    case evidence
    /// MP4/QuickTime `mvhd` and AVI `IDIT`/`ICRD` headers.
    case video

    static let zone = try! ZoneSpec("Asia/Vladivostok")

    func run(_ bytes: [UInt8]) {
        switch self {
        case .exif: FuzzTarget.exif(bytes)
        case .jpeg: FuzzTarget.jpeg(bytes)
        case .makernote:
            for make in [nil, "RECONYX", "Reconyx", "Other"] { _ = try? MakerNoteReader.read(bytes, make: make) }
        case .deployments:
            _ = try? DeploymentsCSV.parse(CSVReader(text: FuzzTarget.text(bytes), file: "deployments.csv"), defaultZone: FuzzTarget.zone)
        case .taxonomy:
            guard let url = try? FuzzScratch.shared.file(Taxonomy.surveyFileName, bytes) else { return }
            if let taxa = try? Taxonomy.entries(csv: url) {
                var taxonomy = Taxonomy.builtIn
                for t in taxa { taxonomy.add(t) }
                for t in taxa { _ = taxonomy.resolve(t.commonName) }
            }
        case .megadetector:
            if let (batch, _) = try? MegaDetectorBatch.parse(Data(bytes), path: "md.json") { _ = batch.jsonText }
        case .secr: FuzzTarget.secr(bytes)
        case .camtrap: FuzzTarget.camtrap(bytes)
        case .evidence:
            _ = try? EvidenceCSV.parse(CSVReader(text: FuzzTarget.text(bytes), file: "evidence.csv"), defaultZone: FuzzTarget.zone)
        case .video:
            _ = try? VideoContainer.read(bytes: bytes, name: "clip")
        }
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The input split at NUL bytes into exactly `count` parts (missing parts empty, extra NULs kept in the last).
    static func parts(_ bytes: [UInt8], _ count: Int) -> [[UInt8]] {
        var out = bytes.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false).map(Array.init)
        while out.count < count { out.append([]) }
        return out
    }

    static func exif(_ bytes: [UInt8]) {
        let result = bytes.withUnsafeBytes { MetadataReader.read(buffer: $0) }
        if case .metadata(let m) = result { _ = m.cameraTrap }
    }

    static func jpeg(_ bytes: [UInt8]) {
        _ = PhotoReader.contentKey(bytes: bytes)
        _ = PhotoReader.hasEndMarker(bytes, count: bytes.count)
        guard let url = try? FuzzScratch.shared.file("photo.jpg", bytes) else { return }
        _ = try? PhotoReader().read(path: url.path, displayPath: "photo.jpg", size: Int64(bytes.count), isJPEG: true)
    }

    static func secr(_ bytes: [UInt8]) {
        let p = parts(bytes, 3).map(text)
        if let traps = try? SECRTextFormat.parseTraps(p[0], fileName: "traps.txt") {
            for layout in SECRTextFormat.CaptureLayout.allCases {
                _ = try? SECRTextFormat.parseCaptures(p[1], fileName: "capt.txt", traps: traps, layout: layout)
            }
        }
        _ = try? SECRTextFormat.parseMask(p[2], fileName: "mask.txt")
    }

    static func camtrap(_ bytes: [UInt8]) {
        let p = parts(bytes, 4)
        guard let dir = try? FuzzScratch.shared.package(descriptor: p[0], tables: Array(p[1...])) else { return }
        guard let (package, _) = try? CamtrapPackage.read(dir) else { return }
        _ = CamtrapValidator.problems(in: package)
    }
}
