import Store
import Testing
@testable import Triage

@Suite struct MediaPathMatcherTests {
    static let media = [
        ("S01/A/IMG_0001.JPG", 1), ("S01/B/IMG_0001.JPG", 2), ("S02/IMG_0001.JPG", 3), ("S02/IMG_0002.JPG", 4),
    ].map { TriageMediaRef(mediaID: Int64($0.1), rootID: 1, filePath: $0.0, deploymentID: nil, eventID: nil, timestamp: nil,
                           width: nil, height: nil, isDuplicate: false) }
    static let matcher = MediaPathMatcher(media: media, roots: [1: "/cards/2024"])

    @Test(arguments: [
        ("S01/A/IMG_0001.JPG", MediaPathMatcher.Match.media(1)),          // as stored
        ("/cards/2024/S01/B/IMG_0001.JPG", .media(2)),                     // absolute
        ("/elsewhere/copy/S01/B/IMG_0001.JPG", .media(2)),                 // absolute under another folder
        ("dump-2024/S02/IMG_0002.JPG", .media(4)),                         // extra leading folder
        ("dump-2024\\S02\\IMG_0001.JPG", .media(3)),                       // Windows separators
        ("./S02/IMG_0002.JPG", .media(4)),
        ("B/IMG_0001.JPG", .media(2)),                                     // run on a station folder
        ("IMG_0002.JPG", .media(4)),                                       // unique file name
        ("IMG_0001.JPG", .ambiguous(candidates: 3)),                       // three files share the name
        ("S09/IMG_0002.JPG", .none),                                       // same name, another folder
        ("/other/survey/IMG_0002.JPG", .none),
        ("S01/A/IMG_0003.JPG", .none),
    ])
    func pathsMatchOnTheLongestUniqueSuffix(path: String, expected: MediaPathMatcher.Match) {
        #expect(Self.matcher.match(path) == expected)
    }
}
