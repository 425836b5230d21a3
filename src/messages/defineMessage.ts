/**
 * A message contract between an extension page and the background: its `type` on the wire and a
 * runtime `validate` for the input. The output type is carried only at the type level.
 */
export type MessageContract<TType extends string = string, TInput = unknown, TOutput = unknown> = {
  readonly type: TType;
  /** Returns the typed input or throws `MessageError('INVALID_INPUT')`. Never trusts its argument. */
  readonly validate: (input: unknown) => TInput;
  /** Phantom field: never set at run time, it only carries the response type. */
  readonly __output?: TOutput;
};

export type MessageInput<C> = C extends MessageContract<string, infer I, unknown> ? I : never;
export type MessageOutput<C> = C extends MessageContract<string, unknown, infer O> ? O : never;

export function defineMessage<TInput, TOutput>() {
  return <const TType extends string>(contract: {
    type: TType;
    validate: (input: unknown) => TInput;
  }): MessageContract<TType, TInput, TOutput> => Object.freeze({ type: contract.type, validate: contract.validate });
}

/** The wire format of a request (page → background) and its answer. */
export type MessageRequest = { type: string; input?: unknown };
export type MessageResponse<T = unknown> = { result: T } | { error: import('./MessageError').ErrorPayload };
