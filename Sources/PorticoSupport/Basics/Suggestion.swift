/// "Did you mean" suggestions for misspelt names and ids.
package enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        // Case is not a typo worth counting: "Brigde" is one slip from "bridge".
        let lowered = word.lowercased()
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.1 ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if best == nil {
            // A shortened id ("roi-calc" for "roi-calculator") is a common slip too.
            best = candidates.filter { $0.hasPrefix(word) && word.count >= 3 }
                .sorted().first.map { ($0, 0) }
        }
        if best == nil, word.count >= 4 {
            // So is a name cut short at the front ("Stage" for "Deal Stage").
            best = candidates.filter { $0.lowercased().hasSuffix(lowered) }.sorted().first.map { ($0, 0) }
        }
        return best?.0
    }

    /// ` (did you mean 'x'?)`, or nothing.
    package static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
        guard let match = closest(to: word, in: candidates) else { return "" }
        return " (did you mean '\(match)'?)"
    }

    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
