import Foundation

/// Camera-trap maker notes written byte by byte for fixtures, at the field positions exiftool's Reconyx tables
/// document (little-endian). Real notes come from the photos in `../shared`; these reproduce a camera that
/// numbers its sequences or fires on a clock, which no shared photo does.
public enum CameraTrapNotes {
    /// A HyperFire 2 note ("RECONYXH2\0"): trigger letter, sequence "index of length", event, °F/°C, moon, mV.
    public static func hyperFire2(trigger: Character = "M", index: Int, length: Int, event: Int, temperatureC: Int = 2,
                                  moonPhase: Int = 0, batteryMillivolts: Int = 7800) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 0x9c)
        b.replaceSubrange(0..<10, with: Array("RECONYXH2".utf8) + [0])
        b[0x34] = UInt8(ascii: trigger.unicodeScalars.first!)
        put16(&b, 0x36, index)
        put16(&b, 0x38, length)
        put16(&b, 0x3a, event >> 16)
        put16(&b, 0x3c, event & 0xFFFF)
        put16(&b, 0x4c, moonPhase)
        put16(&b, 0x4e, temperatureC * 9 / 5 + 32)
        put16(&b, 0x50, temperatureC)
        put16(&b, 0x62, batteryMillivolts)
        return b
    }

    /// An original HyperFire note (0x01 0xF1, firmware word 3): fields at 16-bit word positions.
    public static func hyperFire(trigger: Character = "T", index: Int, length: Int, event: Int, temperatureC: Int,
                                 moonPhase: Int, batteryMillivolts: Int) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 0x2b * 2 + 22)
        b[0] = 0x01; b[1] = 0xF1; b[2] = 0x03
        b[0x06 * 2] = UInt8(ascii: trigger.unicodeScalars.first!)
        put16(&b, 0x07 * 2, index)
        put16(&b, 0x08 * 2, length)
        put16(&b, 0x09 * 2, event >> 16)
        put16(&b, 0x0a * 2, event & 0xFFFF)
        put16(&b, 0x12 * 2, moonPhase)
        put16(&b, 0x13 * 2, temperatureC * 9 / 5 + 32)
        put16(&b, 0x14 * 2, temperatureC)
        put16(&b, 0x2a * 2, batteryMillivolts)
        return b
    }

    /// An UltraFire note ("RECONYXUF\0"): byte-wide sequence, 32-bit event.
    public static func ultraFire(trigger: Character = "M", index: Int, length: Int, event: Int, temperatureC: Int,
                                 moonPhase: Int, batteryMillivolts: Int) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 0x5a + 21)
        b.replaceSubrange(0..<10, with: Array("RECONYXUF".utf8) + [0])
        b[0x34] = UInt8(ascii: trigger.unicodeScalars.first!)
        b[0x35] = UInt8(index)
        b[0x36] = UInt8(length)
        put16(&b, 0x37, event & 0xFFFF)
        put16(&b, 0x39, event >> 16)
        b[0x43] = UInt8(moonPhase)
        put16(&b, 0x44, temperatureC * 9 / 5 + 32)
        put16(&b, 0x46, temperatureC)
        put16(&b, 0x49, batteryMillivolts)
        return b
    }

    /// The raw maker note of a real JPEG, found by its Reconyx signature in the file's first 64 KiB
    /// (`length` bytes from the signature, as far as the file goes); nil when there is none.
    public static func rawNote(inFile url: URL, signature: String = "RECONYXH2", length: Int = 837) throws -> [UInt8]? {
        let head = [UInt8](try Data(contentsOf: url).prefix(64 * 1024))
        let sig = Array(signature.utf8)
        guard head.count >= sig.count else { return nil }
        for i in 0...(head.count - sig.count) where head[i] == sig[0] && Array(head[i..<i + sig.count]) == sig {
            return Array(head[i..<min(head.count, i + length)])
        }
        return nil
    }

    private static func put16(_ b: inout [UInt8], _ offset: Int, _ value: Int) {
        let v = UInt16(truncatingIfNeeded: value)
        b[offset] = UInt8(v & 0xFF)
        b[offset + 1] = UInt8(v >> 8)
    }
}
