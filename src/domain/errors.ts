/**
 * An error the user caused (bad input, unknown 文号…): the CLI prints its message as one line
 * naming the file and the reason, exits 2, and never shows a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
