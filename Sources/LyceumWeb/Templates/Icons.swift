/// The site icon: an SVG for modern browsers (linked from the layout) and a 32×32 ICO for `/favicon.ico`,
/// which browsers and crawlers request on their own.
enum Icons {
    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="2" y="2" width="28" height="28" rx="4" fill="#3b4fd8"/><path d="M9 7h4v14h10v4H9z" fill="#fff"/></svg>
        """

    /// `favicon.ico` (one 32×32 PNG image in an ICO container), base64-encoded.
    static let icoBase64 = "AAABAAEAICAAAAEAIAB8AAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAENJREFUeNpjYBgFWIC1/43/tMCjDhgQS4l2zKB2ADoYdcCoA0YdMOqAUQeMOmDUAcSCUQcMHweMjDbhaL9gUDlgRAEA8Iqnps40oWMAAAAASUVORK5CYII="
}
