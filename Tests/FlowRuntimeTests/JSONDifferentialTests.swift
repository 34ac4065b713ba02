import Foundation
import Testing
@testable import FlowRuntime
import FlowSyntax
import TestSupport

/// `JSONScanner` against Foundation's `JSONSerialization` on seeded random corpora.
@Suite struct JSONDifferentialTests {
    @Test func validDocumentsDecodeLikeFoundation() throws {
        var corpus = JSONCorpus(random: SeededGenerator(seed: 8259))
        for _ in 0..<3000 {
            let text = corpus.document()
            let ours = try JSONScanner.parse(text)
            let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            #expect(sameJSON(ours, theirs), "\(text)")
        }
    }

    /// Mutated documents: both parsers must agree on accept or reject (and on the value when both
    /// accept). The one documented difference: Foundation accepts trailing commas, RFC 8259 does not.
    @Test func mutatedDocumentsAreAcceptedOrRejectedLikeFoundation() throws {
        var corpus = JSONCorpus(random: SeededGenerator(seed: 3629))
        var random = SeededGenerator(seed: 1)
        var rejected = 0
        for _ in 0..<6000 {
            let bytes = mutate(Array(corpus.document().utf8), edits: Int.random(in: 1...2, using: &random), using: &random)
            let theirs = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            do {
                let ours = try JSONScanner.parse(bytes: bytes)
                #expect(theirs.map { sameJSON(ours, $0) } ?? false, "\(bytes)")
            } catch {
                rejected += 1
                let foundationOnly = error.message.contains("trailing commas") || bytes.starts(with: [0xEF, 0xBB, 0xBF])
                #expect(theirs == nil || foundationOnly, "\(String(decoding: bytes, as: UTF8.self).debugDescription): \(error)")
            }
        }
        #expect(rejected > 2000) // the corpus really exercises errors
    }

    /// The fast number path (Clinger) must round exactly like `strtod`.
    @Test func numbersConvertExactly() throws {
        var corpus = JSONCorpus(random: SeededGenerator(seed: 754))
        for _ in 0..<20000 {
            let text = corpus.number()
            guard case .number(let number) = try JSONScanner.parse(text) else {
                Issue.record("\(text) is not a number")
                continue
            }
            #expect(number.double == Double(text), "\(text)")
            #expect(number.text == text)
        }
    }
}
