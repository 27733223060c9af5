/// Reads SubRip (`.srt`) and WebVTT (`.vtt`) files into cues.
///
/// SRT: blocks separated by blank lines, each an optional cue number, a `HH:MM:SS,mmm --> HH:MM:SS,mmm`
/// line and text lines. WebVTT: a `WEBVTT` header, then blocks with an optional identifier, a timing line
/// (`MM:SS.mmm` allowed, cue settings ignored) and text; `NOTE`, `STYLE` and `REGION` blocks are skipped.
enum SubtitleReader {
    /// Which subtitle format a file is.
    enum Format {
        /// SubRip.
        case srt
        /// WebVTT.
        case vtt
    }

    /// The cues of `file`, in order.
    static func cues(of file: TextFile, format: Format) throws(TranscriptError) -> [SubtitleCue] {
        var blocks = self.blocks(of: file)
        if format == .vtt {
            guard let header = blocks.first, header.lines.first?.hasPrefix("WEBVTT") == true else {
                throw .malformed(path: file.path, line: 1, problem: "expected the `WEBVTT` header on the first line")
            }
            blocks.removeFirst()
            blocks.removeAll { block in
                ["NOTE", "STYLE", "REGION"].contains { block.lines[0].hasPrefix($0) }
            }
        }
        var cues: [SubtitleCue] = []
        for block in blocks {
            cues.append(try cue(from: block, position: cues.count + 1, path: file.path))
        }
        return cues
    }

    /// A run of non-blank lines and the number of its first line.
    struct Block {
        var firstLine: Int
        var lines: [Substring]
    }

    /// The blank-line-separated blocks of `file`.
    static func blocks(of file: TextFile) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        for (number, line) in file.numberedLines {
            if line.allSatisfy(\.isWhitespace) {
                if let block = current { blocks.append(block) }
                current = nil
            } else if current == nil {
                current = Block(firstLine: number, lines: [line])
            } else {
                current?.lines.append(line)
            }
        }
        if let block = current { blocks.append(block) }
        return blocks
    }

    /// One cue: `[id]` line, timing line, text lines.
    static func cue(from block: Block, position: Int, path: String) throws(TranscriptError) -> SubtitleCue {
        let hasID = !block.lines[0].contains("-->")
        let timingIndex = hasID ? 1 : 0
        guard timingIndex < block.lines.count, block.lines[timingIndex].contains("-->") else {
            throw .malformed(
                path: path, line: block.firstLine,
                problem: "expected a cue number or identifier followed by a `start --> end` line")
        }
        let timingLine = block.lines[timingIndex]
        guard let timing = SubtitleTimestamp.cueTiming(timingLine) else {
            throw .malformed(
                path: path, line: block.firstLine + timingIndex,
                problem: "'\(timingLine.trimmingWhitespace)' is not a cue timing "
                    + "(expected HH:MM:SS,mmm --> HH:MM:SS,mmm with the end not before the start)")
        }
        let id = hasID ? block.lines[0].trimmingWhitespace : String(position)
        return SubtitleCue(
            id: id, start: timing.start, end: timing.end, lines: Array(block.lines[(timingIndex + 1)...]),
            location: SourceLocation(path: path, line: block.firstLine))
    }
}
