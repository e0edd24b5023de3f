/** A mistake in what the user asked for: exit 2, one line, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
