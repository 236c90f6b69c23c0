import Core
import Foundation
import Store

extension CJSData {
    /// The years a survey's deployments cover, in the survey's time zone: each deployment covers every
    /// calendar year from its start to its end. Years without any deployment are not included, so they
    /// never become occasions.
    public static func surveyYears(deployments: [Deployment], zone: ZoneSpec) -> [Int] {
        var years = Set<Int>()
        for d in deployments {
            let first = PopulationSummary.year(of: d.deploymentStart, zone: zone)
            let last = PopulationSummary.year(of: d.deploymentEnd, zone: zone)
            guard first <= last else { continue }
            years.formUnion(first...last)
        }
        return years.sorted()
    }

    /// Yearly histories from a survey's detections of identified individuals: an individual is captured in a
    /// year (an occasion) when it was detected at least once that calendar year in `zone`.
    ///
    /// `years` are the occasions (from `surveyYears`); the time between occasions is their difference in
    /// years, so survival across a year without deployments is φ². Detections in other years are left out
    /// and reported. With `groups` (individual → level, e.g. sex from the catalog) individuals without a
    /// value fall in the level "unknown".
    public static func fromSurvey(records: [DetectionRecord], zone: ZoneSpec, years: [Int],
                                  groups: [String: String]? = nil, groupName: String? = nil) throws -> CJSData {
        let years = Array(Set(years)).sorted()
        guard years.count >= 3 else {
            throw CensusError.invalidArgument("survival needs at least 3 years with deployments (the survey covers \(years.count): "
                                              + "\(years.map(String.init).joined(separator: ", ")))")
        }
        let column = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        var seen: [String: Set<Int>] = [:]
        var outside: [Int: Int] = [:]
        for r in records {
            guard let id = r.individualID, !id.isEmpty else { continue }
            let year = PopulationSummary.year(of: r.timestamp, zone: zone)
            guard let c = column[year] else { outside[year, default: 0] += 1; continue }
            seen[id, default: []].insert(c)
        }
        let ids = seen.keys.sorted()
        let histories = ids.map { id in (0..<years.count).map { seen[id]!.contains($0) } }
        var problems = outside.keys.sorted().map { "\(outside[$0]!) detection(s) of identified individuals in \($0), a year without deployments; left out" }
        var levels = ["all"]
        var groupIndex: [Int]?
        if let groups {
            let values = ids.map { groups[$0].flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "unknown" }
            levels = Array(Set(values)).sorted()
            let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
            groupIndex = values.map { index[$0]! }
            let unknown = values.filter { $0 == "unknown" }.count
            if unknown > 0 { problems.append("\(unknown) individual(s) without \(groupName ?? "a group") in the catalog form the group 'unknown'") }
        }
        guard !histories.isEmpty else {
            throw CensusError.invalidArgument("no detections of identified individuals in the survey's years; nothing to estimate")
        }
        return try CJSData(histories: histories, groups: groupIndex, groupName: groups == nil ? nil : (groupName ?? "group"),
                           groupLevels: levels, occasionLabels: years.map(String.init),
                           intervals: zip(years.dropFirst(), years).map { Double($0 - $1) }, problems: problems)
    }
}
