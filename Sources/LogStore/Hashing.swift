import Crypto

public enum Hashing {
    public static func sha256Hex(_ bytes: UnsafeRawBufferPointer) -> String {
        let digest = SHA256.hash(data: bytes)
        var out = [UInt8](repeating: 0, count: 64)
        digest.withUnsafeBytes { raw in
            out.withUnsafeMutableBufferPointer { o in
                var k = 0
                while k < 32 {
                    let hi = raw[k] >> 4, lo = raw[k] & 0x0f
                    o[2 * k] = hi < 10 ? 48 + hi : 87 + hi
                    o[2 * k + 1] = lo < 10 ? 48 + lo : 87 + lo
                    k += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { sha256Hex($0) }
    }
}
