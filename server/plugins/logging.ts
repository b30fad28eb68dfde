import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config';

/** Where log lines go: stdout unless given (pino's destination stream interface). */
export interface LogStream {
  write(line: string): void;
}

/** Personal data never reaches the logs: cookies, CSRF tokens and bodies are not logged. */
const redact = ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path segment that looks like a secret token (an invitation link's, say): long, random, mixed. */
const looksLikeToken = (segment: string) => segment.length >= 20 && /^[A-Za-z0-9_-]+$/.test(segment) && /[A-Z0-9]/.test(segment) && !uuidPattern.test(segment);

/**
 * The URL as logged: tokens in the path are masked and query values dropped (they hold
 * invitation tokens on /register, search words that may be names, e-mail addresses typed into
 * filters). Parameter names stay, so a log still tells what kind of request it was.
 */
export function logSafeUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const safePath = path
    .split('/')
    .map((s) => (looksLikeToken(s) ? ':token' : s))
    .join('/');
  if (query === undefined) return safePath;
  const names = [...new URLSearchParams(query).keys()];
  return `${safePath}?${names.map((n) => `${encodeURIComponent(n)}=…`).join('&')}`;
}

interface LoggedRequest {
  method: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>, stream?: LogStream): FastifyServerOptions['logger'] {
  return {
    level: config.LOG_LEVEL,
    redact,
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: logSafeUrl(req.url ?? ''), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
    },
    ...(stream ? { stream } : {}),
  };
}
