import Core
import Testing

@Suite struct ProgressMeterTests {
    @Test func describesCountRateAndETA() {
        let line = ProgressMeter.describe(label: "ingest", done: 1000, total: 5000, elapsed: 2, detail: "990 stored", bar: false)
        #expect(line == "ingest 1000/5000 (20%) 500/s ETA 0:08 elapsed 0:02 990 stored")
    }

    @Test func drawsABarOnTerminals() {
        let line = ProgressMeter.describe(label: "x", done: 50, total: 100, elapsed: 10, detail: "", bar: true)
        #expect(line.hasPrefix("x [############............] 50/100 (50%) 5/s ETA 0:10"))
    }

    @Test func withoutTotalShowsCountAndRate() {
        #expect(ProgressMeter.describe(label: "scan", done: 30, total: nil, elapsed: 3, detail: "", bar: false)
                == "scan 30 10/s elapsed 0:03")
    }
}
