import KernteamDomain

/// The quick-entry line (`:`): what is typed, and how far it got. Enter reads the line
/// (`QuickEntry.parse`) and checks it with the validator: a start of a name that fits several is
/// asked, a line that would be saved is shown first, and a second Enter saves it.
public struct QuickLine: Hashable, Sendable {
    public var line: LineEditor
    public var stage: Stage = .typing
    /// Why Enter got no further (something missing or unknown, a refusal), shown above the line.
    public var problem: [String] = []

    public enum Stage: Hashable, Sendable {
        case typing
        /// Which of several names a start means; `choice` is the one under the cursor.
        case asking(QuickEntry.Ambiguity, choice: Int)
        /// What will be saved: the kind, its draft, and the meeting it belongs to.
        case preview(DraftKind, Draft, meeting: RecordID?)
    }

    public init(_ text: String = "") {
        line = LineEditor(value: text, marked: !text.isEmpty)
    }
}
