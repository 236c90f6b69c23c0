import Core
import Foundation
import Store

/// Everything the individual profile shows, as the user's role may see it: one value for the HTML page and the
/// JSON API (`json`), built with a handful of queries (no query per photo).
struct IndividualProfile {
    let individual: CatalogIndividual
    let json: [String: Any]
    /// The full detections shown (withheld photos left out), for the page's figures.
    let sightings: [(sighting: IndividualSighting, station: String, afterDeath: Bool)]
    let stationPoints: [(label: String, latitude: Double, longitude: Double, count: Int, jurisdiction: String)]
    let history: [LogEntry]
    let revertedBy: [Int64: Int64]
    /// The change log's lines of the individual, oldest first, as the role may read them.
    let changes: [(at: Date, actor: String, action: String, detail: String?)]

    static func iso(_ d: Date?) -> Any { d.map { PageSupport.iso($0) } ?? NSNull() }

    static func make(app: WebApp, user: WebUser, id: String) throws -> IndividualProfile {
        let store = app.store, zone = PageSupport.zone(app), policy = app.locations(for: user)
        let i = try PageSupport.mapped { try store.individual(id) }
        let facts = try DerivedCache.shared.value("facts", store) { try store.catalogFacts() }
        let me = facts[id] ?? CatalogFacts(individualID: id)
        let viewer = app.viewer(for: user)
        let allSightings = try store.sightings(individualID: id)
        let hidden = try store.withheld(among: allSightings.map(\.mediaID) + i.referencePhotos.map(\.mediaID), for: viewer)
        let deathLimit = i.deathDate?.addingTimeInterval(86_400)
        var names: [String: String] = [:]
        for s in Set(allSightings.map(\.station)) { names[s] = policy.station(s) }
        let sightings = allSightings.filter { !hidden.contains($0.mediaID) }.map { s in
            (sighting: s, station: names[s.station] ?? policy.station(s.station), afterDeath: deathLimit.map { s.timestamp > $0 } ?? false)
        }
        // Stations: one point per station (or per grid cell for a restricted role, so aliases do not pile up).
        var points: [String: (label: String, latitude: Double, longitude: Double, count: Int, jurisdiction: String)] = [:]
        for s in sightings {
            let p = policy.point(latitude: s.sighting.latitude, longitude: s.sighting.longitude)
            let key = policy.exact ? s.station : String(format: "%.5f,%.5f", p.latitude, p.longitude)
            let label = policy.exact ? s.station : String(format: "cell %.3f, %.3f", p.latitude, p.longitude)
            var e = points[key] ?? (label, p.latitude, p.longitude, 0, s.sighting.jurisdiction ?? "?")
            e.count += 1
            points[key] = e
        }
        let stationPoints = points.values.sorted { $0.label < $1.label }
        // Family.
        let cubs = facts.values.filter { $0.motherID == id && $0.mergedInto == nil }.map(\.individualID).sorted()
        let litters = Litter.group(Array(facts.values))
        let myLitter = litters.first { $0.cubs.contains(id) }
        let litterMates = (myLitter?.cubs ?? []).filter { $0 != id }.sorted()
        let ownLitters = litters.filter { $0.motherID == id }.sorted { $0.birthYear < $1.birthYear }
        // Stage by year, over the years it was seen (and the year of its birth and death).
        var years = Set(sightings.map { PageSupport.year($0.sighting.timestamp, zone) })
        if let b = i.birthYear { years.insert(b) }
        if let d = i.deathDate { years.insert(PageSupport.year(d, zone)) }
        let span = years.isEmpty ? [] : Array(years.min()!...years.max()!)
        let stages: [[String: Any]] = span.map { ["year": $0, "stage": me.stage(in: $0)?.rawValue ?? "unknown"] }
        // History: the review log's entries and the change log's lines.
        let history = try store.history(individualID: id)
        var revertedBy: [Int64: Int64] = [:]
        for e in history where e.kind == .undo || e.kind == .redo { if let r = e.reverts { revertedBy[r] = e.id } }
        let redactor = policy.exact ? LogRedactor(policy: policy, aliases: [:]) : LogRedactor(policy: policy, aliases:
            try DerivedCache.shared.value("station-aliases", store) { LogRedactor.aliases(policy: policy, deployments: try store.deployments()) })
        let changes = try store.changes(entity: "individual", id: id).map { (at: $0.at, actor: $0.actor, action: $0.action, detail: redactor.text($0.detail)) }
        func photo(_ r: CatalogIndividual.ReferencePhoto) -> [String: Any] {
            ["id": r.id, "mediaID": r.mediaID, "side": r.side, "box": r.box ?? NSNull(), "addedBy": r.addedBy, "addedAt": iso(r.addedAt)]
        }
        let visiblePhotos = i.referencePhotos.filter { !hidden.contains($0.mediaID) }
        var death: Any = NSNull()
        if i.status == "dead" || i.deathDate != nil {
            var place: Any = NSNull()
            if let p = i.deathPlace {
                var d: [String: Any] = ["station": p.locationID.map { policy.station($0) } ?? NSNull()]
                if let lat = p.latitude, let lon = p.longitude {
                    let g = policy.point(latitude: lat, longitude: lon)
                    d["latitude"] = g.latitude
                    d["longitude"] = g.longitude
                    d["generalised"] = !policy.exact
                }
                place = d
            }
            death = ["date": i.deathDate.map { PageSupport.day($0, zone) } ?? NSNull(), "cause": i.deathCause ?? "unknown", "place": place]
        }
        let version = try store.individualVersions([id])[id] ?? 0
        let json: [String: Any] = [
            "individualID": i.individualID, "name": i.name ?? NSNull(), "sex": i.sex ?? NSNull(), "status": i.status,
            "notes": redactor.text(i.notes) ?? NSNull(), "birthYear": i.birthYear ?? NSNull(), "motherID": i.motherID ?? NSNull(),
            "fatherID": i.fatherID ?? NSNull(), "mergedInto": i.mergedInto ?? NSNull(),
            "lifeStage": ["observed": i.lifeStage ?? NSNull(), "on": i.lifeStageDate ?? NSNull()] as [String: Any],
            "stageByYear": stages, "cubs": cubs, "litterMates": litterMates,
            "litters": ownLitters.map { ["birthYear": $0.birthYear, "cubs": $0.cubs] as [String: Any] },
            "death": death, "version": version,
            "referencePhotos": ["left", "right", "unknown"].reduce(into: [String: Any]()) { out, side in
                out[side] = visiblePhotos.filter { ($0.side == side) || (side == "unknown" && !["left", "right"].contains($0.side)) }.map(photo)
            },
            "sightings": sightings.map { s in
                ["mediaID": s.sighting.mediaID, "time": iso(s.sighting.timestamp), "station": s.station, "afterDeath": s.afterDeath] as [String: Any]
            },
            "stations": stationPoints.map { ["station": $0.label, "latitude": $0.latitude, "longitude": $0.longitude, "photos": $0.count,
                                              "jurisdiction": $0.jurisdiction, "generalised": !policy.exact] as [String: Any] },
            "flags": sightings.filter(\.afterDeath).map { "detected after its recorded death: photo \($0.sighting.mediaID) on \(PageSupport.day($0.sighting.timestamp, zone))" },
            "history": history.map { e in
                ["id": e.id, "at": iso(e.at), "actor": e.actor, "kind": e.kind.rawValue, "verdict": e.verdict?.rawValue ?? NSNull(),
                 "summary": redactor.text(e.summary) ?? "", "reverts": e.reverts ?? NSNull(), "revertedBy": revertedBy[e.id] ?? NSNull()] as [String: Any]
            },
            "changes": changes.map { c in
                ["at": iso(c.at), "actor": c.actor, "action": c.action, "detail": c.detail ?? NSNull()] as [String: Any]
            },
        ]
        return IndividualProfile(individual: i, json: json, sightings: sightings, stationPoints: stationPoints, history: history,
                                 revertedBy: revertedBy, changes: changes)
    }
}
