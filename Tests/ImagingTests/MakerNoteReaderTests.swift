import Core
import Foundation
import Imaging
import Testing
import TestSupport

/// The camera-trap maker-note parser on real Reconyx and Bushnell photos, on notes written at the documented
/// positions, and on truncated and garbage notes.
@Suite struct MakerNoteReaderTests {
    /// The Camtrap DP example's ten HyperFire 2 COVERT frames, one camera sequence: file, place "i of 10",
    /// battery (mV), as read by eye from `exiftool -a -G1` (TriggerMode Motion Detection, Sequence i of 10,
    /// EventNumber 4, AmbientTemperature 2 C / 35 F, MoonPhase New).
    static let reconyx: [(String, Int, Int)] = [
        ("20210531082538-RCNX0031.JPG", 1, 7814), ("20210531082538-RCNX0032.JPG", 2, 7889),
        ("20210531082539-RCNX0033.JPG", 3, 7912), ("20210531082539-RCNX0034.JPG", 4, 7946),
        ("20210531082539-RCNX0035.JPG", 5, 7946), ("20210531082540-RCNX0036.JPG", 6, 7929),
        ("20210531082540-RCNX0037.JPG", 7, 7929), ("20210531082540-RCNX0038.JPG", 8, 7929),
        ("20210531082540-RCNX0039.JPG", 9, 7912), ("20210531082541-RCNX0040.JPG", 10, 7912),
    ]

    static var hasReconyx: Bool {
        FileManager.default.fileExists(atPath: SharedData.camtrapDPExample.appendingPathComponent("media").path)
    }

    @Test(.enabled(if: MakerNoteReaderTests.hasReconyx, SharedData.skipMessage), arguments: MakerNoteReaderTests.reconyx)
    func realHyperFire2FramesGiveTheirPlaceInTheSequence(file: String, index: Int, millivolts: Int) throws {
        let url = SharedData.camtrapDPExample.appendingPathComponent("media/" + file)
        // As ingest reads it: the first 64 KiB handed to exiv2, the maker note parsed from the same buffer.
        let head = [UInt8](try Data(contentsOf: url).prefix(64 * 1024))
        guard case .metadata(let m) = head.withUnsafeBytes({ MetadataReader.read(buffer: $0) }) else {
            Issue.record("\(file): metadata not read from the first 64 KiB")
            return
        }
        let r = try #require(m.cameraTrap, "\(file): no reading")
        #expect(r.maker == "reconyx-hyperfire2")
        #expect(r.trigger == .motion && r.triggerLetter == "M")
        #expect(r.sequenceIndex == index && r.sequenceLength == 10)
        #expect(r.eventNumber == 4)
        #expect(r.temperatureC == 2)
        #expect(r.moonPhase == 0)
        #expect(r.batteryVolts == Double(millivolts) / 1000)
        #expect(try MetadataReader.read(path: url.path).cameraTrap == r, "the whole-file read agrees")
    }

