import Foundation
import Store

/// What the partner review shows: per partner, each partner individual awaiting a decision with its chips and
/// ranked candidates from our catalog (with a few reference photos of the same flank), and the links made so far.
struct PartnerReviewQueue {
    var json: [String: Any]
    /// Pairs awaiting a decision, over the partners shown.
    var pairs: Int

    /// Reference photos shown per candidate.
    static let photosPerCandidate = 3
    /// Longer side in CSS pixels of a candidate's reference crop.
    static let cropWidth = 220.0

    /// The queue of one partner (`partner`), or of every partner when nil; an unknown partner is an error.
    static func load(_ store: SurveyStore, partner: String?) throws -> PartnerReviewQueue {
        let summaries = try store.partners()
        if let partner, !summaries.contains(where: { $0.name == partner }) { throw PartnerError.unknownPartner(name: partner) }
        var blocks: [[String: Any]] = [], total = 0
        for summary in summaries where partner == nil || summary.name == partner {
            let block = try partnerBlock(store, summary)
            total += (block["individuals"] as? [[String: Any]])?.reduce(0) { $0 + (($1["candidates"] as? [Any])?.count ?? 0) } ?? 0
            blocks.append(block)
        }
        return PartnerReviewQueue(json: ["partners": blocks, "pendingPairs": total], pairs: total)
    }

    static func partnerBlock(_ store: SurveyStore, _ summary: PartnerSummary) throws -> [String: Any] {
        let name = summary.name
        let pending = try store.pendingCrossMatches(partner: name)
        let chips = Dictionary(grouping: try store.partnerChips(name), by: \.partnerID)
        let facts = Dictionary(uniqueKeysWithValues: try store.partnerIndividuals(name).map { ($0.partnerID, $0) })
        var ours: [String: CatalogIndividual] = [:]
        func individual(_ id: String) -> CatalogIndividual? {
            if let i = ours[id] { return i }
            let i = try? store.individual(id)
            ours[id] = i
            return i
        }
        var individuals: [[String: Any]] = []
        for (pid, pairs) in Dictionary(grouping: pending, by: \.partnerID).sorted(by: { $0.key < $1.key }) {
            let own = chips[pid] ?? []
            let sides = Set(own.map(\.side))
            let best = pairs.map(\.score).max() ?? 0
            let candidates: [[String: Any]] = pairs.sorted { $0.rank < $1.rank }.map { m in
                let i = individual(m.individualID)
                let photos = (i?.referencePhotos ?? []).filter { sides.isEmpty || sides.contains($0.side) }.prefix(photosPerCandidate)
                return [
                    "rank": m.rank, "individualID": m.individualID, "href": "/individuals/" + PageSupport.segment(m.individualID),
                    "ourName": PageSupport.opt(i?.name), "ourSex": PageSupport.opt(i?.sex), "score": (m.score * 100).rounded() / 100,
                    "inliers": m.inliers, "bar": best > 0 ? Int((100 * m.score / best).rounded()) : 0,
                    "photos": photos.map(photo),
                ]
            }
            let f = facts[pid]
            individuals.append([
                "partnerID": pid, "qualifiedID": PartnerNamespace.qualified(name, pid), "theirSex": PageSupport.opt(f?.sex),
                "years": years(f), "cells": f?.cells.count ?? 0,
                "chips": own.map { ["chipID": $0.chipID, "side": $0.side,
                                    "src": "/review/partners/\(PageSupport.segment(name))/chips/\(PageSupport.segment($0.chipID))"] },
                "candidates": candidates,
            ])
        }
        let links = try store.crossLinks(partner: name).map { link -> [String: Any] in
            let entry = try? store.history(individualID: link.individualID)
                .last { $0.kind == .link && $0.summary == "\(link.qualifiedPartnerID) is the same animal as \(link.individualID)" }
            return ["qualifiedID": link.qualifiedPartnerID, "individualID": link.individualID, "decidedBy": link.decidedBy,
                    "decidedAt": ISO8601DateFormatter().string(from: link.decidedAt), "entryID": PageSupport.opt(entry?.id)]
        }
        return ["partner": name, "title": PageSupport.opt(summary.title), "individualCount": summary.individuals,
                "pendingPairs": pending.count, "individuals": individuals, "links": links, "hasLinks": !links.isEmpty]
    }

    static func years(_ f: PartnerIndividual?) -> String {
        switch (f?.firstYear, f?.lastYear) {
        case let (a?, b?) where a != b: "\(a)–\(b)"
        case let (a?, _): "\(a)"
        case let (_, b?): "\(b)"
        default: "unknown"
        }
    }

    /// A reference photo as a crop of its box (CSS: the whole photo scaled and shifted inside a box-shaped frame).
    static func photo(_ p: CatalogIndividual.ReferencePhoto) -> [String: Any] {
        let box = (p.box?.count == 4 ? p.box! : [0, 0, 1, 1]).map { min(1, max(0, $0)) }
        let w = max(box[2], 0.01), h = max(box[3], 0.01)
        let aspect = Double(p.height ?? 3) / Double(p.width ?? 4)   // photo height / width
        // The frame is the box's shape, at most cropWidth on its longer side.
        var frameWidth = cropWidth, frameHeight = cropWidth * h * aspect / w
        if frameHeight > cropWidth { frameWidth *= cropWidth / frameHeight; frameHeight = cropWidth }
        let imgWidth = frameWidth / w, imgHeight = imgWidth * aspect
        let style = String(format: "width:%.0fpx;height:%.0fpx", frameWidth, frameHeight)
        let imgStyle = String(format: "width:%.1fpx;height:%.1fpx;margin-left:%.1fpx;margin-top:%.1fpx",
                              imgWidth, imgHeight, -box[0] * imgWidth, -box[1] * imgHeight)
        return ["mediaID": p.mediaID, "src": "/media/\(p.mediaID)", "href": "/photos/\(p.mediaID)", "side": p.side,
                "frameStyle": style, "imgStyle": imgStyle]
    }
}
