// window.pos for the web host: the same invoke/on surface the Electron preload exposes, carried
// over a WebSocket to the register core. Served as-is by the web host before the renderer loads.
;(() => {
  const pending = new Map()
  const listeners = new Map()
  let nextId = 1
  let socket = null
  let queue = []
  let retryMs = 250
  // A call that cannot even be sent (register process gone) fails after this, rather than hang.
  const unsentTimeoutMs = 10000

  function connect() {
    // The customer display page has its own socket, which carries the display feed and no more.
    const path = location.pathname === '/customer-display' ? '/display-feed' : '/pos-bridge'
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`
    socket = new WebSocket(url)
    socket.addEventListener('open', () => {
      retryMs = 250
      for (const entry of queue) {
        const call = pending.get(entry.id)
        if (!call) continue
        clearTimeout(call.timer)
        call.sent = true
        socket.send(entry.text)
      }
      queue = []
    })
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data)
      if (message.type === 'result') {
        const call = pending.get(message.id)
        if (!call) return
        pending.delete(message.id)
        call.resolve(message.result)
      } else if (message.type === 'event') {
        for (const listener of listeners.get(message.event) ?? []) listener(message.payload)
      }
    })
    socket.addEventListener('close', () => {
      // Calls in flight when the host went away cannot be known to have run: report, don't guess.
      for (const [id, call] of pending) {
        if (!call.sent) continue
        pending.delete(id)
        call.resolve({
          ok: false,
          error: {
            code: 'INTERNAL',
            message:
              'Lost the connection to the register while it was working. Check Orders before trying again.',
          },
        })
      }
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 5000)
    })
  }

  function send(message) {
    const text = JSON.stringify(message)
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(text)
      return true
    }
    queue.push({ id: message.id, text })
    return false
  }

  const pos = Object.freeze({
    invoke(channel, input) {
      return new Promise((resolve) => {
        const id = nextId++
        const call = { resolve, sent: false, timer: null }
        pending.set(id, call)
        call.sent = send({ type: 'invoke', id, channel, input })
        if (!call.sent) {
          call.timer = setTimeout(() => {
            pending.delete(id)
            queue = queue.filter((entry) => entry.id !== id)
            resolve({
              ok: false,
              error: {
                code: 'INTERNAL',
                message:
                  'The register is not answering. Nothing was sent; check that it is running and try again.',
              },
            })
          }, unsentTimeoutMs)
        }
      })
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  })
  Object.defineProperty(window, 'pos', { value: pos, writable: false, configurable: false })
  connect()
})()
