/// "Did you mean": the candidate closest to `name` by Damerau-Levenshtein distance (optimal
/// string alignment), within 1 edit for names under 3 characters, else 2; ties go to the
/// earlier candidate. Nil when nothing is close enough or `name` itself is a candidate.
public func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
    let limit = name.count < 3 ? 1 : 2
    let target = Array(name)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = alignmentDistance(target, Array(candidate), limit: limit)
        if distance == 0 { return nil }
        if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.candidate
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions
/// of adjacent characters each cost 1. Returns `limit + 1` at once when the lengths alone differ by more.
func alignmentDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    guard abs(a.count - b.count) <= limit else { return limit + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}
