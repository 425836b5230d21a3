// Short Weierstrass y² = x³ + b arithmetic in Jacobian coordinates (x = X/Z², y = Y/Z³), shared by
// secp256k1 key recovery and BLS12-381's G1 (over Fp) and G2 (over Fp2). Z = 0 is the point at
// infinity. Points are immutable.

export interface Field<F> {
  readonly zero: F;
  readonly one: F;
  add(a: F, b: F): F;
  sub(a: F, b: F): F;
  mul(a: F, b: F): F;
  sqr(a: F): F;
  neg(a: F): F;
  inv(a: F): F;
  eq(a: F, b: F): boolean;
  isZero(a: F): boolean;
}

export interface Jacobian<F> {
  readonly x: F;
  readonly y: F;
  readonly z: F;
}

export interface Affine<F> {
  readonly x: F;
  readonly y: F;
}

/** The group law of one curve over one field, as plain functions on immutable points. */
export interface Curve<F> {
  readonly zero: Jacobian<F>;
  isZero(p: Jacobian<F>): boolean;
  fromAffine(p: Affine<F>): Jacobian<F>;
  toAffine(p: Jacobian<F>): Affine<F>;
  isOnCurve(p: Affine<F>): boolean;
  rhs(x: F): F;
  add(a: Jacobian<F>, b: Jacobian<F>): Jacobian<F>;
  double(a: Jacobian<F>): Jacobian<F>;
  negate(a: Jacobian<F>): Jacobian<F>;
  eq(a: Jacobian<F>, b: Jacobian<F>): boolean;
  /** [k]P for a public scalar k >= 0 (not constant time: only public data is multiplied). */
  mul(p: Jacobian<F>, k: bigint): Jacobian<F>;
}

export function weierstrass<F>(F: Field<F>, b: F): Curve<F> {
  const zero: Jacobian<F> = { x: F.one, y: F.one, z: F.zero };
  const isZero = (p: Jacobian<F>) => F.isZero(p.z);
  const rhs = (x: F) => F.add(F.mul(F.sqr(x), x), b);

  /** dbl-2009-l (a = 0): 2M + 5S. */
  function double(p: Jacobian<F>): Jacobian<F> {
    if (isZero(p) || F.isZero(p.y)) return zero;
    const A = F.sqr(p.x);
    const B = F.sqr(p.y);
    const C = F.sqr(B);
    const t = F.sub(F.sqr(F.add(p.x, B)), F.add(A, C));
    const D = F.add(t, t);
    const E = F.add(F.add(A, A), A);
    const x = F.sub(F.sqr(E), F.add(D, D));
    const C2 = F.add(C, C);
    const C8 = F.add(F.add(C2, C2), F.add(C2, C2));
    const yz = F.mul(p.y, p.z);
    return { x, y: F.sub(F.mul(E, F.sub(D, x)), C8), z: F.add(yz, yz) };
  }

  /** add-2007-bl, with the equal-input case sent to doubling. */
  function add(a: Jacobian<F>, b: Jacobian<F>): Jacobian<F> {
    if (isZero(a)) return b;
    if (isZero(b)) return a;
    const z1z1 = F.sqr(a.z);
    const z2z2 = F.sqr(b.z);
    const u1 = F.mul(a.x, z2z2);
    const u2 = F.mul(b.x, z1z1);
    const s1 = F.mul(F.mul(a.y, b.z), z2z2);
    const s2 = F.mul(F.mul(b.y, a.z), z1z1);
    const h = F.sub(u2, u1);
    const r0 = F.sub(s2, s1);
    if (F.isZero(h)) return F.isZero(r0) ? double(a) : zero;
    const h2 = F.add(h, h);
    const i = F.sqr(h2);
    const j = F.mul(h, i);
    const r = F.add(r0, r0);
    const v = F.mul(u1, i);
    const x = F.sub(F.sub(F.sqr(r), j), F.add(v, v));
    const s1j = F.mul(s1, j);
    const y = F.sub(F.mul(r, F.sub(v, x)), F.add(s1j, s1j));
    const z = F.mul(F.sub(F.sqr(F.add(a.z, b.z)), F.add(z1z1, z2z2)), h);
    return { x, y, z };
  }

  return {
    zero,
    isZero,
    rhs,
    fromAffine: (p) => ({ x: p.x, y: p.y, z: F.one }),
    toAffine(p) {
      if (isZero(p)) return { x: F.zero, y: F.zero };
      const zi = F.inv(p.z);
      const zi2 = F.sqr(zi);
      return { x: F.mul(p.x, zi2), y: F.mul(p.y, F.mul(zi2, zi)) };
    },
    isOnCurve: (p) => F.eq(F.sqr(p.y), rhs(p.x)),
    add,
    double,
    negate: (p) => ({ x: p.x, y: F.neg(p.y), z: p.z }),
    eq(a, b) {
      if (isZero(a) || isZero(b)) return isZero(a) && isZero(b);
      const z1z1 = F.sqr(a.z);
      const z2z2 = F.sqr(b.z);
      return (
        F.eq(F.mul(a.x, z2z2), F.mul(b.x, z1z1)) &&
        F.eq(F.mul(F.mul(a.y, b.z), z2z2), F.mul(F.mul(b.y, a.z), z1z1))
      );
    },
    mul(p, k) {
      let r = zero;
      for (let i = k.toString(2).length - 1; i >= 0; i--) {
        r = double(r);
        if ((k >> BigInt(i)) & 1n) r = add(r, p);
      }
      return r;
    },
  };
}
