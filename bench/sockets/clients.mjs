// A socket.io-client process of the sockets bench (forked, commanded over IPC): it holds many connections so
// the bench can spread them over processes (CPU, memory) and local addresses (ports).
//   { cmd: 'connect', url, tokens, count, localAddress, inFlight }  → 'connected' { connected, failed, firstError, ms }
//   { cmd: 'teachers', url, token, count, localAddress, room }       → 'joined' { joined }; then records
//                                                                     every 'proctor:event' arrival (event id, time)
//   { cmd: 'arrivals' }                                               → 'arrivals' { arrivals: [[id, epochMs], ...] }
//   { cmd: 'close' }                                                  → disconnects and exits
import { io } from 'socket.io-client';

const sockets = [];
let arrivals = [];

function open(url, token, localAddress) {
  return io(url, {
    transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false, timeout: 60_000, localAddress,
  });
}

function connectOne(url, token, localAddress) {
  return new Promise((resolve) => {
    const socket = open(url, token, localAddress);
    socket.once('connect', () => {
      sockets.push(socket);
      resolve(null);
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

async function connectMany({ url, tokens, count, localAddress, inFlight }) {
  const started = Date.now();
  let next = 0;
  let connected = 0;
  let failed = 0;
  let firstError = null;
  async function lane() {
    while (next < count) {
      const index = next++;
      const error = await connectOne(url, tokens[index % tokens.length], localAddress);
      if (error) {
        failed += 1;
        firstError ??= error;
      } else connected += 1;
    }
  }
  await Promise.all(Array.from({ length: inFlight }, lane));
  return { connected, failed, firstError, ms: Date.now() - started };
}

async function teachers({ url, token, count, localAddress, room }) {
  let joined = 0;
  await Promise.all(Array.from({ length: count }, async () => {
    const socket = open(url, token, localAddress);
    socket.on('proctor:event', (message) => arrivals.push([message.event.id, Date.now()]));
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const ack = await socket.timeout(30_000).emitWithAck('feed:join', room);
    if (ack.ok) joined += 1;
    sockets.push(socket);
  }));
  return { joined };
}

process.on('message', async (message) => {
  if (message.cmd === 'connect') process.send({ type: 'connected', ...(await connectMany(message)) });
  else if (message.cmd === 'teachers') process.send({ type: 'joined', ...(await teachers(message)) });
  else if (message.cmd === 'arrivals') {
    process.send({ type: 'arrivals', arrivals });
    arrivals = [];
  } else if (message.cmd === 'close') {
    for (const socket of sockets) socket.close();
    setTimeout(() => process.exit(0), 200);
  }
});
process.on('disconnect', () => process.exit(0));
