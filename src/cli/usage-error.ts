/** A problem with how credlint was called or configured: reported in one line, exit code 2. */
export class UsageError extends Error {}
