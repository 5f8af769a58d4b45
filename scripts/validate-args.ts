// Command-line contract of scripts/validate, kept apart from the entry point so it can be tested.
import { parseArgs } from "node:util";

export const VALIDATE_FORMATS = ["text", "json"] as const;
type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export const USAGE = `Usage: scripts/validate [--format text|json] [PATH ...]

Validates an inventory: every problem at once, each as file:line:column field.path: message, with
the allowed values and "did you mean".

  PATH              an inventory directory (default: inventory/ of this repository), or YAML files
                    of one inventory (e.g. the files a commit changes): the whole inventory they
                    are in (the folder above them with city.yaml) is checked, since records refer
                    to each other across files, and the problems in or about these files are listed;
                    the others are counted
  --format FORMAT   text (default): counts on standard output, problems on standard error
                    json: one JSON document on standard output, for machines:
                      {"inventory", "ok", "problems": [{file, line, column, path, message,
                      allowed?, suggestion?, related?}], "otherProblems", "counts"?}
  -h, --help        show this help

Exit status: 0 when the inventory is valid; 1 when it has problems (also those not listed because
they are in other files); 2 when the arguments are wrong.`;

export interface ValidateArgs {
  format: ValidateFormat;
  paths: string[];
  help: boolean;
}

/** Throws an Error with a one-line message for the user on bad arguments. */
export function parseValidateArgs(argv: string[]): ValidateArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: true,
  });
  const format = values.format as string;
  if (!(VALIDATE_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`--format "${format}" is not one of: ${VALIDATE_FORMATS.join(", ")}`);
  }
  return { format: format as ValidateFormat, paths: positionals, help: values.help ?? false };
}
