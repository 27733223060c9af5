import CXLSXWriter
import Formatting
import Foundation
import Hangul

/// An XLSX workbook written by libxlsxwriter (Debian `libxlsxwriter-dev`): named sheets of text and number cells
/// with native number formats (₩, %, mm:ss), column widths fitted to the content, the first row bold and
/// frozen, and native charts over ranges of the sheets. This file is the one wrapper around the C library.
public struct XLSXWorkbook: Sendable {
    /// How a number is shown (the value stays the number).
    public enum NumberFormat: String, Sendable {
        case general = "General"
        /// `1,234`.
        case integer = "#,##0"
        /// `1.23`.
        case decimal = "0.00"
        /// `0.000` for p-values.
        case precise = "0.000"
        /// `₩1,234,000`.
        case won = "\"₩\"#,##0"
        /// A fraction as `12.5%`.
        case percent = "0.0%"
        /// Seconds shown as `m:ss` (stored as a fraction of a day, as spreadsheets keep times).
        case clock = "[m]:ss"
    }

    /// A cell value.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double, NumberFormat = .general)
        case empty
    }

    /// A native chart over columns of its sheet (rows 2…last).
    public struct Chart: Sendable {
        public enum Kind: Sendable { case line, column, bar }
        public var kind: Kind
        public var title: String
        /// Column of the category labels (x axis).
        public var categories: Int
        /// Columns of the series; each series is named by its header cell.
        public var values: [Int]
        /// Cell the chart's top-left corner is placed at (row, column), zero-based.
        public var anchor: (row: Int, column: Int)
        /// Data rows charted, from the second row on (nil: all).
        public var rowCount: Int?

        public init(
            kind: Kind, title: String, categories: Int, values: [Int], anchor: (row: Int, column: Int),
            rowCount: Int? = nil
        ) {
            (self.kind, self.title, self.categories, self.values, self.anchor) = (
                kind, title, categories, values, anchor
            )
            self.rowCount = rowCount
        }
    }

    /// One worksheet.
    public struct Sheet: Sendable {
        /// Sheet name (at most 31 characters; `[]:*?/\` are replaced).
        public var name: String
        /// Rows of cells; the first is the header.
        public var rows: [[Cell]]
        /// Charts drawn on the sheet.
        public var charts: [Chart]

        /// Creates a sheet.
        public init(name: String, rows: [[Cell]], charts: [Chart] = []) {
            (self.name, self.rows, self.charts) = (name, rows, charts)
        }
    }

    /// The sheets, in tab order.
    public var sheets: [Sheet]

    /// Creates a workbook.
    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The `.xlsx` file's bytes (libxlsxwriter writes a file: a temporary one, removed afterwards).
    public func data() throws(ReportError) -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "liveinsight-\(UUID().uuidString).xlsx"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(to: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unwritable(path: path, detail: "libxlsxwriter wrote nothing")
        }
        return data
    }

    private func write(to path: String) throws(ReportError) {
        guard let workbook = workbook_new(path) else {
            throw .unwritable(path: path, detail: "libxlsxwriter could not create the workbook")
        }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        var formats: [NumberFormat: UnsafeMutablePointer<lxw_format>] = [:]
        func format(_ kind: NumberFormat) -> UnsafeMutablePointer<lxw_format>? {
            if kind == .general { return nil }
            if let known = formats[kind] { return known }
            let made = workbook_add_format(workbook)
            format_set_num_format(made, kind.rawValue)
            formats[kind] = made
            return made
        }
        for sheet in sheets {
            let name = Self.sheetName(sheet.name)
            guard let worksheet = workbook_add_worksheet(workbook, name) else { continue }
            var widths: [Int: Double] = [:]
            for (rowIndex, row) in sheet.rows.enumerated() {
                for (columnIndex, cell) in row.enumerated() {
                    let (r, c) = (lxw_row_t(rowIndex), lxw_col_t(columnIndex))
                    let style = rowIndex == 0 ? bold : nil
                    switch cell {
                    case .text(let text):
                        let clean = Self.clean(text)
                        worksheet_write_string(worksheet, r, c, clean, style)
                        widths[columnIndex] = max(widths[columnIndex] ?? 0, Double(DisplayWidth.columns(of: clean)))
                    case .number(let value, let kind) where value.isFinite:
                        let stored = kind == .clock ? value / 86_400 : value
                        worksheet_write_number(worksheet, r, c, stored, style ?? format(kind))
                        widths[columnIndex] = max(widths[columnIndex] ?? 0, kind == .won ? 13 : 9)
                    case .number, .empty: break
                    }
                }
            }
            for (column, width) in widths {
                worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), min(max(width + 2, 8), 60), nil)
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            for chart in sheet.charts where sheet.rows.count > 1 {
                insert(chart, rows: sheet.rows, sheet: name, into: worksheet, workbook: workbook)
            }
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw .unwritable(path: path, detail: String(cString: lxw_strerror(status)))
        }
    }

    private func insert(
        _ chart: Chart, rows: [[Cell]], sheet: String, into worksheet: UnsafeMutablePointer<lxw_worksheet>,
        workbook: UnsafeMutablePointer<lxw_workbook>
    ) {
        let type: lxw_chart_type =
            switch chart.kind {
            case .line: LXW_CHART_LINE
            case .column: LXW_CHART_COLUMN
            case .bar: LXW_CHART_BAR
            }
        guard let native = workbook_add_chart(workbook, UInt8(type.rawValue)) else { return }
        let quoted = "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        func range(_ column: Int) -> String {
            let letters = Self.column(column)
            return "=\(quoted)!$\(letters)$2:$\(letters)$\(1 + min(chart.rowCount ?? rows.count, rows.count - 1))"
        }
        for column in chart.values {
            let series = chart_add_series(native, range(chart.categories), range(column))
            chart_series_set_name(series, "=\(quoted)!$\(Self.column(column))$1")
        }
        chart_title_set_name(native, Self.clean(chart.title))
        worksheet_insert_chart(worksheet, lxw_row_t(chart.anchor.row), lxw_col_t(chart.anchor.column), native)
    }

    /// Column letters: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var index = index + 1, letters = ""
        while index > 0 { index -= 1; letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters; index /= 26 }
        return letters
    }

    static func sheetName(_ name: String) -> String {
        String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    }

    /// Text without the control characters XML 1.0 forbids, within a cell's 32,767 characters.
    static func clean(_ text: String) -> String {
        String(
            String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            ).prefix(32_767))
    }
}
