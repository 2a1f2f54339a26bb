import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ListersResult, ListersStart } from './listersProcess';

/**
 * Clients listing over and over, in a process of their own, until stopped; `stop` resolves with each list's
 * latency. In another process so that reading their large answers never delays the timing of the calls this
 * process makes meanwhile: those are another person's, on another machine.
 */
export async function listersElsewhere(start: ListersStart): Promise<{ stop: () => Promise<{ latencies: number[]; resends: number }> }> {
  const child = fork(join(dirname(fileURLToPath(import.meta.url)), 'listersProcess.ts'), { execArgv: ['--import', 'tsx'] });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (message) => resolve(message as T));
      child.once('exit', (code) => reject(new Error(`The listers' process exited with code ${code}`)));
    });
  const started = next<'started'>();
  child.send(start);
  await started;
  return {
    async stop() {
      const result = next<ListersResult>();
      child.send('stop');
      const answer = await result;
      if ('error' in answer) throw new Error(`A lister failed: ${answer.error}`);
      return answer;
    },
  };
}
