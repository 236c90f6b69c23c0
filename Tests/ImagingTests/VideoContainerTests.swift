import Core
import Foundation
import Imaging
import Testing

/// The container reader on hand-built MP4/QuickTime and AVI bytes: times, versions, and every kind of bad size.
@Suite struct VideoContainerTests {
    static func be32(_ v: UInt64) -> [UInt8] { (0..<4).map { UInt8((v >> (24 - 8 * UInt64($0))) & 0xFF) } }
    static func be64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8((v >> (56 - 8 * UInt64($0))) & 0xFF) } }
    static func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    static func box(_ type: String, _ payload: [UInt8]) -> [UInt8] { be32(UInt64(payload.count + 8)) + Array(type.utf8) + payload }
    static func chunk(_ id: String, _ payload: [UInt8]) -> [UInt8] {
        Array(id.utf8) + le32(payload.count) + payload + (payload.count % 2 == 1 ? [0] : [])
    }
    static func list(_ type: String, _ children: [UInt8]) -> [UInt8] { Array("LIST".utf8) + le32(children.count + 4) + Array(type.utf8) + children }
    static func riff(_ children: [UInt8]) -> [UInt8] { Array("RIFF".utf8) + le32(children.count + 4) + Array("AVI ".utf8) + children }

    /// 2014-03-03 10:20:30 as seconds since 1904-01-01.
    static let created: UInt64 = UInt64(CameraDateTime(exif: "2014:03:03 10:20:30")!.secondsAsIfUTC) + 2_082_844_800

    static func mvhd(version: UInt8, created: UInt64, timescale: UInt64 = 1000, duration: UInt64 = 12_500) -> [UInt8] {
        if version == 1 {
            return box("mvhd", [1, 0, 0, 0] + be64(created) + be64(created) + be32(timescale) + be64(duration) + [UInt8](repeating: 0, count: 80))
        }
        return box("mvhd", [0, 0, 0, 0] + be32(created) + be32(created) + be32(timescale) + be32(duration) + [UInt8](repeating: 0, count: 80))
    }

    static func mp4(_ mvhd: [UInt8], mdatFirst: Bool = true) -> [UInt8] {
        let ftyp = box("ftyp", Array("isom".utf8) + be32(512) + Array("isommp41".utf8))
        let mdat = box("mdat", [UInt8](repeating: 7, count: 300))
        let moov = box("moov", box("udta", []) + mvhd)
        return mdatFirst ? ftyp + mdat + moov : ftyp + moov + mdat
    }

    @Test(arguments: [UInt8(0), 1])
    func movieHeaderCreationTimeInBothVersions(version: UInt8) throws {
        for mdatFirst in [true, false] {
            let info = try VideoContainer.read(bytes: Self.mp4(Self.mvhd(version: version, created: Self.created), mdatFirst: mdatFirst), name: "a.mp4")
            #expect(info.format == .quickTime)
            #expect(info.cameraTime?.exifString == "2014:03:03 10:20:30")
            #expect(info.timeSource == "container:mvhd")
            #expect(info.duration == 12.5)
        }
    }

    @Test func largeSizeBoxesAreWalked() throws {
        let ftyp = Self.box("ftyp", Array("qt  ".utf8) + Self.be32(0))
        let payload = [UInt8](repeating: 1, count: 40)
        let mdat64 = Self.be32(1) + Array("mdat".utf8) + Self.be64(UInt64(payload.count + 16)) + payload
        let bytes = ftyp + mdat64 + Self.box("moov", Self.mvhd(version: 1, created: Self.created))
        #expect(try VideoContainer.read(bytes: bytes, name: "b.mov").cameraTime?.exifString == "2014:03:03 10:20:30")
    }

    @Test func unsetCreationTimeIsNoTime() throws {
        let info = try VideoContainer.read(bytes: Self.mp4(Self.mvhd(version: 0, created: 0)), name: "c.mp4")
        #expect(info.cameraTime == nil && info.timeSource == nil)
    }

    /// Ways a file goes bad, and the words its message must carry.
    static func damaged(_ kind: String, _ b: [UInt8]) -> [UInt8] {
        var c = b
        switch kind {
        case "truncated": c = Array(b.prefix(b.count - 50))
        case "fewer than its own header": c.replaceSubrange(24..<28, with: be32(4))
        default: c = Array(b.prefix(24 + 308)) // ftyp + mdat: no moov
        }
        return c
    }

    @Test(arguments: ["truncated", "fewer than its own header", "no movie header"])
    func badBoxesNameTheFile(expected: String) throws {
        let bad = Self.damaged(expected, Self.mp4(Self.mvhd(version: 0, created: Self.created)))
        do {
            _ = try VideoContainer.read(bytes: bad, name: "/cards/C1/BAD.MP4")
            Issue.record("no error for \(expected)")
        } catch let e as RosetteError {
            #expect(e.description.hasPrefix("/cards/C1/BAD.MP4: not a readable video"))
            #expect(e.description.contains(expected), "\(e)")
        }
    }

    @Test(arguments: [
        ("Mon Mar 03 10:20:30 2014", "2014:03:03 10:20:30"),
        ("MON MAR  3 10:20:30 2014\n", "2014:03:03 10:20:30"),
        ("Dec 31 23:59:59 2019", "2019:12:31 23:59:59"),
        ("2014:03:03 10:20:30", "2014:03:03 10:20:30"),
        ("2014/03/03 10:20:30", "2014:03:03 10:20:30"),
        ("2014-03-03T10:20:30", "2014:03:03 10:20:30"),
    ])
    func aviDateTexts(text: String, expected: String) {
        #expect(VideoContainer.parseAVIDate(text)?.exifString == expected)
    }

    @Test func iditInTheHeaderListWinsOverICRD() throws {
        let hdrl = Self.list("hdrl", Self.chunk("avih", [UInt8](repeating: 0, count: 56)) + Self.chunk("IDIT", Array("Mon Mar 03 10:20:30 2014\n".utf8) + [0]))
        let info = Self.list("INFO", Self.chunk("ISFT", Array("Bushnell".utf8) + [0]) + Self.chunk("ICRD", Array("2015-01-01 00:00:00".utf8)))
        let movi = Self.list("movi", Self.chunk("00dc", [1, 2, 3]))
        let parsed = try VideoContainer.read(bytes: Self.riff(hdrl + info + movi + Self.chunk("idx1", [])), name: "d.avi")
        #expect(parsed.format == .avi && parsed.timeSource == "container:IDIT")
        #expect(parsed.cameraTime?.exifString == "2014:03:03 10:20:30")
        #expect(parsed.software == "Bushnell")
    }

    @Test func icrdWithAFullTimeIsUsedAndADateAloneIsNot() throws {
        let full = try VideoContainer.read(bytes: Self.riff(Self.list("INFO", Self.chunk("ICRD", Array("2015-01-02 03:04:05".utf8)))), name: "e.avi")
        #expect(full.timeSource == "container:ICRD" && full.cameraTime?.exifString == "2015:01:02 03:04:05")
        let dateOnly = try VideoContainer.read(bytes: Self.riff(Self.list("INFO", Self.chunk("ICRD", Array("2015-01-02".utf8)))), name: "f.avi")
        #expect(dateOnly.cameraTime == nil)
    }

    @Test func badAVIsAreProblems() throws {
        let hdrl = Self.list("hdrl", Self.chunk("IDIT", Array("Mon Mar 03 10:20:30 2014".utf8)))
        let good = Self.riff(hdrl + Self.list("movi", Self.chunk("00dc", [UInt8](repeating: 9, count: 64))))
        let cases: [([UInt8], String)] = [
            (Array(good.prefix(good.count - 10)), "truncated"),
            (Self.riff(Self.list("hdrl", Self.chunk("IDIT", Array("sometime last week".utf8)))), "IDIT date 'sometime last week'"),
            ({ var b = good; b.replaceSubrange(16..<20, with: Self.le32(100_000)); return b }(), "declares 100000 bytes"),
            (Array("RIFF".utf8) + Self.le32(4) + Array("WAVE".utf8), "not AVI"),
        ]
        for (bytes, expected) in cases {
            do {
                _ = try VideoContainer.read(bytes: bytes, name: "/cards/X.AVI")
                Issue.record("no error for \(expected)")
            } catch let e as RosetteError {
                #expect(e.description.hasPrefix("/cards/X.AVI: not a readable video"), "\(e)")
                #expect(e.description.contains(expected), "\(e)")
            }
        }
    }
}
