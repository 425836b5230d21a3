/** a⁻¹ mod m (m prime) by the extended Euclidean algorithm, faster than a^(m-2) with bigints; 0 maps to 0. */
export function invertMod(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [((a % m) + m) % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return r0 === 1n ? ((s0 % m) + m) % m : 0n;
}
