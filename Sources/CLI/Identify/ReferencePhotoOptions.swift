import ArgumentParser
import Foundation
import Identify

extension FlankSide: ExpressibleByArgument {}

/// A photo, its flank side and the animal's box (relative 0–1, top-left origin, as in Camtrap DP).
struct ReferencePhotoOptions: ParsableArguments {
    @Option(help: "A photo already ingested into the survey (path as ingested).", completion: .file())
    var photo: String?
    @Option(help: "Flank side shown: left, right or unknown.")
    var side: FlankSide = .unknown
    @Option(help: "The animal's box as x,y,width,height relative to the photo (0–1). Default: the whole photo.")
    var box: String?

    func relativeBox() throws -> [Double]? {
        guard let box else { return nil }
        let v = box.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard v.count == 4, v.allSatisfy({ (0...1).contains($0) }), v[2] > 0, v[3] > 0, v[0] + v[2] <= 1.0001, v[1] + v[3] <= 1.0001 else {
            throw ValidationError("--box '\(box)': expected x,y,width,height between 0 and 1 with the box inside the photo")
        }
        return v
    }
}
