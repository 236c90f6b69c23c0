import Core
import Crypto
import Foundation
import Identify
import Imaging
import Store

/// What a partner package is made for and what it may show.
public struct PartnerExportOptions: Sendable {
    /// The partner the package is for (recorded in the descriptor).
    public var partner: String
    /// The namespace the receiver files our catalog under (nil: the receiver chooses with `--as`).
    public var namespace: String?
    /// The survey's title, written only when `policy.viewer` may see it.
    public var title: String?
    /// Always generalising: grid cells of `policy.gridMetres`.
    public var policy: ExportPolicy
    public var chip: ChipPreparer.Options
    public var features: FeatureExtractor.Options

    public init(partner: String, namespace: String? = nil, title: String? = nil, policy: ExportPolicy,
                chip: ChipPreparer.Options = .init(), features: FeatureExtractor.Options = .init()) {
        self.partner = partner
        self.namespace = namespace
        self.title = title
        self.policy = policy
        self.chip = chip
        self.features = features
    }
}

/// What an export wrote.
public struct PartnerExportSummary: Sendable, Equatable {
    public var individuals: Int
    public var chips: Int
    /// Reference photos left out (unreadable photo, tiny box), as messages naming the individual and photo ID.
    public var problems: [String]
}

/// Writes the catalog as a partner package: each individual's reference flank chips (re-encoded from the grey chip,
/// so no EXIF, XMP or file name travels) with their pattern features and sides, generalised grid cells and
/// first/last-seen years. No station ID, location name, coordinate or folder name is written.
public enum PartnerExporter {
    public static func export(_ store: SurveyStore, to directory: URL, options: PartnerExportOptions) throws -> PartnerExportSummary {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: directory.path), !existing.isEmpty {
            throw ExchangeError.outputNotEmpty(path: directory.path)
        }
        guard options.policy.generalises else { throw ExchangeError.badPrecision(value: 0) }
        let facts = Dictionary(uniqueKeysWithValues: try store.partnerExportFacts().map { ($0.individualID, $0) })
        let source = FeatureSource(cache: FeatureCache(survey: store.directory), chip: options.chip, features: options.features)
        try fm.createDirectory(at: directory.appendingPathComponent("chips"), withIntermediateDirectories: true)
        try fm.createDirectory(at: directory.appendingPathComponent("features"), withIntermediateDirectories: true)
        var individualRows: [[String: String]] = [], chipRows: [[String: String]] = [], problems: [String] = []
        for individual in try store.individuals() where individual.mergedInto == nil {
            var counts: [String: Int] = [:]
            for ref in individual.referencePhotos {
                let chipID = "c\(ref.id)"
                do {
                    let chip = try source.chip(path: ref.filePath, box: ref.box, width: ref.width, height: ref.height)
                    let f = try source.features(path: ref.filePath, box: ref.box, width: ref.width, height: ref.height)
                    let jpeg = try chip.pixels.withUnsafeBufferPointer {
                        try JPEGEncoder.encode(pixels: $0, width: chip.width, height: chip.height, channels: 1, quality: 92)
                    }
                    let bin = FeatureSet(chipWidth: f.chipWidth, chipHeight: f.chipHeight, keypoints: f.keypoints,
                                         descriptors: f.descriptors, placement: nil).binary
                    let path = "chips/\(chipID).jpg", featuresPath = "features/\(chipID).bin"
                    try Data(jpeg).write(to: directory.appendingPathComponent(path))
                    try Data(bin).write(to: directory.appendingPathComponent(featuresPath))
                    let side = PartnerPackageFormat.sides.contains(ref.side) ? ref.side : "unknown"
                    counts[side, default: 0] += 1
                    chipRows.append(["chipID": chipID, "individualID": individual.individualID, "side": side, "path": path,
                                     "featuresPath": featuresPath, "sha256": sha256(jpeg), "featuresSha256": sha256(bin)])
                } catch {
                    problems.append("reference photo \(ref.id) of \(individual.individualID): \(error)")
                }
            }
            let fact = facts[individual.individualID]
            let cells = Set((fact?.points ?? []).map { options.policy.cellID(latitude: $0.latitude, longitude: $0.longitude) }).sorted()
            individualRows.append([
                "individualID": individual.individualID,
                "sex": individual.sex.flatMap { PartnerPackageFormat.sexes.contains($0) ? $0 : nil } ?? "",
                "firstSeenYear": fact?.years.first.map(String.init) ?? "", "lastSeenYear": fact?.years.last.map(String.init) ?? "",
                "cells": cells.joined(separator: ";"),
                "leftChips": String(counts["left"] ?? 0), "rightChips": String(counts["right"] ?? 0),
                "unknownChips": String(counts["unknown"] ?? 0),
            ])
        }
        try PartnerPackageFormat.csv(columns: PartnerPackageFormat.individualColumns, rows: individualRows)
            .write(to: directory.appendingPathComponent(PartnerPackageFormat.individualsFile), atomically: true, encoding: .utf8)
        try PartnerPackageFormat.csv(columns: PartnerPackageFormat.chipColumns, rows: chipRows)
            .write(to: directory.appendingPathComponent(PartnerPackageFormat.chipsFile), atomically: true, encoding: .utf8)
        try descriptor(options).write(to: directory.appendingPathComponent(PartnerPackageFormat.descriptorFile))
        return PartnerExportSummary(individuals: individualRows.count, chips: chipRows.count, problems: problems)
    }

    static func descriptor(_ options: PartnerExportOptions) throws -> Data {
        let created = ISO8601DateFormatter().string(from: Date())
        var package: [String: Any] = [
            "profile": PartnerPackageFormat.profile,
            "version": PartnerPackageFormat.version,
            "name": "rosette-partner-catalog",
            "created": created,
            "partner": options.partner,
            "precisionKm": (options.policy.gridMetres ?? 0) / 1000,
            "resources": [
                ["name": "individuals", "path": PartnerPackageFormat.individualsFile, "format": "csv", "mediatype": "text/csv"],
                ["name": "chips", "path": PartnerPackageFormat.chipsFile, "format": "csv", "mediatype": "text/csv"],
            ],
        ]
        if let namespace = options.namespace { package["namespace"] = namespace }
        // The survey's title may name a place: only a role that may see exact locations is given it.
        if let title = options.title, options.policy.viewer.role.seesExactLocations { package["source"] = ["title": title] }
        return try JSONSerialization.data(withJSONObject: package, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    static func sha256(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }
}
