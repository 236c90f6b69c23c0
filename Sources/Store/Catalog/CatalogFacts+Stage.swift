import Foundation

extension CatalogFacts {
    /// The range of years the individual can have been born in, from its birth year or its observed life stage.
    ///
    /// A known birth year is exact. A stage observed in year Y gives Y for a cub, Y − 1 for a subadult, and
    /// at most Y − 2 for an adult (`earliest` nil: it may be older). Nil bounds are unknown.
    public var birthYearRange: (earliest: Int?, latest: Int?) {
        if let birthYear { return (birthYear, birthYear) }
        guard let observed = observedStage else { return (nil, nil) }
        let born = observed.year - observed.stage.age
        return observed.stage == .adult ? (nil, born) : (born, born)
    }

    /// The life stage as observed and the year it was observed in.
    public var observedStage: (stage: LifeStage, year: Int)? {
        guard let label = lifeStage, let stage = LifeStage(label: label),
              let year = lifeStageDate.flatMap({ Int($0.prefix(4)) }) else { return nil }
        return (stage, year)
    }

    /// The individual's life stage in `year`, derived from the birth year when known, else from the stage
    /// observed in another year (a cub one year is a subadult the next and an adult after); nil when unknown.
    ///
    /// An adult observed in year Y is an adult from Y on and of unknown stage before. A stage observed without a
    /// date is taken as the stage in any year asked about (the census passes tagged stages this way).
    public func stage(in year: Int) -> LifeStage? {
        if let birthYear { return LifeStage.at(age: year - birthYear) }
        if let observed = observedStage {
            if observed.stage == .adult { return year >= observed.year ? .adult : nil }
            return LifeStage.at(age: year - observed.year + observed.stage.age)
        }
        return lifeStage.flatMap(LifeStage.init(label:))
    }
}
