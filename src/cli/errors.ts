/** Exit status of the command line: 2 means the command line or the configuration is wrong. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A failure to report to the operator in one line, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: typeof EXIT_FAILURE | typeof EXIT_USAGE = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}
