// One WebSocket connection made with the `ws` npm client, driven through a plan of steps. Prints one
// JSON line per event (open, message, close, unexpected-response, error, timeout, done) and judges
// nothing: the C# test asserts on the events.
//   node ws-client.mjs <ws URL> '<plan as JSON>'
// plan:  { protocols?: string[], headers?: {name: value}, timeoutMs?: number, steps: step[] }
// step:  { send: text } | { sendBurst: [texts] } (written without waiting between them) | { sendFilled: n } (one text frame of n 'a's) | { sendBinary: base64 }
//        | { receive: n } (until n messages in all have come) | { waitForClose: true }
//        | { close: code, reason?: text }
import WebSocket from 'ws';

const [url, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson);
const timeoutMs = plan.timeoutMs ?? 10_000;
const print = (event) => console.log(JSON.stringify(event));

let messages = 0;
let closed = false;
let refused = false;
const waiters = new Set();
const notify = () => waiters.forEach((check) => check());

/** Resolves once condition() holds; rejects naming what it waited for when that takes over timeoutMs. */
const until = (what, condition) => new Promise((resolve, reject) => {
  if (condition()) {
    resolve();
    return;
  }
  const stop = () => {
    clearTimeout(timer);
    waiters.delete(check);
  };
  const check = () => {
    if (condition()) {
      stop();
      resolve();
    }
  };
  const timer = setTimeout(() => {
    stop();
    reject(Object.assign(new Error(`timed out waiting for ${what}`), { waitingFor: what }));
  }, timeoutMs);
  waiters.add(check);
});

const ws = new WebSocket(url, plan.protocols ?? [], { headers: plan.headers ?? {}, handshakeTimeout: timeoutMs });
ws.on('open', () => {
  print({ event: 'open', protocol: ws.protocol });
  notify();
});
ws.on('message', (data, isBinary) => {
  messages++;
  print({ event: 'message', data: data.toString(isBinary ? 'base64' : 'utf8'), binary: isBinary });
  notify();
});
ws.on('close', (code, reason) => {
  closed = true;
  print({ event: 'close', code, reason: reason.toString() });
  notify();
});
ws.on('error', (e) => {
  print({ event: 'error', message: e.message });
  notify();
});
// With a listener here, ws leaves the refused handshake to us instead of raising an error.
ws.on('unexpected-response', (request, response) => {
  let body = '';
  response.setEncoding('utf8');
  response.on('data', (chunk) => { body += chunk; });
  response.on('end', () => {
    refused = true;
    print({ event: 'unexpected-response', status: response.statusCode, body });
    request.destroy();
    notify();
  });
});

const send = (data) => new Promise((resolve) => ws.send(data, (e) => {
  if (e) {
    print({ event: 'error', message: e.message });
  }
  resolve();
}));

try {
  await until('open', () => ws.readyState !== WebSocket.CONNECTING || refused);
  for (const step of ws.readyState === WebSocket.OPEN ? plan.steps : []) {
    if (step.send !== undefined) {
      await send(step.send);
    } else if (step.sendBurst !== undefined) {
      // All written at once, so the server reads several messages in one read.
      await Promise.all(step.sendBurst.map(send));
    } else if (step.sendFilled !== undefined) {
      await send('a'.repeat(step.sendFilled));
    } else if (step.sendBinary !== undefined) {
      await send(Buffer.from(step.sendBinary, 'base64'));
    } else if (step.receive !== undefined) {
      // A close ends the wait too: the test sees the close instead of the messages.
      await until(`${step.receive} messages`, () => messages >= step.receive || closed);
    } else if (step.waitForClose) {
      await until('close', () => closed);
    } else if (step.close !== undefined) {
      ws.close(step.close, step.reason ?? '');
      await until('close', () => closed);
    } else {
      throw new Error(`unknown step ${JSON.stringify(step)}`);
    }
  }
} catch (e) {
  if (e.waitingFor === undefined) {
    throw e;
  }
  print({ event: 'timeout', waitingFor: e.waitingFor });
}

print({ event: 'done', readyState: ws.readyState });
process.exit(0);
