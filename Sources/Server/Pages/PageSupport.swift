import Core
import Foundation
import Hummingbird
import Store

/// Small helpers the page route groups share: times in the survey's zone, query parameters, links, errors.
enum PageSupport {
    /// The survey's time zone (UTC when the setting cannot be read).
    static func zone(_ app: WebApp) -> ZoneSpec {
        (try? ZoneSpec(app.store.settings.timeZone)) ?? (try! ZoneSpec("UTC"))
    }

    /// `YYYY-MM-DD` in the zone.
    static func day(_ date: Date?, _ zone: ZoneSpec) -> String {
        date.map { String(Timestamp.format($0, in: zone).prefix(10)) } ?? "—"
    }

    /// `YYYY-MM-DD hh:mm` in the zone.
    static func time(_ date: Date?, _ zone: ZoneSpec) -> String {
        date.map { Timestamp.format($0, in: zone).prefix(16).replacingOccurrences(of: "T", with: " ") } ?? "—"
    }

    /// The year of a date in the zone.
    static func year(_ date: Date, _ zone: ZoneSpec) -> Int {
        Int(Timestamp.format(date, in: zone).prefix(4)) ?? 0
    }

    /// An absolute time as ISO 8601 in UTC (`2024-09-11T01:00:00Z`), for JSON.
    static func iso(_ date: Date) -> String {
        let t = Timestamp.format(date, offsetSeconds: 0)
        return t.hasSuffix("+00:00") ? String(t.dropLast(6)) + "Z" : t
    }

    /// A query parameter, trimmed; nil when absent or empty.
    static func query(_ request: Request, _ name: String) -> String? {
        guard let v = request.uri.queryParameters.get(name)?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v.removingPercentEncoding ?? v
    }

    /// A whole-number query parameter; a malformed value is a clear error.
    static func intQuery(_ request: Request, _ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let raw = query(request, name) else { return nil }
        guard let v = Int(raw), range.contains(v) else {
            throw WebError.badInput(field: name, value: raw, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    /// A text safe as one segment of a link's path.
    static func segment(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }

    /// The web error for a library error: catalog rule breaks and unknown records, review-log conflicts.
    static func webError(_ error: any Error) -> any Error {
        switch error {
        case let e as CatalogError:
            switch e {
            case .unknownIndividual(let id): return WebError.notFound(what: "Individual \(id)")
            case .unknownMedia(let id): return WebError.notFound(what: "Photo \(id)")
            case .unknownEncounter(let id): return WebError.notFound(what: "Encounter \(id)")
            default: return WebError.ruleBroken(e.description)
            }
        case let e as PartnerError:
            switch e {
            case .unknownPartner(let name): return WebError.notFound(what: "Partner \(name)")
            case .unknownPartnerIndividual(let partner, let id): return WebError.notFound(what: "Individual \(id) of partner \(partner)")
            case .alreadyLinked, .individualAlreadyLinked, .alreadyRejected:
                return WebError.conflict(message: e.description, detail: ["reason": "\(e)".components(separatedBy: "(").first ?? ""])
            default: return WebError.ruleBroken(e.description)
            }
        case let e as ReviewError:
            switch e.category {
            case .conflict: return WebError.conflict(message: e.description, detail: ["reason": "\(e)".components(separatedBy: "(").first ?? ""])
            case .notFound: return WebError.notFound(what: "Review log entry")
            case .badRequest: return WebError.ruleBroken(e.description)
            }
        default: return error
        }
    }

    /// Runs a library call, answering its errors as web errors.
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw webError(error) }
    }

    /// A value for JSON, `NSNull` when absent.
    static func opt(_ v: Any?) -> Any { v ?? NSNull() }

    /// JSON-style data for a template: `NSNull` values dropped (so `{{#x}}` sections skip them), recursively.
    static func templateData(_ value: Any) -> Any? {
        switch value {
        case is NSNull: return nil
        case let d as [String: Any]: return d.compactMapValues(templateData)
        case let a as [Any]: return a.compactMap(templateData)
        default: return value
        }
    }

    /// Escapes text for HTML and SVG made in Swift.
    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
