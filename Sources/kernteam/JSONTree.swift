import Foundation

/// Turns an Encodable (the record rows) into the plain values `TerminalSafeJSON` writes
/// (`[String: Any]`, `[Any]`, `String`, `Int`, `Double`, `Bool`, `NSNull`), so every JSON the CLI
/// prints or exports goes through one writer, whatever built it.
enum JSONTree {
    static func value<T: Encodable>(_ value: T) throws -> Any {
        let slot = Slot()
        try value.encode(to: TreeEncoder(slot))
        return slot.resolved()
    }

    /// The rows as the CLI prints them (`list`, `history`) and writes them (`export … --format json`).
    static func text<T: Encodable>(_ rows: [T]) throws -> String {
        TerminalSafeJSON.format(try value(rows))
    }
}

/// Where one value goes: set once, to a plain value or to an object or array still being filled.
private final class Slot {
    var value: Any = NSNull()

    func resolved() -> Any {
        switch value {
        case let o as ObjectBox: return o.slots.mapValues { $0.resolved() }
        case let a as ArrayBox: return a.slots.map { $0.resolved() }
        default: return value
        }
    }
}

private final class ObjectBox { var slots: [String: Slot] = [:] }
private final class ArrayBox { var slots: [Slot] = [] }

private struct TreeEncoder: Encoder {
    let slot: Slot
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ slot: Slot) { self.slot = slot }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = (slot.value as? ObjectBox) ?? ObjectBox()
        slot.value = box
        return KeyedEncodingContainer(KeyedTree<Key>(box: box))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box = (slot.value as? ArrayBox) ?? ArrayBox()
        slot.value = box
        return UnkeyedTree(box: box)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleTree(slot: slot) }
}

/// Plain values are stored as they are; anything else encodes itself into a new slot.
private func store<T: Encodable>(_ value: T, in slot: Slot) throws {
    switch value {
    case let s as String: slot.value = s
    case let i as Int: slot.value = i
    case let b as Bool: slot.value = b
    case let d as Double: slot.value = d
    default: try value.encode(to: TreeEncoder(slot))
    }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    var codingPath: [CodingKey] { [] }

    func slot(_ key: Key) -> Slot {
        let s = Slot()
        box.slots[key.stringValue] = s
        return s
    }

    mutating func encodeNil(forKey key: Key) throws { slot(key).value = NSNull() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try store(value, in: slot(key)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(slot(key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { TreeEncoder(slot(key)).unkeyedContainer() }
    mutating func superEncoder() -> Encoder { TreeEncoder(slot(Key(stringValue: "super")!)) }
    mutating func superEncoder(forKey key: Key) -> Encoder { TreeEncoder(slot(key)) }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
    let box: ArrayBox
    var codingPath: [CodingKey] { [] }
    var count: Int { box.slots.count }

    func next() -> Slot {
        let s = Slot()
        box.slots.append(s)
        return s
    }

    mutating func encodeNil() throws { next().value = NSNull() }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(next()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { TreeEncoder(next()).unkeyedContainer() }
    mutating func superEncoder() -> Encoder { TreeEncoder(next()) }
}

private struct SingleTree: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [CodingKey] { [] }
    mutating func encodeNil() throws { slot.value = NSNull() }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: slot) }
}
