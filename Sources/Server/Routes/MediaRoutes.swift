import Foundation
import Hummingbird
import Store

/// `/media/{id}`: a stored photo's bytes, for a user who may see it.
///
/// The file must resolve inside the survey's media folders (no `..`, no symlink out); a people-photo or an
/// unscreened photo is "not found" for a role that may not see it, as in the CLI's `--role`; a role without exact
/// locations gets the JPEG without its metadata segments (EXIF and XMP, with their GPS tags, camera and station names).
struct MediaRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {
        router.get("/media/:id") { request, context in
            let user = try context.user()
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw WebError.badInput(field: "id", value: context.parameters.get("id") ?? "", expected: "a photo number")
            }
            return try serve(id, user: user)
        }
        router.get("/media/root/:root/**") { request, context in
            let user = try context.user()
            guard let root = context.parameters.get("root", as: Int64.self) else {
                throw WebError.badInput(field: "root", value: context.parameters.get("root") ?? "", expected: "a media root number")
            }
            let raw = context.parameters.getCatchAll().joined(separator: "/")
            let path = raw.removingPercentEncoding ?? raw
            if path.split(separator: "/").contains("..") || path.hasPrefix("/") { throw WebError.pathEscape(path: path) }
            guard let id = try app.store.mediaID(rootID: root, filePath: path) else { throw WebError.notFound(what: "Photo \(path)") }
            return try serve(id, user: user)
        }
    }

    func serve(_ id: Int64, user: WebUser) throws -> Response {
        guard let location = try app.store.mediaLocation(id), !(try app.store.isWithheld(id, for: app.viewer(for: user))) else {
            throw WebError.notFound(what: "Photo \(id)")
        }
        let path = try app.mediaGuard().check(location.fullPath)
        guard var data = FileManager.default.contents(atPath: path) else {
            throw WebError.unreadableMedia(path: path, reason: "the file is missing or unreadable")
        }
        let isJPEG = data.starts(with: [0xFF, 0xD8])
        if !user.role.seesExactLocations {
            guard isJPEG else { throw WebError.notFound(what: "Photo \(id) (only JPEG photos are shown to a \(user.role.rawValue))") }
            do { data = try JPEGMetadataStripper.strip(data) } catch {
                throw WebError.unreadableMedia(path: path, reason: "it is not a complete JPEG")
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = isJPEG ? "image/jpeg" : location.mediatype
        headers[.cacheControl] = "private, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
