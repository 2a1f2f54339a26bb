import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { ConfigError } from '../config';

/** Why DATA_DIR cannot be used, by the error code that creating or checking it gave. */
const DATA_DIR_PROBLEMS: Record<string, string> = {
  EACCES: 'cannot be created or written to (permission denied)',
  EPERM: 'cannot be created or written to (operation not permitted)',
  EROFS: 'is on a read-only file system',
  EEXIST: 'exists but is not a directory',
  ENOTDIR: 'is inside a file, not a directory',
};

/**
 * Creates `folder` (DATA_DIR or a folder in it) if needed and checks that the server may write to it; a
 * problem becomes a `ConfigError` naming the folder.
 */
export async function prepareDataFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK | constants.X_OK);
  } catch (error) {
    const problem = DATA_DIR_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''];
    if (!problem) throw error;
    throw new ConfigError(
      'DATA_DIR',
      `DATA_DIR must be a directory the server can create and write to, but ${folder} ${problem}. Set DATA_DIR to another folder.`,
    );
  }
}
