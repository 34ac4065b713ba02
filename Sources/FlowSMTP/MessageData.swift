/// The body of a `DATA` command (RFC 5321 4.5.2): every line ends in CRLF (a bare CR or LF
/// becomes CRLF), a line starting with `.` gets one more `.` (dot-stuffing), and the block ends
/// with `.` on a line of its own.
enum MessageData {
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 32 + 5)
        var atLineStart = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == cr || byte == lf {
                if byte == cr, index < bytes.count, bytes[index] == lf { index += 1 }
                out.append(cr)
                out.append(lf)
                atLineStart = true
                continue
            }
            if atLineStart, byte == dot { out.append(dot) }
            out.append(byte)
            atLineStart = false
        }
        if !atLineStart {
            out.append(cr)
            out.append(lf)
        }
        out.append(contentsOf: [dot, cr, lf])
        return out
    }
}
