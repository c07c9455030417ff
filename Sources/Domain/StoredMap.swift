/// Values by record id, for the fold's large maps (the latest triage of each signal, feedback given).
/// Opened from a snapshot, the values it held stay in the mapped snapshot, found by binary search on
/// their ids and read when asked for; values set since are kept beside them (decision 84).
public struct StoredMap<Value: Sendable & Equatable>: Sendable {
    /// Values left in a snapshot, sorted by `StoredMap.key(of:)`.
    private var stored: StoredElements<Value>?
    /// Values set (or removed: nil) since the snapshot, or all of them for a map folded from the log.
    private var overlay: [RecordID: Value?] = [:]

    public init() {}

    init(stored: StoredElements<Value>) { self.stored = stored }

    /// An id as a number that sorts like the pair (kind, number).
    static func key(of id: RecordID) -> Int64 {
        Int64(RecordID.Kind.allCases.firstIndex(of: id.kind)!) << 48 | Int64(id.number & 0xFFFF_FFFF_FFFF)
    }

    public subscript(id: RecordID) -> Value? {
        get {
            if let set = overlay[id] { return set }
            guard let stored else { return nil }
            let key = Self.key(of: id)
            var low = 0, high = stored.count
            while low < high {
                let mid = (low + high) / 2
                if stored.key(mid) < key { low = mid + 1 } else { high = mid }
            }
            return low < stored.count && stored.key(low) == key ? stored.element(low) : nil
        }
        set {
            if stored == nil, newValue == nil { overlay[id] = nil } else { overlay[id] = .some(newValue) }
        }
    }

    /// Every id with its value, sorted by id (reads the stored ones).
    public var entries: [(id: RecordID, value: Value)] {
        var out: [RecordID: Value] = [:]
        if let stored {
            for i in 0..<stored.count {
                let k = stored.key(i)
                out[RecordID(RecordID.Kind.allCases[Int(k >> 48)], Int(k & 0xFFFF_FFFF_FFFF))] = stored.element(i)
            }
        }
        for (id, v) in overlay { out[id] = v }
        return out.map { (id: $0.key, value: $0.value) }.sorted { Self.key(of: $0.id) < Self.key(of: $1.id) }
    }

    public var keys: [RecordID] { entries.map(\.id) }
    public var values: [Value] { entries.map(\.value) }
    public var count: Int { entries.count }
}

extension StoredMap: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.entries.elementsEqual(b.entries) { $0.id == $1.id && $0.value == $1.value }
    }
}
