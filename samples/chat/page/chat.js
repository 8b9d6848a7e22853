// The chat page: one WebSocket to the gateway's stage, whose URL comes from the query string
// (?ws=ws://127.0.0.1:8080/_aws/execute-api/{apiId}/prod; &name= and &room= fill the form).
// Messages go out as {"action": "join" | "send", ...}; the API's route selection expression
// ($request.body.action) picks the route, and the backend answers through the room's group.
(() => {
  const params = new URLSearchParams(location.search);
  const $ = (id) => document.getElementById(id);
  const status = $('status');
  const log = $('log');
  let socket = null;
  let joinedRoom = null;

  if (params.get('name')) $('name').value = params.get('name');
  if (params.get('room')) $('room').value = params.get('room');

  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  // textContent only: what others send is never parsed as HTML.
  function append(kind, name, text) {
    const item = document.createElement('li');
    item.className = kind;
    if (name) {
      const who = document.createElement('span');
      who.className = 'name';
      who.textContent = name;
      item.append(who);
    }
    item.append(document.createTextNode(text));
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  function onEvent(data) {
    let event;
    try {
      event = JSON.parse(data);
    } catch {
      append('info', null, data);
      return;
    }
    switch (event.type) {
      case 'joined':
        if (event.name === $('name').value && event.room === $('room').value) {
          joinedRoom = event.room;
          $('text').disabled = false;
          $('send-button').disabled = false;
          setStatus('open', `in #${event.room}`);
        }
        append('joined', null, `${event.name} joined #${event.room}`);
        break;
      case 'message':
        append('message', event.name, event.text);
        break;
      case 'error':
        append('error', null, event.message);
        break;
      default:
        // Anything else a backend pushes (for example with aws apigatewaymanagementapi post-to-connection).
        append('info', null, data);
    }
  }

  function connect(url) {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      setStatus('open', 'connected');
      $('join-button').disabled = false;
    });
    socket.addEventListener('message', (e) => onEvent(e.data));
    socket.addEventListener('close', (e) => {
      setStatus('closed', `closed (${e.code}${e.reason ? ' ' + e.reason : ''})`);
      for (const id of ['join-button', 'text', 'send-button']) $(id).disabled = true;
    });
    socket.addEventListener('error', () => setStatus('error', 'connection failed'));
  }

  $('join').addEventListener('submit', (e) => {
    e.preventDefault();
    socket.send(JSON.stringify({ action: 'join', room: $('room').value, name: $('name').value }));
  });

  $('say').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('text').value;
    if (!text || !joinedRoom) return;
    socket.send(JSON.stringify({ action: 'send', room: joinedRoom, name: $('name').value, text }));
    $('text').value = '';
  });

  const url = params.get('ws');
  if (!url) {
    setStatus('error', 'no ?ws= in the address');
    append('error', null, 'Open this page as ?ws=ws://127.0.0.1:8080/_aws/execute-api/{apiId}/{stage} (samples/chat/setup.sh prints the address).');
  } else {
    connect(url);
  }
})();
