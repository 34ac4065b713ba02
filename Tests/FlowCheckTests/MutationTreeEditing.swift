/// Addressing nodes inside a `MutationTree`, so mutations can pick any node and edit it in place.
extension MutationTree {
    /// One step from a node to a child: the value of the n-th mapping entry or the n-th list item.
    enum PathStep: Hashable { case entry(Int), item(Int) }
    typealias Path = [PathStep]

    /// Every node's path, the root first, in document order.
    var allPaths: [Path] {
        var paths: [Path] = [[]]
        switch self {
        case .scalar: break
        case .mapping(let entries):
            for (index, entry) in entries.enumerated() {
                paths += entry.value.allPaths.map { [.entry(index)] + $0 }
            }
        case .list(let items):
            for (index, item) in items.enumerated() {
                paths += item.allPaths.map { [.item(index)] + $0 }
            }
        }
        return paths
    }

    /// The key a path's last step stands under, when it ends at a mapping entry.
    func key(at path: Path) -> String? {
        guard case .entry(let index)? = path.last, case .mapping(let entries)? = self[Array(path.dropLast())] else { return nil }
        return entries[index].key
    }

    /// The node at `path`; setting nil removes a mapping entry or list item.
    subscript(path: Path) -> MutationTree? {
        get {
            guard let first = path.first else { return self }
            switch (self, first) {
            case (.mapping(let entries), .entry(let index)) where entries.indices.contains(index):
                return entries[index].value[Array(path.dropFirst())]
            case (.list(let items), .item(let index)) where items.indices.contains(index):
                return items[index][Array(path.dropFirst())]
            default:
                return nil
            }
        }
        set {
            guard let first = path.first else {
                if let newValue { self = newValue }
                return
            }
            let rest = Array(path.dropFirst())
            switch (self, first) {
            case (.mapping(var entries), .entry(let index)) where entries.indices.contains(index):
                if rest.isEmpty && newValue == nil { entries.remove(at: index) } else { entries[index].value[rest] = newValue }
                self = .mapping(entries)
            case (.list(var items), .item(let index)) where items.indices.contains(index):
                if rest.isEmpty && newValue == nil { items.remove(at: index) } else { items[index][rest] = newValue }
                self = .list(items)
            default:
                break
            }
        }
    }

    /// Renames the key of the entry `path` ends at.
    mutating func renameKey(at path: Path, to name: String) {
        guard case .entry(let index)? = path.last else { return }
        let parent = Array(path.dropLast())
        guard case .mapping(var entries)? = self[parent] else { return }
        entries[index].key = name
        self[parent] = .mapping(entries)
    }

    /// Inserts `node` into the list at `path` at `position` (clamped to the list).
    mutating func insert(_ node: MutationTree, intoListAt path: Path, position: Int) {
        guard case .list(var items)? = self[path] else { return }
        items.insert(node, at: min(max(position, 0), items.count))
        self[path] = .list(items)
    }

    /// The paths whose entry key is one of `keys`.
    func paths(withKeys keys: Set<String>) -> [Path] {
        allPaths.filter { key(at: $0).map(keys.contains) ?? false }
    }
}
