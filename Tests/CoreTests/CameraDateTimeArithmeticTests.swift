import Core
import Testing

@Suite struct CameraDateTimeArithmeticTests {
    @Test(arguments: [
        ("2024:09:05 21:14:30", 0.0, "2024:09:05 21:14:30", nil as String?),
        ("2024:09:05 21:14:30", 3.5, "2024:09:05 21:14:33", "500"),
        ("2024:12:31 23:59:59", 1.25, "2025:01:01 00:00:00", "250"),
        ("2024:02:28 23:59:30", 45, "2024:02:29 00:00:15", nil),
    ])
    func addingSeconds(start: String, seconds: Double, expected: String, subSec: String?) throws {
        let t = try #require(CameraDateTime(exif: start)).adding(seconds: seconds)
        #expect(t.exifString == expected)
        #expect(t.subSecString == subSec)
        #expect(abs(t.secondsAsIfUTC - CameraDateTime(exif: start)!.secondsAsIfUTC - seconds) < 1e-9)
    }

    @Test func videoFrameRateSettingIsReadAndChecked() throws {
        let s = try SurveySettings(toml: "[ingest]\nvideo_frames_per_second = 2.5\n", file: "rosette.toml")
        #expect(s.videoFramesPerSecond == 2.5)
        #expect(try SurveySettings(toml: s.tomlText, file: "x").videoFramesPerSecond == 2.5)
        #expect(SurveySettings().videoFramesPerSecond == 1)
        #expect(throws: RosetteError.badSetting(file: "rosette.toml", line: 2, detail: "video_frames_per_second: expected 0–30, found 60")) {
            try SurveySettings(toml: "[ingest]\nvideo_frames_per_second = 60\n", file: "rosette.toml")
        }
    }
}
