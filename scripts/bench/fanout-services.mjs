// The 40-check suite's loopback services inside EVERY host namespace of a room, from two processes in all: python3
// (argv holds http.server) enters each namespace with setns(2), opens 127.0.0.1:HTTP and 127.0.0.1:PY there, serves
// the PY sockets itself (a directory listing, as `python3 -m http.server`) and hands the HTTP sockets to one Node
// server (argv marker tssr-bench-http). So each host answers on its own loopback, as one host of the single-host bench
// does, without 2 × N servers on 2 cores.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SERVE = String.raw`
import ctypes, functools, http.server, os, signal, socket, subprocess, sys, threading
libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNET = 0x40000000
http_port, py_port, docroot, node, ready = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
names = sys.argv[7:]
def enter(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), 'setns ' + path)
    finally:
        os.close(fd)
def listener(port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', port))
    s.listen(64)
    return s
home = os.open('/proc/self/ns/net', os.O_RDONLY)
node_socks, py_socks = [], []
for n in names:
    enter('/run/netns/' + n)
    node_socks.append(listener(http_port))
    py_socks.append(listener(py_port))
if libc.setns(home, CLONE_NEWNET) != 0:
    raise OSError(ctypes.get_errno(), 'setns back')
fds = [s.fileno() for s in node_socks]
js = "const h = (q, s) => s.end('tssr-bench ok'); for (const fd of process.env.FDS.split(',')) require('http').createServer(h).listen({ fd: Number(fd) }); process.stdout.write('up');"
child = subprocess.Popen([node, '-e', js, 'tssr-bench-http'], pass_fds=fds, env={'FDS': ','.join(map(str, fds))}, stdout=subprocess.PIPE)
child.stdout.read(2)
for s in node_socks:
    s.close()
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass
for s in py_socks:
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', py_port), functools.partial(Quiet, directory=docroot), bind_and_activate=False)
    srv.socket.close()
    srv.socket = s
    threading.Thread(target=srv.serve_forever, daemon=True).start()
def bye(*a):
    child.kill()
    os._exit(0)
signal.signal(signal.SIGTERM, bye)
open(ready, 'w').write('up')
child.wait()
`;

/** Starts the services in every namespace of `names`; resolves once all listen. stop() ends both processes. */
export async function startRoomServices(dir, names, { httpPort, pyPort }) {
  const ready = join(dir, 'services.ready');
  const py = spawn('/usr/bin/python3', ['-c', SERVE, 'http.server', String(httpPort), String(pyPort), dir, process.execPath, ready, ...names], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  py.stderr.on('data', (d) => (log += d));
  for (let i = 0; i < 600 && !existsSync(ready); i++) {
    if (py.exitCode !== null) throw new Error(`the room's services did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!existsSync(ready)) {
    py.kill('SIGTERM');
    throw new Error(`the room's services did not start within 30 s: ${log}`);
  }
  return { stop: () => py.kill('SIGTERM') };
}
