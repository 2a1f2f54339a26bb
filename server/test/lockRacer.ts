// Takes a data folder's lock once told to on stdin, so that several processes race for it at one moment; says
// whether it won and holds the lock until it is killed.
import { lockDataFolder } from '../db/dataFolderLock';

const dataDir = process.argv[2]!;
process.stdin.once('data', () => {
  lockDataFolder(dataDir).then(
    () => process.stdout.write('won\n'),
    (error: unknown) => process.stdout.write(`refused ${(error as Error).message}\n`),
  );
});
process.stdout.write('ready\n');
