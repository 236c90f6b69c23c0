import Core
import Foundation
import Store
import Testing
@testable import Census

/// Yearly CJS histories built from a survey's detection records.
@Suite struct CJSSurveyTests {
    let zone = try! ZoneSpec("+10:00")

    func deployment(_ id: String, _ start: String, _ end: String) -> Deployment {
        Deployment(deploymentID: id, locationID: "S1", latitude: 43.1, longitude: 131.3,
                   deploymentStart: Timestamp.parse(start, defaultZone: zone)!,
                   deploymentEnd: Timestamp.parse(end, defaultZone: zone, endOfDay: true)!, timezone: "+10:00")
    }

    func record(_ id: String?, _ time: String) -> DetectionRecord {
        DetectionRecord(observationID: 1, mediaID: 1, species: "Panthera pardus orientalis", individualID: id, deploymentID: "D",
                        station: "S1", timestamp: Timestamp.parse(time, defaultZone: nil)!, eventID: nil, filePath: "x.jpg",
                        classificationMethod: "human")
    }

    @Test func yearsAreThoseWithDeploymentsAndGapsBecomeLongerIntervals() throws {
        // 2019, 2020 (a deployment over the new year covers both), none in 2021, then 2022.
        let deployments = [deployment("A", "2019-10-01", "2020-02-01"), deployment("B", "2020-09-01", "2020-10-01"),
                           deployment("C", "2022-09-01", "2022-10-01")]
        let years = CJSData.surveyYears(deployments: deployments, zone: zone)
        #expect(years == [2019, 2020, 2022])
        let records = [
            record("L1", "2019-10-05T12:00:00+10:00"), record("L1", "2020-09-05T12:00:00+10:00"),
            record("L1", "2022-09-05T12:00:00+10:00"), record("L1", "2022-09-06T12:00:00+10:00"),
            // 2019-12-31 20:00 UTC is 2020-01-01 06:00 in the survey's zone: a 2020 capture.
            record("L2", "2019-12-31T20:00:00Z"),
            record("L3", "2022-09-07T12:00:00+10:00"),
            record("L4", "2021-06-01T12:00:00+10:00"),     // a year without deployments: left out
            record(nil, "2020-09-08T12:00:00+10:00"),        // not identified: not a history
        ]
        let data = try CJSData.fromSurvey(records: records, zone: zone, years: years, groups: ["L1": "Female", "L3": "male"],
                                          groupName: "sex")
        #expect(data.occasionLabels == ["2019", "2020", "2022"] && data.intervals == [1, 2])
        #expect(data.animals == 3)
        let byHistory = Dictionary(uniqueKeysWithValues: data.patterns.map { ($0.history, data.groupLevels[$0.group]) })
        #expect(byHistory[[true, true, true]] == "female")
        #expect(byHistory[[false, true, false]] == "unknown")
        #expect(byHistory[[false, false, true]] == "male")
        #expect(data.problems.contains { $0.contains("in 2021, a year without deployments") })
        #expect(data.effectiveSampleSize == 3)     // L1 released in 2019 and 2020, L2 in 2020
    }

    @Test func fewerThanThreeYearsIsAnError() {
        #expect(throws: CensusError.self) {
            try CJSData.fromSurvey(records: [record("L1", "2019-10-05T12:00:00+10:00")], zone: zone, years: [2019, 2020])
        }
    }

    @Test func noRecapturesCannotBeFitted() throws {
        let data = try CJSData(histories: [[true, false, false], [false, true, false]])
        #expect(throws: CensusError.self) { try CJSModel(phi: .constant, p: .constant).fit(data) }
        #expect(throws: CensusError.self) { try CJSModel(phi: .group, p: .constant).fit(data) }  // needs --group
    }
}
