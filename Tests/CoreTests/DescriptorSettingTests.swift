import Core
import Testing

@Suite struct DescriptorSettingTests {
    @Test func identifySectionRoundTripsAndDefaultsToNoModel() throws {
        #expect(SurveySettings().descriptor.modelPath.isEmpty)
        var s = SurveySettings()
        s.descriptor.modelPath = "models/mega \"descriptor\".onnx"
        s.descriptor.inputSize = 384
        s.descriptor.mean = [0.5, 0.5, 0.5]
        s.descriptor.std = [0.25, 0.5, 0.125]
        let back = try SurveySettings(toml: s.tomlText, file: "rosette.toml")
        #expect(back == s)
        #expect(try SurveySettings(toml: SurveySettings().tomlText, file: "x") == SurveySettings())
    }

    @Test(arguments: [
        ("descriptor_input_size = 4", "descriptor_input_size: expected at least 8"),
        ("descriptor_std = \"0.2, 0, 0.2\"", "descriptor_std: expected three numbers"),
        ("descriptor_mean = \"0.5, 0.5\"", "descriptor_mean: expected three numbers"),
        ("descriptor_size = 224", "unknown setting [identify] descriptor_size"),
    ])
    func badIdentifySettingsNameTheLine(line: String, words: String) {
        let text = "[survey]\nname = \"x\"\n[identify]\n" + line + "\n"
        let error = #expect(throws: RosetteError.self) { try SurveySettings(toml: text, file: "rosette.toml") }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("rosette.toml") && message.contains("4") && message.contains(words), "\(message)")
    }
}
