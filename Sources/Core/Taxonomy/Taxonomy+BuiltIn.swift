extension Taxonomy {
    /// The Land of the Leopard fauna, the camtrapR sample species, and generic labels.
    public static let builtIn = Taxonomy(builtInTaxa)

    /// The built-in entries. Scientific names follow the simulator's truth (`Simulate.SpeciesSettings`).
    public static let builtInTaxa: [Taxon] = landOfTheLeopard + camtrapRSamples + generic

    static let landOfTheLeopard: [Taxon] = [
        Taxon(scientificName: "Panthera pardus orientalis", rank: .subspecies, commonName: "Amur leopard",
              russianName: "дальневосточный леопард", chineseName: "远东豹",
              aliases: ["far eastern leopard", "amur_leopard", "leopard (amur)"]),
        Taxon(scientificName: "Panthera pardus", rank: .species, commonName: "leopard", russianName: "леопард", chineseName: "豹"),
        Taxon(scientificName: "Panthera tigris altaica", rank: .subspecies, commonName: "Amur tiger",
              russianName: "амурский тигр", chineseName: "东北虎", aliases: ["siberian tiger", "amur_tiger"]),
        Taxon(scientificName: "Panthera tigris", rank: .species, commonName: "tiger", russianName: "тигр", chineseName: "虎"),
        Taxon(scientificName: "Cervus nippon", rank: .species, commonName: "sika deer", russianName: "пятнистый олень",
              chineseName: "梅花鹿", aliases: ["sika"]),
        Taxon(scientificName: "Capreolus pygargus", rank: .species, commonName: "Siberian roe deer", russianName: "сибирская косуля",
              chineseName: "狍", aliases: ["roe deer", "roe"]),
        Taxon(scientificName: "Sus scrofa", rank: .species, commonName: "wild boar", russianName: "кабан", chineseName: "野猪",
              aliases: ["boar", "wild pig", "eurasian wild pig"]),
        Taxon(scientificName: "Cervus canadensis", rank: .species, commonName: "wapiti", russianName: "изюбрь", chineseName: "马鹿",
              aliases: ["red deer", "elk", "manchurian wapiti", "izubr"]),
        Taxon(scientificName: "Moschus moschiferus", rank: .species, commonName: "Siberian musk deer", russianName: "кабарга",
              chineseName: "原麝", aliases: ["musk deer"]),
        Taxon(scientificName: "Naemorhedus caudatus", rank: .species, commonName: "long-tailed goral", russianName: "амурский горал",
              chineseName: "长尾斑羚", aliases: ["goral", "amur goral"]),
        Taxon(scientificName: "Lynx lynx", rank: .species, commonName: "Eurasian lynx", russianName: "рысь", chineseName: "猞猁",
              aliases: ["lynx"]),
        Taxon(scientificName: "Prionailurus bengalensis", rank: .species, commonName: "leopard cat",
              russianName: "бенгальская кошка", chineseName: "豹猫", aliases: ["amur leopard cat", "PBE"]),
        Taxon(scientificName: "Ursus arctos", rank: .species, commonName: "brown bear", russianName: "бурый медведь",
              chineseName: "棕熊"),
        Taxon(scientificName: "Ursus thibetanus", rank: .species, commonName: "Asian black bear", russianName: "гималайский медведь",
              chineseName: "黑熊", aliases: ["asiatic black bear", "black bear", "white-breasted bear", "moon bear"]),
        Taxon(scientificName: "Meles leucurus", rank: .species, commonName: "Asian badger", russianName: "азиатский барсук",
              chineseName: "亚洲狗獾", aliases: ["badger"]),
        Taxon(scientificName: "Nyctereutes procyonoides", rank: .species, commonName: "raccoon dog", russianName: "енотовидная собака",
              chineseName: "貉", aliases: ["common raccoon dog"]),
        Taxon(scientificName: "Vulpes vulpes", rank: .species, commonName: "red fox", russianName: "обыкновенная лисица",
              chineseName: "赤狐", aliases: ["fox"]),
        Taxon(scientificName: "Martes zibellina", rank: .species, commonName: "sable", russianName: "соболь", chineseName: "紫貂"),
        Taxon(scientificName: "Lepus mandshuricus", rank: .species, commonName: "Manchurian hare", russianName: "маньчжурский заяц",
              chineseName: "东北兔", aliases: ["hare"]),
        Taxon(scientificName: "Canis lupus familiaris", rank: .subspecies, commonName: "domestic dog", russianName: "собака",
              chineseName: "狗", aliases: ["dog", "domestic_dog"]),
        Taxon(scientificName: "Homo sapiens", rank: .species, commonName: "human", russianName: "человек", chineseName: "人",
              aliases: ["person", "people", "humans", "human"], observationType: .human),
    ]

    /// The species in camtrapR's sample photos (XMP `Species|…` tags and species folder codes).
    static let camtrapRSamples: [Taxon] = [
        Taxon(scientificName: "Macaca nemestrina", rank: .species, commonName: "pig-tailed macaque",
              aliases: ["southern pig-tailed macaque", "MNE"]),
        Taxon(scientificName: "Viverra tangalunga", rank: .species, commonName: "Malay civet", aliases: ["VTA"]),
        Taxon(scientificName: "Echinosorex gymnura", rank: .species, commonName: "moonrat", aliases: ["Echinosorex gymnurus", "EGY"]),
        Taxon(scientificName: "Tragulus", rank: .genus, commonName: "mouse deer", aliases: ["chevrotain", "TRA"]),
    ]

    /// Labels for groups and for what is not an animal.
    static let generic: [Taxon] = [
        Taxon(scientificName: "Animalia", rank: .kingdom, commonName: "animal", aliases: ["animals"]),
        Taxon(scientificName: "Mammalia", rank: .class, commonName: "mammal", aliases: ["mammals"]),
        Taxon(scientificName: "Aves", rank: .class, commonName: "bird", aliases: ["birds"]),
        Taxon(scientificName: "Cervidae", rank: .family, commonName: "deer"),
        Taxon(scientificName: "Felidae", rank: .family, commonName: "cat", aliases: ["cats", "felid"]),
        Taxon(scientificName: nil, rank: .generic, commonName: "vehicle", aliases: ["vehicles", "car", "motorbike"],
              observationType: .vehicle),
        Taxon(scientificName: nil, rank: .generic, commonName: "blank", aliases: ["empty", "nothing", "none"],
              observationType: .blank),
        Taxon(scientificName: nil, rank: .generic, commonName: "unknown", aliases: ["unidentified", "UNID", "unknown animal"],
              observationType: .unknown),
    ]
}
