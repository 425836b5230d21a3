/** Any rejected BLS12-381 input: bad length, flags, coordinates, or a point outside the prime-order subgroup. */
export class Bls12381Error extends Error {
  override name = 'Bls12381Error';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
