import http from 'node:http';

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

const STARTING_MESSAGE = 'The server is starting. Try again in a moment.';

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

  let handler: http.RequestListener = answerStarting;
  let draining = false;
  const unanswered = new Set<http.ServerResponse>();

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    // While stopping, answer on this connection and close it, so the client opens its next one elsewhere.
    if (draining) res.setHeader('Connection', 'close');
    unanswered.add(res);
    res.once('close', () => {
      unanswered.delete(res);
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    handler(req, res);
  });

  return {
    server,
    serve(app) {
      handler = app;
    },
    drain(graceMs = SHUTDOWN_GRACE_MS) {
      draining = true;
      for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
      return new Promise<void>((resolve) => {
        if (!server.listening) {
          server.closeAllConnections();
          resolve();
          return;
        }
        const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
      });
    },
  };
}

/** 503 with Retry-After, in the error shape of the API the path belongs to. */
function answerStarting(req: http.IncomingMessage, res: http.ServerResponse): void {
  const jsonApi = /^\/api\/v[12](\/|$|\?)/.test(req.url ?? '');
  const body = jsonApi
    ? { errors: [{ status: '503', title: 'Service Unavailable', detail: STARTING_MESSAGE }] }
    : { error: 'Service Unavailable', message: STARTING_MESSAGE };
  res.writeHead(503, {
    'Content-Type': jsonApi ? 'application/vnd.api+json' : 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': '1',
  });
  res.end(JSON.stringify(body));
}
