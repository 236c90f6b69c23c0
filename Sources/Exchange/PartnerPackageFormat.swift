import Foundation

/// The layout of a partner catalog package: `datapackage.json`, `individuals.csv`, `chips.csv`, `chips/*.jpg` and
/// `features/*.bin`, the columns of each table, and what they may hold.
///
/// Nothing in it locates a station: individuals carry grid cells and years, chips are re-encoded grey flank chips
/// without metadata, features are Identify's `FeatureSet.binary` without the frame placement.
public enum PartnerPackageFormat {
    /// The descriptor's `profile`.
    public static let profile = "rosette-partner-catalog"
    public static let version = "1.0"
    public static let individualsFile = "individuals.csv"
    public static let chipsFile = "chips.csv"
    public static let descriptorFile = "datapackage.json"

    /// individuals.csv: the individual's ID in the sending catalog, sex, first/last-seen years, generalised grid
    /// cells (`;`-separated), and its chips per flank side.
    public static let individualColumns = ["individualID", "sex", "firstSeenYear", "lastSeenYear", "cells",
                                           "leftChips", "rightChips", "unknownChips"]
    /// chips.csv: one reference flank chip, its individual and side, its JPEG and feature files and their SHA-256.
    public static let chipColumns = ["chipID", "individualID", "side", "path", "featuresPath", "sha256", "featuresSha256"]

    static let requiredIndividualColumns: Set<String> = ["individualID"]
    static let requiredChipColumns: Set<String> = ["chipID", "individualID", "side", "path", "featuresPath", "sha256", "featuresSha256"]

    static let sides = ["left", "right", "unknown"]
    static let sexes = ["female", "male", "unknown"]

    /// CSV text with the given columns in order, RFC 4180 quoting, LF line ends.
    static func csv(columns: [String], rows: [[String: String]]) -> String {
        var out = columns.map(CamtrapCSV.quote).joined(separator: ",") + "\n"
        for row in rows { out += columns.map { CamtrapCSV.quote(row[$0] ?? "") }.joined(separator: ",") + "\n" }
        return out
    }
}
