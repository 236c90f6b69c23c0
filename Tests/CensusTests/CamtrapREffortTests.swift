import Census
import Core
import Foundation
import Ingest
import Testing
import TestSupport

/// camtrapR's effort convention for date-only deployments, on camtrapR's own sample station table `camtraps`
/// (examples/camtrapR-stations.csv: StationA 2009-04-02–2009-05-14, StationB 2009-04-03–2009-05-16,
/// StationC 2009-04-04–2009-05-17 with Problem1 2009-05-12–2009-05-17).
@Suite struct CamtrapREffortTests {
    let zone = try! ZoneSpec("Asia/Kuching")

    func operation() throws -> CameraOperation {
        let parsed = try DeploymentsCSV.read(SharedData.camtrapRStationsCSV, defaultZone: zone)
        #expect(parsed.problems.isEmpty)
        var malfunctions: [String: [Malfunction]] = [:]
        for (d, m) in parsed.deployments { malfunctions[d.deploymentID] = m }
        return CameraOperation(deployments: parsed.deployments.map(\.0), malfunctions: malfunctions, zone: zone)
    }

    func day(_ op: CameraOperation, _ date: String) -> Int {
        op.dayIndex(Timestamp.parse(date + "T12:00:00", defaultZone: zone)!)!
    }

    /// Hand-computed from camtrapR's rules: noon set-up and retrieval (0.5), whole days between (1),
    /// the malfunction's days removed from its first day (00:00) to its last, clipped at retrieval noon.
    @Test func usagePerDayIsHalfOnSetupAndRetrievalDaysAndZeroThroughTheProblem() throws {
        let op = try operation()
        #expect(op.days == 46)  // 2009-04-02 … 2009-05-17
        let a = op.byDeployment["StationA"]!, b = op.byDeployment["StationB"]!, c = op.byDeployment["StationC"]!
        #expect(a[day(op, "2009-04-02")] == 0.5)
        #expect(a[day(op, "2009-04-03")] == 1)
        #expect(a[day(op, "2009-05-13")] == 1)
        #expect(a[day(op, "2009-05-14")] == 0.5)
        #expect(a[day(op, "2009-05-15")] == 0)
        #expect(b[day(op, "2009-04-02")] == 0)
        #expect(b[day(op, "2009-04-03")] == 0.5)
        #expect(b[day(op, "2009-05-16")] == 0.5)
        #expect(b[day(op, "2009-05-17")] == 0)
        #expect(c[day(op, "2009-04-04")] == 0.5)
        #expect(c[day(op, "2009-05-11")] == 1)
        for d in ["2009-05-12", "2009-05-13", "2009-05-16", "2009-05-17"] { #expect(c[day(op, d)] == 0, "StationC \(d)") }
        #expect(a.allSatisfy { [0, 0.5, 1].contains($0) } && b.allSatisfy { [0, 0.5, 1].contains($0) })
    }

    /// A: 43 calendar days − 2 halves = 42; B: 44 − 1 = 43; C: 0.5 + 37 whole days (Apr 5 – May 11) = 37.5.
    @Test func cameraDaysMatchTheHandCount() throws {
        let op = try operation()
        #expect(op.cameraDays(deploymentID: "StationA") == 42)
        #expect(op.cameraDays(deploymentID: "StationB") == 43)
        #expect(op.cameraDays(deploymentID: "StationC") == 37.5)
        #expect(op.totalCameraDays == 122.5)
    }

    @Test func deploymentsWithATimeOfDayAreCountedExactly() throws {
        let d = Deployment(deploymentID: "X", latitude: 5, longitude: 117,
                           deploymentStart: Timestamp.parse("2009-04-02T00:00:00+08:00", defaultZone: nil)!,
                           deploymentEnd: Timestamp.parse("2009-04-04T18:00:00+08:00", defaultZone: nil)!, timezone: "+08:00")
        #expect(!CameraOperation.isDateOnly(d))
        let op = CameraOperation(deployments: [d], malfunctions: [:], zone: zone)
        #expect(op.byDeployment["X"]! == [1, 1, 0.75])
    }
}
