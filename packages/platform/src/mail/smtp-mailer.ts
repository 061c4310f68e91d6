// A small SMTP client (RFC 5321) for the one mail the platform sends, so no mail package is needed:
// smtp://[user:pass@]host[:port] (STARTTLS when the server offers it), smtps://… (TLS from the start, port 465).
// AUTH PLAIN when the URL carries a user. Each send is one connection: reset links are rare.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { hostname } from 'node:os';
import type { MailMessage, Mailer } from './mailer.js';

export interface SmtpMailerOptions {
  url: string;
  /** The From address, e.g. `LogiCode <no-reply@school.example>`. */
  from: string;
  timeoutMs?: number;
  /** Accept a self-signed certificate (a test server); never in production. */
  tlsRejectUnauthorized?: boolean;
}

interface Reply {
  code: number;
  lines: string[];
}

/** Reads SMTP replies off a socket: a reply ends at a line `NNN text` (a dash after the code means more lines). */
function replyReader(socket: Socket | TLSSocket) {
  let buffer = '';
  let lines: string[] = [];
  const ready: Reply[] = [];
  const waiting: Array<{ resolve: (r: Reply) => void; reject: (e: Error) => void }> = [];
  let failure: Error | null = null;
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let at: number;
    while ((at = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      lines.push(line);
      if (/^\d{3}(?: |$)/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), lines };
        lines = [];
        const waiter = waiting.shift();
        if (waiter) waiter.resolve(reply);
        else ready.push(reply);
      }
    }
  };
  const onEnd = (error?: Error) => {
    failure = error ?? new Error('SMTP connection closed');
    for (const waiter of waiting.splice(0)) waiter.reject(failure);
  };
  socket.on('data', onData);
  socket.on('error', onEnd);
  socket.on('close', () => onEnd());
  return {
    next(): Promise<Reply> {
      const reply = ready.shift();
      if (reply) return Promise.resolve(reply);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    detach() {
      socket.off('data', onData);
    },
  };
}

function headerSafe(value: string, name: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`SMTP: the ${name} holds a line break`);
  return value;
}

function addressOf(from: string): string {
  const match = /<([^>]+)>/.exec(from);
  return (match?.[1] ?? from).trim();
}

/** The body with CRLF line ends and leading dots doubled (RFC 5321 4.5.2), so a line "." cannot end it early. */
function dotStuffed(text: string): string {
  return text.replace(/\r?\n/g, '\r\n').split('\r\n').map((line) => (line.startsWith('.') ? `.${line}` : line)).join('\r\n');
}

export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const url = new URL(options.url);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port || (secure ? 465 : 587));
  const host = url.hostname;
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const rejectUnauthorized = options.tlsRejectUnauthorized ?? true;

  async function send(message: MailMessage): Promise<void> {
    const to = headerSafe(message.to, 'recipient');
    const subject = headerSafe(message.subject, 'subject');
    let socket: Socket | TLSSocket = secure
      ? tlsConnect({ host, port, servername: host, rejectUnauthorized })
      : netConnect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('SMTP timed out')));
    let reader = replyReader(socket);
    const expect = async (ok: number[], what: string): Promise<Reply> => {
      const reply = await reader.next();
      if (!ok.includes(reply.code)) throw new Error(`SMTP ${what}: ${reply.lines.join(' | ')}`);
      return reply;
    };
    const command = async (line: string, ok: number[], what = line.split(' ')[0]!): Promise<Reply> => {
      socket.write(`${line}\r\n`);
      return expect(ok, what);
    };
    try {
      await expect([220], 'greeting');
      const helo = hostname() || 'localhost';
      let ehlo = await command(`EHLO ${helo}`, [250]);
      if (!secure && ehlo.lines.some((l) => /^250[- ]STARTTLS/i.test(l))) {
        await command('STARTTLS', [220]);
        reader.detach();
        socket = tlsConnect({ socket, servername: host, rejectUnauthorized });
        reader = replyReader(socket);
        await new Promise<void>((resolve, reject) => {
          (socket as TLSSocket).once('secureConnect', resolve);
          socket.once('error', reject);
        });
        ehlo = await command(`EHLO ${helo}`, [250]);
      }
      if (user) await command(`AUTH PLAIN ${Buffer.from(`\0${user}\0${pass}`).toString('base64')}`, [235], 'AUTH');
      await command(`MAIL FROM:<${addressOf(options.from)}>`, [250]);
      await command(`RCPT TO:<${addressOf(to)}>`, [250, 251]);
      await command('DATA', [354]);
      const headers = [
        `From: ${headerSafe(options.from, 'sender')}`,
        `To: ${to}`,
        `Subject: ${subject}`,
        `Date: ${new Date().toUTCString()}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
      ];
      socket.write(`${headers.join('\r\n')}\r\n\r\n${dotStuffed(message.text)}\r\n.\r\n`);
      await expect([250], 'message');
      socket.write('QUIT\r\n');
    } finally {
      socket.end();
      socket.destroy();
    }
  }

  return { send };
}
