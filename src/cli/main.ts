/** Entry of `npm run cli -- …`; the commands live in run.ts and commands/. */
import { installPipeGuards, runCli } from './run';

installPipeGuards();
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
