import HummingbirdBcrypt

/// Password hashing with bcrypt (hummingbird-auth's HummingbirdBcrypt) and the rule passwords must meet.
public enum Passwords {
    /// The shortest password accepted.
    public static let minimumLength = 8

    /// A bcrypt hash of the password, refused (with the reason) when it is too short.
    public static func hash(_ password: String, cost: UInt8 = 12) throws -> String {
        guard password.count >= minimumLength else {
            throw WebError.badInput(field: "password", value: String(repeating: "*", count: password.count),
                                    expected: "at least \(minimumLength) characters long")
        }
        return Bcrypt.hash(password, cost: cost)
    }

    /// Whether the password matches the hash.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A hash of a password nobody has, verified against when the user does not exist, so that a login for an
    /// unknown name takes as long as one for a known name.
    static let decoy = Bcrypt.hash("rosette-decoy-password", cost: 12)
}
