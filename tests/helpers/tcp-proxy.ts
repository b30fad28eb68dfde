import net from 'node:net';

/**
 * A TCP proxy in front of a real service. `pause` refuses new connections and closes open
 * ones, as a server going away does; `resume` accepts again on the same port. (A TCP RST
 * instead of a close can crash the process through a BullMQ pool client that has no error
 * listener: a known upstream gap, noted for the reliability issue.)
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    async pause() {
      const s = server;
      server = null;
      for (const sock of sockets) sock.destroy();
      if (s) await new Promise<void>((r) => s.close(() => r()));
    },
    resume: listen,
    async close() {
      await this.pause();
    },
  };
}
export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;
