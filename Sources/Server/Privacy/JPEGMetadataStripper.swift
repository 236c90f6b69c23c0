import Foundation

/// Removes the metadata segments of a JPEG without decoding it: EXIF and XMP (APP1), IPTC (APP13), other
/// application segments that cameras fill (APP3–APP12, APP15) and comments. JFIF (APP0), ICC colour (APP2) and
/// Adobe (APP14) stay, so the picture looks the same; the scan data is copied byte for byte.
///
/// This is what a role without exact locations receives: no GPS tags, no camera or station names.
enum JPEGMetadataStripper {
    enum Failure: Error, Equatable { case notJPEG, truncated(offset: Int) }

    static func strip(_ data: Data) throws -> Data {
        let b = [UInt8](data)
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { throw Failure.notJPEG }
        var out = Data([0xFF, 0xD8])
        out.reserveCapacity(b.count)
        var i = 2
        while i < b.count {
            guard b[i] == 0xFF else { throw Failure.truncated(offset: i) }
            var marker = b[i + 1 < b.count ? i + 1 : i]
            // Fill bytes (0xFF 0xFF …) before a marker.
            while marker == 0xFF, i + 2 < b.count { i += 1; marker = b[i + 1] }
            guard i + 1 < b.count else { throw Failure.truncated(offset: i) }
            if marker == 0xD9 { out.append(contentsOf: [0xFF, 0xD9]); return out }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { out.append(contentsOf: [0xFF, marker]); i += 2; continue }
            guard i + 3 < b.count else { throw Failure.truncated(offset: i) }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            let end = i + 2 + length
            guard length >= 2, end <= b.count else { throw Failure.truncated(offset: i) }
            if marker == 0xDA {
                // Start of scan: the rest is entropy-coded data (with any later markers); copy it all.
                out.append(contentsOf: b[i...])
                return out
            }
            let drop = marker == 0xE1 || marker == 0xED || marker == 0xFE
                || (0xE3...0xEC).contains(marker) || marker == 0xEF
            if !drop { out.append(contentsOf: b[i..<end]) }
            i = end
        }
        throw Failure.truncated(offset: i)
    }
}
