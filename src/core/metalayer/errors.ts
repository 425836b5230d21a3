/** Malformed wire data: a JSON field, a byte length, an out-of-range integer or an inconsistent structure. */
export class MetalayerFormatError extends Error {
  override name = 'MetalayerFormatError';
  /** JSON path or argument name of the offending value (e.g. `checkpoint.epoch`). */
  readonly path: string;
  readonly details: string;

  constructor(path: string, details: string, options?: { cause?: unknown }) {
    super(`Invalid metalayer data at ${path}: ${details}`, options);
    this.path = path;
    this.details = details;
  }
}
