import Core
import Crypto
import Foundation

/// What an exported package may show: exact or generalised locations, and which photos.
///
/// A package leaves the survey's hands, so a `partner` package is generalised as a `public` one is (the web app
/// shows a partner exact locations; a file sent across a border is not a logged-in session). Generalised means:
/// coordinates at the centre of a grid cell `gridMetres` on a side, `coordinatePrecision` and a widened
/// `coordinateUncertainty` saying so, location names and free-text comments left out, locationID the grid cell,
/// deploymentID and eventID (and IDs an imported package chose) opaque stable hashes, and media paths that do not carry the survey's folder names.
public struct ExportPolicy: Sendable, Equatable {
    public var viewer: Viewer
    /// Grid cell size when locations are generalised; nil for exact locations.
    public var gridMetres: Double?
    /// The survey's secret key for opaque IDs (set by the exporter from the survey), so that nobody can hash
    /// guessed station IDs and recognise them.
    public var idKey = Data()

    /// The policy for a viewer; `precisionKm` generalises even for owner and staff.
    public init(viewer: Viewer, precisionKm: Double? = nil) throws {
        if let precisionKm, !(precisionKm > 0 && precisionKm.isFinite) { throw ExchangeError.badPrecision(value: precisionKm) }
        self.viewer = viewer
        let leaves = viewer.role == .partner || viewer.role == .public
        gridMetres = precisionKm.map { $0 * 1000 } ?? (leaves ? 10_000 : nil)
    }

    /// True when coordinates are generalised and names withheld.
    public var generalises: Bool { gridMetres != nil }

    var grid: CoordinateGrid? { gridMetres.map { CoordinateGrid(metres: $0) } }

    /// Grid size in degrees of latitude, as Camtrap DP's `coordinatePrecision`.
    var precisionDegrees: Double? { gridMetres.map { ($0 / 111_195 * 1e6).rounded() / 1e6 } }

    /// Decimals worth writing for a generalised coordinate (about a hundredth of a cell).
    var decimals: Int {
        guard let gridMetres else { return 6 }
        return max(2, min(6, Int((-log10(gridMetres / 111_195 / 100)).rounded(.up))))
    }

    /// The deploymentID as the package shows it.
    func deploymentID(_ id: String) -> String { generalises ? "d-" + hash(id) : id }

    /// Another ID as the package shows it: Rosette's eventIDs (and IDs other packages chose) may embed a station's
    /// name, so a generalised package carries a stable hash with a one-letter prefix instead.
    func opaqueID(_ id: String, prefix: String) -> String { generalises ? "\(prefix)-" + hash(id) : id }

    /// The grid cell holding a point, as a locationID ("cell-10km-<row>-<col>").
    func cellID(latitude: Double, longitude: Double) -> String {
        guard let gridMetres else { return "" }
        return GridCell(latitude: latitude, longitude: longitude, metres: gridMetres).id
    }

    /// First 10 hex digits of HMAC-SHA-256 under the survey's key: stable across the survey's exports, and
    /// neither reversible to the name nor reproducible without the key.
    func hash(_ text: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: idKey))
            .prefix(5).map { String(format: "%02x", $0) }.joined()
    }
}
