import LyceumContracts
import LyceumCore

/// The revenue page's chart: one bar per day with sales, in the course's main currency, as inline SVG drawn on
/// the server (no script). Heights are relative to the best day; each bar has a title for its exact figure.
enum RevenueChart {
    static func svg(_ days: [CourseRevenue.Day], currency: String) -> String? {
        let series = days.filter { $0.currency == currency }.suffix(90)
        guard let best = series.map(\.amount).max(), best > 0 else { return nil }
        let width = 640, height = 200, barGap = 2
        let barWidth = max(2, (width - 40) / max(series.count, 1) - barGap)
        var svg = "<svg class=\"revenue-chart\" role=\"img\" viewBox=\"0 0 \(width) \(height + 30)\" width=\"100%\" aria-labelledby=\"revenue-chart-title\">"
        svg += "<title id=\"revenue-chart-title\">Sales per day in \(currency.uppercased())</title>"
        svg += "<line x1=\"30\" y1=\"\(height)\" x2=\"\(width)\" y2=\"\(height)\" stroke=\"currentColor\" stroke-width=\"1\"/>"
        for (index, day) in series.enumerated() {
            let barHeight = max(1, day.amount * (height - 10) / best)
            let x = 32 + index * (barWidth + barGap)
            let label = SafeMarkdown.escape("\(day.date): \(CoursePrice.text(amountMinor: day.amount, currency: day.currency)), \(day.sales) sale\(day.sales == 1 ? "" : "s")")
            svg += "<rect x=\"\(x)\" y=\"\(height - barHeight)\" width=\"\(barWidth)\" height=\"\(barHeight)\" fill=\"#3b3fb6\"><title>\(label)</title></rect>"
        }
        if let first = series.first, let last = series.last {
            svg += "<text x=\"32\" y=\"\(height + 20)\" font-size=\"12\">\(SafeMarkdown.escape(first.date))</text>"
            svg += "<text x=\"\(width)\" y=\"\(height + 20)\" font-size=\"12\" text-anchor=\"end\">\(SafeMarkdown.escape(last.date))</text>"
        }
        svg += "<text x=\"0\" y=\"12\" font-size=\"12\">\(SafeMarkdown.escape(CoursePrice.text(amountMinor: best, currency: currency)))</text>"
        return svg + "</svg>"
    }
}
