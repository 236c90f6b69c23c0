import Foundation

/// Options of `rosette export camtrap-dp`.
public struct CamtrapExportOptions: Sendable {
    public var policy: ExportPolicy
    /// Only deployments active in this calendar year (UTC), their media and observations.
    public var year: Int?
    /// The package's title (default: the survey folder name).
    public var title: String?
    /// Who is named as the package's contact.
    public var contact: String
    /// Copy the media files into the package (`media/r<root>/<path>`) instead of pointing at them with `file://`
    /// URLs; exact packages only (copies keep their EXIF).
    public var copyMedia: Bool

    public init(policy: ExportPolicy, year: Int? = nil, title: String? = nil, contact: String = "Rosette survey owner",
                copyMedia: Bool = false) {
        self.policy = policy
        self.copyMedia = copyMedia
        self.year = year
        self.title = title
        self.contact = contact
    }
}
