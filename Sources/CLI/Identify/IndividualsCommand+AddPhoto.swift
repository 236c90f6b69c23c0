import ArgumentParser
import Core
import Foundation
import Store

extension IndividualsCommand {
    /// `rosette individuals add-photo ID --photo P --side S [--box B]`: one more reference photo of a known individual.
    struct AddPhoto: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-photo",
            abstract: "Add a reference flank photo to an individual already in the catalog (the photo must be ingested).",
            discussion: "The photo joins the individual's gallery for identification and partner packages; the change is logged.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "The individual's ID.") var id: String
        @OptionGroup var photo: ReferencePhotoOptions

        func validate() throws {
            guard photo.photo != nil else { throw ValidationError("--photo is required: the ingested photo showing \(id)'s flank") }
            _ = try photo.relativeBox()
        }

        func run() throws {
            let store = try survey.open()
            let media = try store.media(path: photo.photo ?? "")
            let ref = try store.addReferencePhoto(individualID: id, mediaID: media.mediaID, side: photo.side.rawValue,
                                                  box: try photo.relativeBox(), actor: actor.actor ?? store.settings.defaultActor)
            print("\(id): reference photo \(ref) (\(photo.side.rawValue) flank, \(photo.photo ?? ""))")
        }
    }
}
