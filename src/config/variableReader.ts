/** One variable that is missing or has a value the app cannot use, and what is wrong with it. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

export const MISSING = 'is missing or empty.';

/** What a check returns for a value it turns down. */
export class Rejected {
  constructor(readonly message: string) {}
}

/** Turns a variable's trimmed, non-empty text into the value the app uses, or rejects it. */
export type Check<T> = (value: string) => T | Rejected;

export interface VariableReader {
  /** The checked value; `undefined`, with a problem, when the variable is unset, blank or rejected. */
  required<T>(variable: string, check: Check<T>): T | undefined;
  /** The checked value, or `null` when the variable is unset or blank; `undefined`, with a problem, when rejected. */
  optional<T>(variable: string, check: Check<T>): T | null | undefined;
  /** Whether the variable has a value at all (a blank string counts as unset). */
  isSet(variable: string): boolean;
  /** Every problem found so far, in the order the variables were read. */
  readonly problems: ConfigProblem[];
}

/**
 * Reads `window._env_` variables one at a time, collecting one problem per bad variable, so the error page can
 * list them all at once. Hand-written rather than a schema library: it runs before anything renders.
 */
export function createVariableReader(env: Record<string, unknown>, problems: ConfigProblem[] = []): VariableReader {
  const textOf = (variable: string): string | undefined => {
    const raw = env[variable];
    return typeof raw === 'string' ? raw.trim() : undefined;
  };
  const isSet = (variable: string) => {
    const raw = env[variable];
    return raw !== undefined && raw !== null && textOf(variable) !== '';
  };
  const checked = <T>(variable: string, value: string, check: Check<T>): T | undefined => {
    const result = check(value);
    if (!(result instanceof Rejected)) return result;
    problems.push({ variable, message: result.message });
    return undefined;
  };

  return {
    problems,
    isSet,
    required(variable, check) {
      const value = textOf(variable);
      // A number or an object where text belongs is as unusable as a missing value.
      if (!value) {
        problems.push({ variable, message: MISSING });
        return undefined;
      }
      return checked(variable, value, check);
    },
    optional(variable, check) {
      if (!isSet(variable)) return null;
      const value = textOf(variable);
      if (value === undefined) {
        problems.push({ variable, message: 'must be a string.' });
        return undefined;
      }
      return checked(variable, value, check);
    },
  };
}
