import FlowSyntax
import TestSupport

/// Mutations of a parsed YAML document: they keep the YAML valid, so the damage reaches the
/// decoders and the rules instead of stopping at the parser.
enum StructureMutator {
    static func mutate(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        switch random.index(below: 12) {
        case 0: swapValues(&tree, using: &random)
        case 1: deleteNode(&tree, using: &random)
        case 2: duplicateItem(&tree, using: &random)
        case 3: replaceWithContainer(&tree, using: &random)
        case 4: renameKey(&tree, using: &random)
        case 5, 6: putDomainValue(&tree, using: &random)
        case 7: breakJump(&tree, using: &random)
        case 8: makeCycle(&tree, using: &random)
        case 9: insertStep(&tree, using: &random)
        case 10: replaceTrigger(&tree, using: &random)
        default: putRandomScalar(&tree, using: &random)
        }
    }

    /// Exchanges the values of two mapping entries anywhere in the document.
    private static func swapValues(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        let entries = tree.allPaths.filter { tree.key(at: $0) != nil }
        guard entries.count >= 2 else { return }
        let a = random.pick(entries), b = random.pick(entries)
        guard !a.starts(with: b), !b.starts(with: a), let valueA = tree[a], let valueB = tree[b] else { return }
        tree[a] = valueB
        tree[b] = valueA
    }

    private static func deleteNode(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        let paths = tree.allPaths.dropFirst()
        guard !paths.isEmpty else { return }
        tree[random.pick(Array(paths))] = nil
    }

    private static func duplicateItem(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        let items = tree.allPaths.filter { if case .item = $0.last { true } else { false } }
        guard !items.isEmpty else { return }
        let path = random.pick(items)
        guard let item = tree[path], case .item(let index)? = path.last else { return }
        tree.insert(item, intoListAt: Array(path.dropLast()), position: index + 1)
    }

    /// Puts a mapping or list where a scalar was, or the other way round.
    private static func replaceWithContainer(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        let path = random.pick(tree.allPaths)
        guard let node = tree[path] else { return }
        switch (node, random.index(below: 4)) {
        case (.scalar, 0): tree[path] = .mapping([(random.pick(MutationVocabulary.keys), node)])
        case (.scalar, 1): tree[path] = .list([node, node])
        case (.scalar, 2): tree[path] = .mapping([])
        case (.scalar, _): tree[path] = .list([])
        default: tree[path] = .plain(random.pick(MutationVocabulary.words))
        }
    }

    /// Renames a key to a near miss (one edit away) or to another key of the format.
    private static func renameKey(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        let entries = tree.allPaths.filter { tree.key(at: $0) != nil }
        guard !entries.isEmpty else { return }
        let path = random.pick(entries)
        guard let key = tree.key(at: path) else { return }
        let name = random.chance(50) ? random.pick(MutationVocabulary.keys) : nearMiss(key, using: &random)
        tree.renameKey(at: path, to: name)
    }

    private static func nearMiss(_ word: String, using random: inout SeededGenerator) -> String {
        var characters = Array(word)
        guard !characters.isEmpty else { return "x" }
        let index = random.index(below: characters.count)
        switch random.index(below: 4) {
        case 0: characters.remove(at: index)
        case 1: characters.insert(random.pick(Array("aeiou_-")), at: index)
        case 2: characters[index] = Character(characters[index].uppercased())
        default: if index + 1 < characters.count { characters.swapAt(index, index + 1) }
        }
        return String(characters)
    }

    /// Replaces a value with one drawn from the pool for its key.
    private static func putDomainValue(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        let entries = tree.allPaths.filter { tree.key(at: $0) != nil }
        guard !entries.isEmpty else { return }
        let path = random.pick(entries)
        guard let key = tree.key(at: path) else { return }
        if (key == "on" || key == "days") && random.chance(50) {
            tree[path] = .list((0..<random.index(below: 4)).map { _ in .plain(random.pick(MutationVocabulary.weekdays)) })
        } else {
            tree[path] = .scalar(random.pick(MutationVocabulary.values(forKey: key)), quoted: random.chance(30))
        }
    }

    private static func breakJump(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        let jumps = tree.paths(withKeys: ["goto", "then", "timeout", "else"])
        let ids = stepIDs(tree)
        guard !jumps.isEmpty else { return }
        let target = random.chance(50) && !ids.isEmpty ? random.pick(ids) : random.pick(MutationVocabulary.jumps)
        tree[random.pick(jumps)] = .plain(target)
    }

    /// Adds a jump from a step back to itself or an earlier one.
    private static func makeCycle(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        guard let stepsPath = tree.paths(withKeys: ["steps"]).first, case .list(let steps)? = tree[stepsPath], !steps.isEmpty else { return }
        let ids = stepIDs(tree)
        let target = ids.isEmpty ? "loop" : random.pick(ids)
        let jump: MutationTree = random.chance(50)
            ? .mapping([("id", .plain(target == "loop" ? "loop" : "loop-back")), ("goto", .plain(target))])
            : .mapping([("branch", .list([.mapping([("if", .plain("contact.vip")), ("goto", .plain(target))])]))])
        tree.insert(jump, intoListAt: stepsPath, position: random.index(below: steps.count + 1))
    }

    private static func insertStep(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        guard let stepsPath = tree.paths(withKeys: ["steps"]).first, case .list(let steps)? = tree[stepsPath],
              let step = parsed(random.pick(MutationVocabulary.steps)) else { return }
        tree.insert(step, intoListAt: stepsPath, position: random.index(below: steps.count + 1))
    }

    private static func replaceTrigger(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        guard let path = tree.paths(withKeys: ["trigger"]).first, let trigger = parsed(random.pick(MutationVocabulary.triggers)) else { return }
        tree[path] = trigger
    }

    private static func putRandomScalar(_ tree: inout MutationTree, using random: inout SeededGenerator) {
        let scalars = tree.allPaths.filter { if case .scalar? = tree[$0] { true } else { false } }
        guard !scalars.isEmpty else { return }
        let pool = random.pick([MutationVocabulary.expressions, MutationVocabulary.durations, MutationVocabulary.mustache, MutationVocabulary.words])
        tree[random.pick(scalars)] = .scalar(random.pick(pool), quoted: random.chance(50))
    }

    /// The step ids of the document's `steps` list.
    private static func stepIDs(_ tree: MutationTree) -> [String] {
        tree.paths(withKeys: ["id"]).compactMap { if case .scalar(let id, _)? = tree[$0] { id } else { nil } }
    }

    private static func parsed(_ text: String) -> MutationTree? {
        YAMLParser.parse(text).root.map(MutationTree.init)
    }
}
