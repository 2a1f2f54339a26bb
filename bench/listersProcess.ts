import { authorized, resends, timedWhile } from './apiCalls';

/** What `listersElsewhere` sends this process: who lists what, and how many at once. */
export interface ListersStart {
  baseUrl: string;
  token: string;
  path: string;
  clients: number;
  status: number;
}

/** What this process answers once stopped. */
export type ListersResult = { latencies: number[]; resends: number } | { error: string };

// Run by `listersElsewhere` (./listers.ts) in a process of its own: lists until told to stop, then reports.
process.once('message', (start: ListersStart) => {
  const listers = timedWhile(start.clients, () => authorized(start.baseUrl, start.token, 'GET', start.path), start.status);
  process.send!('started');
  process.once('message', () => {
    const report = (result: ListersResult) => process.send!(result, () => process.exit(0));
    listers.stop().then(
      (latencies) => report({ latencies, resends: resends.count }),
      (error: unknown) => report({ error: String(error) }),
    );
  });
});
