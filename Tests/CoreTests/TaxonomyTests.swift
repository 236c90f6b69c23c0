import Core
import Foundation
import Testing
import TestSupport

@Suite struct TaxonomyTests {
    @Test(arguments: [
        ("amur_leopard", "Panthera pardus orientalis"),
        ("Amur Leopard", "Panthera pardus orientalis"),
        ("  panthera   PARDUS orientalis ", "Panthera pardus orientalis"),
        ("Leopard", "Panthera pardus"),
        ("Panthera pardus", "Panthera pardus"),
        ("дальневосточный леопард", "Panthera pardus orientalis"),
        ("东北虎", "Panthera tigris altaica"),
        ("Leopard Cat", "Prionailurus bengalensis"),
        ("leopard_cat", "Prionailurus bengalensis"),
        ("PBE", "Prionailurus bengalensis"),
        ("Pig-tailed Macaque", "Macaca nemestrina"),
        ("pig tailed macaque", "Macaca nemestrina"),
        ("Mouse Deer", "Tragulus"),
        ("sika_deer", "Cervus nippon"),
        ("wild-boar", "Sus scrofa"),
        ("person", "Homo sapiens"),
        ("human", "Homo sapiens"),
        ("dog", "Canis lupus familiaris"),
        ("bird", "Aves"),
        ("animal", "Animalia"),
        ("f2efdae9-efb8-48fb-8a91-eccf79ab4ffb;mammalia;carnivora;felidae;panthera;pardus;leopard", "Panthera pardus"),
        ("uuid;mammalia;carnivora;felidae;prionailurus;bengalensis;leopard cat", "Prionailurus bengalensis"),
        ("uuid;mammalia;cetartiodactyla;cervidae;;;deer family", "Cervidae"),
        ("uuid;aves;;;;;bird", "Aves"),
        ("mammalia;carnivora;ursidae;ursus;thibetanus;asian black bear", "Ursus thibetanus"),
        // Only the most specific known part counts: a chimpanzee is a mammal here.
        ("uuid;mammalia;primates;hominidae;pan;troglodytes;chimpanzee", "Mammalia"),
    ])
    func labelsResolve(label: String, scientificName: String) {
        #expect(Taxonomy.builtIn.resolve(label)?.scientificName == scientificName)
    }

    @Test(arguments: [
        ("vehicle", Observation.Kind.vehicle), ("empty", .blank), ("unidentified", .unknown), ("UNID", .unknown),
        ("uuid;;;;;;blank", .blank), ("Homo sapiens", .human), ("sika deer", .animal),
    ])
    func genericLabelsHaveTheirObservationType(label: String, kind: Observation.Kind) {
        #expect(Taxonomy.builtIn.resolve(label)?.observationType == kind)
    }

    @Test(arguments: ["snow leopard", "", "uuid;;;;;;chimpanzee", "Panthera pardus x", "animalia;x"])
    func unknownLabelsAreNotGuessed(label: String) {
        #expect(Taxonomy.builtIn.resolve(label) == nil)
    }

    @Test func theSimulatorsScientificNamesAreAllKnown() {
        for name in ["Panthera pardus orientalis", "Panthera tigris altaica", "Cervus nippon", "Capreolus pygargus", "Sus scrofa", "Homo sapiens"] {
            #expect(Taxonomy.builtIn.taxon(scientificName: name)?.scientificName == name)
        }
    }

    @Test(arguments: [
        ("Panthera pardus orientalis", "Panthera pardus", true), ("Panthera pardus", "Panthera pardus", true),
        ("Panthera pardusx", "Panthera pardus", false), ("Panthera tigris altaica", "panthera", true),
        ("Prionailurus bengalensis", "Panthera", false),
    ])
    func prefixesMatchAtWordBoundaries(name: String, prefix: String, within: Bool) {
        #expect(Taxon.name(name, isWithin: prefix) == within)
    }

    @Test func aSurveyFileAddsSpeciesAndOverridesAliases() throws {
        let dir = TemporaryDirectory()
        try """
            scientificName,commonName,rank,aliases,russianName
            Panthera pardus orientalis,Amur leopard,subspecies,leopard|LEO,
            Martes flavigula,yellow-throated marten,species,kharza,харза
            """.write(to: dir.path(Taxonomy.surveyFileName), atomically: true, encoding: .utf8)
        let t = try Taxonomy.forSurvey(directory: dir.url)
        #expect(t.resolve("leopard")?.scientificName == "Panthera pardus orientalis")
        #expect(t.resolve("LEO")?.scientificName == "Panthera pardus orientalis")
        #expect(t.resolve("харза")?.scientificName == "Martes flavigula")
        #expect(t.resolve("Kharza")?.rank == .species)
        #expect(t.resolve("sika deer")?.scientificName == "Cervus nippon")   // built-in entries stay
        #expect(t.taxa.filter { $0.scientificName == "Panthera pardus orientalis" }.count == 1)
    }

    @Test func aBadSurveyFileNamesItsLine() throws {
        let dir = TemporaryDirectory()
        try "scientificName,commonName,rank\nCervus nippon,sika,tribe\n".write(to: dir.path(Taxonomy.surveyFileName), atomically: true, encoding: .utf8)
        do {
            _ = try Taxonomy.forSurvey(directory: dir.url)
            Issue.record("accepted")
        } catch let error as RosetteError {
            guard case .csvBadValue(_, let line, let column, let value, _) = error else { Issue.record("\(error)"); return }
            #expect((line, column, value) == (2, "rank", "tribe"))
        }
    }

    @Test(arguments: [(AccessRole.owner, true, true), (.staff, true, true), (.partner, false, true), (.public, false, false)])
    func rolesHaveTheirRights(role: AccessRole, people: Bool, locations: Bool) {
        #expect(role.seesPeoplePhotos == people)
        #expect(role.seesExactLocations == locations)
    }

    @Test(arguments: [("[privacy]\npeople_box_threshold = 0.35\n", 0.35, true), ("[privacy]\npeople_box_threshold = 1.5\n", 0, false)])
    func thePeopleThresholdIsASetting(text: String, value: Double, valid: Bool) {
        let settings = try? SurveySettings(toml: text, file: "rosette.toml")
        #expect((settings != nil) == valid)
        if valid { #expect(settings?.peopleBoxThreshold == value) }
        #expect((try? SurveySettings(toml: SurveySettings().tomlText, file: "x"))?.peopleBoxThreshold == 0.2)
    }

    @Test(arguments: [("", true, nil), ("[privacy]\nwithhold_unscreened = false\n", false, nil),
                      ("[privacy]\nwithhold_unscreened = true\n", true, nil),
                      ("[privacy]\nwithhold_unscreened = no\n", true, "withhold_unscreened: expected true or false, found no")])
    func withholdingUnscreenedPhotosIsASetting(text: String, value: Bool, problem: String?) throws {
        do {
            let settings = try SurveySettings(toml: text, file: "rosette.toml")
            #expect(problem == nil && settings.withholdUnscreened == value)
            var written = settings
            written.withholdUnscreened.toggle()
            #expect(try SurveySettings(toml: written.tomlText, file: "x").withholdUnscreened == !value)
        } catch let error as RosetteError {
            #expect(problem != nil && error.description.contains(problem!) && error.description.contains("rosette.toml"))
        }
    }
}
