/// One row a catalog query returned, read by position or by column name.
public struct SQLRow: Sendable {
    /// The column names, shared by every row of a result.
    let columns: [String]
    /// The values, in column order.
    let values: [SQLValue]

    /// The value in column `index` (0-based), as `T`.
    public subscript<T: SQLValueConvertible>(_ index: Int) -> T {
        get throws(CatalogValueError) { try Self.convert(values[index], column: columns[index]) }
    }

    /// The value in the column named `column`, as `T`.
    public subscript<T: SQLValueConvertible>(_ column: String) -> T {
        get throws(CatalogValueError) {
            guard let index = columns.firstIndex(of: column) else {
                throw CatalogValueError(column: column, type: "\(T.self)", found: "no such column")
            }
            return try Self.convert(values[index], column: column)
        }
    }

    private static func convert<T: SQLValueConvertible>(
        _ value: SQLValue, column: String
    ) throws(CatalogValueError) -> T {
        guard let converted = T(sqlValue: value) else {
            throw CatalogValueError(column: column, type: "\(T.self)", found: "\(value)")
        }
        return converted
    }
}

/// A catalog column held something its reader cannot take: a schema this version does not know, or a damaged row.
public struct CatalogValueError: Error, CustomStringConvertible {
    /// The column, what was expected of it and what it held.
    public var column, type, found: String

    public var description: String { "column \(column): expected \(type), found \(found)" }
}
