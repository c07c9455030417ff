import Foundation
import KernteamDomain

/// Decodes any `Decodable` from a `JSONValue`, with the errors JSONDecoder would give (key not
/// found, type mismatch, value not found), so the events' own Codable code stays the only place
/// that knows their fields.
struct ValueDecoder: Decoder {
    let value: JSONValue
    /// The path is built only when asked for (errors, nested containers), not for every field.
    let parentPath: [CodingKey]
    let key: CodingKey?

    init(_ value: JSONValue, parentPath: [CodingKey] = [], key: CodingKey? = nil) {
        self.value = value
        self.parentPath = parentPath
        self.key = key
    }

    var codingPath: [CodingKey] { key.map { parentPath + [$0] } ?? parentPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw mismatch([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedReader<Key>(fields: fields, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self, value, codingPath) }
        return UnkeyedReader(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        SingleReader(decoder: self)
    }
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [CodingKey]) -> DecodingError {
    if case .null = value {
        return .valueNotFound(type, .init(codingPath: path, debugDescription: "null where a value was expected"))
    }
    return .typeMismatch(type, .init(codingPath: path, debugDescription: "value of another type"))
}

/// The conversions from a JSON value to the primitive types, shared by the three containers.
private enum Primitive {
    static func string(_ v: JSONValue, _ path: @autoclosure () -> [CodingKey]) throws -> String {
        if case .string(let s) = v { return s }
        throw mismatch(String.self, v, path())
    }

    static func bool(_ v: JSONValue, _ path: @autoclosure () -> [CodingKey]) throws -> Bool {
        if case .bool(let b) = v { return b }
        throw mismatch(Bool.self, v, path())
    }

    static func integer<T: FixedWidthInteger>(_ v: JSONValue, _ path: @autoclosure () -> [CodingKey]) throws -> T {
        if case .number(let text) = v {
            if let x = T(text) { return x }
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "number \(text) does not fit \(T.self)"))
        }
        throw mismatch(T.self, v, path())
    }

    static func floating<T: LosslessStringConvertible>(_ v: JSONValue, _ path: @autoclosure () -> [CodingKey]) throws -> T {
        if case .number(let text) = v, let x = T(text) { return x }
        throw mismatch(T.self, v, path())
    }

