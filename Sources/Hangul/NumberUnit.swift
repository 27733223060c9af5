/// A word after a number that decides how the number is read and spaced.
///
/// - Native counters (개, 명, 시, 살 …) take native numbers for 1…99 ("두 개", "열두 시", "스무 살")
///   and Sino-Korean numbers otherwise ("백 개", "영 개"). 시 (o'clock) is native only for 1…12 ("십삼 시").
/// - Detached units (원, 퍼센트, 분, 개월 …) take Sino-Korean numbers and are written after a space
///   ("삼만 구천 원", "이십 퍼센트"), following 한글 맞춤법 제43항.
/// - Attached units (월, 일) are written without a space, and 6월/10월 have their own forms:
///   "오월 십칠일", "유월", "시월".
public struct NumberUnit: Equatable, Hashable, Sendable {
    /// How a unit is read and spaced.
    public enum Kind: Equatable, Hashable, Sendable {
        /// Native number for 1…`nativeLimit`, Sino-Korean otherwise; written after a space.
        case nativeCounter(nativeLimit: Int)
        /// Sino-Korean number, written after a space.
        case detached
        /// Sino-Korean number, written without a space.
        case attached
    }

    /// The unit as written after a spoken number ("원", "퍼센트").
    public var spoken: String
    /// The unit as written after digits ("원", "%").
    public var written: String
    /// How the number before it is read.
    public var kind: Kind

    /// The native counters; see ``NumberUnit``. 번 is read natively ("세 번째") as the counter of times.
    public static let nativeCounters: [NumberUnit] =
        [
            "개", "명", "살", "벌", "장", "병", "켤레", "마리", "번", "시간", "가지", "잔", "권", "통", "봉지", "팩",
            "세트", "박스",
        ].map { NumberUnit(spoken: $0, written: $0, kind: .nativeCounter(nativeLimit: 99)) }
        + [NumberUnit(spoken: "시", written: "시", kind: .nativeCounter(nativeLimit: 12))]

    /// Units read with Sino-Korean numbers after a space. 개월 is listed so that "3개월" is not read as 개.
    public static let detachedUnits: [NumberUnit] =
        [
            NumberUnit(spoken: "퍼센트", written: "%", kind: .detached)
        ]
        + ["원", "개월", "분", "초", "년", "주", "회", "달러"].map {
            NumberUnit(spoken: $0, written: $0, kind: .detached)
        }

    /// Date units written without a space.
    public static let attachedUnits: [NumberUnit] = ["월", "일"].map {
        NumberUnit(spoken: $0, written: $0, kind: .attached)
    }

    /// Every unit, longest spelling first so that "개월" wins over "개" and "시간" over "시".
    public static let all: [NumberUnit] = (nativeCounters + detachedUnits + attachedUnits)
        .sorted { max($0.spoken.count, $0.written.count) > max($1.spoken.count, $1.written.count) }

    /// Month names that are not plain Sino-Korean: 6월 → 유월, 10월 → 시월.
    public static let irregularMonths = [6: "유월", 10: "시월"]

    /// The unit whose spoken form starts `text`, longest first.
    static func spokenPrefix(of text: Substring) -> NumberUnit? {
        all.first { text.hasPrefix($0.spoken) }
    }

    /// The spoken form of `value` followed by this unit, with the spacing rules above.
    public func spokenForm(of value: NumberValue) -> String {
        switch kind {
        case .nativeCounter(let limit):
            if value.isInteger, value.integer <= limit,
                let native = NativeKoreanNumber.reading(value.integer, form: .attributive)
            {
                return native + " " + spoken
            }
            return SinoKoreanNumber.reading(value) + " " + spoken
        case .detached:
            return SinoKoreanNumber.reading(value) + " " + spoken
        case .attached:
            if spoken == "월", value.isInteger, let name = Self.irregularMonths[value.integer] { return name }
            return SinoKoreanNumber.reading(value) + spoken
        }
    }
}
