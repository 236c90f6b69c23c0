import Core
import Foundation
import Store

extension IndividualsCommand {
    /// The life-history lines of `individuals show`: birth, stage, parents, cubs by litter, death (its place
    /// generalised for viewers without exact locations), and detections after a recorded death.
    static func lifeHistoryLines(_ i: CatalogIndividual, store: SurveyStore, viewer: Viewer, zone: ZoneSpec) -> [String] {
        var lines: [String] = []
        var parts: [String] = []
        if let born = i.birthYear { parts.append("born \(born)") }
        if let stage = i.lifeStage { parts.append("\(stage)" + (i.lifeStageDate.map { " on \($0)" } ?? "")) }
        if let m = i.motherID { parts.append("mother \(m)") }
        if let f = i.fatherID { parts.append("father \(f)") }
        if !parts.isEmpty { lines.append("life: " + parts.joined(separator: ", ")) }
        if let litters = try? store.litters().filter({ $0.motherID == i.individualID }), !litters.isEmpty {
            lines.append("litters: " + litters.map { "\($0.birthYear): \($0.cubs.joined(separator: ", "))" }.joined(separator: "; "))
        }
        if i.status == "dead" {
            var death = "died" + (i.deathDate.map { " " + String(Timestamp.format($0, in: zone).prefix(10)) } ?? " (date unknown)")
            death += ", \(i.deathCause ?? "cause unknown")"
            if let place = i.deathPlace { death += ", " + describe(place, viewer: viewer) }
            lines.append(death)
        }
        for d in (try? store.detectionsAfterDeath().filter { $0.individualID == i.individualID }) ?? [] {
            lines.append("FLAG: detected after its recorded death: photo \(d.mediaID) at \(Timestamp.format(d.timestamp, in: zone))"
                         + (viewer.role.receivesExactLocations ? " (\(d.filePath))" : ""))
        }
        return lines
    }

    /// A death place as a viewer may see it: exact for those who see exact locations, else a grid cell without the station.
    static func describe(_ place: DeathPlace, viewer: Viewer) -> String {
        guard let lat = place.latitude, let lon = place.longitude else { return viewer.role.receivesExactLocations ? "at \(place.locationID ?? "?")" : "place withheld" }
        if let g = viewer.role.receivesExactLocations ? nil : CoordinateGrid(metres: 10_000) {
            let c = g.generalise(latitude: lat, longitude: lon)
            return String(format: "in the %.0f km cell around %.3f, %.3f", g.metres / 1000, c.latitude, c.longitude)
        }
        return (place.locationID.map { "at \($0) " } ?? "at ") + String(format: "(%.5f, %.5f)", lat, lon)
    }

    /// Prints a warning for each detection of `id` after its recorded death (flagged, never hidden).
    static func warnDetectionsAfterDeath(_ store: SurveyStore, _ id: String) throws {
        for d in try store.detectionsAfterDeath() where d.individualID == id {
            FileHandle.standardError.write(Data("warning: \(id) was detected after its recorded death: photo \(d.mediaID) (\(d.filePath))\n".utf8))
        }
    }
}
