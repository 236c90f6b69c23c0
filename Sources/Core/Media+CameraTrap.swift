import Foundation

extension Media {
    /// The camera's own reading of the shot as stored, nil when none was recorded.
    public var cameraTrap: CameraTrapReading? {
        get {
            guard cameraTrigger != nil || cameraSequenceIndex != nil || cameraEventNumber != nil || cameraTemperatureC != nil
            else { return nil }
            return CameraTrapReading(maker: make ?? "", trigger: cameraTrigger.flatMap(CameraTrapReading.Trigger.init(rawValue:)),
                                     sequenceIndex: cameraSequenceIndex, sequenceLength: cameraSequenceLength,
                                     eventNumber: cameraEventNumber, temperatureC: cameraTemperatureC, moonPhase: cameraMoonPhase)
        }
        set {
            cameraTrigger = newValue?.trigger?.rawValue
            cameraSequenceIndex = newValue?.sequenceIndex
            cameraSequenceLength = newValue?.sequenceLength
            cameraEventNumber = newValue?.eventNumber
            cameraTemperatureC = newValue?.temperatureC
            cameraMoonPhase = newValue?.moonPhase
        }
    }
}
