/** A setting that cannot be used; the message names the variable and what it expects. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Unset and empty variables both mean "use the default". */
export function valueOf(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  return value ? value : undefined;
}

