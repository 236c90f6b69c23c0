import Foundation

extension StationSpec {
    /// Reads a stations CSV: a header with `id` (or `stationID`/`locationID`) and either `x,y` (local metres)
    /// or `latitude,longitude` (WGS84), optionally `cameras` (1 or 2). Lines starting with `#` are skipped.
    public static func read(csvAt url: URL, origin: GeoOrigin) throws -> [StationSpec] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SimulationError.unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        let file = url.lastPathComponent
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init).enumerated()
            .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty && !$0.element.hasPrefix("#") }
        guard !lines.isEmpty else { throw SimulationError.noStations(reason: "\(url.path) has no lines") }
        let headerLine = lines.removeFirst().element
        let header = headerLine.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ names: String...) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
        guard let idColumn = column("id", "stationid", "locationid", "station") else {
            throw SimulationError.badStationsHeader(file: file, header: headerLine)
        }
        let xColumn = column("x"), yColumn = column("y")
        let latColumn = column("latitude", "lat"), lonColumn = column("longitude", "lon")
        let camerasColumn = column("cameras")
        guard (xColumn != nil && yColumn != nil) || (latColumn != nil && lonColumn != nil) else {
            throw SimulationError.badStationsHeader(file: file, header: headerLine)
        }
        var specs: [StationSpec] = []
        var seen = Set<String>()
        for (index, line) in lines {
            let lineNumber = index + 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func number(_ c: Int, _ name: String) throws -> Double {
                guard c < fields.count, let v = Double(fields[c]), v.isFinite else {
                    throw SimulationError.badStationsLine(file: file, line: lineNumber, text: line,
                                                          reason: "\(name) \"\(c < fields.count ? fields[c] : "")\" is not a number")
                }
                return v
            }
            guard idColumn < fields.count, !fields[idColumn].isEmpty else {
                throw SimulationError.badStationsLine(file: file, line: lineNumber, text: line, reason: "missing station id")
            }
            let id = fields[idColumn]
            guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw SimulationError.badStationsLine(file: file, line: lineNumber, text: line,
                                                      reason: "station id \"\(id)\" may hold only letters, digits, - and _ (it names a folder)")
            }
            guard seen.insert(id).inserted else {
                throw SimulationError.badStationsLine(file: file, line: lineNumber, text: line, reason: "duplicate station id \"\(id)\"")
            }
            let position: Point
            if let xColumn, let yColumn {
                position = Point(x: try number(xColumn, "x"), y: try number(yColumn, "y"))
            } else if let latColumn, let lonColumn {
                let lat = try number(latColumn, "latitude"), lon = try number(lonColumn, "longitude")
                guard (-90...90).contains(lat), (-180...180).contains(lon) else {
                    throw SimulationError.badStationsLine(file: file, line: lineNumber, text: line, reason: "latitude/longitude out of range")
                }
                position = origin.local(latitude: lat, longitude: lon)
            } else { continue }
            var cameras: Int?
            if let camerasColumn, camerasColumn < fields.count, !fields[camerasColumn].isEmpty {
                guard let c = Int(fields[camerasColumn]), c == 1 || c == 2 else {
                    throw SimulationError.badStationsLine(file: file, line: lineNumber, text: line,
                                                          reason: "cameras \"\(fields[camerasColumn])\" must be 1 or 2")
                }
                cameras = c
            }
            specs.append(StationSpec(id: id, position: position, cameras: cameras))
        }
        guard !specs.isEmpty else { throw SimulationError.noStations(reason: "\(url.path) lists no stations") }
        return specs
    }
}
