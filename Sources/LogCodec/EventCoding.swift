import Foundation
import KernteamDomain
import KernteamLog

/// Turns events into log bodies and log lines back into events.
public enum EventCoding {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        // Sorted keys: the same event always gives the same bytes. No escaped slashes: greppable.
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// One encoder for all appends (appends happen on one thread at a time).
    nonisolated(unsafe) public static let sharedEncoder = encoder()

    /// Lets the payload of any event be encoded on its own.
    struct AnyPayload: Encodable {
        let event: Event
        func encode(to encoder: Encoder) throws { try event.encodePayload(to: encoder) }
    }

    /// The event's JSON object, `{"type":…}` first, then the payload fields sorted, on one line.
    /// "type" comes first so a person reading the file sees what a line is right after the header.
    public static func body(of event: Event) throws -> [UInt8] {
        let rest = try sharedEncoder.encode(AnyPayload(event: event))
        var out = Array("{\"type\":\"\(event.typeName)\"".utf8)
        if rest.count > 2 {
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: rest.dropFirst())
        } else {
            out.append(UInt8(ascii: "}"))
        }
        return out
    }

    public struct Undecodable: Error, Sendable {
        public let reason: String
        public init(reason: String) { self.reason = reason }
    }

    /// Decodes a line's event with the fast reader (`JSONReader` + `ValueDecoder`), or with
    /// Foundation's JSONDecoder when one is given (tests compare the two).
    public static func decode(_ line: LogLine, using decoder: JSONDecoder? = nil) throws -> LoggedEvent {
        let event: Event
        if let decoder {
            do {
                event = try decoder.decode(Event.self, from: Data(line.bytes))
                if let problem = event.valueProblem { throw Undecodable(reason: problem) }
            } catch let e as Undecodable {
                throw e
            } catch let e as Event.UnknownType {
                throw Undecodable(reason: "onbekend type '\(e.type)' (nieuwere versie?)")
            } catch {
                throw Undecodable(reason: Self.describe(error))
            }
        } else {
            event = try line.bytes.withUnsafeBufferPointer { try Self.event(from: $0) }
        }
        return LoggedEvent(seq: line.seq, timestamp: line.timestamp, role: Role(rawValue: line.role) ?? .systeem, event: event)
    }

    /// A whole log line: its header read in place, then only the event's own fields parsed.
    public static func logged(from line: UnsafeBufferPointer<UInt8>) throws(Undecodable) -> LoggedEvent {
        guard let header = HeaderParser.quickCheck(line) else { throw Undecodable(reason: "kop onleesbaar") }
        return try logged(from: line, header: header)
    }

    /// The same for a line whose header was already checked (by the chain check, say).
    public static func logged(from line: UnsafeBufferPointer<UInt8>, header: HeaderParser.Layout) throws(Undecodable) -> LoggedEvent {
        let ts = String(decoding: UnsafeBufferPointer(rebasing: line[header.ts]), as: UTF8.self)
        let role = Role(rawValue: String(decoding: UnsafeBufferPointer(rebasing: line[header.role]), as: UTF8.self)) ?? .systeem
        // The header has the exact shape the log writes (plain ASCII), so the line is valid JSON exactly
        // when the rest of the object is; the header's fields are not the event's.
        let fields: JSONValue
        do { fields = try JSONReader.parseObjectTail(line, from: header.body) } catch { throw Undecodable(reason: "geen geldige JSON: \(error.reason)") }
        return LoggedEvent(seq: header.seq, timestamp: ts, role: role, event: try event(fromObject: fields))
    }

    /// The event in one line's bytes.
    public static func event(from bytes: UnsafeBufferPointer<UInt8>) throws(Undecodable) -> Event {
        let value: JSONValue
        do { value = try JSONReader.parse(bytes) } catch { throw Undecodable(reason: "geen geldige JSON: \(error.reason)") }
        return try event(fromObject: value)
    }

    /// The event in a parsed object: the common types built directly, the rest (and anything odd) by
    /// the events' own Codable code, which also names what is wrong.
    static func event(fromObject value: JSONValue) throws(Undecodable) -> Event {
        let event: Event
        if case .object(let fields) = value, let direct = DirectEvents.event(fields) {
            event = direct
        } else {
            do {
                event = try Event(from: ValueDecoder(value))
            } catch let e as Event.UnknownType {
                throw Undecodable(reason: "onbekend type '\(e.type)' (nieuwere versie?)")
            } catch {
                throw Undecodable(reason: Self.describe(error))
            }
        }
        // Every number and store reference is range-checked here, whichever way the event was read.
        if let problem = event.valueProblem { throw Undecodable(reason: problem) }
        return event
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "veld '\(key.stringValue)' ontbreekt"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "veld '\(c.codingPath.map(\.stringValue).joined(separator: "."))' heeft een verkeerd type"
        case DecodingError.dataCorrupted(let c):
            c.codingPath.isEmpty ? "geen geldige JSON" : "veld '\(c.codingPath.map(\.stringValue).joined(separator: "."))' ongeldig"
        default: "\(error)"
        }
    }
}
