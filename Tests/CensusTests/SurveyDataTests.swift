import Census
import Core
import Foundation
import Store
import Testing

/// Effort, independent events and capture histories built from survey records.
@Suite struct SurveyDataTests {
    let zone = try! ZoneSpec("+10:00")

    func date(_ s: String) -> Date { Timestamp.parse(s, defaultZone: zone)! }

    func deployment(_ id: String, station: String, _ start: String, _ end: String, lat: Double = 43.1, lon: Double = 131.3) -> Deployment {
        Deployment(deploymentID: id, locationID: station, locationName: station, latitude: lat, longitude: lon,
                   deploymentStart: date(start), deploymentEnd: date(end), timezone: "+10:00")
    }

    func record(_ id: Int64, _ species: String, _ station: String, _ time: String, individual: String? = nil) -> DetectionRecord {
        DetectionRecord(observationID: id, mediaID: id, species: species, individualID: individual, deploymentID: station + "-A",
                        station: station, timestamp: date(time), eventID: nil, filePath: "\(station)/IMG_\(id).JPG",
                        classificationMethod: "human")
    }

    @Test func operationCountsPartialDaysAndRemovesMalfunctions() {
        let d = deployment("S1-A", station: "S1", "2024-09-01T12:00:00+10:00", "2024-09-05T06:00:00+10:00")
        let broken = Malfunction(deploymentID: "S1-A", start: date("2024-09-03T00:00:00+10:00"), end: date("2024-09-04T00:00:00+10:00"))
        let op = CameraOperation(deployments: [d], malfunctions: ["S1-A": [broken]], zone: zone)
        #expect(op.days == 5)
        #expect(op.byDeployment["S1-A"]! == [0.5, 1, 0, 1, 0.25])
        #expect(op.cameraDays(deploymentID: "S1-A") == 2.75)
        #expect(op.dayIndex(date("2024-09-03T23:59:00+10:00")) == 2)
        #expect(op.dayIndex(date("2024-08-31T23:59:00+10:00")) == nil)
    }

    @Test func pairedCamerasMakeOneStationThatWorksWhileEitherDoes() {
        let a = deployment("S1-A", station: "S1", "2024-09-01", "2024-09-03T00:00:00+10:00")
        let b = deployment("S1-B", station: "S1", "2024-09-02", "2024-09-04T00:00:00+10:00")
        let op = CameraOperation(deployments: [a, b], malfunctions: [:], zone: zone)
        #expect(op.stationOperation("S1") == [1, 1, 1])
        #expect(op.totalCameraDays == 4)
    }

    @Test(arguments: [(30.0, [3, 1]), (5.0, [1, 1, 1, 1]), (120.0, [4])])
    func eventsSplitWhenTheGapSinceTheLastRecordExceedsTheInterval(_ minutes: Double, _ expected: [Int]) {
        // 10:00, 10:20, 10:45 chain within 30 min of the previous record; 11:50 is 65 min later.
        let records = [record(1, "Panthera pardus", "S1", "2024-09-01T10:00:00+10:00"),
                       record(2, "Panthera pardus", "S1", "2024-09-01T10:20:00+10:00"),
                       record(3, "Panthera pardus", "S1", "2024-09-01T10:45:00+10:00"),
                       record(4, "Panthera pardus", "S1", "2024-09-01T11:50:00+10:00"),
                       record(5, "Panthera pardus", "S2", "2024-09-01T10:05:00+10:00"),
                       record(6, "Sus scrofa", "S1", "2024-09-01T10:10:00+10:00")]
        let leopardS1 = IndependentEvent.group(records, minutes: minutes).filter { $0.species == "Panthera pardus" && $0.station == "S1" }
        #expect(leopardS1.map(\.records) == expected)
        #expect(IndependentEvent.group(records, minutes: minutes).filter { $0.species == "Sus scrofa" }.count == 1)
    }

    @Test func historiesRoundTripThroughSecrTextAndLeaveOutDetectionsWithoutEffort() throws {
        let deployments = [deployment("S1-A", station: "S1", "2024-09-01", "2024-09-10", lat: 43.10, lon: 131.30),
                           deployment("S2-A", station: "S2", "2024-09-01", "2024-09-04", lat: 43.11, lon: 131.31)]
        let op = CameraOperation(deployments: deployments, malfunctions: [:], zone: zone)
        let records = [record(1, "P", "S1", "2024-09-01T22:00:00+10:00", individual: "L01"),
                       record(2, "P", "S1", "2024-09-01T23:00:00+10:00", individual: "L01"), // same day: one detection
                       record(3, "P", "S2", "2024-09-03T02:00:00+10:00", individual: "L01"),
                       record(4, "P", "S2", "2024-09-08T02:00:00+10:00", individual: "L02"), // S2 gone by then
                       record(5, "P", "S1", "2024-09-09T02:00:00+10:00", individual: "L03"),
                       record(6, "P", "S1", "2024-09-09T03:00:00+10:00")]                   // unidentified
        let built = SurveyHistories(records: records, deployments: deployments, operation: op, occasionDays: 1)
        let h = built.histories
        #expect(h.animalIDs == ["L01", "L03"])
        #expect(h.detections == 3)
        #expect(built.excluded.count == 1 && built.excluded[0].contains("S2/IMG_4.JPG"))
        // Projected distance agrees with the great-circle (haversine) distance to 0.5%.
        let dx: Double = h.traps.x[1] - h.traps.x[0]
        let dy: Double = h.traps.y[1] - h.traps.y[0]
        let rad = Double.pi / 180
        let a = pow(sin(0.01 * rad / 2), 2) + cos(43.10 * rad) * cos(43.11 * rad) * pow(sin(0.01 * rad / 2), 2)
        let haversine: Double = 2 * 6_371_008.8 * asin(a.squareRoot())
        #expect(abs((dx * dx + dy * dy).squareRoot() / haversine - 1) < 0.005)
        let traps = try SECRTextFormat.parseTraps(SECRTextFormat.trapText(h.traps), fileName: "trap.txt")
        #expect(traps.usage?[1] == [1, 1, 1, 0, 0, 0, 0, 0, 0])
        let back = try SECRTextFormat.parseCaptures(SECRTextFormat.captureText(h, session: "s"), fileName: "capt.txt", traps: traps)
        #expect(back.detections == 3)
        #expect(back.animalIDs.sorted() == ["L01", "L03"])
    }
}
