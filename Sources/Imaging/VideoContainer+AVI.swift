import Core
import Foundation

extension VideoContainer {
    /// Walks an AVI's RIFF chunks (into every LIST but `movi`) for IDIT, INFO/ICRD and INFO/ISFT.
    static func readAVI(_ source: ByteSource) throws -> Info {
        let head = try source.bytes(at: 0, count: 12)
        let riffEnd = 8 + UInt64(u32le(head, 4))
        guard riffEnd <= source.size else {
            throw source.problem("the RIFF header declares \(riffEnd) bytes but the file has \(source.size): the file is truncated (cut off while recording or copying)")
        }
        var found: [String: String] = [:]
        try walkChunks(source, from: 12, to: riffEnd, context: "RIFF AVI", depth: 0, found: &found)
        var info = Info(format: .avi, software: found["ISFT"])
        for (key, text) in [("IDIT", found["IDIT"]), ("ICRD", found["ICRD"])] {
            guard let text, info.cameraTime == nil else { continue }
            if let t = parseAVIDate(text) {
                info.cameraTime = t
                info.timeSource = "container:" + key
            } else if key == "IDIT" {
                throw source.problem("its IDIT date '\(text)' is not a date and time")
            }
            // ICRD often holds a date only ("2014-03-03"): not enough to place a clip, so it is passed over.
        }
        return info
    }

    /// Chunk IDs whose text is kept, and the most bytes read of each.
    static let textChunks: Set<String> = ["IDIT", "ICRD", "ISFT"]

    static func walkChunks(_ source: ByteSource, from start: UInt64, to end: UInt64, context: String, depth: Int,
                           found: inout [String: String]) throws {
        var offset = start
        while offset < end {
            guard end - offset >= 8 else { return } // a pad byte or two before the end of the parent
            let h = try source.bytes(at: offset, count: 8)
            let id = fourCC(h, 0)
            guard isPrintableFourCC(h, 0) else {
                throw source.problem("bytes at \(offset) in \(context) are not a chunk (ID \(id))")
            }
            let size = UInt64(u32le(h, 4))
            guard size <= end - offset - 8 else {
                throw source.problem("chunk '\(id)' at byte \(offset) declares \(size) bytes but only \(end - offset - 8) remain in \(context): truncated")
            }
            if id == "LIST" {
                guard size >= 4 else { throw source.problem("LIST at byte \(offset) is too short for its type") }
                let listType = fourCC(try source.bytes(at: offset + 8, count: 4), 0)
                if listType != "movi" && depth < 4 {
                    try walkChunks(source, from: offset + 12, to: offset + 8 + size, context: "LIST \(listType)",
                                   depth: depth + 1, found: &found)
                }
            } else if textChunks.contains(id), found[id] == nil {
                let text = try source.bytes(at: offset + 8, count: Int(min(size, 256)))
                found[id] = String(decoding: text.prefix { $0 != 0 }, as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            offset += 8 + size + (size & 1)
        }
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Reads an AVI date: C `ctime` style "Mon Mar 03 10:20:30 2014" (any case, day maybe space-padded,
    /// weekday optional) or "YYYY:MM:DD HH:MM:SS" / "YYYY-MM-DD HH:MM:SS" / "YYYY/MM/DD HH:MM:SS" (also with 'T').
    public static func parseAVIDate(_ text: String) -> CameraDateTime? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\0")))
        if let t = CameraDateTime(exif: trimmed) { return t }
        var parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String($0).lowercased() }
        if parts.count == 5 { parts.removeFirst() } // weekday
        guard parts.count == 4, let month = monthNames.firstIndex(of: String(parts[0].prefix(3))),
              let day = Int(parts[1]), let year = Int(parts[3]) else { return nil }
        let clock = parts[2].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        let exif = String(format: "%04d:%02d:%02d %02d:%02d:%02d", year, month + 1, day, clock[0], clock[1], clock[2])
        return CameraDateTime(exif: exif)
    }
}
