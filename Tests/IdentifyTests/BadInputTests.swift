import Foundation
import Identify
import Testing
import TestSupport

@Suite struct BadInputTests {
    /// A 400 × 300 synthetic flank photo written to a temporary folder.
    static func photo(in folder: TemporaryDirectory) throws -> String {
        let shot = SyntheticFlanks.photo(of: SyntheticFlanks.coat(identity: 7, side: 0), seed: 1, width: 400, height: 300)
        let url = folder.path("flank.jpg")
        try Data(try SyntheticFlanks.jpeg(shot)).write(to: url)
        return url.path
    }

    @Test(arguments: [
        ("box right of the photo", PixelBox(x: 390, y: 10, width: 100, height: 100)),
        ("box above the photo", PixelBox(x: 10, y: -80, width: 100, height: 60)),
        ("box larger than the photo", PixelBox(x: 0, y: 0, width: 900, height: 700)),
    ])
    func boxOutsideThePhotoIsRefusedNamingFileAndBox(_ label: String, _ box: PixelBox) throws {
        let folder = TemporaryDirectory()
        let path = try Self.photo(in: folder)
        do {
            _ = try ChipPreparer().chip(path: path, box: box)
            Issue.record("\(label): expected an error")
        } catch let error as IdentifyError {
            guard case .boxOutsideImage(let p, let b, let w, let h) = error else { Issue.record("\(label): got \(error)"); return }
            #expect((p, b, w, h) == (path, box, 400, 300))
            #expect(error.description.contains("flank.jpg") && error.description.contains("outside the 400×300 photo"))
        }
    }

    @Test(arguments: [PixelBox(x: 10, y: 10, width: 20, height: 200), PixelBox(x: 10, y: 10, width: 200, height: 8)])
    func tinyCropIsRefused(_ box: PixelBox) throws {
        let folder = TemporaryDirectory()
        let path = try Self.photo(in: folder)
        #expect(throws: IdentifyError.tinyCrop(path: path, box: box, minimum: 32)) { try ChipPreparer().chip(path: path, box: box) }
    }

    @Test func missingFileIsNamed() {
        let path = "/nonexistent/rosette/L01.jpg"
        #expect(throws: IdentifyError.missingFile(path: path)) { try ChipPreparer().chip(path: path, box: nil) }
        #expect(IdentifyError.missingFile(path: path).description.hasPrefix(path))
    }

    @Test func undecodableFileIsAnErrorNotACrash() throws {
        let folder = TemporaryDirectory()
        let url = folder.path("notes.jpg")
        try Data("not a photo".utf8).write(to: url)
        #expect {
            try ChipPreparer().chip(path: url.path, box: nil)
        } throws: { error in
            if case .undecodable(let p, _) = error as? IdentifyError { return p == url.path }
            return false
        }
    }

    @Test func emptyGalleryIsRefused() throws {
        #expect(throws: IdentifyError.emptyGallery) { try PatternGallery(entries: []) }
        let blank = GalleryEntry(key: "blank", individualID: "L1", side: .left,
                                 features: FeatureSet(chipWidth: 100, chipHeight: 50, keypoints: [], descriptors: []))
        #expect(throws: IdentifyError.emptyGallery) { try PatternGallery(entries: [blank]) }
    }

    @Test func featurelessChipGivesNoFeaturesAndAnEmptyRanking() throws {
        let chip = Chip(width: 200, height: 100, pixels: [UInt8](repeating: 128, count: 20_000))
        let features = try FeatureExtractor().features(of: chip)
        #expect(features.count == 0)
        let fixture = FlankFixtures.twoSided
        #expect(try PatternGallery(entries: fixture.entries).rank(features).isEmpty)
    }

    @Test(arguments: [
        ("image_id,identity\nA,L1\n", "missing column(s) path"),
        ("image_id,identity,path,bbox_x,bbox_y,bbox_w,bbox_h\nA,L1,a.jpg,1,2,x,4\n", "bbox values must be numbers"),
        ("image_id,identity,path\nA,L1,a.jpg\nA,L2,b.jpg\n", "appears on an earlier line"),
    ])
    func malformedDatasetNamesTheProblem(_ csv: String, _ expected: String) throws {
        let folder = TemporaryDirectory()
        try csv.write(to: folder.path("metadata.csv"), atomically: true, encoding: .utf8)
        #expect {
            try ReidDataset(directory: folder.url)
        } throws: { error in
            "\(error)".contains(expected) && "\(error)".contains("metadata.csv")
        }
    }
}
