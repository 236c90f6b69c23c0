extension TruthRecord {
    /// The truth as camtrapR-style XMP HierarchicalSubject tags: `Species|…`, `individual|…`, `Sex|…`,
    /// `LifeStage|…`, `Side|…` (`individual|…` only when `individuals`); people and vehicles as `Species|human` / `Species|vehicle`; none for blanks.
    public func hierarchicalSubjects(individuals: Bool = true) -> [String] {
        var tags: [String] = []
        switch observationType {
        case "human": tags.append("Species|human")
        case "vehicle": tags.append("Species|vehicle")
        case "blank": return []
        default: if !species.isEmpty { tags.append("Species|" + species) }
        }
        if individuals && !individualID.isEmpty { tags.append("individual|" + individualID) }
        if !sex.isEmpty { tags.append("Sex|" + sex) }
        if !lifeStage.isEmpty { tags.append("LifeStage|" + lifeStage) }
        if !side.isEmpty { tags.append("Side|" + side) }
        return tags
    }
}
