/// The class (mammal, bird, reptile, amphibian) of a species label, from the words common names use.
///
/// Validation reports mammal bursts apart from birds and lizards; a labels table may name the class itself
/// (a `class` column), which wins. Labels no word here covers are "unclassified" and reported as such.
public enum SpeciesClass {
    public static let mammal = "mammal", bird = "bird", reptile = "reptile", amphibian = "amphibian"
    public static let unclassified = "unclassified"

    /// Whole words (or word endings, for compounds such as "ground dove") that name a class.
    static let words: [String: String] = {
        var map: [String: String] = [:]
        for w in ["paca", "agouti", "acouchi", "deer", "brocket", "rabbit", "tapeti", "hare", "tapir", "jaguar", "puma",
                  "ocelot", "margay", "jaguarundi", "cat", "leopard", "tiger", "lynx", "peccary", "boar", "pig", "armadillo",
                  "opossum", "coati", "raccoon", "squirrel", "rodent", "rat", "mouse", "mice", "porcupine", "capybara",
                  "monkey", "anteater", "sloth", "tayra", "weasel", "marten", "sable", "badger", "otter", "bear", "fox",
                  "wolf", "dog", "raccoon dog", "elk", "moose", "roe", "musk deer", "sika", "wapiti", "goral", "hedgehog",
                  "bat", "mammal", "cattle", "cow", "goat", "sheep", "horse", "skunk", "kinkajou", "olingo"] {
            map[w] = mammal
        }
        for w in ["bird", "dove", "pigeon", "tinamou", "guan", "curassow", "trumpeter", "thrush", "antbird", "antthrush",
                  "wren", "pheasant", "grouse", "owl", "hawk", "eagle", "jay", "crow", "magpie", "woodpecker", "quail",
                  "chachalaca", "rail", "heron", "sparrow", "finch", "passerine"] {
            map[w] = bird
        }
        for w in ["lizard", "tegu", "iguana", "snake", "turtle", "tortoise", "caiman", "reptile", "gecko", "skink"] {
            map[w] = reptile
        }
        for w in ["frog", "toad", "salamander", "amphibian"] { map[w] = amphibian }
        return map
    }()

    /// The class a label names: the whole label, else its last word that is known (the head noun: "ground dove"),
    /// else any known word; "unclassified" when none is.
    public static func of(_ label: String) -> String {
        let l = label.lowercased()
        if let c = words[l] { return c }
        let parts = l.split(whereSeparator: { !$0.isLetter }).map(String.init)
        for p in parts.reversed() {
            if let c = words[p] { return c }
            if p.hasSuffix("s"), let c = words[String(p.dropLast())] { return c }
        }
        return unclassified
    }
}
