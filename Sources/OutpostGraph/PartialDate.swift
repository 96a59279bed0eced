/// A calendar date known to the year, the month or the day: `2022`, `2022-03`, `2022-03-15`.
///
/// Sources often give only a month or a year. A partial date stands for its whole period:
/// `2022-03` runs from 1 to 31 March 2022. Comparisons that need a single point use
/// ``earliest`` or ``latest``.
public struct PartialDate: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns nil for anything else, including
    /// impossible days such as `2022-02-30`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, let year = Int(parts[0]), year > 0 else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]),
                  (1...PartialDate.daysIn(month: month!, year: year)).contains(d) else { return nil }
            day = d
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first day the date can mean, as `yyyymmdd`.
    public var earliest: Int { year * 10_000 + (month ?? 1) * 100 + (day ?? 1) }
    /// The last day the date can mean, as `yyyymmdd`.
    public var latest: Int {
        let m = month ?? 12
        return year * 10_000 + m * 100 + (day ?? PartialDate.daysIn(month: m, year: year))
    }

    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = padded(year, 4)
        if let month { text += "-" + padded(month, 2) }
        if let day { text += "-" + padded(day, 2) }
        return text
    }

    /// Orders by earliest day, then by precision (a year sorts before its first month).
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.earliest != rhs.earliest { return lhs.earliest < rhs.earliest }
        return lhs.latest > rhs.latest
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PartialDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
