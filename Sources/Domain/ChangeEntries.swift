/// The entries that changed records rather than creating them, in sequence order (see
/// `KernteamState.changeEvents`). Opened from a snapshot, the entries it held stay in the mapped
/// snapshot and are read when asked for (the history, the minutes); later ones are kept as values.
public struct ChangeEntries: RandomAccessCollection, Sendable {
    /// Entries left in a snapshot; their key is the sequence number times two, plus one when the entry
    /// is of a kind the image lays out field by field (`ImageEvents.laidOut`), zero for the rare kinds.
    private var stored: StoredElements<LoggedEvent>?
    /// Entries after the stored ones, as values.
    private var tail: [LoggedEvent] = []

    public init() {}

    init(stored: StoredElements<LoggedEvent>) { self.stored = stored }

    private var storedCount: Int { stored?.count ?? 0 }
    public var startIndex: Int { 0 }
    public var endIndex: Int { storedCount + tail.count }

    public subscript(i: Int) -> LoggedEvent {
        if let stored, i < stored.count { return stored.element(i) }
        return tail[i - storedCount]
    }

    /// The sequence number of entry `i`, without reading the entry.
    public func seq(at i: Int) -> Int {
        if let stored, i < stored.count { return Int(stored.key(i) >> 1) }
        return tail[i - storedCount].seq
    }

    /// The first position whose sequence number is not below `seq`.
    public func firstIndex(atOrAfter seq: Int) -> Int {
        var low = 0, high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if self.seq(at: mid) < seq { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Adds an entry in sequence order; an entry with a sequence number already there replaces it.
    mutating func add(_ logged: LoggedEvent) {
        guard let last = tail.last?.seq ?? (storedCount > 0 ? seq(at: storedCount - 1) : nil), last >= logged.seq else {
            tail.append(logged)
            return
        }
        // Folded out of order (never from a log, which is in order): keep the list sorted. An entry
        // among the stored ones first brings them all into the tail.
        if storedCount > 0, firstIndex(atOrAfter: logged.seq) < storedCount {
            tail = Array(self)
            stored = nil
        }
        let at = firstIndex(atOrAfter: logged.seq) - storedCount
        if at < tail.count, tail[at].seq == logged.seq { tail[at] = logged } else { tail.insert(logged, at: at) }
    }

    /// The entries of the rare kinds (kept as JSON in an image: corrections, withdrawals, Lemon scores
    /// …) and every entry kept as a value: a superset of the entries of such a kind, found without
    /// reading the others.
    public func rareKindsAndValues() -> [LoggedEvent] {
        var out: [LoggedEvent] = []
        if let stored {
            for i in 0..<stored.count where stored.key(i) & 1 == 0 { out.append(stored.element(i)) }
        }
        return out + tail
    }
}

extension ChangeEntries: Equatable {
    public static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }
}
