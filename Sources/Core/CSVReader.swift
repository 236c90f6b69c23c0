import Foundation

/// Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), keeping each record's first line number.
///
/// Columns are looked up by header name, so column order does not matter; a UTF-8 byte-order mark is skipped.
public struct CSVReader: Sendable {
    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]
    }

    public let file: String
    public let header: [String]
    public let records: [Record]
    /// A problem that stopped reading early (an unterminated quote), if any.
    public let fatal: RosetteError?

    /// Reads a file from disk; throws `unreadableFile` if it cannot be read.
    public init(contentsOf url: URL, displayName: String? = nil) throws {
        let name = displayName ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RosetteError.unreadableFile(path: name, reason: error.localizedDescription)
        }
        self.init(text: String(decoding: data, as: UTF8.self), file: name)
    }

    public init(text: String, file: String) {
        self.file = file
        var rows: [Record] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var fatal: RosetteError?
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes {
            fatal = .csvUnterminatedQuote(file: file, line: recordLine)
        } else if !field.isEmpty || !fields.isEmpty {
            endRecord()
        }
        self.fatal = fatal
        self.header = rows.first?.fields.map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        self.records = Array(rows.dropFirst())
    }

    /// Column indexes by header name.
    public var columnIndex: [String: Int] {
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        return index
    }

    /// The required columns absent from the header.
    public func missing(_ required: [String]) -> [String] {
        let present = Set(header)
        return required.filter { !present.contains($0) }
    }
}
