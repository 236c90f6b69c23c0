import GRDB

extension Schema {
    /// Camera-trap readings (v14): what the camera's maker note says of each photo — trigger (motion,
    /// time-lapse, other), its place in the camera's sequence ("1 of 3"), the camera's event counter, ambient
    /// temperature (°C) and moon phase. Nullable: photos ingested before, and cameras whose notes carry none
    /// of it, keep NULLs.
    static func v14CameraTrapReadings(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE media ADD COLUMN cameraTrigger TEXT;
            ALTER TABLE media ADD COLUMN cameraSequenceIndex INTEGER;
            ALTER TABLE media ADD COLUMN cameraSequenceLength INTEGER;
            ALTER TABLE media ADD COLUMN cameraEventNumber INTEGER;
            ALTER TABLE media ADD COLUMN cameraTemperatureC REAL;
            ALTER TABLE media ADD COLUMN cameraMoonPhase INTEGER;
            """)
    }
}
