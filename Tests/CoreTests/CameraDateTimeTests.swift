import Core
import Foundation
import Testing

@Suite struct CameraDateTimeTests {
    @Test(arguments: [
        // Russia kept summer time until 2011: Vladivostok was UTC+11 in April 2009.
        ("2009:04:21 00:40:00", nil as String?, "2009-04-20T13:40:00Z"),
        ("2024:09:03 23:59:59", "5", "2024-09-03T13:59:59.500Z"),
        ("2024-02-29 12:00:00", nil, "2024-02-29T02:00:00Z"),
        ("2024:12:31T10:00:00", "250", "2024-12-31T00:00:00.250Z"),
    ])
    func readsCameraTimeInVladivostok(_ text: String, _ subSec: String?, _ expected: String) throws {
        let t = try #require(CameraDateTime(exif: text, subSec: subSec))
        let zone = try ZoneSpec("Asia/Vladivostok")
        #expect(Timestamp.format(t.absolute(in: zone), offsetSeconds: 0) == expected)
    }

    @Test(arguments: ["", "0000:00:00 00:00:00", "2023:02:29 10:00:00", "2024:13:01 00:00:00", "2024:01:01 25:00:00",
                      "2024:01:01", "    :  :     :  :  ", "2024:01:01 10:00:0x"])
    func rejectsInvalidCameraTimes(_ text: String) {
        #expect(CameraDateTime(exif: text) == nil)
    }

    @Test func clockOffsetIsAddedToCameraTime() throws {
        let t = try #require(CameraDateTime(exif: "2024:09:03 10:00:00"))
        let zone = try ZoneSpec("+10:00")
        #expect(t.absolute(in: zone, clockOffset: 3600).timeIntervalSince(t.absolute(in: zone)) == 3600)
    }

    @Test func daylightSavingZoneUsesTheOffsetInForceThatDay() throws {
        let brussels = try ZoneSpec("Europe/Brussels")
        let summer = try #require(CameraDateTime(exif: "2020:07:01 12:00:00")).absolute(in: brussels)
        let winter = try #require(CameraDateTime(exif: "2020:01:15 12:00:00")).absolute(in: brussels)
        #expect(Timestamp.format(summer, offsetSeconds: 0) == "2020-07-01T10:00:00Z")
        #expect(Timestamp.format(winter, offsetSeconds: 0) == "2020-01-15T11:00:00Z")
    }
}

@Suite struct ZoneAndTimestampTests {
    @Test(arguments: [("+10:00", 36000), ("-05", -18000), ("+0530", 19800), ("Z", 0), ("UTC+03:00", 10800)])
    func parsesOffsets(_ text: String, _ seconds: Int) {
        #expect(ZoneSpec.parseOffset(text) == seconds)
    }

    @Test(arguments: ["Mars/Olympus", "+25:00", "10", "local"])
    func rejectsUnknownZones(_ text: String) {
        #expect(throws: RosetteError.badTimeZone(value: text)) { try ZoneSpec(text) }
    }

    @Test(arguments: [
        "2020-05-30T04:57:37+02:00", "2021-04-11T20:43:09+01:00", "2024-09-01T00:00:00Z", "2024-09-01T06:30:00.250+10:00",
    ])
    func timestampsRoundTrip(_ text: String) throws {
        let date = try #require(Timestamp.parse(text, defaultZone: nil))
        let offset = text.hasSuffix("Z") ? 0 : ZoneSpec.parseOffset(String(text.suffix(6)))!
        #expect(Timestamp.format(date, offsetSeconds: offset) == text)
    }

    @Test func dateOnlyMeansStartOrEndOfDayInTheGivenZone() throws {
        let zone = try ZoneSpec("+10:00")
        let start = try #require(Timestamp.parse("2024-09-01", defaultZone: zone))
        let end = try #require(Timestamp.parse("2024-09-01", defaultZone: zone, endOfDay: true))
        #expect(Timestamp.format(start, in: zone) == "2024-09-01T00:00:00+10:00")
        #expect(Timestamp.format(end, in: zone) == "2024-09-01T23:59:59+10:00")
        #expect(Timestamp.parse("2024-09-01T10:00", defaultZone: nil) == nil)
        #expect(Timestamp.parse("yesterday", defaultZone: zone) == nil)
    }
}
