import Store
import Testing

@Suite struct SpeciesSmootherTests {
    static let sika = SpeciesName(scientificName: "Cervus nippon", speciesLabel: "sika deer")
    static let boar = SpeciesName(scientificName: "Sus scrofa", speciesLabel: "wild boar")
    static let leopard = SpeciesName(scientificName: "Panthera pardus orientalis", speciesLabel: "Amur leopard")

    /// A burst of frames (one box each, ids 1…n, media 1…n), each with its guesses [(species, p)].
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var frames: [[(SpeciesName, Double)]]
        var tags: [Int64: [SpeciesName]] = [:]
        var burstTag: SpeciesName?
        var imported = false
        var threshold = 0.5
        /// Expected per frame: species (nil = none), evidence, probability (nil = not checked or none).
        var expected: [(SpeciesName?, SpeciesEvidence, Double?)]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "agreeing frames keep their own evidence",
             frames: [[(sika, 0.8)], [(sika, 0.7)]], expected: [(sika, .classifier, 0.8), (sika, .classifier, 0.7)]),
        Case(name: "a weak dissenting frame takes the burst's species",
             frames: [[(sika, 0.9)], [(sika, 0.8)], [(boar, 0.6), (sika, 0.3)]],
             expected: [(sika, .classifier, 0.9), (sika, .classifier, 0.8), (sika, .smoothed, 2.0 / 3)]),
        Case(name: "strong own evidence (≥ 0.9) is not smoothed away",
             frames: [[(sika, 0.8)], [(sika, 0.8)], [(boar, 0.95)]],
             expected: [(sika, .classifier, 0.8), (sika, .classifier, 0.8), (boar, .classifier, 0.95)]),
        Case(name: "a frame without evidence gets the burst's species",
             frames: [[(boar, 0.9)], []], threshold: 0.4, expected: [(boar, .classifier, 0.9), (boar, .smoothed, 0.45)]),
        Case(name: "smoothed below the species threshold is unknown",
             frames: [[(boar, 0.9)], []], expected: [(boar, .classifier, 0.9), (nil, .none, nil)]),
        Case(name: "weak own evidence below the threshold is unknown",
             frames: [[(sika, 0.3)]], expected: [(nil, .none, nil)]),
        Case(name: "a person's tag on the photo beats any machine",
             frames: [[(boar, 0.99)]], tags: [1: [leopard]], expected: [(leopard, .person, nil)]),
        Case(name: "a person's tag on another frame speaks for the burst",
             frames: [[], [(boar, 0.99)]], tags: [1: [leopard]], expected: [(leopard, .person, nil), (leopard, .person, nil)]),
        Case(name: "a tag on the burst itself",
             frames: [[(sika, 0.6)]], burstTag: boar, expected: [(boar, .person, nil)]),
        Case(name: "two tags on a photo: the one the box's evidence favours",
             frames: [[(boar, 0.7), (sika, 0.2)]], tags: [1: [sika, boar]], expected: [(boar, .person, nil)]),
        Case(name: "imported classifications are marked imported",
             frames: [[(sika, 0.8)]], imported: true, expected: [(sika, .imported, 0.8)]),
        Case(name: "no evidence at all", frames: [[], []], expected: [(nil, .none, nil), (nil, .none, nil)]),
    ]

    @Test(arguments: cases)
    func precedenceAndSmoothing(c: Case) {
        let boxes = c.frames.indices.map { SpeciesSmoother.Box(id: Int64($0 + 1), mediaID: Int64($0 + 1), eventID: "E1") }
        var guesses: [Int64: [SpeciesSmoother.Guess]] = [:]
        for (i, frame) in c.frames.enumerated() {
            guesses[Int64(i + 1)] = frame.map { SpeciesSmoother.Guess(species: $0.0, probability: $0.1, imported: c.imported) }
        }
        let d = SpeciesSmoother(speciesThreshold: c.threshold).decide(
            boxes: boxes, personTags: c.tags, burstTags: c.burstTag.map { ["E1": [$0]] } ?? [:], guesses: guesses)
        for (i, (species, evidence, p)) in c.expected.enumerated() {
            let got = d[Int64(i + 1)]!
            #expect(got.species == species, "frame \(i + 1)")
            #expect(got.evidence == evidence, "frame \(i + 1)")
            if let p { #expect(abs((got.probability ?? -1) - p) < 1e-9, "frame \(i + 1): \(String(describing: got.probability))") }
            if species == nil || evidence == .person { #expect(got.probability == nil) }
        }
    }

    @Test func burstsDoNotMix() {
        let boxes = [SpeciesSmoother.Box(id: 1, mediaID: 1, eventID: "E1"), SpeciesSmoother.Box(id: 2, mediaID: 2, eventID: "E2"),
                     SpeciesSmoother.Box(id: 3, mediaID: 3, eventID: nil)]
        let d = SpeciesSmoother(speciesThreshold: 0.5).decide(
            boxes: boxes, personTags: [1: [Self.leopard]], burstTags: [:],
            guesses: [2: [SpeciesSmoother.Guess(species: Self.sika, probability: 0.8, imported: false)]])
        #expect(d[1]?.evidence == .person && d[2]?.species == Self.sika && d[3]?.evidence == SpeciesEvidence.none)
    }
}
