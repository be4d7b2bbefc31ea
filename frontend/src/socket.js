// A JSON WebSocket that reconnects with backoff. The server keeps one simulation per connection,
// so onOpen is where the caller loads its scenario again.
export function openSocket(url, { onMessage, onStatus, onOpen }) {
  let ws = null;
  let delay = 500;
  let closed = false;
  const pending = [];

  function connect() {
    onStatus('connecting');
    ws = new WebSocket(url);
    ws.addEventListener('open', () => {
      delay = 500;
      onStatus('open');
      onOpen?.();
      while (pending.length) ws.send(pending.shift());
    });
    ws.addEventListener('message', ev => onMessage(JSON.parse(ev.data)));
    ws.addEventListener('close', () => {
      onStatus('closed');
      if (!closed) setTimeout(connect, delay);
      delay = Math.min(delay * 2, 8000);
    });
  }

  connect();
  return {
    send(obj) {
      const text = JSON.stringify(obj);
      if (ws && ws.readyState === WebSocket.OPEN) ws.send(text); else pending.push(text);
    },
    close() { closed = true; ws?.close(); },
  };
}
