import Core
import Testing

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsAndKeepsLineNumbers() {
        let text = "\u{FEFF}a,b,c\r\n1,\"two, with comma\",3\r\n\r\n4,\"multi\nline\",\"say \"\"hi\"\"\"\n7,8,9"
        let csv = CSVReader(text: text, file: "t.csv")
        #expect(csv.header == ["a", "b", "c"])
        #expect(csv.records.map(\.line) == [2, 4, 6])
        #expect(csv.records[0].fields == ["1", "two, with comma", "3"])
        #expect(csv.records[1].fields == ["4", "multi\nline", "say \"hi\""])
        #expect(csv.fatal == nil)
    }

    @Test func reportsAnUnterminatedQuoteWithItsLine() {
        let csv = CSVReader(text: "a,b\n1,2\n3,\"oops\n4,5\n", file: "bad.csv")
        #expect(csv.records.count == 1)
        #expect(csv.fatal == .csvUnterminatedQuote(file: "bad.csv", line: 3))
    }

    @Test func namesMissingColumns() {
        let csv = CSVReader(text: "deploymentID,latitude\n", file: "d.csv")
        #expect(csv.missing(["deploymentID", "latitude", "longitude"]) == ["longitude"])
    }
}

@Suite struct SurveySettingsTests {
    @Test func writtenSettingsReadBack() throws {
        var s = SurveySettings()
        s.name = "Land of the Leopard 2024"
        s.timeZone = "Asia/Vladivostok"
        s.sequenceGapSeconds = 90
        s.independenceMinutes = 45
        let back = try SurveySettings(toml: s.tomlText, file: "rosette.toml")
        #expect(back == s)
    }

    @Test(arguments: [
        ("[ingest]\nsequence_gap = 60\n", 2, "unknown setting [ingest] sequence_gap"),
        ("[survey]\ntime_zone = \"Nowhere/City\"\n", 2, "time_zone: 'Nowhere/City' is not a time zone"),
        ("[ingest]\nsequence_gap_seconds = -1\n", 2, "sequence_gap_seconds: expected a non-negative number, found -1"),
        ("# c\n[survey\n", 2, "unclosed section header '[survey'"),
    ])
    func badSettingsNameTheLine(_ text: String, _ line: Int, _ detail: String) {
        #expect(throws: RosetteError.badSetting(file: "rosette.toml", line: line, detail: detail)) {
            try SurveySettings(toml: text, file: "rosette.toml")
        }
    }
}