    @Test(.enabled(if: SharedData.hasPeruBursts, "../shared/data/peru-bursts not found: Bushnell photos skipped"))
    func bushnellFramesCarryNoReading() throws {
        // Their 460-byte maker notes are all zeros and Make is empty (Software "BS682BWNx0110E"): nothing to read.
        let folder = SharedData.peruBursts.appendingPathComponent("S90/SDZG2")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".JPG") }.sorted()
        #expect(files.count == 51)
        for f in files {
            let m = try MetadataReader.read(path: folder.appendingPathComponent(f).path)
            #expect(m.cameraTrap == nil, "\(f)")
            #expect(!m.dateTimeOriginal.isEmpty, "\(f): the rest of its metadata is still read")
        }
    }

    @Test func hyperFireAndUltraFireNotesAtTheDocumentedPositions() throws {
        let hf = try #require(try MakerNoteReader.read(
            CameraTrapNotes.hyperFire(trigger: "T", index: 1, length: 1, event: 70_001, temperatureC: -12, moonPhase: 4,
                                      batteryMillivolts: 11_950), make: "RECONYX"))
        #expect(hf.maker == "reconyx-hyperfire" && hf.trigger == .timeLapse && hf.sequenceIndex == 1 && hf.sequenceLength == 1)
        #expect(hf.eventNumber == 70_001 && hf.temperatureC == -12 && hf.moonPhase == 4 && hf.batteryVolts == 11.95)

        let uf = try #require(try MakerNoteReader.read(
            CameraTrapNotes.ultraFire(trigger: "P", index: 2, length: 5, event: 123_456, temperatureC: 31, moonPhase: 7,
                                      batteryMillivolts: 6_100), make: ""))
        #expect(uf.maker == "reconyx-ultrafire" && uf.trigger == .other && uf.triggerLetter == "P")
        #expect(uf.sequenceIndex == 2 && uf.sequenceLength == 5 && uf.eventNumber == 123_456)
        #expect(uf.temperatureC == 31 && uf.moonPhase == 7 && uf.batteryVolts == 6.1)
    }

    @Test func theShortHyperFireSignatureNeedsReconyxOrAFirmwareWord() throws {
        var note = CameraTrapNotes.hyperFire(trigger: "M", index: 1, length: 3, event: 9, temperatureC: 5, moonPhase: 1,
                                             batteryMillivolts: 9000)
        note[2] = 0x07   // not a known firmware word
        #expect(try MakerNoteReader.read(note, make: "SomeCam") == nil, "0x01 0xF1 alone is too weak a signature")
        #expect(try MakerNoteReader.read(note, make: "RECONYX")?.sequenceLength == 3)
    }

    @Test func implausibleFieldsAreLeftOutNotGuessed() throws {
        // "4 of 3", moon phase 9, 500 °C, trigger byte 0: each left out; the rest of the note still read.
        var note = CameraTrapNotes.hyperFire2(trigger: "M", index: 4, length: 3, event: 12, temperatureC: 500, moonPhase: 9)
        note[0x34] = 0
        let r = try #require(try MakerNoteReader.read(note, make: "RECONYX"))
        #expect(r.trigger == nil && r.sequenceIndex == nil && r.sequenceLength == nil && r.moonPhase == nil && r.temperatureC == nil)
        #expect(r.eventNumber == 12 && r.batteryVolts == 7.8)
    }

    @Test(arguments: [0, 1, 9, 10, 11, 0x33, 0x51])
    func aTruncatedKnownNoteIsAnErrorNotACrash(length: Int) throws {
        let note = Array(CameraTrapNotes.hyperFire2(index: 1, length: 3, event: 1).prefix(length))
        if length < 10 {
            #expect(try MakerNoteReader.read(note, make: "RECONYX") == nil, "too short to carry the signature: not present")
        } else {
            #expect(throws: MakerNoteReader.Failure.self) { try MakerNoteReader.read(note, make: "RECONYX") }
        }
    }

    @Test(.enabled(if: MakerNoteReaderTests.hasReconyx, SharedData.skipMessage))
    func everyPrefixOfARealNoteIsReadOrRefused() throws {
        let url = SharedData.camtrapDPExample.appendingPathComponent("media/20210531082538-RCNX0031.JPG")
        let note = try #require(try CameraTrapNotes.rawNote(inFile: url))
        #expect(try MakerNoteReader.read(note, make: "RECONYX")?.sequenceIndex == 1)
        for n in 0...note.count {
            let prefix = Array(note.prefix(n))
            if n >= 0x52 {
                #expect(try MakerNoteReader.read(prefix, make: "RECONYX")?.eventNumber == 4, "\(n) bytes")
            } else {
                _ = try? MakerNoteReader.read(prefix, make: "RECONYX")
            }
        }
    }

    @Test func garbageNotesGiveNoReading() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for length in [1, 2, 7, 64, 460, 2000] {
            let bytes = (0..<length).map { _ -> UInt8 in
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                return UInt8(truncatingIfNeeded: state)
            }
            #expect(try MakerNoteReader.read(bytes, make: "RECONYX") == nil || bytes.starts(with: [0x01, 0xF1]))
        }
        #expect(try MakerNoteReader.read([UInt8](repeating: 0, count: 460), make: "") == nil, "Bushnell's zeros")
        #expect(try MakerNoteReader.read([], make: nil) == nil)
        // A known signature over random bytes: read without a crash, implausible values left out.
        var noisy = Array("RECONYXH2".utf8) + [0]
        noisy += (0..<200).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        let r = try MakerNoteReader.read(noisy, make: "RECONYX")
        #expect(r?.maker == "reconyx-hyperfire2")
        if let i = r?.sequenceIndex, let n = r?.sequenceLength { #expect(i >= 1 && i <= n) }
    }

    @Test func aNoteWrittenIntoAJPEGIsReadBackFromTheBuffer() throws {
        let note = CameraTrapNotes.hyperFire2(trigger: "T", index: 1, length: 1, event: 77, temperatureC: -5)
        let jpeg = try FixturePhotos.cameraJPEG(time: "2024:09:03 12:00:00", makerNote: note)
        guard case .metadata(let m) = jpeg.withUnsafeBytes({ MetadataReader.read(buffer: $0) }) else {
            Issue.record("not read")
            return
        }
        #expect(m.cameraTrap == CameraTrapReading(maker: "reconyx-hyperfire2", trigger: .timeLapse, triggerLetter: "T",
                                                  sequenceIndex: 1, sequenceLength: 1, eventNumber: 77, temperatureC: -5,
                                                  moonPhase: 0, batteryVolts: 7.8))
        let plain = try FixturePhotos.cameraJPEG(time: "2024:09:03 12:00:00")
        guard case .metadata(let p) = plain.withUnsafeBytes({ MetadataReader.read(buffer: $0) }) else { return }
        #expect(p.cameraTrap == nil, "no maker note: not present")
    }
}
