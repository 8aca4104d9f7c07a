extension SHA256 {
  /// The chaining state and the compression function.
  ///
  /// Speed matters here (bundles and prompt files are hashed on every build): the working variables live in
  /// locals, arithmetic is wrapping (`&+`, `&>>`), the message schedule sits in stack memory reused for every
  /// block, and the round constants are read through an unsafe pointer so no bounds checks remain in the loop.
  struct State: Sendable {
    // H0…H7 start as the initial hash value of FIPS 180-4, 5.3.3.
    var h0: UInt32 = 0x6a09_e667
    var h1: UInt32 = 0xbb67_ae85
    var h2: UInt32 = 0x3c6e_f372
    var h3: UInt32 = 0xa54f_f53a
    var h4: UInt32 = 0x510e_527f
    var h5: UInt32 = 0x9b05_688c
    var h6: UInt32 = 0x1f83_d9ab
    var h7: UInt32 = 0x5be0_cd19

    /// Processes `count` consecutive 64-byte blocks starting at `blocks` (no alignment needed), in portable
    /// Swift: the reference, and the path on CPUs without the SHA extensions.
    mutating func compressPortable(blocks: UnsafeRawPointer, count: Int) {
      var sa = h0
      var sb = h1
      var sc = h2
      var sd = h3
      var se = h4
      var sf = h5
      var sg = h6
      var sh = h7
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
        let w = schedule.baseAddress.unsafelyUnwrapped
        roundConstants.withUnsafeBufferPointer { constants in
          let k = constants.baseAddress.unsafelyUnwrapped
          var block = blocks
          for _ in 0..<count {
            for t in 0..<16 {
              w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
            }
            for t in 16..<64 {
              let x = w[t &- 15]
              let y = w[t &- 2]
              let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3)
              let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y &>> 10)
              w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
            }
            var a = sa
            var b = sb
            var c = sc
            var d = sd
            var e = se
            var f = sf
            var g = sg
            var h = sh
            // Eight rounds per pass with the variables renamed instead of shifted, so no register moves.
            var t = 0
            while t < 64 {
              round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
              round(h, a, b, &c, d, e, f, &g, k[t &+ 1] &+ w[t &+ 1])
              round(g, h, a, &b, c, d, e, &f, k[t &+ 2] &+ w[t &+ 2])
              round(f, g, h, &a, b, c, d, &e, k[t &+ 3] &+ w[t &+ 3])
              round(e, f, g, &h, a, b, c, &d, k[t &+ 4] &+ w[t &+ 4])
              round(d, e, f, &g, h, a, b, &c, k[t &+ 5] &+ w[t &+ 5])
              round(c, d, e, &f, g, h, a, &b, k[t &+ 6] &+ w[t &+ 6])
              round(b, c, d, &e, f, g, h, &a, k[t &+ 7] &+ w[t &+ 7])
              t &+= 8
            }
            sa &+= a
            sb &+= b
            sc &+= c
            sd &+= d
            se &+= e
            sf &+= f
            sg &+= g
            sh &+= h
            block += 64
          }
        }
      }
      h0 = sa
      h1 = sb
      h2 = sc
      h3 = sd
      h4 = se
      h5 = sf
      h6 = sg
      h7 = sh
    }

    /// The chaining words as 32 big-endian bytes.
    func digest() -> [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(SHA256.digestByteCount)
      for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
        out.append(UInt8(truncatingIfNeeded: word &>> 24))
        out.append(UInt8(truncatingIfNeeded: word &>> 16))
        out.append(UInt8(truncatingIfNeeded: word &>> 8))
        out.append(UInt8(truncatingIfNeeded: word))
      }
      return out
    }
  }
}

/// One SHA-256 round: adds T1 into `d` and makes `h` the new `a` (the caller renames the rest).
@inline(__always)
private func round(
  _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
  _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
  _ kw: UInt32
) {
  let sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
  let choice = g ^ (e & (f ^ g))
  let t1 = h &+ sigma1 &+ choice &+ kw
  let sigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
  let majority = (a & b) | (c & (a | b))
  d &+= t1
  h = t1 &+ sigma0 &+ majority
}

@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
  (x &>> n) | (x &<< (32 &- n))
}

/// The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2).
private let roundConstants: [UInt32] = [
  0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
  0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
  0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
  0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
  0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
  0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
  0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
  0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
]
