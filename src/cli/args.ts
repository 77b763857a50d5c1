import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';

/** A command line that cannot be run as given: exit code 2 and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed<O extends Options> {
  readonly positionals: readonly string[];
  readonly values: { readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
}

/**
 * Node's `util.parseArgs` in strict mode: an unknown flag or a flag without its value is a
 * UsageError that names the valid flags.
 */
export function parseCommandLine<O extends Options>(
  argv: readonly string[],
  options: O,
): Parsed<O> {
  try {
    const { values, positionals } = nodeParseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { positionals, values: values as Parsed<O>['values'] };
  } catch (error) {
    const valid = Object.entries(options)
      .map(([name, o]) => `--${name}${o.type === 'string' ? ' VALUE' : ''}`)
      .join(', ');
    throw new UsageError(`${(error as Error).message.split('. ')[0]}. Valid options: ${valid}.`);
  }
}

/** A positive number of frames per second (--fps), or undefined when not given. */
export function fpsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const fps = Number(value);
  if (!Number.isFinite(fps) || fps < 1 || fps > 60)
    throw new UsageError(`--fps ${value}: give frames per second between 1 and 60, e.g. --fps 15.`);
  return fps;
}
