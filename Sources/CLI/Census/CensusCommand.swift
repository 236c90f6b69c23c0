import ArgumentParser
import Census
import Foundation

/// `rosette census`: population size and density from capture–recapture data.
public struct CensusCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "census",
        abstract: "Estimate population size (closed capture–recapture) or density (SECR).",
        subcommands: [Closed.self, SECR.self, Effort.self, Records.self, Histories.self, Activity.self, Report.self, Survival.self, Trend.self,
                      Territories.self, Crossings.self]
    )

    public init() {}
}

/// Output formats shared by the census subcommands.
enum CensusOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

extension DetectorType: ExpressibleByArgument {}
extension DetectionFunction: ExpressibleByArgument {}
extension ClosedInterval: ExpressibleByArgument {}
