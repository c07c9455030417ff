import Foundation
import KernteamDomain
import KernteamLog

/// What an erasure did.
public struct ErasureResult: Sendable {
    /// References whose every file is gone (noted in the log).
    public var erased: [PersonRef] = []
    /// Files found by content that could not be deleted, with the reason (errno).
    public var failed: [(path: String, code: Int32)] = []
    /// What the store holds that the program did not make (reported, never followed).
    public var odd: [String] = []
    /// Documents made earlier with personal data that may still hold what was erased (`ExportRegister`).
    public var exports: [String] = []
}

extension PersonalData {
    /// A name as erasure compares it: case, accents and all white space left out, so "Zoë  van
    /// Dijk", "zoe van dijk" and "ZOË VAN DIJK" are one person.
    public static func nameKey(_ name: String) -> String {
        String(name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .unicodeScalars.filter { !$0.properties.isWhitespace && $0.properties.generalCategory != .format }.map(Character.init))
    }

    /// The parts of a contact as erasure compares them: e-mail addresses in lower case, phone numbers
    /// as their digits only ("06-1234 5678" = "0612345678"), other words folded like names.
    public static func contactKeys(_ contact: String) -> Set<String> {
        var keys = Set<String>()
        let digits = contact.filter(\.isASCII).filter(\.isNumber)
        if digits.count >= 6, contact.allSatisfy({ $0.isNumber || " +-().".contains($0) }) { keys.insert(String(digits)) }
        for part in contact.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }) {
            let d = part.filter(\.isASCII).filter(\.isNumber)
            if d.count >= 6, part.allSatisfy({ $0.isNumber || "+-().".contains($0) }) { keys.insert(String(d)) } else { keys.insert(nameKey(String(part))) }
        }
        keys.insert(nameKey(contact))
        keys.remove("")
        return keys
    }
}

extension Session {
    /// Erases every person record whose name (and/or contact) matches, wherever it sits in the store:
    /// files are read by content, so a copy under another name is found too. Notes the erasure in the
    /// log by reference only. A store that cannot be read or changed throws (never "nothing found").
    public func erasePerson(named name: String?, contact: String? = nil, register: ExportRegister? = nil) throws -> ErasureResult {
        let nameKey = name.map(PersonalData.nameKey)
        let contactKeys = contact.map(PersonalData.contactKeys)
        return try erase(reason: "verzoek betrokkene", register: register) { p in
            if let nameKey, !nameKey.isEmpty, p.name.map(PersonalData.nameKey) == nameKey { return true }
            if let contactKeys, let c = p.contact, !contactKeys.isDisjoint(with: PersonalData.contactKeys(c)) { return true }
            return false
        }
    }

    /// Erases person records recorded more than `months` months before today (the retention term),
    /// copies in the store included.
    @discardableResult
    public func expirePersonalData(olderThanMonths months: Int) throws -> [PersonRef] {
        let t = today
        var y = t.year, m = t.month - months
        while m < 1 { m += 12; y -= 1 }
        let cutoff = Day(year: y, month: m, day: min(t.day, 28)) ?? t
        personal.removeStaleLeftovers()
        let result = try erase(reason: "bewaartermijn \(months) maanden verstreken", register: nil) { $0.recorded < cutoff }
        if let first = result.failed.first { throw LogError.io(operation: "erase", code: first.code) }
        return result.erased
    }

    private func erase(reason: String, register: ExportRegister?, _ matches: (PersonalData) -> Bool) throws -> ErasureResult {
        var result = ErasureResult()
        let scan = try personal.scan()
        result.odd = scan.odd
        let found = scan.records.filter { matches($0.person) }
        guard !found.isEmpty else { return result }
        // Delete first: if the log entry then fails, the data is still gone, which is what was asked.
        result.failed = try personal.deleteFiles(found.map(\.path))
        let failedPaths = Set(result.failed.map(\.path))
        let refs = Set(found.map(\.person.ref))
        // A reference counts as erased when none of its files is left (a copy that could not be
        // deleted keeps it out of the note).
        result.erased = refs.filter { ref in !found.contains { $0.person.ref == ref && failedPaths.contains($0.path) } }
            .filter(ReadLimits.isPersonRef).sorted()
        if let register, let earliest = found.map(\.person.recorded).min() {
            result.exports = register.personalDocuments(since: earliest)
        }
        reloadPersons()
        // On a damaged log the data is still erased (that was asked), but no note can be appended.
        if !result.erased.isEmpty && !log.isReadOnly && firstProblem == nil {
            try append(.personErased(PersonErased(refs: result.erased, reason: reason)))
        }
        return result
    }
}
