import Foundation

/// What the review screen shows for one encounter (the JSON of `/api/review/encounters/{id}`): its frames, up to ten
/// candidates with their same-flank photos, matched keypoint pairs in full-image pixels, the locked-zoom map and the
/// context strip. Places are as the user's `LocationPolicy` allows.
public struct ReviewItem: Sendable, Encodable {
    /// A box in full-resolution photo pixels.
    public struct Box: Sendable, Encodable, Equatable {
        public var x, y, width, height: Double
    }

    /// A photo the page shows (an encounter frame or a reference photo).
    public struct Photo: Sendable, Encodable {
        /// The frame's ID (encounter frames) or the reference photo's ID.
        public var id: Int64
        public var mediaID: Int64
        /// Where the page loads it (`/media/{mediaID}`).
        public var src: String
        public var width: Int
        public var height: Int
        public var box: Box?
        public var side: String
        public var time: String?
        /// The station, as the user may see it.
        public var station: String
        /// Keypoints found (frames, once ranked) or why the frame could not be used.
        public var features: Int?
        public var failure: String?
    }

    /// One matched keypoint pair, in full-image pixels of the encounter frame (`q`) and the reference photo (`r`).
    public struct Pair: Sendable, Encodable {
        public var q: [Double]
        public var r: [Double]
        public var weight: Double
    }

    /// The locked-zoom map from the frame's pixels to the reference photo's, and back.
    public struct Zoom: Sendable, Encodable {
        /// `pairs` (least squares over the matched pairs) or `box` (box onto box).
        public var fit: String
        public var forward: Affine2D
        public var inverse: Affine2D
        /// RMS error of the fit over the pairs (pixels of the reference photo), for `pairs`.
        public var residual: Double?
    }

    /// The context strip of a candidate.
    public struct Context: Sendable, Encodable {
        /// Time from the candidate's sighting nearest in time to this encounter, e.g. "3 days".
        public var timeGap: String?
        public var timeGapSeconds: Double?
        /// Whether that sighting was at the same station.
        public var sameStation: Bool?
        /// Distance band between the two places ("< 2 km", "2–10 km", "> 10 km"), computed on the server.
        public var distanceBand: String?
        public var sex: String?
        public var ageClass: String?
        /// The candidate's most recent sighting: day and station (as the user may see it).
        public var lastSeen: String?
        public var lastStation: String?
        public var sightings: Int
        /// Set when the candidate was recorded dead before this encounter.
        public var deadWarning: String?
    }

    /// A ranked candidate individual.
    public struct Candidate: Sendable, Encodable {
        public var candidateID: Int64
        public var rank: Int
        public var individualID: String
        public var name: String?
        public var score: Double
        public var verifiedScore: Double
        public var inliers: Int
        /// The bar's length: the verified score relative to the best candidate's (1 for the best; not a probability).
        public var bar: Double
        /// The encounter frame and the reference photo the pairs join.
        public var frameID: Int64?
        public var referencePhotoID: Int64?
        /// The candidate's photos of the encounter's flank (or of unknown flank), the best first.
        public var photos: [Photo]
        /// Photos of the other flank left out.
        public var otherFlank: Int
        public var pairs: [Pair]
        /// Correspondences between the same two photos dropped as the camera's fixed scene (drawn apart, not counted).
        public var scenePairs: [Pair] = []
        public var zoom: Zoom?
        public var context: Context
    }

    /// A candidate the matcher proposed that review leaves out, with the reason shown.
    public struct Excluded: Sendable, Encodable {
        public var individualID: String
        public var reason: String
        public var label: String
    }

    /// A lease the user holds on the encounter.
    public struct Lease: Sendable, Encodable {
        public var encounterID: Int64
        public var token: String
        public var holder: String
        public var expires: String
    }

    /// A "new individual" waiting for a second reviewer.
    public struct Pending: Sendable, Encodable {
        public var individualID: String
        public var proposedBy: String
        public var at: String
    }

    public var encounterID: Int64
    public var side: String
    public var station: String
    public var time: String?
    public var frames: [Photo]
    public var candidates: [Candidate]
    public var excluded: [Excluded]
    /// The version of every individual shown, sent back with a decision.
    public var versions: [String: Int64]
    public var catalogVersion: Int64?
    public var method: String
    /// Ranked again just now because the catalog changed since.
    public var reranked: Bool
    public var problems: [String]
    public var decided: String?
    public var pending: Pending?
    public var lease: Lease?
    /// The lease holder when another reviewer holds it (the page is then read-only).
    public var leasedBy: String?
}
