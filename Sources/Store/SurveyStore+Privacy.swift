import Core
import Foundation
import GRDB

extension SurveyStore {
    /// A viewer with this survey's people-photo rule (rosette.toml `[privacy] people_box_threshold`).
    public func viewer(_ role: AccessRole) -> Viewer {
        Viewer(role: role, peopleBoxThreshold: settings.peopleBoxThreshold, withholdsUnscreened: settings.withholdUnscreened)
    }

    /// SQL true when the media aliased `m` is a people photo: a human observation on it (or, from a person,
    /// on its burst) made by a person or with a confidence of at least the one `?` argument. Derived when
    /// read, so a new tag or a re-run detector changes the flag without rewriting anything.
    static let peoplePhotoSQL = """
        (EXISTS (SELECT 1 FROM observation p WHERE p.mediaID = m.mediaID
                   AND (p.observationType = 'human' OR p.scientificName = 'Homo sapiens')
                   AND COALESCE(p.source, '') <> '\(ObservationSource.species)'
                   AND (p.classificationMethod = 'human' OR p.classificationProbability IS NULL
                        OR p.classificationProbability >= ?1))
         OR (m.eventID IS NOT NULL AND EXISTS (SELECT 1 FROM observation p WHERE p.mediaID IS NULL AND p.eventID = m.eventID
                   AND (p.observationType = 'human' OR p.scientificName = 'Homo sapiens')
                   AND COALESCE(p.source, '') <> '\(ObservationSource.species)' AND p.classificationMethod = 'human')))
        """

    /// SQL true when the media aliased `m` is unscreened: it has a motion box (weight-free triage cannot tell a
    /// person from an animal) and nothing that can has looked at it: no people-capable detector processed it, no
    /// classifier or imported classification, no applied species, no person's tag or review on it or its burst.
    static let unscreenedPhotoSQL = """
        (EXISTS (SELECT 1 FROM observation d WHERE d.mediaID = m.mediaID
                   AND d.source = '\(ObservationSource.triage)' AND d.speciesLabel = 'motion')
         AND NOT EXISTS (SELECT 1 FROM triageMedia tm WHERE tm.mediaID = m.mediaID AND tm.failure IS NULL
                   AND tm.detector NOT IN (SELECT detector FROM triageRun WHERE method = 'motion'))
         AND NOT EXISTS (SELECT 1 FROM observation e WHERE e.mediaID = m.mediaID
                   AND (e.classificationMethod = 'human' OR e.source IN ('\(ObservationSource.classifier)',
                        '\(ObservationSource.importedClassification)', '\(ObservationSource.species)')))
         AND NOT (m.eventID IS NOT NULL AND EXISTS (SELECT 1 FROM observation e WHERE e.mediaID IS NULL
                   AND e.eventID = m.eventID AND e.classificationMethod = 'human')))
        """

    /// The media with motion boxes that nothing able to see a person has looked at (see `unscreenedPhotoSQL`).
    public func unscreenedPhotoIDs() throws -> Set<Int64> {
        try pool.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT m.mediaID FROM media m WHERE \(SurveyStore.unscreenedPhotoSQL)"))
        }
    }

    /// The media that are people photos for this viewer's threshold (whoever looks).
    public func peoplePhotoIDs(threshold: Double) throws -> Set<Int64> {
        try pool.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT m.mediaID FROM media m WHERE \(SurveyStore.peoplePhotoSQL)",
                                   arguments: [threshold]))
        }
    }

    /// The media a viewer may not see: for a viewer without the right to people photos, those and (unless the
    /// survey's settings say otherwise) the unscreened ones; none for the others.
    public func withheldMediaIDs(for viewer: Viewer) throws -> Set<Int64> {
        guard !viewer.role.seesPeoplePhotos else { return [] }
        let people = try peoplePhotoIDs(threshold: viewer.peopleBoxThreshold)
        return viewer.withholdsUnscreened ? people.union(try unscreenedPhotoIDs()) : people
    }

    /// Every stored image the viewer may see, in deployment and time order, and how many were withheld.
    public func triageMediaRefs(viewer: Viewer) throws -> (media: [TriageMediaRef], withheld: Int) {
        let all = try triageMediaRefs()
        let hidden = try withheldMediaIDs(for: viewer)
        let visible = all.filter { !hidden.contains($0.mediaID) }
        return (visible, all.count - visible.count)
    }

    /// A detector's stored results that the viewer may see, and how many photos were withheld from them.
    public func triageResults(detector: String, viewer: Viewer) throws -> (results: [StoredTriageResult], withheld: Int) {
        let all = try triageResults(detector: detector)
        let hidden = try withheldMediaIDs(for: viewer)
        let visible = all.filter { !hidden.contains($0.mediaID) }
        return (visible, all.count - visible.count)
    }
}
