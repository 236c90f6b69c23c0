/// A photo's place in its camera's own sequence ("2 of 3", event 17), as the maker note recorded it.
///
/// Where the camera numbers its sequences, burst boundaries follow the numbering: a new "1 of N" starts a
/// burst even within the time gap, and the next frame of the same camera sequence stays in the burst even
/// past it. Photos without numbering (or out of step with it, e.g. a frame deleted from the card) fall back
/// to the time gap alone.
struct BurstNumbering: Sendable, Equatable {
    var index: Int
    var length: Int
    var event: Int64?

    /// nil unless both the index and the length are present.
    init?(index: Int?, length: Int?, event: Int64?) {
        guard let index, let length, index >= 1, length >= index else { return nil }
        self.index = index
        self.length = length
        self.event = event
    }

    /// Whether `next` is the frame after `self` in the same camera sequence.
    func isFollowed(by next: BurstNumbering) -> Bool {
        next.index == index + 1 && next.length == length && (event == nil || next.event == nil || event == next.event)
    }

    /// Whether a photo numbered `number`, `gapSeconds` after the previous one (numbered `previous`), starts
    /// a new burst.
    static func startsBurst(_ number: BurstNumbering?, after previous: BurstNumbering?, gapSeconds: Double, gap: Double) -> Bool {
        if let number, let previous {
            if previous.isFollowed(by: number) { return false }
            if number.index == 1 { return true }
        }
        return gapSeconds > gap
    }
}
