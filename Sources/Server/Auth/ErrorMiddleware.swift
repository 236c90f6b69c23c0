import Foundation
import Hummingbird
import NIOCore
import Store

/// Turns every error into a clear answer: JSON `{"error": {"code", "message"}}` under `/api/`, else an HTML page;
/// an anonymous page request goes to the login page. Adds the security headers to every response.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pages: Pages

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as WebError {
            response = render(error, request: request, context: context)
        } catch let error as ReviewError {
            response = render(WebError(error), request: request, context: context)
        } catch let error as CatalogError {
            response = render(WebError(error), request: request, context: context)
        } catch let error as HTTPError {
            let web: WebError = switch error.status {
            case .contentTooLarge: .badInput(field: "body", value: "", expected: "at most 1 MiB (the request was too large)")
            case .notFound: .notFound(what: "The page \(String(request.uri.path.prefix(100)))")
            case .badRequest: .badInput(field: "request", value: error.body ?? "", expected: "well formed")
            default: .internalError(error.body ?? "\(error.status)")
            }
            response = render(web, request: request, context: context, status: error.status)
        } catch is NIOTooManyBytesError {
            response = render(.badInput(field: "body", value: "", expected: "at most 1 MiB (the request was too large)"),
                              request: request, context: context, status: .contentTooLarge)
        } catch let error as DecodingError {
            response = render(.badInput(field: "body", value: "", expected: "well formed (\(Self.describe(error)))"),
                              request: request, context: context)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            response = render(.internalError(String(describing: error)), request: request, context: context)
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"
        return response
    }

    static func isAPI(_ request: Request) -> Bool {
        request.uri.path.hasPrefix("/api/") || request.uri.path == "/openapi.json"
    }

    func render(_ error: WebError, request: Request, context: WebContext, status: HTTPResponse.Status? = nil) -> Response {
        let status = status ?? error.status
        if Self.isAPI(request) {
            var body: [String: Any] = ["code": error.code, "message": error.message]
            if case .conflict(_, let detail) = error { body["detail"] = detail }
            if case .reviewRefused(_, _, _, let detail) = error, !detail.isEmpty { body["detail"] = detail }
            var r = JSONResponse.make(["error": body], status: status)
            if case .tooManyLogins(let s) = error { r.headers[.retryAfter] = String(s) }
            return r
        }
        if case .notLoggedIn = error {
            let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            var headers = HTTPFields()
            headers[.location] = "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
            return Response(status: .seeOther, headers: headers)
        }
        let html = (try? pages.page("error", title: "Error \(status.code)", context: context,
                                    data: ["status": status.code, "reason": status.reasonPhrase, "message": error.message],
                                    status: status))
        return html ?? Pages.html("<p>\(status.code)</p>", status: status)
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing field \(key.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            c.codingPath.map(\.stringValue).joined(separator: ".").isEmpty ? c.debugDescription
                : "field \(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}

/// JSON responses for the API.
public enum JSONResponse {
    /// An object made of JSON-compatible values (dictionaries, arrays, strings, numbers, booleans, NSNull).
    public static func make(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        bytes(JSONWriter.data(object), status: status)
    }

    /// An `Encodable` value.
    public static func encode<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(date.ISO8601Format())
        }
        return bytes(try encoder.encode(value), status: status)
    }

    static func bytes(_ data: Data, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
