import Foundation

/// A word placed on the canvas: its box is centred on (`x`, `y`).
public struct PlacedWord: Sendable, Equatable {
    /// The word.
    public let word: String
    /// Font size in pixels.
    public let fontSize: Double
    /// Centre of the word's box.
    public let x: Double, y: Double
    /// Estimated size of the word's box (text extent plus padding).
    public let width: Double, height: Double
    /// Rank by weight (0 = heaviest), for colouring.
    public let rank: Int
    /// Occurrences behind the word, for its tooltip.
    public let count: Int

    /// Whether two boxes overlap (touching edges do not).
    public func overlaps(_ other: PlacedWord) -> Bool {
        abs(x - other.x) * 2 < width + other.width && abs(y - other.y) * 2 < height + other.height
    }
}

/// Deterministic word-cloud layout: heaviest word first, each word walked out from the centre along an
/// Archimedean spiral until its box overlaps no placed box and lies inside the canvas; a word that finds
/// no place is left out. Font size grows with the square root of weight between `minFontSize` and
/// `maxFontSize`. Text width is estimated: Hangul and other wide scalars 1 em, Latin letters and digits
/// 0.6 em, spaces 0.3 em (NanumGothic's advances, rounded up).
public struct WordCloudLayout: Sendable {
    /// Canvas size in pixels (default 640 × 400).
    public var width = 640.0, height = 400.0
    /// Font sizes of the lightest and heaviest words (default 14 and 56 px).
    public var minFontSize = 14.0, maxFontSize = 56.0
    /// Space kept around each word, in pixels (default 2).
    public var padding = 2.0

    /// Defaults.
    public init() {}

    /// A canvas of `width` × `height` with fonts from `minFontSize` to `maxFontSize` pixels.
    public init(width: Double, height: Double, minFontSize: Double, maxFontSize: Double) {
        (self.width, self.height, self.minFontSize, self.maxFontSize) = (width, height, minFontSize, maxFontSize)
    }

    /// Places `words` (any order: they are sorted heaviest first, ties by word).
    public func layout(_ words: [WeightedWord]) -> [PlacedWord] {
        let sorted = words.filter { $0.weight > 0 }.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : $0.word < $1.word
        }
        guard let heaviest = sorted.first?.weight else { return [] }
        var placed: [PlacedWord] = []
        for (rank, word) in sorted.enumerated() {
            let size = minFontSize + (maxFontSize - minFontSize) * (word.weight / heaviest).squareRoot()
            let boxWidth = Self.textWidth(word.word, fontSize: size) + 2 * padding
            let boxHeight = size * 1.2 + 2 * padding
            guard boxWidth <= width, boxHeight <= height else { continue }
            // The spiral: r = step·θ/(2π), sampled every ~`step`/2 px along its length.
            var theta = 0.0
            let step = 4.0
            while theta < 400 * .pi {
                let radius = step * theta / (2 * .pi)
                let candidate = PlacedWord(
                    word: word.word, fontSize: size, x: width / 2 + radius * cos(theta),
                    y: height / 2 + radius * sin(theta) * 0.7, width: boxWidth,
                    height: boxHeight, rank: rank, count: word.count)
                if fits(candidate), !placed.contains(where: candidate.overlaps) {
                    placed.append(candidate)
                    break
                }
                theta += max(0.05, step / 2 / max(radius, 1))
            }
        }
        return placed
    }

    private func fits(_ word: PlacedWord) -> Bool {
        word.x - word.width / 2 >= 0 && word.x + word.width / 2 <= width
            && word.y - word.height / 2 >= 0 && word.y + word.height / 2 <= height
    }

    /// Estimated advance width of `text` at `fontSize` pixels.
    public static func textWidth(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0.0) { total, scalar in
            let em: Double
            switch scalar.value {
            case 0x20: em = 0.3
            case 0x21..<0x2E80: em = 0.6
            default: em = 1.0  // Hangul, CJK, full-width forms
            }
            return total + em * fontSize
        }
    }
}