    /// Strings and integers without going through a nested decoder: most fields are one of these.
    /// Ids and days too: every event has some, and their own `init(from:)` would go through a nested
    /// decoder for one string. The errors are the ones those would throw.
    static func decode<T: Decodable>(_ type: T.Type, _ v: JSONValue, parentPath: [CodingKey], key: CodingKey?) throws -> T {
        func path() -> [CodingKey] { parentPath + (key.map { [$0] } ?? []) }
        // The casts below are between identical types (checked just before), so they cost nothing.
        if T.self == String.self { return unsafeBitCast(try string(v, path()), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(v, path()) as Int, to: T.self) }
        if T.self == RecordID.self {
            let text = try string(v, path())
            guard let id = RecordID(text) else { throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "bad id \(text)")) }
            return unsafeBitCast(id, to: T.self)
        }
        if T.self == Day.self {
            let text = try string(v, path())
            guard let day = Day(text) else { throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "bad date \(text)")) }
            return unsafeBitCast(day, to: T.self)
        }
        return try T(from: ValueDecoder(v, parentPath: parentPath, key: key))
    }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [(key: String, value: JSONValue)]
    let codingPath: [CodingKey]

    var allKeys: [Key] { fields.compactMap { Key(stringValue: $0.key) } }

    private func lookup(_ key: Key) -> JSONValue? {
        let name = key.stringValue
        for field in fields where field.key == name { return field.value }
        return nil
    }

    private func required(_ key: Key) throws -> JSONValue {
        guard let v = lookup(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
        }
        return v
    }

    private func path(_ key: Key) -> [CodingKey] { codingPath + [key] }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try required(key) { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try Primitive.bool(required(key), path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try Primitive.string(required(key), path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try Primitive.floating(required(key), path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try Primitive.floating(required(key), path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try Primitive.integer(required(key), path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try Primitive.integer(required(key), path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try Primitive.integer(required(key), path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try Primitive.integer(required(key), path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try Primitive.integer(required(key), path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try Primitive.integer(required(key), path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try Primitive.integer(required(key), path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try Primitive.integer(required(key), path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try Primitive.integer(required(key), path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try Primitive.integer(required(key), path(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try Primitive.decode(type, required(key), parentPath: codingPath, key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(required(key), parentPath: codingPath, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try ValueDecoder(required(key), parentPath: codingPath, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { ValueDecoder(.object(fields), parentPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder { ValueDecoder(lookup(key) ?? .null, parentPath: codingPath, key: key) }
}

/// Index keys for paths into arrays, as JSONDecoder names them.
private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [CodingKey]
    var currentIndex = 0

    init(items: [JSONValue], codingPath: [CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next<T>(_ type: T.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "list ended"))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    private var here: [CodingKey] { codingPath + [IndexKey(currentIndex - 1)] }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw DecodingError.valueNotFound(Any?.self, .init(codingPath: codingPath, debugDescription: "list ended")) }
        if case .null = items[currentIndex] { currentIndex += 1; return true }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { let v = try next(type); return try Primitive.bool(v, here) }
    mutating func decode(_ type: String.Type) throws -> String { let v = try next(type); return try Primitive.string(v, here) }
    mutating func decode(_ type: Double.Type) throws -> Double { let v = try next(type); return try Primitive.floating(v, here) }
    mutating func decode(_ type: Float.Type) throws -> Float { let v = try next(type); return try Primitive.floating(v, here) }
    mutating func decode(_ type: Int.Type) throws -> Int { let v = try next(type); return try Primitive.integer(v, here) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { let v = try next(type); return try Primitive.integer(v, here) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { let v = try next(type); return try Primitive.integer(v, here) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { let v = try next(type); return try Primitive.integer(v, here) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { let v = try next(type); return try Primitive.integer(v, here) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { let v = try next(type); return try Primitive.integer(v, here) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { let v = try next(type); return try Primitive.integer(v, here) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { let v = try next(type); return try Primitive.integer(v, here) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { let v = try next(type); return try Primitive.integer(v, here) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { let v = try next(type); return try Primitive.integer(v, here) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let v = try next(type)
        return try Primitive.decode(type, v, parentPath: codingPath, key: IndexKey(currentIndex - 1))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let v = try next([String: Any].self)
        return try ValueDecoder(v, parentPath: codingPath, key: IndexKey(currentIndex - 1)).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        let v = try next([Any].self)
        return try ValueDecoder(v, parentPath: codingPath, key: IndexKey(currentIndex - 1)).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder {
        let v = try next(Any.self)
        return ValueDecoder(v, parentPath: codingPath, key: IndexKey(currentIndex - 1))
    }
}

private struct SingleReader: SingleValueDecodingContainer {
    let decoder: ValueDecoder
    var codingPath: [CodingKey] { decoder.codingPath }
    private var v: JSONValue { decoder.value }

    func decodeNil() -> Bool { if case .null = v { return true }; return false }
    func decode(_ type: Bool.Type) throws -> Bool { try Primitive.bool(v, codingPath) }
    func decode(_ type: String.Type) throws -> String { try Primitive.string(v, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try Primitive.floating(v, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try Primitive.floating(v, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try Primitive.integer(v, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Primitive.integer(v, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Primitive.integer(v, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Primitive.integer(v, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Primitive.integer(v, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try Primitive.integer(v, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Primitive.integer(v, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Primitive.integer(v, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Primitive.integer(v, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Primitive.integer(v, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Primitive.decode(type, v, parentPath: decoder.parentPath, key: decoder.key) }
}
