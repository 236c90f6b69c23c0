import Foundation

extension Survey {
    /// The exact deployments.csv header the main package reads.
    public static let deploymentsHeader = "deploymentID,locationID,locationName,latitude,longitude,coordinateUncertainty,deploymentStart,deploymentEnd,cameraID,cameraModel,timezone,jurisdiction,malfunctions,clockOffset"

    /// deployments.csv: one row per camera; clockOffset left empty (the clock error is hidden truth).
    public func deploymentsCSV(origin: GeoOrigin, timezone: String) -> String {
        var out = Survey.deploymentsHeader + "\n"
        for d in deployments {
            let station = stations[d.stationIndex]
            let (lat, lon) = origin.geographic(station.position)
            let malfunctions = d.malfunctionRuns.map { run in
                CivilTime.iso8601(dayStart(run.first), offsetSeconds: utcOffsetSeconds) + "/"
                    + CivilTime.iso8601(dayStart(run.first + run.length), offsetSeconds: utcOffsetSeconds)
            }.joined(separator: ";")
            let fields = [d.id, station.id, station.id, String(format: "%.6f", lat), String(format: "%.6f", lon), "10",
                          CivilTime.iso8601(d.start, offsetSeconds: utcOffsetSeconds),
                          CivilTime.iso8601(d.end, offsetSeconds: utcOffsetSeconds),
                          d.cameraID, "\(d.make)-\(d.model)", timezone, station.jurisdiction, malfunctions, ""]
            out += fields.map(OutputFiles.csv).joined(separator: ",") + "\n"
        }
        return out
    }
}
