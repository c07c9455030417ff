import KernteamDomain

/// The help overlay: the keys of the screen it was opened from (`?`, or F1 where `?` is typed text),
/// searched with `/`, closed back to that screen.
extension Reducer {
    static func openHelp(_ model: inout AppModel, _ screen: HelpScreen, returnTo: Overlay?) {
        model.helpScreen = screen
        model.helpReturn = returnTo
        model.helpSearch = ""
        model.helpTyping = false
        model.overlay = .help(offset: 0)
    }

    static func closeHelp(_ model: inout AppModel) {
        model.overlay = model.helpReturn
        model.helpReturn = nil
        model.helpSearch = ""
        model.helpTyping = false
    }

    /// Whether a key asks for the help of a screen where `?` is not typed text.
    static func asksHelp(_ key: Key) -> Bool { key == .char("?") || key == .function(1) }

    static func handleHelp(_ model: inout AppModel, _ offset: Int, _ key: Key) {
        if model.helpTyping {
            switch key {
            case .enter: model.helpTyping = false
            case .escape: model.helpTyping = false; model.helpSearch = ""
            case .backspace: model.helpSearch = String(model.helpSearch.dropLast())
            case .char(let c): model.helpSearch.append(c)
            case .paste(let text): model.helpSearch += String(LineEditor.oneLine(text))
            default: return
            }
            model.overlay = .help(offset: 0)
            return
        }
        switch key {
        case .char("/"):
            model.helpTyping = true
            model.helpSearch = ""
            model.overlay = .help(offset: 0)
        case .escape where !model.helpSearch.isEmpty:
            model.helpSearch = ""
            model.overlay = .help(offset: 0)
        case .escape, .char("?"), .char("q"), .enter, .function(1): closeHelp(&model)
        case .down, .char("j"): model.overlay = .help(offset: offset + 1)
        case .up, .char("k"): model.overlay = .help(offset: max(0, offset - 1))
        case .pageDown, .char(" "): model.overlay = .help(offset: offset + 10)
        case .pageUp: model.overlay = .help(offset: max(0, offset - 10))
        case .home: model.overlay = .help(offset: 0)
        default: break
        }
    }
}
