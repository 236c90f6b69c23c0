import Foundation
import Hummingbird
import Mustache

/// The HTML templates (swift-mustache, in `Templates/`), and the page layout every page is wrapped in.
public struct Pages: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> Pages {
        guard let dir = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw WebError.internalError("the server's templates are missing from its resources")
        }
        return Pages(library: try await MustacheLibrary(directory: dir.path))
    }

    /// A template rendered with `data` (HTML-escaped unless the template uses triple braces).
    public func render(_ template: String, _ data: [String: Any]) throws -> String {
        guard let html = library.render(data, withTemplate: template) else {
            throw WebError.internalError("no template named \(template)")
        }
        return html
    }

    /// A whole page: the template inside the layout, with the user, the navigation and the CSRF token.
    public func page(_ template: String, title: String, context: WebContext, data: [String: Any] = [:],
                     section: String? = nil, scripts: [String] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        let content = try render(template, data)
        let nav: [[String: Any]] = [
            ("/", "Dashboard"), ("/review", "Review"), ("/catalog", "Catalog"), ("/stations", "Stations"), ("/census", "Census"),
        ].map { ["href": $0.0, "label": $0.1, "active": $0.0 == (section ?? "")] }
        var layout: [String: Any] = [
            "title": title, "content": content, "nav": nav, "scripts": scripts.map { ["src": $0] },
        ]
        if let user = context.identity {
            layout["user"] = ["name": user.name, "role": user.role.rawValue, "exact": user.role.seesExactLocations]
        }
        if let csrf = context.csrf { layout["csrf"] = csrf }
        return Self.html(try render("layout", layout), status: status)
    }

    /// An HTML response with the server's security headers.
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
