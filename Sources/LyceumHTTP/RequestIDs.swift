import Synchronization

/// New request ids: 32 lowercase hex digits, a random half drawn once per process and a counter that starts
/// at a random value, scrambled so ids do not show how many requests came between two of them. Unique across
/// replicas without drawing from the system's random source per request (two system calls each before).
enum RequestIDs {
    private static let process = UInt64.random(in: .min ... .max)
    private static let counter = Atomic<UInt64>(UInt64.random(in: .min ... .max))

    /// The next id.
    static func next() -> String {
        let sequence = scrambled(counter.wrappingAdd(1, ordering: .relaxed).oldValue)
        return String(unsafeUninitializedCapacity: 32) { bytes in
            hex(process, into: bytes, at: 0)
            hex(sequence, into: bytes, at: 16)
            return 32
        }
    }

    /// SplitMix64's finaliser: a bijection, so distinct counter values stay distinct.
    static func scrambled(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58476d1ce4e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d049bb133111eb
        return mixed ^ (mixed >> 31)
    }

    private static func hex(_ value: UInt64, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        let digits: StaticString = "0123456789abcdef"
        for index in 0..<16 {
            let nibble = Int((value >> UInt64(60 - 4 * index)) & 0xF)
            bytes[offset + index] = digits.utf8Start[nibble]
        }
    }
}
