/// The `source` values of observation rows, saying which part of Rosette wrote them.
public enum ObservationSource {
    /// Person tags read at ingest (XMP HierarchicalSubject, camtrapR species folders).
    public static let xmp = "xmp"
    /// A detector's boxes (MegaDetector import, motion, ONNX detector).
    public static let triage = "triage"
    /// An ONNX classifier's top-k species for one box (the row carries that box).
    public static let classifier = "classifier"
    /// A species from a MegaDetector file's per-detection `classifications` (the row carries the box).
    public static let importedClassification = "md-classification"
    /// The smoothed species of a box or a burst, stored by `rosette triage species --apply`.
    public static let species = "species"
    /// An observation imported from a Camtrap DP package (`rosette import camtrap-dp`).
    public static let camtrapDP = "camtrap-dp"
    /// A person's verdict on a photo from a reviewed labels file or `rosette triage mark` (human method).
    public static let labels = "labels"
    /// A burst the reviewer-trained model (`rosette triage learn --apply`) is sure is empty (machine `blank`).
    public static let learned = "learned"
}
