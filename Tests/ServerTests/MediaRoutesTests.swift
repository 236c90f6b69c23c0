import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Imaging
import Server
import Store
import Testing

/// Photos served to each role: only from the media folders, without metadata for restricted roles.
@Suite struct MediaRoutesTests {
    /// A fixture photo with an XMP packet holding GPS tags (as cameras with GPS write them) added to its EXIF.
    static func addGPSPacket(to url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        let xmp = Array("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude=\"43,6.0000N\" exif:GPSLongitude=\"131,18.0000E\"/></x:xmpmeta>".utf8)
        let length = xmp.count + 2
        bytes.insert(contentsOf: [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + xmp, at: 2)
        try Data(bytes).write(to: url)
    }

    @Test(arguments: [("ann", true), ("rita", true), ("vic", false), ("pat", false)])
    func restrictedRolesGetThePhotoWithoutItsMetadata(name: String, exact: Bool) async throws {
        let f = try WebFixture(photos: 1)
        let (path, id) = try #require(try f.mediaIDs().first)
        let file = try #require(try f.store.mediaLocation(id)).fullPath
        try Self.addGPSPacket(to: URL(fileURLWithPath: file))
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login(name)
            let r = try await c.send("/media/\(id)")
            #expect(r.status == .ok, "\(path)")
            #expect(r.headers[.contentType] == "image/jpeg")
            let bytes = [UInt8](Data(buffer: r.body))
            let text = String(decoding: bytes, as: UTF8.self)
            if exact {
                #expect(bytes == original)
            } else {
                #expect(!text.contains("GPSLatitude") && !text.contains("131,18"))
                #expect(!text.contains("Exif") && !text.contains("RECONYX") && !text.contains("SERIAL-"))
                #expect(bytes.count < original.count)
                // Still the same picture.
                let a = try ImageDecoder().decode(bytes: bytes), b = try ImageDecoder().decode(bytes: original)
                #expect(a.width == b.width && a.height == b.height)
            }
        }
    }

    @Test(arguments: ["/media/root/1/../../../../etc/passwd", "/media/root/1/%2e%2e/%2e%2e/etc/passwd",
                      "/media/root/1/S1%2F..%2F..%2Fetc%2Fpasswd", "/media/root/1/%252e%252e/etc/passwd", "/media/..%2f..%2fetc%2fpasswd"])
    func pathsOutsideTheMediaFoldersAreRefused(uri: String) async throws {
        let f = try WebFixture(photos: 1)
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("ann")
            let r = try await c.send(uri)
            #expect([.forbidden, .notFound, .badRequest].contains(r.status), "\(uri) → \(r.status)")
            #expect(!r.text.contains("root:"))
        }
    }

    @Test func aStoredPhotoReachedThroughItsRootAndPathIsServed() async throws {
        let f = try WebFixture(photos: 1)
        let (path, _) = try #require(try f.mediaIDs().sorted { $0.key < $1.key }.first)
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let r = try await c.send("/media/root/1/" + path)
            #expect(r.status == .ok)
            #expect(Data(buffer: r.body).starts(with: [0xFF, 0xD8]))
        }
    }

    @Test func aSymlinkInAMediaFolderPointingOutsideIsRefused() async throws {
        let f = try WebFixture(photos: 1)
        let (_, id) = try #require(try f.mediaIDs().first)
        let file = try #require(try f.store.mediaLocation(id)).fullPath
        // Replace the photo by a link to a file outside every media folder.
        let outside = f.dir.path("outside.jpg")
        try FileManager.default.copyItem(atPath: file, toPath: outside.path)
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: outside.path)
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("ann")
            let r = try await c.send("/media/\(id)")
            #expect(r.status == .forbidden)
            #expect(r.text.contains("is outside the survey"))
        }
    }

    @Test func unknownAndMalformedPhotoIDsAreClearErrors() async throws {
        let f = try WebFixture(photos: 1)
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("ann")
            let unknown = try await c.send("/media/999999")
            #expect(unknown.status == .notFound && unknown.text.contains("Photo 999999 does not exist"))
            let bad = try await c.send("/media/abc")
            #expect(bad.status == .badRequest && bad.text.contains("is not a photo number"))
        }
    }

    @Test func aPeoplePhotoIsNotFoundForAViewerButShownToAReviewer() async throws {
        let f = try WebFixture(photos: 1)
        let (_, id) = try #require(try f.mediaIDs().first)
        try await f.database().write { db in
            try db.execute(sql: """
                INSERT INTO observation(mediaID, deploymentID, observationType, scientificName, count, classificationMethod, classifiedBy, source)
                SELECT mediaID, deploymentID, 'human', 'Homo sapiens', 1, 'human', 'test', 'tag' FROM media WHERE mediaID = ?
                """, arguments: [id])
        }
        try await f.application().test(.router) { client in
            var viewer = WebClient(client)
            try await viewer.login("vic")
            #expect(try await viewer.send("/media/\(id)").status == .notFound)
            var reviewer = WebClient(client)
            try await reviewer.login("rita")
            #expect(try await reviewer.send("/media/\(id)").status == .ok)
        }
    }
}
