import { Command } from 'commander';
import { registerImportCommands } from './import-glpi.js';
import { registerGlpiApiImportCommand } from './import-glpi-api.js';
import type { CreateUserOptions } from './users.js';

const PROGRAM_HELP = `
Every command reads the same environment variables as the server (DATABASE_URL, GUICHET_DATA_DIR...),
applies pending database migrations first, and records its changes in the audit trail as "cli:<system user>".

Exit status: 0 on success, 1 when the command fails (or the audit trail is broken),
2 when an option or the configuration is invalid.`;

/**
 * Builds the `guichet` command line. Commander errors are thrown, not turned into process.exit().
 * Each action imports its module when it runs, so --help and option errors skip loading the
 * database drivers.
 */
export function buildProgram(): Command {
  const program = new Command('guichet')
    .description('Administration commands for Guichet.')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', PROGRAM_HELP);

  program
    .command('migrate')
    .description('Apply pending database migrations and print their names.')
    .action(async () => (await import('./maintenance.js')).migrate());

  addUserCommands(program);

  const token = program.command('token').description('Manage API tokens.');
  token
    .command('create')
    .description('Create an API token for a user and print it once on standard output.')
    .requiredOption('--user <login>', 'login of the user the token acts as')
    .option('--name <name>', 'label shown in the user\'s token list', 'cli')
    .option('--expires <date-time>', 'expiry as an ISO 8601 date-time with a time zone, e.g. 2027-01-31T18:00:00+01:00 (default: never)')
    .action(async (options: { user: string; name: string; expires?: string }) => (await import('./tokens.js')).createToken(options));

  const audit = program.command('audit').description('Check the audit trail.');
  audit
    .command('verify')
    .description('Check every row of the audit hash chain; exit status 1 when a row was altered, removed or added.')
    .action(async () => (await import('./maintenance.js')).verifyAudit());

  registerImportCommands(program);
  registerGlpiApiImportCommand(program);
  return program;
}

function addUserCommands(program: Command): void {
  const user = program.command('user').description('Manage user accounts.');

  user
    .command('create')
    .description('Create a user, with an optional profile in their entity.')
    .requiredOption('--login <login>', 'sign-in name: letters, digits and . _ @ -')
    .requiredOption('--first-name <name>', 'first name')
    .requiredOption('--last-name <name>', 'last name')
    .option('--email <address>', 'e-mail address')
    .option('--entity <id-or-name>', 'entity id or complete name ("Parent > Child") (default: the root entity)')
    .option('--profile <name>', 'profile to give in that entity, e.g. Technicien (default: none)')
    .option('--recursive', 'apply the profile to the sub-entities too')
    .option('--job-profile <job>', 'medecin, infirmier, cadre_sante, secretaire, administratif, technicien or autre (default: autre)')
    .option('--password-stdin', 'read the password (at least 12 characters) from standard input; without it the user has no password')
    .action(async (options: CreateUserOptions) => (await import('./users.js')).createUser(options));

  user
    .command('set-password')
    .description('Set a new password, unlock the account and close its sessions.')
    .requiredOption('--login <login>', 'login of the user')
    .option('--password-stdin', 'read the new password from standard input; without it a password is generated and printed once')
    .action(async (options: { login: string; passwordStdin?: boolean }) => (await import('./users.js')).setUserPassword(options));
}
