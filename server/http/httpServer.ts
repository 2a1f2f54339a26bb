import http from 'node:http';
import net, { type Socket } from 'node:net';
import { answerClientErrors } from './clientErrors';
import { answerStarting, answerUnreadableTarget, isReadableTarget } from './earlyAnswers';

/** A client has this long to send a request's headers; real clients send them at once, a slow loris never does. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** The whole request, body included: bodies here are at most a few kB, so this is generous even on a poor link. */
const REQUEST_TIMEOUT_MS = 30_000;
/**
 * An idle keep-alive connection is kept a little longer than the 60 s idle timeout of common reverse proxies
 * (nginx, cloud load balancers), so the proxy closes it first and never sends a request into a closing socket.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** The last guard on any path: a connection with no traffic either way this long (a stuck client) is closed. */
const SOCKET_IDLE_TIMEOUT_MS = 120_000;
/** How often Node enforces the header and request timeouts; its default (30 s) would let a stalled client overstay. */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
/** How long the server waits, on stop, for the requests it accepted to be answered before it cuts them. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface HttpServer {
  server: http.Server;
  /** Hands requests to the app from now on; until then they are answered 503 with Retry-After. */
  serve(handler: http.RequestListener): void;
  /** Stops accepting connections, lets accepted requests finish for at most `graceMs`, then cuts the rest. */
  drain(graceMs?: number): Promise<void>;
}

/**
 * The HTTP server with deliberate timeouts. It may listen before the app is ready (the identity provider needs
 * the bound port for its URLs), so nothing that connects early is left unanswered.
 */
export function createHttpServer(): HttpServer {
  const server = http.createServer({ connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.setTimeout(SOCKET_IDLE_TIMEOUT_MS);
  answerClientErrors(server);

  let handler: http.RequestListener = answerStarting;
  const connections = trackConnections(server);
  let stopped = false;

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    connections.requestStarted(req, res);
    if (isReadableTarget(req.url ?? '')) handler(req, res);
    else answerUnreadableTarget(req, res);
  });

  return {
    server,
    serve(app) {
      handler = app;
    },
    async drain(graceMs = SHUTDOWN_GRACE_MS) {
      connections.drain();
      const deadline = setTimeout(() => connections.destroyAll(), graceMs);
      if (server.listening) {
        await acceptQueuedConnections(server);
        // net's close, not http's: http's also drops every connection without a request in progress, including
        // those just accepted whose request is not read yet, and stops enforcing the timeouts.
        await new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      }
      await connections.allClosed();
      clearTimeout(deadline);
      // http's close, now that no connection is left: it stops the interval that enforces the timeouts.
      if (!stopped) http.Server.prototype.close.call(server);
      stopped = true;
    },
  };
}

/** Quiet time after which no more connections are taken as queued; a bound for a steady stream of them. */
const ACCEPT_QUIET_MS = 100;
const ACCEPT_MAX_MS = 1_000;

/**
 * Closing the listening socket resets the connections the kernel has queued but Node has not accepted yet
 * (their clients have sent their requests already): take those first, until no new one came for a moment.
 */
function acceptQueuedConnections(server: http.Server): Promise<void> {
  const started = Date.now();
  let lastConnection = started;
  const onConnection = () => (lastConnection = Date.now());
  server.on('connection', onConnection);
  return new Promise((resolve) => {
    const check = () =>
      // After a poll phase of the event loop, in which queued connections are accepted.
      setImmediate(() => {
        const now = Date.now();
        if (now - lastConnection < ACCEPT_QUIET_MS && now - started < ACCEPT_MAX_MS) {
          setTimeout(check, ACCEPT_QUIET_MS);
          return;
        }
        server.off('connection', onConnection);
        resolve();
      });
    setTimeout(check, ACCEPT_QUIET_MS);
  });
}

/** How long, while stopping, a connection that has sent nothing yet may take to send its request. */
const FIRST_REQUEST_WAIT_MS = 1_000;

interface Connection {
  /** Requests read on this connection and not answered yet. */
  unanswered: Set<http.ServerResponse>;
  answered: number;
}

/**
 * Knows which connections are between requests, so that stopping closes those at once but lets a connection
 * finish the requests it sent; while stopping, each answer closes its connection (`Connection: close`).
 */
function trackConnections(server: http.Server) {
  const connections = new Map<Socket, Connection>();
  let draining = false;

  const closeIfIdle = (socket: Socket, connection: Connection) => {
    if (connection.unanswered.size === 0 && connection.answered > 0) socket.destroy();
  };

  /** Whoever waits for the last connection to close: every drain() under way. */
  const waitingForAllClosed: (() => void)[] = [];

  /** A connection that has sent nothing yet gets a moment for its request, then is closed. */
  const expectRequest = (socket: Socket, connection: Connection) =>
    setTimeout(() => {
      if (connection.answered === 0 && connection.unanswered.size === 0) socket.destroy();
    }, FIRST_REQUEST_WAIT_MS).unref();

  server.on('connection', (socket: Socket) => {
    const connection: Connection = { unanswered: new Set(), answered: 0 };
    connections.set(socket, connection);
    if (draining) expectRequest(socket, connection);
    socket.once('close', () => {
      connections.delete(socket);
      if (connections.size === 0) for (const resolve of waitingForAllClosed.splice(0)) resolve();
    });
  });

  return {
    allClosed: () =>
      new Promise<void>((resolve) => {
        if (connections.size === 0) resolve();
        else waitingForAllClosed.push(resolve);
      }),
    requestStarted(req: http.IncomingMessage, res: http.ServerResponse) {
      const connection = connections.get(req.socket);
      if (!connection) return;
      connection.unanswered.add(res);
      if (draining) res.setHeader('Connection', 'close');
      res.once('close', () => {
        connection.unanswered.delete(res);
        connection.answered++;
        if (draining) closeIfIdle(req.socket, connection);
      });
    },
    drain() {
      draining = true;
      for (const [socket, connection] of connections) {
        for (const res of connection.unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
        closeIfIdle(socket, connection);
        expectRequest(socket, connection);
      }
    },
    destroyAll() {
      for (const socket of connections.keys()) socket.destroy();
    },
  };
}
