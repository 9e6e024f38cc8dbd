// window.pos for the web host: the same invoke/on surface the Electron preload exposes, carried
// over a WebSocket to the register core. Served as-is by the web host before the renderer loads.
;(() => {
  const pending = new Map()
  const listeners = new Map()
  let nextId = 1
  let socket = null
  let queue = []
  let retryMs = 250

  function connect() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/pos-bridge`
    socket = new WebSocket(url)
    socket.addEventListener('open', () => {
      retryMs = 250
      for (const message of queue) socket.send(message)
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
        call.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Lost the connection to the register while it was working. Check Orders before trying again.' } })
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
    queue.push(text)
    return false
  }

  const pos = Object.freeze({
    invoke(channel, input) {
      return new Promise((resolve) => {
        const id = nextId++
        const call = { resolve, sent: false }
        pending.set(id, call)
        call.sent = send({ type: 'invoke', id, channel, input })
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
