#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One iconv conversion from `encoding` to UTF-8, fed in chunks: a multi-byte sequence cut by a chunk
/// boundary is kept and completed by the next chunk. The only place that calls iconv.
final class Iconv {
    /// Why a conversion stopped.
    enum Failure: Error {
        /// The input holds a byte sequence that is not valid in the encoding, starting `offset` bytes into
        /// everything fed so far.
        case invalid(offset: Int)
        /// The input ended inside a multi-byte sequence.
        case truncated(offset: Int)
    }

    private let descriptor: iconv_t
    private var pending: [UInt8] = []
    private var consumed = 0

    /// Nil when the C library has no converter for `encoding` (glibc without its gconv modules).
    init?(from encoding: TextEncoding) {
        let descriptor = iconv_open("UTF-8", encoding.iconvName)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// Converts `chunk` (after any bytes left over from the previous call) and appends its UTF-8 bytes to
    /// `output`; `isFinal` says no more input follows, so a sequence left incomplete is an error. When it
    /// throws, `output` holds the conversion of everything before the bad sequence.
    func convert(_ chunk: some Collection<UInt8>, isFinal: Bool, into output: inout [UInt8]) throws(Failure) {
        var input = pending
        input.append(contentsOf: chunk)
        pending = []
        var outBuffer = [UInt8](repeating: 0, count: max(input.count * 2, 64))
        var position = 0
        var failure: Failure?
        input.withUnsafeMutableBytes { inBytes in
            outBuffer.withUnsafeMutableBytes { outBytes in
                while position < inBytes.count {
                    var inPointer: UnsafeMutablePointer<CChar>? = inBytes.baseAddress!.advanced(by: position)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = inBytes.count - position
                    var outPointer: UnsafeMutablePointer<CChar>? = outBytes.baseAddress!.assumingMemoryBound(
                        to: CChar.self)
                    var outLeft = outBytes.count
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let code = errno
                    output.append(
                        contentsOf: UnsafeRawBufferPointer(rebasing: outBytes[0..<(outBytes.count - outLeft)]))
                    position = inBytes.count - inLeft
                    if result != -1 { break }
                    switch code {
                    case E2BIG: continue
                    case EINVAL:
                        // An incomplete sequence at the end of the chunk: keep it for the next one.
                        pending = Array(UnsafeRawBufferPointer(rebasing: inBytes[position...]))
                        if isFinal { failure = .truncated(offset: consumed + position) }
                        position = inBytes.count
                    default:
                        failure = .invalid(offset: consumed + position)
                        position = inBytes.count
                    }
                }
            }
        }
        if let failure { throw failure }
        consumed += input.count - pending.count
    }
}
