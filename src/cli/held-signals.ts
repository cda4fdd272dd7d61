/**
 * Ctrl-C (SIGINT) or SIGTERM while a command's modules are still loading. A command that reports an
 * interrupt itself (`run`: every case not run is reported as skipped) would otherwise miss a signal that
 * arrives before it installs its handlers: loading its modules is most of its start-up, and a signal
 * with no listener ends the process at once, without reports. The dispatcher holds the signals while
 * the command loads; the command takes the held one over with its handlers. A second signal while
 * held, or a held signal no one takes, has its default effect.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

interface Held {
  signal: NodeJS.Signals | undefined;
  listener: (s: NodeJS.Signals) => void;
}

let held: Held | undefined;

/** Record SIGINT and SIGTERM instead of ending the process, until taken or released. */
export function holdSignals(): void {
  if (held) return;
  const h: Held = {
    signal: undefined,
    listener: (s) => {
      if (h.signal === undefined) {
        h.signal = s;
        return;
      }
      // A second signal: stop at once, as the default would have.
      takeHeldSignal();
      process.kill(process.pid, s);
    },
  };
  for (const s of SIGNALS) process.on(s, h.listener);
  held = h;
}

/** Stop holding and return the signal that arrived meanwhile: the caller's handlers now answer for it. */
export function takeHeldSignal(): NodeJS.Signals | undefined {
  const h = held;
  if (!h) return undefined;
  for (const s of SIGNALS) process.off(s, h.listener);
  held = undefined;
  return h.signal;
}

/** Stop holding; a signal that arrived meanwhile and was not taken has its default effect now. */
export function releaseSignals(): void {
  const s = takeHeldSignal();
  if (s) process.kill(process.pid, s);
}
