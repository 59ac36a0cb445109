extension String {
    var trimmed: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    var trimmingQuotes: String {
        var s = Substring(self)
        if s.first == "'" || s.first == "\"" { s = s.dropFirst() }
        if s.last == "'" || s.last == "\"" { s = s.dropLast() }
        return String(s)
    }
}
